"""One person per councillor across every shared real paper of a council that names people.

Kent's minutes print "Mr R W Gough" in the attendance and "Mr Gough" in a recorded vote, the
apologies "Mr Mike Sole" and a later declaration "Mr Sole"; they also print two Meades (Mr J
and Ms J) and two Coles (Mrs P T and Mr P), who must stay two people each. Hertingfordbury's
print "District Councillor Haysey" and "Cllr L Haysey", and once run two names together.
"""

from __future__ import annotations

from itertools import combinations

import pytest

from documents.importer import Importer, IngestOptions
from meetings.models import Attendance, Person
from meetings.person_matching import compatible
from tests.shared_papers import SHARED, shared_path

pytestmark = pytest.mark.django_db


def kent_papers():
    """Every shared real Kent paper that names people (minutes: attendance, votes, interests)."""
    papers = sorted(shared_path("real-papers").glob("uk_kent_*minutes*.pdf"))
    papers += sorted(shared_path("real-meetings", "kent").rglob("*inutes*.pdf"))
    return papers


def ingest(paths):
    for result in Importer(IngestOptions(isolate=False)).ingest(paths):
        assert result.status != "failed", result


def test_kent_councillors_are_one_record_each_across_every_paper():
    papers = kent_papers()
    assert len(papers) >= 7
    ingest(papers)
    people = list(Person.objects.all())
    assert len(people) >= 100
    # No two records the rule would let be one person: nobody is split.
    for a, b in combinations(people, 2):
        assert not (a.surname == b.surname and compatible(a.parts, b.parts)), (a.name, b.name)
    gough = Person.objects.get(surname="gough")
    assert gough.attendance.count() >= 3  # Cabinet twice and Council
    assert Person.objects.filter(surname="meade").count() == 2
    assert {p.gender for p in Person.objects.filter(surname="meade")} == {"m", "f"}
    assert Person.objects.filter(surname="cole").count() == 2
    assert Person.objects.filter(surname="bond").count() == 1


def test_a_parish_councillor_is_one_record_and_run_together_names_are_two():
    folder = SHARED / "real-papers"
    dates = ("2008-01-09", "2019-09-11")
    ingest([folder / f"uk_hertingfordbury-pc_{d}_minutes.pdf" for d in dates])
    haysey = Person.objects.get(surname="haysey")
    assert haysey.given == "l"
    assert Attendance.objects.filter(person=haysey).values("meeting").distinct().count() == 2
    assert Person.objects.filter(name__in=["Magda Atkins", "Lizzer Bradbury"]).count() == 2
    assert not Person.objects.filter(name__contains="Atkins Lizzer").exists()
