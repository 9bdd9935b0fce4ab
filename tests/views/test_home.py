import re

import pytest

from documents.models import Document
from meetings.models import Meeting, Resolution
from tests.views.pages import assert_well_formed, queries_for

pytestmark = pytest.mark.django_db


def test_it_shows_recent_papers_meetings_and_decisions(client):
    response = client.get("/")
    page = assert_well_formed(response, "Meetings, agendas, reports and decisions")
    body = response.content.decode()
    newest = Resolution.objects.public().newest_first().first()
    assert newest.item.get_absolute_url() in page.links
    assert Document.objects.public().latest("created").get_absolute_url() in page.links
    assert Meeting.objects.published().past().first().get_absolute_url() in page.links
    assert 'action="/search/"' in body and 'name="q"' in body


def test_it_lists_an_upcoming_meeting(client):
    meeting = Meeting.objects.get(committee__slug="cabinet", date="2017-10-04")
    meeting.date = meeting.date.replace(year=2099)
    meeting.save()
    response = client.get("/")
    assert "Wednesday 4 October 2099" not in response.content.decode()  # 2099-10-04 is a Sunday
    assert re.search(
        r'4 October 2099</time></a>\s*<span class="meta">Sunday', response.content.decode()
    )


def test_it_never_lists_an_unpublished_meeting(client):
    meeting = Meeting.objects.get(committee__slug="cabinet", date="2017-10-04")
    meeting.is_published = False
    meeting.save()
    body = client.get("/").content.decode()
    assert meeting.get_absolute_url() not in body
    assert "Fostering Modernisation Plan" not in body


def test_it_uses_a_fixed_number_of_queries(client):
    before = queries_for(client, "/")
    for meeting in Meeting.objects.all():  # every meeting now upcoming: more rows, same queries
        meeting.date = meeting.date.replace(year=meeting.date.year + 100)
        meeting.save()
    assert queries_for(client, "/") == before <= 6


def test_links_to_meetings_read_differently_for_each_meeting(client):
    """Three links reading just "Cabinet" could not be told apart: each says its date."""
    body = client.get("/").content.decode()
    texts = {}
    for href, text in re.findall(r'<a href="(/meetings/[^/"]+/[^/"]+/)">(.*?)</a>', body, re.S):
        texts.setdefault(re.sub(r"<[^>]+>", "", text).strip(), set()).add(href)
    assert texts and all(len(hrefs) == 1 for hrefs in texts.values()), texts
