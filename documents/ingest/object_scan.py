"""Active content found by reading every object of a PDF's bytes (the structural check).

Every object in the file is looked at, found through its cross-reference table or stream:
objects packed in compressed object streams are unpacked, and names spelt with ``#``
escapes (``/Java#53cript``) count. Only objects whose bytes hold a telling name or many
containers are parsed (with pdfminer), which keeps the check to milliseconds for an
ordinary paper. References are never followed, so a self-referencing object graph cannot
loop; containers are walked with an explicit stack, and nesting past any real document's is
itself reported. An object with a telling name that cannot be parsed is reported as
``UNREADABLE``, so that pdfium's own reading of the file is scanned too (``viewer_actions``).

``scan_objects`` reads a file; ``scan_pdf_bytes`` reads a PDF held in memory (pdfium's copy).
"""

from __future__ import annotations

import io
import mmap
import re
from pathlib import Path

from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfparser import PDFParser, PDFStreamParser
from pdfminer.pdftypes import PDFObjRef, PDFStream
from pdfminer.psparser import PSEOF, PSLiteral

from .active_kinds import (
    EMBEDDED,
    FORM_ACTIONS,
    JAVASCRIPT,
    LAUNCH,
    NESTED,
    RICH_MEDIA,
    UNREADABLE,
    XFA,
)

# Deeper than any real document's objects; pdfium itself drops objects nested past 64.
MAX_NESTING = 100
_SCRIPT_URI = re.compile(r"^(?:javascript|vbscript):", re.I)
_URI_NOISE = re.compile(r"[\x00-\x20\x7f]+")
_NAME = re.compile(rb"/[^\s/\[\]()<>{}%]+")
_HEX_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_STREAM_DATA = re.compile(rb">>\s*stream\r?\n")
_OPENED_DEEP = re.compile(rb"(?:\[\s*){%d}|(?:<<\s*){%d}" % (MAX_NESTING, MAX_NESTING))
# Actions that play media or send a form's contents, and annotations that hold media.
_MEDIA_ACTIONS = ("Rendition", "Movie", "Sound", "RichMediaExecute", "GoTo3DView")
_MEDIA_ANNOTATIONS = ("RichMedia", "Screen", "Movie", "Sound", "3D")
_FORM_SENDING = ("SubmitForm", "ImportData")
# Names found only in objects that hold active content, or a link (then looked at closely).
_TELLING = (
    "JavaScript",
    "JS",
    "Launch",
    "URI",
    "EmbeddedFile",
    "EmbeddedFiles",
    "EF",
    "FileAttachment",
    "GoToE",
    "XFA",
    "SubmitForm",
    "ImportData",
    *_MEDIA_ACTIONS,
    *_MEDIA_ANNOTATIONS,
)


def _spelt_any_way(name: str) -> bytes:
    """A pattern for ``/name`` with any of its letters written as a ``#xx`` escape."""
    letters = []
    for char in name:
        high, low = f"{ord(char):02x}"
        hex_pair = b"[%s%s][%s%s]" % (
            high.encode(),
            high.upper().encode(),
            low.encode(),
            low.upper().encode(),
        )
        letters.append(b"(?:%s|#%s)" % (char.encode(), hex_pair))
    return b"/" + b"".join(letters)


_TELLING_NAME = re.compile(
    b"(?:%s)(?![^\\s/\\[\\]()<>{}%%])" % b"|".join(_spelt_any_way(name) for name in _TELLING)
)


class LoopSafeDocument(PDFDocument):
    """pdfminer's document, except that an object that is only a reference to itself (at once
    or round a loop) reads as null: pdfminer would follow such a chain for ever."""

    def getobj(self, objid: int) -> object:
        obj, seen = super().getobj(objid), {objid}
        while isinstance(obj, PDFObjRef):
            if obj.objid in seen:
                return None
            seen.add(obj.objid)
            obj = super().getobj(obj.objid)
        return obj


def _name(value: object) -> str | None:
    return value.name if isinstance(value, PSLiteral) else None


def _text(value: object) -> str:
    if not isinstance(value, bytes):
        return ""
    if value[:2] in (b"\xfe\xff", b"\xff\xfe"):
        return value.decode("utf-16", "replace")
    return value.decode("latin-1")


def is_script_uri(value: object) -> bool:
    """Whether a link's address (a PDF string) is a script, however it is spaced or encoded."""
    return bool(_SCRIPT_URI.match(_URI_NOISE.sub("", _text(value))))


def _dict_findings(entries: dict) -> set[str]:
    found = set()
    action = _name(entries.get("S"))
    if action == "JavaScript" or "JS" in entries:
        found.add(JAVASCRIPT)
    if action == "Launch":
        found.add(LAUNCH)
    if action in _FORM_SENDING:
        found.add(FORM_ACTIONS)
    if action in _MEDIA_ACTIONS or _name(entries.get("Subtype")) in _MEDIA_ANNOTATIONS:
        found.add(RICH_MEDIA)
    if action == "URI" and is_script_uri(entries.get("URI")):
        found.add(JAVASCRIPT)
    if (
        action == "GoToE"
        or _name(entries.get("Type")) == "EmbeddedFile"
        or _name(entries.get("Subtype")) == "FileAttachment"
        or "EF" in entries
        or "EmbeddedFiles" in entries
    ):
        found.add(EMBEDDED)
    if "XFA" in entries:
        found.add(XFA)
    return found


def _walk(obj: object) -> set[str]:
    """What one object holds, looking into its arrays and dictionaries (never references)."""
    found: set[str] = set()
    stack = [(obj, 0)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, PDFStream):
            value = value.attrs
        if isinstance(value, dict):
            children = value.values()
            found |= _dict_findings(value)
        elif isinstance(value, list):
            children = value
        else:
            continue
        if depth >= MAX_NESTING:
            found.add(NESTED)
            break
        stack.extend((child, depth + 1) for child in children)
    return found


def _worth_parsing(chunk: bytes) -> bool:
    """Whether an object's bytes could hold a finding: a telling name, or many containers.

    Containers are counted before a stream's data (an image's bytes hold brackets by chance).
    """
    if _TELLING_NAME.search(chunk):
        return True
    head = _STREAM_DATA.split(chunk, 1)[0]
    return head.count(b"[") + head.count(b"<<") >= MAX_NESTING


def _worth_parsing_at(data, start: int, stop: int) -> bool:
    """``_worth_parsing(data[start:stop])``, without copying the object's bytes."""
    if _TELLING_NAME.search(data, start, stop):
        return True
    stream = _STREAM_DATA.search(data, start, stop)
    head = data[start : stream.start() if stream else stop]
    return head.count(b"[") + head.count(b"<<") >= MAX_NESTING


def _positions(document: PDFDocument) -> tuple[dict[int, int], list[int], set[int]]:
    """Offsets of the plain objects (newest version's number for each), the object streams."""
    current: dict[int, int] = {}
    packed: set[int] = set()
    for xref in reversed(document.xrefs):  # oldest first, so the newest version wins
        try:
            objids = list(xref.get_objids())
        except Exception:  # noqa: BLE001 - a broken table is read as far as it goes
            continue
        for objid in objids:
            try:
                stream, position, _ = xref.get_pos(objid)
            except Exception:  # noqa: BLE001
                continue
            if stream is None:
                current[position] = objid
            else:
                packed.add(stream)
    return current, sorted(current), packed


def _packed_chunks(document: PDFDocument, objid: int) -> list[bytes]:
    """The bytes of each object packed in the object stream ``objid``."""
    stream = document.getobj(objid)
    if not isinstance(stream, PDFStream):
        return []
    data = stream.get_data()
    first = stream.get("First")
    if not isinstance(first, int) or not 0 <= first <= len(data):
        return [data]
    starts = {int(n) for n in data[:first].split()[1::2] if n.isdigit()}
    bounds = sorted(first + start for start in starts if first + start < len(data))
    bounds = [first, *(b for b in bounds if b > first), len(data)]
    return [data[start:stop] for start, stop in zip(bounds, bounds[1:], strict=False)]


def _parse_all(chunk: bytes, document: PDFDocument) -> list[object]:
    parser = PDFStreamParser(chunk)
    parser.set_document(document)
    objects = []
    while True:
        try:
            objects.append(parser.nextobject()[1])
        except PSEOF:
            return objects


def _chunk_findings(chunk: bytes, document: PDFDocument, objid: int | None) -> set[str]:
    """Findings in one object's bytes (read by pdfminer itself, decrypted, when it is current)."""
    if not _worth_parsing(chunk):
        return set()
    if _OPENED_DEEP.search(_STREAM_DATA.split(chunk, 1)[0]):
        return {NESTED}  # plain to see; no need to parse it
    try:
        objects = [document.getobj(objid)] if objid is not None else _parse_all(chunk, document)
    except RecursionError:
        return {NESTED}
    except Exception:  # noqa: BLE001 - pdfium's own reading of the file is scanned instead
        return {UNREADABLE}
    found: set[str] = set()
    for obj in objects:
        found |= _walk(obj)
    return found


def _scan(handle, data) -> set[str]:
    """Findings from every object of the PDF in ``handle`` (whose bytes are ``data``)."""
    found: set[str] = set()
    document = LoopSafeDocument(PDFParser(handle))
    for xref in document.xrefs:
        found |= _walk(xref.get_trailer() or {})
    current, offsets, packed = _positions(document)
    for start, stop in zip(offsets, [*offsets[1:], len(data)], strict=True):
        if _worth_parsing_at(data, start, stop):  # looked at in place: no copy of its stream
            found |= _chunk_findings(data[start:stop], document, current[start])
    for objid in sorted(packed):
        try:
            chunks = _packed_chunks(document, objid)
        except Exception:  # noqa: BLE001 - pdfium's own reading of the file is scanned instead
            found.add(UNREADABLE)
            continue
        for chunk in chunks:
            found |= _chunk_findings(chunk, document, None)
    return found


def scan_objects(path: Path) -> set[str]:
    """Findings from every object of the file, plain or packed in an object stream."""
    with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        return _scan(handle, data)


def scan_pdf_bytes(data: bytes) -> set[str]:
    """Findings from every object of a PDF held in memory."""
    return _scan(io.BytesIO(data), data)


def scan_bytes(path: Path) -> set[str]:
    """A rougher look at the raw bytes, for a file pdfminer cannot parse at all."""
    return scan_raw(path.read_bytes())


def scan_raw(data: bytes) -> set[str]:
    """Findings from the names anywhere in a PDF's bytes, read without parsing."""
    names = {_HEX_ESCAPE.sub(lambda m: bytes([int(m[1], 16)]), n) for n in _NAME.findall(data)}
    found = set()
    if names & {b"/JavaScript", b"/JS"} or re.search(rb"(?i)\(\s*javascript:", data):
        found.add(JAVASCRIPT)
    if b"/Launch" in names:
        found.add(LAUNCH)
    if names & {b"/EmbeddedFile", b"/EmbeddedFiles", b"/EF", b"/FileAttachment"}:
        found.add(EMBEDDED)
    if b"/XFA" in names:
        found.add(XFA)
    if names & {b"/" + name.encode() for name in (*_MEDIA_ACTIONS, *_MEDIA_ANNOTATIONS)}:
        found.add(RICH_MEDIA)
    if names & {b"/SubmitForm", b"/ImportData"}:
        found.add(FORM_ACTIONS)
    return found
