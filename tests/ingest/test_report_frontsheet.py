"""Report front sheets in different councils' label layouts."""

from documents.ingest.report_frontsheet import parse_report_frontsheet

DORSET_STYLE = """People and Health Overview Committee
2 September 2021
Development of Family Hubs
For Review and Consultation
Portfolio Holder: Cllr A Parry, Children, Education, Skills and Early Help
Local Councillor(s): All
Executive Director: T Leavy, Executive Director of People - Children
Report Author: Claire Shiels
Title: Corporate Director - Commissioning, Quality and
Partnerships
Tel: 01305 224682
Report Status: Public
Recommendation: Members are invited to comment on the Family Hub service delivery
model.
Reason for Recommendation: The evidence base is strong.
1. Executive Summary
1.1 The Government has committed to championing Family Hubs.
"""

CABINET_MEMBER_STYLE = """Report to: Cabinet
Date: 14 June 2023
Subject: Library Opening Hours
Cabinet Member: Councillor Jane Doe, Cabinet Member for Culture
Wards affected: Northgate; Southgate
Lead Officer: Director of Communities
Contact Officer: Sam Smith, Libraries Manager
Report Status: NOT FOR PUBLICATION
Paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972 applies.
Recommendation(s):
(1) That the revised opening hours be approved.
Reasons for recommendations:
To balance the budget.
1. Background
"""


def test_dorset_style_front_sheet():
    report = parse_report_frontsheet(DORSET_STYLE)
    assert report is not None
    assert report.title == "Development of Family Hubs"
    assert report.decision_type == "For Review and Consultation"
    assert report.portfolio_holder.startswith("Cllr A Parry")
    assert report.local_councillors == "All"
    assert report.report_author == "Claire Shiels"
    assert report.author_title.endswith("Quality and Partnerships")
    assert report.report_status == "Public"
    assert report.recommendation.startswith("Members are invited")
    assert report.reason_for_recommendation == "The evidence base is strong."
    assert not report.exempt


def test_other_labels_and_exempt_report():
    report = parse_report_frontsheet(CABINET_MEMBER_STYLE)
    assert report is not None
    assert report.title == "Library Opening Hours"
    assert report.portfolio_holder.startswith("Councillor Jane Doe")
    assert report.local_councillors == "Northgate; Southgate"
    assert report.executive_director == "Director of Communities"
    assert (report.report_author, report.author_title) == ("Sam Smith", "Libraries Manager")
    assert report.recommendation.startswith("(1) That the revised opening hours")
    assert report.reason_for_recommendation == "To balance the budget."
    assert report.exempt and report.exempt_paragraph == 3


def test_plain_page_is_not_a_front_sheet():
    assert parse_report_frontsheet("Work Programme\nTitle Description Date\nItem one") is None


def test_unnumbered_recommendation_headings_and_a_report_sponsor():
    text = (
        "Report to: Cabinet\nDate: 9 March 2023\nTitle: Library opening hours\n"
        "Report sponsor: Executive Director of Communities\n"
        "Contact officer: Tom Brown, Libraries Manager\nRecommendations\n"
        "That Cabinet approves the new opening hours set out in Appendix A.\n"
        "Reasons for recommendations\nTo keep libraries open within the budget.\n"
        "Purpose of report\nThis report sets out the hours.\n"
    )
    report = parse_report_frontsheet(text)
    assert report.executive_director == "Executive Director of Communities"
    assert report.author_title == "Libraries Manager"
    assert report.recommendation == (
        "That Cabinet approves the new opening hours set out in Appendix A."
    )
    assert report.reason_for_recommendation == "To keep libraries open within the budget."
