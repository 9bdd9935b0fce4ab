"""Pages for parser tests: from a paper's text layer, or from text written in the test."""

from __future__ import annotations

from documents.ingest.parsed import PageContent
from documents.ingest.pdf import raw_page_texts
from tests.shared_papers import paper


def pages_of_paper(name: str) -> list[PageContent]:
    texts = raw_page_texts(paper(name))
    return [PageContent(number=i + 1, raw_text=t) for i, t in enumerate(texts)]


def text_pages(*texts: str) -> list[PageContent]:
    return [PageContent(number=i + 1, raw_text=t) for i, t in enumerate(texts)]


def shared_paper_pages(truth_name: str) -> list[PageContent]:
    """The pages, as the ingest reads them, of the real paper a development-half truth file
    describes (read from the shared folder through ``tests.shared_papers``)."""
    import csv

    from documents.ingest.pdf import read_pdf
    from tests.shared_papers import TRUTH, shared_path

    with (TRUTH / "MANIFEST.tsv").open(newline="") as handle:
        row = next(r for r in csv.DictReader(handle, delimiter="\t") if r["truth"] == truth_name)
    assert row["half"] == "dev", "tests read development-half papers only"
    return read_pdf(shared_path(row["shared_path"])).pages
