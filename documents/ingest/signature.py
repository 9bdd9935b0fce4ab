"""Whether a file is a PDF from its first byte: the one check for the command line and uploads.

A PDF starts with ``%PDF-``. Readers accept it anywhere in the first kilobyte, so a little
junk before it is allowed, but never markup: a web page with a PDF glued after it is two
files in one, and is refused with the other things that are not PDFs.
"""

from __future__ import annotations

import re

PDF_SIGNATURE = b"%PDF-"
SIGNATURE_WINDOW = 1024  # the signature must lie wholly within the first 1,024 bytes
HEAD_BYTES = 2048  # what the callers read to sniff a file
# A tag, comment, declaration or processing instruction: "<html", "<!--", "<?xml", "</p".
_MARKUP = re.compile(rb"<\s*[A-Za-z!?/]")

HTML_PAGE = "this is not a PDF (it looks like an HTML page); download the PDF itself"
HTML_BEFORE_PDF = (
    "this is not a PDF (it starts as a web page, with a PDF after it); open the PDF itself "
    "and save or download it again, then upload that"
)


def sniff_problem(head: bytes) -> str | None:
    """Why the first bytes of a file show it is not a PDF, or None when they could be one."""
    if not head.strip():
        return "the file is empty"
    at = head.find(PDF_SIGNATURE, 0, SIGNATURE_WINDOW)
    if at >= 0:
        before = head[:at].replace(b"\x00", b"")  # markup in UTF-16 is markup too
        return HTML_BEFORE_PDF if _MARKUP.search(before) else None
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<head", b"<?xml")) or b"<html" in lowered:
        return HTML_PAGE
    if head.startswith(b"PK\x03\x04"):
        if b"word/" in head:
            return "this looks like a Word document renamed to .pdf; save it as PDF and upload that"
        return "this is not a PDF (it looks like a ZIP or Office file); save it as PDF"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "this looks like a Word document renamed to .pdf; save it as PDF and upload that"
    if head.startswith(b"{\\rtf"):
        return "this looks like a Word (RTF) document renamed to .pdf; save it as PDF"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*")):
        return "this is an image, not a PDF; scan or save it as PDF and upload that"
    return "this is not a PDF (it does not start like one); save it as PDF and upload that"
