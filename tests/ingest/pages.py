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
