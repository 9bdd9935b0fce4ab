"""Property-based tests of the text parsers: no exception on any text, and stable results
when a paper's page breaks or white space change (as they do between PDF producers)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from documents.ingest.agenda import parse_agenda
from documents.ingest.attendance import apologies_in, substitutes_in
from documents.ingest.detect import detect_kind
from documents.ingest.header import parse_meeting
from documents.ingest.minutes import parse_minutes
from documents.ingest.names import split_names
from documents.ingest.parsed import PageContent
from documents.ingest.pdf import raw_page_texts
from documents.ingest.report_frontsheet import parse_report_frontsheet
from documents.ingest.resolutions import split_resolution
from tests.shared_papers import paper

MINUTES = raw_page_texts(paper("dorset-cabinet-2017-10-04-minutes.pdf"))
KENT_MINUTES = raw_page_texts(paper("uk_kent_cabinet_2025-01-30_printed-minutes.pdf"))
AGENDA = raw_page_texts(paper("uk_kent_cabinet_2025-01-30_agenda-frontsheet.pdf"))

# Words and shapes committee papers are made of, so generated text reaches the parsers' paths.
VOCABULARY = [
    "RESOLVED", "that", "Present:", "Apologies", "Cllr", "Mr", "(Item 3)", "Agenda Item 4",
    "Page 12", "Minutes", "84.", "(a)", "1.", "Schedule 12A", "NOT FOR PUBLICATION",
    "Recommendation:", "Report Author:", "Portfolio Holder:", "For Decision", "Reason",
    "Wednesday, 4 October 2017", "10.00 am", "County Hall", "and", ",", ";", "\n", "\t",
    "\u2022", "\uf0b7", "Cabinet", "Council", "attended for", "substitute",
]  # fmt: skip
paper_like = st.lists(st.sampled_from(VOCABULARY) | st.text(max_size=12), max_size=80).map(" ".join)
any_text = st.text(max_size=400) | paper_like
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def pages_of(*texts: str) -> list[PageContent]:
    return [PageContent(number=i + 1, raw_text=t) for i, t in enumerate(texts)]


@FAST
@given(st.lists(any_text, min_size=1, max_size=3))
def test_no_parser_raises_on_any_text(texts):
    pages = pages_of(*texts)
    kind = detect_kind(pages)
    parse_meeting(pages, kind)
    for each in ("agenda-pack", "agenda", "supplement", "report", "decision"):
        parse_agenda(pages, each)
    parse_minutes(pages)
    parse_report_frontsheet("\n".join(texts))
    split_names(texts[0])
    apologies_in(texts[0])
    substitutes_in(texts[0])
    split_resolution(texts[0].splitlines())


def minute_outline(pages):
    items, attendance = parse_minutes(pages)
    return [(i.minute_number, i.title.strip().lower(), len(i.resolutions)) for i in items], sorted(
        attendance.present if attendance else []
    )


@FAST
@given(st.data())
def test_minutes_survive_moved_page_breaks(data):
    for document in (MINUTES, KENT_MINUTES):
        joined = "\n".join(document)
        lines = joined.split("\n")
        cuts = sorted(data.draw(st.sets(st.integers(1, len(lines) - 1), max_size=4)))
        chunks = [lines[a:b] for a, b in zip([0, *cuts], [*cuts, len(lines)], strict=True)]
        moved = pages_of(*["\n".join(chunk) for chunk in chunks])
        whole = minute_outline(pages_of(joined))
        assert len(whole[0]) >= 9 and whole[1]  # the minutes and who was present are read
        assert minute_outline(moved) == whole


@FAST
@given(st.sampled_from([" ", "  ", "\t", " \t"]), st.sampled_from(["\n", "\r\n", "\n\n"]))
def test_minutes_and_agendas_survive_white_space_changes(space, newline):
    def respace(texts):
        return pages_of(*[newline.join(line + space for line in t.split("\n")) for t in texts])

    assert minute_outline(respace(MINUTES)) == minute_outline(pages_of(*MINUTES))
    original = [(i.number, i.title) for i in parse_agenda(pages_of(*AGENDA), "agenda")]
    assert len(original) == 9
    assert [(i.number, i.title) for i in parse_agenda(respace(AGENDA), "agenda")] == original
