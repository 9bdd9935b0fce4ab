"""Public pages for committees, meetings, agenda items, decisions and people.

Views stay thin: what is public is decided by the querysets (``published()``, ``public()``).
"""

from meetings.views.committees import committee_detail, committee_list
from meetings.views.items import item_detail
from meetings.views.meetings import meeting_calendar, meeting_detail, meeting_list
from meetings.views.people import person_detail, person_list

__all__ = [
    "committee_detail",
    "committee_list",
    "item_detail",
    "meeting_calendar",
    "meeting_detail",
    "meeting_list",
    "person_detail",
    "person_list",
]
