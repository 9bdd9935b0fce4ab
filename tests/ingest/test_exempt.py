"""Exempt-business wording: what marks an item private, and which Schedule 12A paragraph."""

from documents.ingest.exempt import (
    exempt_paragraph,
    is_exclusion_motion,
    is_exempt_section_heading,
    looks_exempt,
)


def test_not_for_publication_with_paragraph():
    text = (
        "NOT FOR PUBLICATION - this item is exempt under paragraph 3 of Schedule 12A to the "
        "Local Government Act 1972"
    )
    assert looks_exempt(text)
    assert exempt_paragraph(text) == 3


def test_paragraph_after_schedule_and_part_one_wording():
    assert exempt_paragraph("Paragraph 1 of Part 1 of Schedule 12A") == 1
    assert exempt_paragraph("Exempt: Schedule 12A, paragraph 5 (legal privilege)") == 5


def test_form_instruction_is_not_exemption():
    text = (
        "For publication [Do not include information which is exempt from publication under "
        "schedule 12a of the Local Government Act 1972]"
    )
    assert not looks_exempt(text)
    assert exempt_paragraph(text) is None


def test_public_report_is_not_exempt():
    assert not looks_exempt("Report Status: Public\nRecommendation: to note the report")
    assert looks_exempt("Classification: Restricted")


def test_section_headings_and_motions():
    assert is_exempt_section_heading("EXEMPT ITEMS")
    assert is_exempt_section_heading("Part 2 - Items considered in private")
    assert not is_exempt_section_heading("UNRESTRICTED ITEMS")
    assert is_exclusion_motion("Exclusion of the Press and Public")
    assert is_exclusion_motion("EXEMPT BUSINESS")
    assert not is_exclusion_motion("Tricuro Options Paper")


def test_a_title_tagged_confidential_or_exempt_is_exempt():
    for title in (
        "Sale of land at Mill Lane (Confidential)",
        "Staffing restructure [Exempt]",
        "Contract award (Part 2)",
        "Legal advice (private)",
    ):
        assert looks_exempt(title), title
    for title in ("Confidential waste collection contract", "Private sector housing renewal"):
        assert not looks_exempt(title), title
