"""The rule that says which person a printed name means (meetings/person_matching.py)."""

from meetings.person_matching import Known, choose, compatible, merged, parse_name, sort_key


def known(*names, council=""):
    return [Known(name, parse_name(name), council) for name in names]


def test_a_name_is_read_as_honorific_initials_and_surname():
    parts = parse_name("Cllr Mr R.W. Gough (Leader)")
    assert (parts.gender, parts.given, parts.surname) == ("m", ("r", "w"), "gough")
    assert parse_name("Sir Paul Carter, CBE").surname == "carter"
    assert parse_name("Mrs Trudy Dean, MBE").given == ("trudy",)
    assert parse_name("The Chairman") is None


def test_every_spelling_of_one_councillor_means_them():
    people = known("R W Gough")
    for printed in ("Mr Gough", "Cllr R Gough", "Mr Roger Gough", "Roger W. Gough", "GOUGH"):
        assert choose(parse_name(printed), people).key == "R W Gough", printed


def test_a_surname_alone_and_a_fuller_name_are_one_person_in_either_order():
    assert choose(parse_name("Cllr L Haysey"), known("District Councillor Haysey")) is not None
    assert choose(parse_name("District Councillor Haysey"), known("Cllr L Haysey")) is not None
    fuller = merged(parse_name("Haysey"), parse_name("Cllr Linda Haysey"))
    assert fuller.given == ("linda",)


def test_what_is_printed_tells_people_of_one_surname_apart():
    assert not compatible(parse_name("Mr J Meade"), parse_name("Ms J Meade"))
    assert not compatible(parse_name("Mrs P T Cole"), parse_name("Mr P Cole"))
    assert not compatible(parse_name("A R Hills"), parse_name("Roxanne Hills"))
    assert not compatible(parse_name("Roger Morris"), parse_name("Richard Morris"))
    assert compatible(parse_name("Rich Lehmann"), parse_name("Richard Lehmann"))
    assert not compatible(parse_name("R W Gough"), parse_name("R J Gough"))
    coles = known("Mrs P T Cole", "Mr P Cole")
    assert choose(parse_name("Mr Cole"), coles).key == "Mr P Cole"
    assert choose(parse_name("Mrs Cole"), coles).key == "Mrs P T Cole"


def test_an_ambiguous_name_links_no_one_where_the_link_is_optional():
    meades = known("Ms J Meade", "Mr J Meade")
    assert choose(parse_name("Meade"), meades, strict=True) is None
    assert choose(parse_name("Meade"), meades) is not None  # attendance: the earliest known


def test_people_of_another_council_are_other_people():
    kent = known("Mr Baker", council="Kent County Council")
    assert choose(parse_name("Cllr Baker"), kent, "Hertingfordbury Parish Council") is None
    assert choose(parse_name("Cllr Baker"), kent, "KENT COUNTY COUNCIL") is not None
    assert choose(parse_name("Cllr Baker"), kent, "") is not None


def test_people_sort_by_surname():
    names = ["Zoe Adams", "A Zeal", "Mr B Brown", "Ann Brown"]
    assert sorted(names, key=sort_key) == ["Zoe Adams", "Ann Brown", "Mr B Brown", "A Zeal"]
