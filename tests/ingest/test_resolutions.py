"""Resolutions and reasons read from a minute's lines."""

from documents.ingest.minute_items import Line
from documents.ingest.resolutions import extract_decisions


def _lines(text: str) -> list[Line]:
    return [Line(1, t) for t in text.strip().splitlines()]


def test_numbered_resolutions_and_reasons():
    body = _lines(
        """
The Cabinet considered a report.
Resolved
1. That the plan be approved.
2. That the investment of £363k in 2018/19 and £1,324k on an
ongoing basis be approved.
Reasons for Decisions
To improve the service.
"""
    )
    out = extract_decisions(body)
    assert [(r.number, r.text) for r in out.resolutions] == [
        ("1", "That the plan be approved."),
        (
            "2",
            "That the investment of £363k in 2018/19 and £1,324k on an ongoing basis be approved.",
        ),
    ]
    assert out.reasons == "To improve the service."
    assert [ln.text for ln in out.narrative] == ["The Cabinet considered a report."]


def test_single_unnumbered_resolution():
    out = extract_decisions(_lines("RESOLVED that the minutes be signed by the Chair.\nMore text."))
    assert [(r.number, r.text) for r in out.resolutions] == [
        ("", "that the minutes be signed by the Chair.")
    ]


def test_paragraph_numbered_minute_with_lettered_resolution_list():
    body = _lines(
        """
1. Mr Oakford introduced the report.
2. RESOLVED that Cabinet agree to:
(a) Adopt the plan on behalf of Kent
County Council
(b) Delegate authority to the Director.
"""
    )
    out = extract_decisions(body)
    assert [(r.number, r.text) for r in out.resolutions] == [
        ("(a)", "Adopt the plan on behalf of Kent County Council"),
        ("(b)", "Delegate authority to the Director."),
    ]


def test_inline_numbers_and_bullets():
    out = extract_decisions(_lines("RESOLVED: (1) to note the report; (2) to approve the plan."))
    assert [r.number for r in out.resolutions] == ["(1)", "(2)"]
    out = extract_decisions(
        _lines("RESOLVED that Council:\n• Agrees the terms; and\n• Delegates it.")
    )
    assert [(r.number, r.text[:6]) for r in out.resolutions] == [("", "Agrees"), ("", "Delega")]


def test_resolved_mid_sentence_in_parish_style():
    body = _lines("The clerk found a provider. It was resolved to proceed with them.\nOther news.")
    out = extract_decisions(body)
    assert [r.text for r in out.resolutions] == ["to proceed with them."]
    assert out.narrative[0].text == "The clerk found a provider."


def test_committee_resolved_and_lowercase_wrapped_word_is_not_a_resolution():
    out = extract_decisions(_lines("Committee resolved to note the apologies."))
    assert [r.text for r in out.resolutions] == ["to note the apologies."]
    out = extract_decisions(_lines("The issue had been\nresolved by officers."))
    assert out.resolutions == []


def test_us_motions_are_not_resolutions_but_adopted_resolution_numbers_are():
    out = extract_decisions(_lines("RESULT: APPROVED [UNANIMOUS]\nMOTION BY: Garcia"))
    assert out.resolutions == []
    title = "Resolution No. 13808, “Approving Parcel Map No. 8401.” Adopted."
    out = extract_decisions([], title)
    assert [(r.number, r.text) for r in out.resolutions] == [
        ("13808", "Approving Parcel Map No. 8401.")
    ]
