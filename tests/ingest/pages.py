"""Pages for parser tests: from a fixture paper's text layer, or from text written in the test."""

from __future__ import annotations

from pathlib import Path

from documents.ingest.parsed import PageContent
from documents.ingest.pdf import raw_page_texts

PAPERS = Path(__file__).resolve().parents[1] / "fixtures" / "papers"


def pages_of_paper(name: str) -> list[PageContent]:
    texts = raw_page_texts(PAPERS / name)
    return [PageContent(number=i + 1, raw_text=t) for i, t in enumerate(texts)]


def text_pages(*texts: str) -> list[PageContent]:
    return [PageContent(number=i + 1, raw_text=t) for i, t in enumerate(texts)]
