"""Finding what a PDF would do to a resident who downloads it: scripts, programs, attachments,
rich media, forms that act or send, actions that run by themselves.

The portal publishes the original PDF, so such a paper is refused with a reason the clerk
can act on (save it again with Print to PDF, which keeps the pages and drops the rest).
Two checks decide, and either refuses: the structural check reads every object in the file
(``object_scan``), and pdfium, the engine that renders the PDF, reports what it resolves
(``viewer_actions``), including an action hidden outside a broken cross-reference table
that pdfium rebuilds. pdfium's page-level findings come while the pages are read
(``viewer_actions.page_findings``); ``problem_for`` words any set of findings.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pypdfium2 as pdfium

from .active_kinds import (
    AUTOMATIC,
    EMBEDDED,
    FORM_ACTIONS,
    JAVASCRIPT,
    LAUNCH,
    NESTED,
    PUBLISHED_ORDER,
    RICH_MEDIA,
    UNREADABLE,
    XFA,
)
from .object_scan import LoopSafeDocument, scan_bytes, scan_objects
from .viewer_actions import document_findings

__all__ = [
    "AUTOMATIC",
    "EMBEDDED",
    "FORM_ACTIONS",
    "JAVASCRIPT",
    "LAUNCH",
    "NESTED",
    "RICH_MEDIA",
    "XFA",
    "LoopSafeDocument",
    "active_content_problem",
    "find_active_content",
    "problem_for",
    "structural_findings",
]

log = logging.getLogger(__name__)


def structural_findings(path: str | Path) -> set[str]:
    """The structural check alone (``UNREADABLE`` among them when part could not be read)."""
    path = Path(path)
    try:
        return scan_objects(path)
    except RecursionError:
        return {NESTED}
    except Exception as error:  # noqa: BLE001 - pdfminer cannot parse it; pdfium can
        log.info("pdfminer could not parse %s (%s); scanning its bytes", path.name, error)
        return scan_bytes(path) | {UNREADABLE}


def find_active_content(path: str | Path, pdf: pdfium.PdfDocument | None = None) -> set[str]:
    """The kinds of active content in the PDF at ``path`` (empty when there is none).

    ``pdf``, the same file already opened with pypdfium2, adds what pdfium finds in the
    document as a whole (its pages are looked at as they are read).
    """
    found = structural_findings(path)
    if pdf is not None:
        found |= document_findings(pdf, reread=UNREADABLE in found)
    return found - {UNREADABLE}


def _joined(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def problem_for(found: set[str]) -> str | None:
    """Why a PDF with these findings cannot be published as it is, in a clerk's words."""
    if NESTED in found:
        return (
            "the PDF's internal structure is damaged or built to trip up PDF readers (it nests or "
            "loops far beyond any real document's); open it and save it again with Print to PDF, "
            "then upload the new copy"
        )
    parts = [kind for kind in PUBLISHED_ORDER if kind in found]
    if not parts:
        return None
    attachments = " (upload an attachment that is a paper as a PDF of its own)"
    return (
        f"the PDF contains {_joined(parts)}, which the portal does not publish to residents; "
        "open it and save it again with Print to PDF (that keeps the pages and drops the rest), "
        f"then upload the new copy{attachments if EMBEDDED in found else ''}"
    )


def active_content_problem(path: str | Path, pdf: pdfium.PdfDocument | None = None) -> str | None:
    """Why the PDF cannot be published as it is, in a clerk's words, or None."""
    return problem_for(find_active_content(path, pdf))
