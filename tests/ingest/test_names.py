"""Splitting printed name lists into bare names."""

from documents.ingest.names import chair_in, split_names, strip_honorifics


def test_honorifics_and_us_titles_are_dropped():
    assert strip_honorifics("Cllr Andrew Parry") == "Andrew Parry"
    assert strip_honorifics("Councillor Hodivala") == "Hodivala"
    assert strip_honorifics("Vice Chair Yuen") == "Yuen"
    assert strip_honorifics("Board Members Cisneros") == "Cisneros"


def test_list_split_on_commas_and_and_with_roles_in_brackets_removed():
    text = "Rebecca Knox (Chairman)\nTony Ferrari (Vice-Chairman), Steve Butler and \nAndrew Parry."
    assert split_names(text) == ["Rebecca Knox", "Tony Ferrari", "Steve Butler", "Andrew Parry"]
    assert chair_in(text) == "Rebecca Knox"


def test_roles_after_commas_dashes_and_postnominals_are_not_people():
    assert split_names("Mr R C Love, OBE, Mr D Murphy") == ["R C Love", "D Murphy"]
    assert split_names("Sue Chandler, Cabinet Member for Integrated Services.") == ["Sue Chandler"]
    assert split_names("Olive Smith – Town Clerk, Becki Jones - Assistant Town Clerk.") == [
        "Olive Smith",
        "Becki Jones",
    ]
    text = "David Harris, County Councillor for Westham; Martin Oldroyd, County Councillor for X"
    assert split_names(text) == ["David Harris", "Martin Oldroyd"]


def test_semicolons_tabs_and_one_name_per_line():
    assert split_names("A Smith; B Jones\tC Brown") == ["A Smith", "B Jones", "C Brown"]
    assert split_names("Cllr Ann Smith\nCllr Bob Jones\nCllr Cy Brown") == [
        "Ann Smith",
        "Bob Jones",
        "Cy Brown",
    ]


def test_entry_wrapped_over_two_lines_is_one_name():
    text = "Cllrs R Lester (Chairman), D Bonner, P Rochford and J\nRaymond"
    assert split_names(text) == ["R Lester", "D Bonner", "P Rochford", "J Raymond"]


def test_non_people_are_skipped():
    text = "1 elector (part of the meeting) and the clerk, Mr G Irwin, and 10 members of the public"
    assert split_names(text) == ["G Irwin"]
    assert split_names("None.") == []


def test_us_chair_prefix():
    assert chair_in("Chair Soules, and Commissioners Johnson, Weitze") == "Soules"
