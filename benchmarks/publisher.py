"""Staff at work during the load: a correction and a publish or unpublish every few seconds,
and after each commits, the pages it changed fetched at once as a visitor would.

One item of the mix is retitled (a new marker word each time) and one meeting, kept out of
the mix, is unpublished and published again in turn, through the staff side's own functions
(staff/publishing.py). After each commit: the item's page, its meeting's page, the item in
the API and an API search for the marker must show the new title; the meeting's page must
answer 200 when published and 404 when not, and the sitemap list it or not. Any other
answer is counted stale.
"""

from __future__ import annotations

import http.client
import threading
from dataclasses import dataclass, field


def fetch(port: int, path: str) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read().decode(errors="replace")
    finally:
        connection.close()


@dataclass(eq=False)  # a thread must stay hashable
class Publisher(threading.Thread):
    port: int
    item_pk: int
    meeting_pk: int
    interval: float = 3.0
    changes: int = 0
    checks: int = 0
    stale: list[str] = field(default_factory=list)

    def __post_init__(self):
        threading.Thread.__init__(self, daemon=True)
        self.finished = threading.Event()

    def stop(self) -> None:
        self.finished.set()
        self.join(timeout=120)

    def run(self) -> None:
        from django.contrib.auth.models import User
        from django.db import connections

        from meetings.models import AgendaItem, Meeting
        from staff.publishing import publish_meeting, unpublish_meeting

        officer = User.objects.get_or_create(username="bench-officer", is_staff=True)[0]
        item = AgendaItem.objects.select_related("meeting__committee").get(pk=self.item_pk)
        meeting = Meeting.objects.select_related("committee").get(pk=self.meeting_pk)
        published = meeting.is_published
        for path in (
            item.get_absolute_url(),
            item.meeting.get_absolute_url(),
            f"/api/items/{item.pk}/",
        ):
            fetch(self.port, path)  # in the cache before the first change
        try:
            while not self.finished.wait(self.interval):
                self.changes += 1
                marker = f"zqbench{self.changes}x"
                item.title = f"Library opening hours (correction {marker})"
                item.save()
                self._expect(item.get_absolute_url(), 200, item.title)
                self._expect(item.meeting.get_absolute_url(), 200, item.title)
                self._expect(f"/api/items/{item.pk}/", 200, marker)
                self._expect(f"/api/search?q={marker}", 200, f"(correction {marker})")
                (unpublish_meeting if published else publish_meeting)(meeting, officer)
                published = not published
                self.changes += 1
                url = meeting.get_absolute_url()
                self._expect(url, 200 if published else 404)
                sitemap = fetch(self.port, "/sitemap.xml")[1]
                self.checks += 1
                if (url in sitemap) != published:
                    self.stale.append(f"sitemap: {url} {'missing' if published else 'listed'}")
        finally:
            if not published:
                publish_meeting(meeting, officer)
            connections.close_all()

    def _expect(self, path: str, status: int, *texts: str) -> None:
        got, body = fetch(self.port, path)
        self.checks += 1
        missing = [text for text in texts if text not in body]
        if got != status or (status == 200 and missing):
            self.stale.append(f"{path}: {got}, expected {status} with {missing}")
