"""/feeds/: RSS, Atom and iCalendar feeds, site-wide and per committee."""

from __future__ import annotations

from django.urls import path

from decisions.feeds import ForwardPlanFeed, RegisterFeed
from meetings import ical
from meetings.feeds import NewPapersFeed, UpcomingMeetingsFeed, atom

FEEDS = {
    "meetings": UpcomingMeetingsFeed,
    "papers": NewPapersFeed,
    "decisions": RegisterFeed,
    "forward-plan": ForwardPlanFeed,
}

urlpatterns = [
    path("meetings.ics", ical.all_meetings_ics, name="meetings-ical"),
    path("meetings/<int:pk>.ics", ical.meeting_ics, name="meeting-ical"),
    path(
        "committees/<slug:committee>/meetings.ics",
        ical.committee_meetings_ics,
        name="committee-meetings-ical",
    ),
]
for name, feed in FEEDS.items():
    urlpatterns += [
        path(f"{name}.rss", feed(), name=f"{name}-rss"),
        path(f"{name}.atom", atom(feed)(), name=f"{name}-atom"),
        path(f"committees/<slug:committee>/{name}.rss", feed(), name=f"committee-{name}-rss"),
        path(
            f"committees/<slug:committee>/{name}.atom",
            atom(feed)(),
            name=f"committee-{name}-atom",
        ),
    ]
