"""Attendance printed in wordings beyond "Present:" and "Apologies:" labels: "Attendees:",
"The following members were present:" and apologies stated as a sentence in the head."""

import pytest

from documents.ingest.minutes import parse_minutes
from documents.ingest.parsed import PageContent

HEAD = (
    "EXAMPLE TOWN COUNCIL\nMinutes of the meeting of the Finance Committee held on Tuesday "
    "3 March 2026 at 7.00 pm in the Council Chamber\n"
)
BODY = (
    "1. Apologies for absence\nAs listed above.\n2. Budget monitoring\n"
    "The committee considered the report.\nRESOLVED that the report be noted.\n"
)
WORDINGS = {
    "attendees": "Attendees: Cllr A Smith (Chair), Cllr B Jones, Cllr C Brown, Cllr D Green\n"
    "Absent: Cllr E White\n",
    "following members were present": "The following members were present: Councillors "
    "A Smith (Chair), B Jones, C Brown and D Green.\n"
    "Apologies were received from Councillor E White.\n",
    "apologies sentence after a present list": "Members Present: Cllr A Smith (Chair), "
    "Cllr B Jones, Cllr C Brown, Cllr D Green\n"
    "Apologies for absence were received from Cllr E White\n",
}


@pytest.mark.parametrize("wording", WORDINGS)
def test_present_and_apologies_in_each_wording(wording):
    _, attendance = parse_minutes([PageContent(number=1, raw_text=HEAD + WORDINGS[wording] + BODY)])
    assert attendance.chair == "A Smith"
    assert attendance.present == ["A Smith", "B Jones", "C Brown", "D Green"]
    assert attendance.apologies == ["E White"]


def test_a_sentence_in_the_head_that_is_not_about_apologies_adds_nobody():
    text = (
        HEAD + "Present: Cllr A Smith (Chair), Cllr B Jones\n"
        "Apologies: none\nThe meeting was recorded by Mr F Black.\n" + BODY
    )
    _, attendance = parse_minutes([PageContent(number=1, raw_text=text)])
    assert attendance.present == ["A Smith", "B Jones"]
    assert attendance.apologies == []
