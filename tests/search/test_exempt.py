"""Exempt, withheld, unpublished and superseded content never comes back from search.

Each secret is a unique marker word; the public control beside it must be found, so the
tests cannot pass on an empty index.
"""

from __future__ import annotations

import pytest

from meetings.models import Report, Resolution
from tests import factories

SECRETS = {
    "exempt item title": "markerexempttitle",
    "exempt narrative": "markerexemptnarrative",
    "exempt recommendation": "markerexemptrecommendation",
    "exempt resolution": "markerexemptresolution",
    "child of exempt": "markerchildofexempt",
    "withheld page": "markerwithheldpage",
    "unpublished paper": "markerunpublishedpaper",
    "superseded paper": "markersupersededpaper",
    "wholly exempt paper": "markerwhollyexemptpaper",
    "unpublished meeting item": "markerunpublisheditem",
    "unpublished meeting page": "markerunpublishedpage",
}
PUBLIC = "markerpublicfostering"


def build_world():
    meeting = factories.meeting()
    public = factories.item(meeting, title=f"Fostering plan {PUBLIC}", narrative=PUBLIC)
    Resolution.objects.create(item=public, text=f"That the {PUBLIC} plan be approved.")
    exempt = factories.item(
        meeting,
        title=f"Residential homes {SECRETS['exempt item title']}",
        narrative=SECRETS["exempt narrative"],
        exempt=True,
        exempt_paragraph=3,
        minute_withheld=True,  # the council kept it out of its public minutes
    )
    Report.objects.create(item=exempt, recommendation=SECRETS["exempt recommendation"])
    Resolution.objects.create(item=exempt, text=SECRETS["exempt resolution"])
    factories.item(meeting, title=SECRETS["child of exempt"], parent=exempt)
    pack = factories.document(
        meeting, pages=[f"Public page {PUBLIC}", f"Exempt report {SECRETS['withheld page']}"]
    )
    factories.page_range(exempt, pack, 2, 2)
    factories.document(
        meeting, pages=[SECRETS["unpublished paper"]], kind="supplement", is_published=False
    )
    newer = factories.document(meeting, pages=[f"Newer {PUBLIC}"], kind="minutes")
    factories.document(
        meeting, pages=[SECRETS["superseded paper"]], kind="minutes", superseded_by=newer
    )
    factories.document(
        meeting, pages=[SECRETS["wholly exempt paper"]], kind="report", is_exempt=True
    )
    draft = factories.meeting(committee_name="Planning Committee", is_published=False)
    factories.item(draft, title=SECRETS["unpublished meeting item"])
    factories.document(draft, pages=[SECRETS["unpublished meeting page"]])
    return meeting, exempt


@pytest.mark.django_db
def test_it_finds_the_public_control_on_items_pages_and_resolutions(api):
    build_world()

    body = api.get("/api/search", {"q": PUBLIC, "page_size": 100}).json()

    assert {r["type"] for r in body["results"]} == {"item", "page", "resolution"}


@pytest.mark.django_db
@pytest.mark.parametrize("what", sorted(SECRETS))
def test_it_never_returns_secrets_from_the_api_or_the_page(api, client, what):
    build_world()
    marker = SECRETS[what]

    body = api.get("/api/search", {"q": marker}).json()
    page = client.get("/search/", {"q": marker}).content.decode()

    assert body["count"] == 0 and body["results"] == []
    assert "Nothing matched" in page and '<li class="search-result' not in page


@pytest.mark.django_db
def test_it_leaves_secrets_out_of_snippets_of_a_public_match(api):
    build_world()

    body = api.get("/api/search", {"q": f"{PUBLIC} or fostering", "page_size": 100}).content

    for marker in SECRETS.values():
        assert marker.encode() not in body


@pytest.mark.django_db
def test_it_hides_an_item_as_soon_as_staff_mark_it_exempt_without_reindexing(api):
    meeting, _ = build_world()
    item = meeting.items.get(title__contains=PUBLIC)

    item.exempt, item.exempt_paragraph = True, 3
    item.save()
    body = api.get("/api/search", {"q": PUBLIC, "type": ["item", "resolution"]}).json()
    # The item's report is withheld now; the resolution printed in its minutes is not.
    assert [r["type"] for r in body["results"]] == ["resolution"]

    item.minute_withheld = True
    item.save()
    body = api.get("/api/search", {"q": PUBLIC, "type": ["item", "resolution"]}).json()

    assert body["results"] == []


@pytest.mark.django_db
def test_it_shows_a_paper_once_it_is_published(api):
    build_world()
    assert api.get("/api/search", {"q": SECRETS["unpublished paper"]}).json()["count"] == 0

    from documents.models import Document

    Document.objects.filter(is_published=False).update(is_published=True)
    body = api.get("/api/search", {"q": SECRETS["unpublished paper"]}).json()

    assert body["count"] == 1
