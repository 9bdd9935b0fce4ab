"""Front-sheet labels as other councils' report templates word them."""

import pytest

from documents.ingest.agenda import parse_agenda
from documents.ingest.parsed import PageContent

SHEET = """Example City Council
Report to: Cabinet
Date of meeting: 4 March 2026
Title: Parking charges review
{member}: Councillor Jane Doe
{director}: John Roe
{author}: Sam Poe, Parking Manager
{wards}: All
Recommendations:
That Cabinet approves the revised parking charges set out in Appendix A.
1. Purpose of report
1.1 This report sets out the review of parking charges.
"""
WORDINGS = [
    ("Lead Cabinet Member", "Responsible Director", "Report prepared by", "Wards and divisions"),
    ("Cabinet Lead", "Service Director", "Prepared by", "Electoral wards affected"),
    ("Member sponsor", "Chief Officer", "Report writer", "Wards/divisions affected"),
]


@pytest.mark.parametrize("member,director,author,wards", WORDINGS)
def test_front_sheet_fields_under_other_labels(member, director, author, wards):
    text = SHEET.format(member=member, director=director, author=author, wards=wards)
    [item] = parse_agenda([PageContent(number=1, raw_text=text)], "report")
    report = item.report
    assert report.title == "Parking charges review"
    assert report.portfolio_holder == "Councillor Jane Doe"
    assert report.executive_director == "John Roe"
    assert report.report_author == "Sam Poe"
    assert report.author_title == "Parking Manager"
    assert report.local_councillors == "All"
    assert report.recommendation.startswith("That Cabinet approves the revised parking charges")
