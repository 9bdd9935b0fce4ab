"""A report is read as one report: its label block, its wrapped subject, its title line."""

from __future__ import annotations

from documents.ingest.agenda import parse_single_report
from documents.ingest.detect import detect_kind
from documents.ingest.report_frontsheet import parse_report_frontsheet
from tests.ingest.pages import text_pages

HEAD = (
    "From: Roger Gough, Leader\nJohn Betts, Interim Corporate Director of Finance\n"
    "To: Cabinet – 30th January 2025\nSubject: Draft Revenue Budget 2025-26, MTFP 2025-28, "
    "Draft Capital Programme\n2025-35 and Treasury Management Strategy\n"
    "Previous Pathway: Governance and Audit Committee, 23 January 2025\n"
    "Classification: Unrestricted\nSummary:\nThe updated draft budget proposals and additional\n"
    "information since the initial draft publication are set out below.\n"
    "1. KCC’s Budget webpage\n2. KCC’s Corporate Risk Register\n3. KCC’s approved Budget\n"
)


def test_a_report_label_block_is_a_report_not_a_supplement_or_agenda():
    assert detect_kind(text_pages(HEAD, "More of the report.\n" * 5)) == "report"


def test_a_wrapped_subject_is_read_whole_and_stops_at_the_next_label():
    report = parse_report_frontsheet(HEAD)
    assert report.title == (
        "Draft Revenue Budget 2025-26, MTFP 2025-28, Draft Capital Programme 2025-35 and "
        "Treasury Management Strategy"
    )


def test_a_meeting_line_and_a_trailing_date_are_not_the_title():
    motion = parse_single_report(
        text_pages(
            "County Council Meeting - 13th March 2025\nMotion for Time Limited Debate – "
            "Addressing the Environmental and Social\nHarm of Disposable Vapes\nProposer: A B\n"
        )
    )
    assert motion.title == (
        "Motion for Time Limited Debate – Addressing the Environmental and Social Harm of "
        "Disposable Vapes"
    )
    grants = parse_single_report(text_pages("Community Grant Applications 13th March 2018\nX\n"))
    assert grants.title == "Community Grant Applications"


def test_the_author_is_read_from_the_contact_block_at_the_end():
    from documents.ingest.report_people import contact_author

    assert contact_author(
        "11. Contact details\nReport Author:\nNick Abrahams\nAssistant Director Education\n"
        "Telephone number\n03000 410058\nRelevant Director:\nChristine McInnes\n"
    ) == ("Nick Abrahams", "Assistant Director Education")
    assert contact_author(
        "5. Contact details\nReport Author Relevant Director\nJoe McKay\nActing Chief Accountant"
        "\n03000 419601\njoe.mckay@example.gov.uk\nJohn Betts\n"
    ) == ("Joe McKay", "Acting Chief Accountant")
    assert contact_author("The author of the strategy said it was late.\n") is None


def test_a_single_report_takes_its_author_from_its_last_pages():
    pages = text_pages(
        "From: Rory Love, Cabinet Member\nTo: Cabinet – 30 January 2025\n"
        "Subject: Commissioning Plan\nClassification: Unrestricted\n",
        "The plan.\n",
        "11. Contact details\nReport Author:\nNick Abrahams\nAssistant Director Education\n",
    )
    report = parse_single_report(pages).report
    assert (report.report_author, report.author_title) == (
        "Nick Abrahams",
        "Assistant Director Education",
    )
