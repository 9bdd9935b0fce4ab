"""The invented Eastmere District Council's archive (portal/demo/eastmere.py): the same bytes
every time, and the papers of a living council (tests/views/ reads it in and checks pages)."""

from __future__ import annotations

import hashlib
from io import StringIO

from django.core.management import call_command

from documents.ingest.detect import detect_kind
from documents.ingest.pdf import raw_page_texts, read_pdf
from portal.demo import eastmere


def digests(folder):
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*.pdf"))
    }


def test_the_archive_is_the_same_bytes_every_time(tmp_path):
    first = eastmere.build(tmp_path / "a")
    out = StringIO()
    call_command("eastmere_archive", str(tmp_path / "b"), stdout=out)
    assert f"{len(first)} papers written" in out.getvalue()
    assert digests(tmp_path / "a") == digests(tmp_path / "b")
    assert len(set(digests(tmp_path / "a").values())) == len(first), "no two papers alike"


def test_it_is_a_council_of_several_committees_over_two_years(tmp_path):
    papers = eastmere.build(tmp_path)
    committees = {p.parent.parent.name for p in papers}
    assert committees == {
        "cabinet",
        "council",
        "planning-committee",
        "overview-and-scrutiny-committee",
    }
    dates = sorted(p.parent.name for p in papers)
    assert dates[0] < "2025-06-01" and dates[-1] > "2027-01-01"
    kinds = {}
    for paper in papers:
        extracted = read_pdf(paper)
        kinds.setdefault(detect_kind(extracted.pages, extracted.title), []).append(paper)
    assert len(kinds["agenda-pack"]) == sum(len(d) for d in eastmere.SCHEDULE.values())
    assert len(kinds["minutes"]) >= 20 and len(kinds["supplement"]) == 1
    [scan] = kinds["other"]  # the signed minutes, scanned: no text layer at all
    assert scan.name.endswith("signed-minutes-scan.pdf")
    assert not "".join(raw_page_texts(scan)).strip()


def test_its_papers_have_front_sheets_attendance_resolutions_and_exempt_items(tmp_path):
    folder = tmp_path / "cabinet" / "2026-02-04"
    eastmere.build(tmp_path)
    pack = "\n".join(raw_page_texts(folder / "cabinet-2026-02-04-agenda-pack.pdf"))
    assert "Report Author:" in pack and "Agenda Item 5" in pack and "Page 10" in pack
    assert "NOT FOR PUBLICATION" in pack and "paragraph 3 of" in pack
    minutes = "\n".join(raw_page_texts(folder / "cabinet-2026-02-04-minutes.pdf"))
    assert "Present:" in minutes and "Apologies for absence were received" in minutes
    assert "Resolved" in minutes and "Sale of Land at the Former Mill Lane Depot" in minutes
