"""Active content as pdfium sees it: pdfium renders the PDF in Chrome's viewer, so its reading
of a file, not only the file's own account of itself, decides what a resident would get.

``document_findings`` asks pdfium for the document's scripts, attachments and XFA form, and
when pdfium had to rebuild the file's cross-reference table (or part of the file could not
be read structurally) it has pdfium write out every object it resolved and scans that copy
with the structural check: an action hidden outside a broken table is then found where
pdfium would find it. The public API has no call for the document's open action, so this
copy is how pdfium's view of it is read.

``page_findings`` looks at one page pdfium has loaded: its own open and close actions, and
each annotation (links that launch programs or run ``javascript:`` addresses, attachments,
rich media, form fields with actions, annotations with actions of their own).
"""

from __future__ import annotations

import ctypes
import io

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .active_kinds import (
    AUTOMATIC,
    EMBEDDED,
    FORM_ACTIONS,
    JAVASCRIPT,
    LAUNCH,
    NESTED,
    RICH_MEDIA,
    UNREADABLE,
    XFA,
)
from .object_scan import is_script_uri, scan_pdf_bytes, scan_raw

_XFA_FORMS = (pdfium_c.FORMTYPE_XFA_FULL, pdfium_c.FORMTYPE_XFA_FOREGROUND)
_MEDIA_ANNOTATIONS = (
    pdfium_c.FPDF_ANNOT_RICHMEDIA,
    pdfium_c.FPDF_ANNOT_SCREEN,
    pdfium_c.FPDF_ANNOT_MOVIE,
    pdfium_c.FPDF_ANNOT_SOUND,
    pdfium_c.FPDF_ANNOT_THREED,
)
_FORM_FIELDS = (pdfium_c.FPDF_ANNOT_WIDGET, pdfium_c.FPDF_ANNOT_XFAWIDGET)
_PAGE_EVENTS = (pdfium_c.FPDFPAGE_AACTION_OPEN, pdfium_c.FPDFPAGE_AACTION_CLOSE)


def document_findings(pdf: pdfium.PdfDocument, *, reread: bool = False) -> set[str]:
    """What pdfium finds in the document as a whole; ``reread``: scan pdfium's copy anyway."""
    raw = pdf.raw
    found: set[str] = set()
    if pdfium_c.FPDFDoc_GetJavaScriptActionCount(raw) > 0:
        found.add(JAVASCRIPT)
    if pdfium_c.FPDFDoc_GetAttachmentCount(raw) > 0:
        found.add(EMBEDDED)
    if pdfium_c.FPDF_GetFormType(raw) in _XFA_FORMS or pdfium_c.FPDF_GetXFAPacketCount(raw) > 0:
        found.add(XFA)
    if reread or not rebuilt_nothing(pdf):
        found |= copy_findings(pdf)
    return found


def rebuilt_nothing(pdf: pdfium.PdfDocument) -> bool:
    """Whether pdfium read the file through its own cross-reference table, as the structural
    check does (false when the table was broken and pdfium rebuilt it from the objects)."""
    return bool(pdfium_c.FPDF_DocumentHasValidCrossReferenceTable(pdf.raw))


def pdfium_copy(pdf: pdfium.PdfDocument) -> bytes:
    """The file as pdfium resolved it: every object it reads, written out afresh."""
    buffer = io.BytesIO()
    pdf.save(buffer, flags=pdfium_c.FPDF_NO_INCREMENTAL)
    return buffer.getvalue()


def copy_findings(pdf: pdfium.PdfDocument) -> set[str]:
    """The structural check over pdfium's copy of the file."""
    data = pdfium_copy(pdf)
    try:
        found = scan_pdf_bytes(data)
    except RecursionError:
        return {NESTED}
    except Exception:  # noqa: BLE001 - pdfium wrote it, yet pdfminer cannot parse it
        return scan_raw(data)
    if UNREADABLE in found:
        found |= scan_raw(data)
    return found - {UNREADABLE}


def page_findings(page: pdfium.PdfPage) -> set[str]:
    """What pdfium finds on one loaded page: its actions and its annotations'."""
    document = page.pdf.raw
    found: set[str] = set()
    for event in _PAGE_EVENTS:
        action = pdfium_c.FPDF_GetPageAAction(page.raw, event)
        if action:
            found |= _action_findings(document, action, automatic=True)
    for index in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
        annotation = pdfium_c.FPDFPage_GetAnnot(page.raw, index)
        if not annotation:
            continue
        try:
            found |= _annotation_findings(document, annotation)
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annotation)
    return found


def _annotation_findings(document, annotation) -> set[str]:
    found: set[str] = set()
    subtype = pdfium_c.FPDFAnnot_GetSubtype(annotation)
    if subtype == pdfium_c.FPDF_ANNOT_FILEATTACHMENT:
        found.add(EMBEDDED)
    if subtype in _MEDIA_ANNOTATIONS:
        found.add(RICH_MEDIA)
    has_action = pdfium_c.FPDFAnnot_HasKey(annotation, b"A")
    has_triggers = pdfium_c.FPDFAnnot_HasKey(annotation, b"AA")
    if subtype in _FORM_FIELDS:
        if has_action or has_triggers:
            found.add(FORM_ACTIONS)
    elif has_triggers:
        found.add(AUTOMATIC)
    if subtype == pdfium_c.FPDF_ANNOT_LINK:
        link = pdfium_c.FPDFAnnot_GetLink(annotation)
        action = pdfium_c.FPDFLink_GetAction(link) if link else None
        if action:
            found |= _action_findings(document, action, automatic=False)
    return found


def _action_findings(document, action, *, automatic: bool) -> set[str]:
    """An action by its type: launching, opening an attachment, a ``javascript:`` address;
    one set to run by itself counts unless it only turns to a page of this document (pdfium
    names no other types, so a script there shows as "unsupported")."""
    kind = pdfium_c.FPDFAction_GetType(action)
    if kind == pdfium_c.PDFACTION_LAUNCH:
        return {LAUNCH}
    if kind == pdfium_c.PDFACTION_EMBEDDEDGOTO:
        return {EMBEDDED}
    if kind == pdfium_c.PDFACTION_URI and is_script_uri(_uri(document, action)):
        return {JAVASCRIPT}
    if automatic and kind != pdfium_c.PDFACTION_GOTO:
        return {AUTOMATIC}
    return set()


def _uri(document, action) -> bytes:
    length = pdfium_c.FPDFAction_GetURIPath(document, action, None, 0)
    if length <= 1:
        return b""
    buffer = ctypes.create_string_buffer(length)
    pdfium_c.FPDFAction_GetURIPath(document, action, buffer, length)
    return buffer.raw[: length - 1]
