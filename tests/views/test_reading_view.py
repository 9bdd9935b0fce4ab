"""The reading view shows a paper's structure: front sheets as description lists, headings in
order, printed numbers once, tables with their header rows and merged cells."""

import re

import pytest

from documents.models import Document
from meetings.models import Meeting
from tests.views.pages import assert_well_formed

pytestmark = pytest.mark.django_db


@pytest.fixture
def pack_body(client):
    pack = Document.objects.get(meeting__url_key="2021-09-02")
    response = client.get(pack.get_absolute_url())
    assert_well_formed(response, "Agenda reports pack")
    return response.content.decode()


@pytest.fixture
def minutes_body(client):
    meeting = Meeting.objects.get(date="2017-10-04")
    minutes = Document.objects.get(meeting=meeting, kind="minutes")
    return client.get(minutes.get_absolute_url()).content.decode()


def section(body: str, number: int) -> str:
    match = re.search(rf'<section class="page" id="page-{number}".*?</section>', body, re.S)
    assert match, f"page {number} is not shown"
    return match.group(0)


def test_a_front_sheet_is_a_description_list(pack_body):
    page = section(pack_body, 7)
    assert '<dl class="paper-pairs">' in page
    assert (
        "<dt>Portfolio Holder:</dt><dd>Cllr P Wharf, Corporate Development and Change</dd>" in page
    )
    assert "<dt>Local Councillor(s):</dt><dd>All</dd>" in page
    assert "<dt>Executive Director:</dt><dd>M Prosser, Chief Executive</dd>" in page
    assert not re.search(r"<p>[^<]*Portfolio Holder", page)


def test_headings_never_skip_a_level_on_the_way_down(pack_body, minutes_body):
    for body in (pack_body, minutes_body):
        levels = [int(n) for n in re.findall(r"<h([1-6])\b", body)]
        assert levels[0] == 1 and len(levels) > 20
        for before, after in zip(levels, levels[1:], strict=False):
            assert after <= before + 1, (before, after)


def test_the_title_of_a_report_is_a_heading_above_its_sections(pack_body):
    page = section(pack_body, 7)
    title = re.search(r'<h(\d) class="paper-heading">Updated Dorset Council Plan</h\d>', page)
    section_heading = re.search(r'<h(\d) class="paper-heading">1. Executive Summary</h\d>', page)
    assert title and section_heading
    assert int(title.group(1)) == 3 and int(section_heading.group(1)) == 4


def test_the_wide_table_has_its_header_rows_merged_cells_and_row_headers(pack_body):
    page = section(pack_body, 39)
    assert page.count('<div class="table-wrap paper-table paper-table--wide" role="region"') == 1
    assert page.count('<div class="table-wrap paper-table" role="region"') == 1
    wide = page[page.index("<table>") : page.index("</table>")]
    thead = wide[wide.index("<thead>") : wide.index("</thead>")]
    assert thead.count("<tr>") == 2
    assert '<th scope="col" rowspan="2">Age</th>' in thead
    assert '<th scope="colgroup" colspan="2">CWD/LAC</th>' in thead
    assert '<th scope="colgroup" colspan="3">CWD/Direct Payments</th>' in thead
    assert '<th scope="col" rowspan="2">total forecast spend (June 2021)</th>' in thead
    assert '<th scope="col">yearly short break forecast</th>' in thead
    assert '<th scope="row">total investment</th>' in wide
    # every body row has as many columns as the header says
    rows = re.findall(r"<tr>(.*?)</tr>", wide[wide.index("<tbody>") :])
    for row in rows:
        spans = [int(n) for n in re.findall(r'colspan="(\d+)"', row)]
        cells = len(re.findall(r"<t[dh][ >]", row))
        assert cells - len(spans) + sum(spans) == 13


def test_resolutions_show_their_printed_numbers_once(minutes_body):
    page = section(minutes_body, 3)
    lists = re.findall(r'<ol class="paper-list paper-list--printed">(.*?)</ol>', page, re.S)
    assert lists
    items = re.findall(r"<li>(.*?)</li>", lists[0])
    assert items[0] == "1. That the plan for the modernising of the fostering service be approved."
    assert [item.split(" ", 1)[0] for item in items] == ["1.", "2.", "3.", "4.", "5."]


def test_printed_lists_hide_the_browser_numbers_and_tables_take_the_full_width(client):
    from pathlib import Path

    from django.contrib.staticfiles import finders

    css = Path(finders.find("portal/site.css")).read_text()
    assert re.search(r"\.paper-list--printed \{[^}]*list-style: none", css)
    assert re.search(r"\.paper-table table \{[^}]*width: 100%", css)
    assert not re.search(r"\.paper \{[^}]*max-width", css)
    assert re.search(r"\.resolutions \{[^}]*list-style: none", css)
