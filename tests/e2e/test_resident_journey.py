"""A resident finds a meeting from the home page and reads a report, page by page, then the PDF."""

import re

from playwright.sync_api import expect


def test_it_takes_a_resident_from_home_to_a_report_page_and_its_pdf(page):
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Meetings, agendas, reports and decisions"
    )
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Committees").click()
    page.get_by_role("link", name="People and Health Overview Committee").click()
    expect(page).to_have_url(re.compile(r"/committees/people-and-health-overview-committee/$"))

    page.get_by_role(
        "link", name=re.compile(r"People and Health Overview Committee\W+2 September 2021")
    ).click()
    expect(page).to_have_url(
        re.compile(r"/meetings/people-and-health-overview-committee/2021-09-02/$")
    )
    agenda = page.locator("ol.agenda")
    expect(agenda).to_contain_text("Not for publication")
    expect(agenda).to_contain_text("Schedule 12A")

    agenda.get_by_role("link", name="DEVELOPMENT OF FAMILY HUBS").click()
    expect(page).to_have_url(re.compile(r"/items/8/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("DEVELOPMENT OF FAMILY HUBS")

    page.get_by_role("link", name=re.compile(r"Agenda reports pack, pages \d+ to \d+")).click()
    expect(page).to_have_url(re.compile(r"/documents/\d+/#page-\d+$"))
    anchor = page.url.rsplit("#", 1)[1]
    section = page.locator(f"#{anchor}")
    expect(section).to_be_in_viewport()
    expect(section.get_by_role("heading", level=2)).to_contain_text("Page")

    pdf_link = section.get_by_role("link", name=re.compile(r"in the PDF"))
    href = pdf_link.get_attribute("href")
    assert re.search(r"/pdf/#page=\d+$", href)
    download = page.request.get(href.split("#")[0])
    assert download.ok
    assert download.headers["content-type"] == "application/pdf"
    assert download.body().startswith(b"%PDF")
