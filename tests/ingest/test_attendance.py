"""Attendance read from labelled lists, roll-call tables and the apologies minute."""

from documents.ingest.attendance import apologies_in, parse_attendance, substitutes_in


def test_uk_labelled_lists():
    header = [
        "PRESENT: Mr R W Gough (Chairman), Mr N Baker, Mrs S Chandler and",
        "Mr R J Thomas",
        "IN ATTENDANCE: Dr A Ghosh (Director of Public Health), Mrs S Hammond",
        "(Corporate Director Children), Cllr P Hill",
        "ALSO PRESENT: Sue Chandler, Cabinet Member for Children.",
        "Apologies: Cllr Ann Other and Mr B Away",
    ]
    att = parse_attendance(header, [], "")
    assert att.present == ["R W Gough", "N Baker", "S Chandler", "R J Thomas"]
    assert att.chair == "R W Gough"
    assert att.officers == ["A Ghosh", "S Hammond"]
    assert att.other_members == ["P Hill", "Sue Chandler"]
    assert att.apologies == ["Ann Other", "B Away"]


def test_apologies_and_substitute_sentences():
    text = (
        "Apologies for absence were received from Cllrs Hilary Cox and Peter Wharf. Cllr Andrew\n"
        "Parry attended the meeting for Cllr Hilary Cox."
    )
    assert apologies_in(text) == ["Hilary Cox", "Peter Wharf"]
    subs = substitutes_in(text)
    assert [(s.name, s.substitute_for) for s in subs] == [("Andrew Parry", "Hilary Cox")]


def test_other_substitute_wordings():
    def pairs(text):
        return [(s.name, s.substitute_for) for s in substitutes_in(text)]

    assert pairs("Mr X Ray (substitute for Mr Y Zed)") == [("X Ray", "Y Zed")]
    assert pairs("Cllr Wood attended as a substitute for Cllr Ellis.") == [("Wood", "Ellis")]
    assert pairs("Nancy Sayer who was substituted by Roxanne Hills.") == [
        ("Roxanne Hills", "Nancy Sayer")
    ]
    text = (
        "the Clerk advised that Cllr Wood would be substituting, with voting rights, for Cllr Ellis"
    )
    assert pairs(text) == [("Wood", "Ellis")]


def test_bare_list_under_apologies_heading_and_none():
    assert apologies_in("Cllrs Ives, Ward and Ellis.\nCommittee resolved to note.") == [
        "Ives",
        "Ward",
        "Ellis",
    ]
    assert apologies_in("None.") == []
    text = "Apologies were received from Ann Bee, Cy Dee and Nancy\nSayer who was substituted by X"
    assert apologies_in(text) == ["Ann Bee", "Cy Dee", "Nancy Sayer"]


def test_us_roll_call_forms():
    extra = [
        "ROLL CALL – Present: Councilmembers Daysog, deHaan, Gilmore,",
        "Matarrese and Mayor Johnson – 5.",
        "Absent: None.",
        "Staff present: Jane Doe, City Clerk",
    ]
    att = parse_attendance([], extra, "")
    assert att.present == ["Daysog", "deHaan", "Gilmore", "Matarrese", "Johnson"]
    assert att.apologies == []
    assert att.officers == ["Jane Doe"]
    table = [
        "Attendee Name Title Status Arrived",
        "Andrei Garcia Commissioner Late 7:08 p.m.",
        "Robert Fisk Commissioner Present",
        "Uriel Hernandez Commissioner Absent",
    ]
    att = parse_attendance([], table, "")
    assert att.present == ["Andrei Garcia", "Robert Fisk"]
    assert att.apologies == ["Uriel Hernandez"]


def test_a_roll_call_one_member_a_line_with_the_title_first():
    header = ["ROLL CALL"]
    extra = [
        "Commissioner Adams - Present",
        "Commissioner Clark - Absent",
        "Chair Dunn: PRESENT",
        "Vice Mayor Kim Excused",
    ]
    att = parse_attendance(header, extra, "")
    assert att.present == ["Adams", "Dunn"]
    assert att.apologies == ["Clark", "Kim"]


def test_members_present_were():
    att = parse_attendance(
        ["Members present were: Adams, Baker, Clark", "Members absent were: Davis"], [], ""
    )
    assert att.present == ["Adams", "Baker", "Clark"]
    assert att.apologies == ["Davis"]
