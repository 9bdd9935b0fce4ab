"""Turn committee PDFs into meetings, items, reports, minutes and pages, one file at a time.

``Importer.ingest(paths)`` is what the ``ingest`` command and the staff upload call. Each
file is parsed in a sandboxed child process with time and memory limits (one child reads the
whole batch, and reads the next file while this process stores the last; several children at
once with ``workers``; a child that was stopped or failed is replaced), then written in its
own transaction: a file that fails leaves no rows and no stored file, and the other files
still go in.
"""

from __future__ import annotations

import collections
import hashlib
import os
import queue
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path

from django.conf import settings

from documents.context import MeetingContext, folder_context
from documents.ingest.errors import IngestError
from documents.ingest.parsed import ParsedDocument
from documents.ingest.sandbox import Sandbox
from documents.models import Document
from documents.tasks import schedule_export_rebuild
from documents.writer import AlreadyLoaded, DocumentWriter

#: Files handed to the reading child ahead of the one being stored.
READ_AHEAD = 3


@dataclass
class IngestOptions:
    committee: str | None = None
    date: Date | None = None
    kind: str | None = None
    publish: bool = True
    workers: int = 1
    isolate: bool = True  # parse in a child process with limits
    max_bytes: int = field(default_factory=lambda: settings.INGEST_MAX_BYTES)
    max_pages: int = field(default_factory=lambda: settings.INGEST_MAX_PAGES)
    timeout: float = field(default_factory=lambda: settings.INGEST_TIMEOUT_SECONDS)
    memory_mb: int = field(default_factory=lambda: settings.INGEST_MAX_MEMORY_MB)
    ocr: bool = field(default_factory=lambda: settings.INGEST_OCR)
    original_filename: str | None = None
    replaces: Document | None = None  # a staff upload of a new version of this paper
    context_origin: str = "--committee/--date"

    def context_for(self, path: Path) -> MeetingContext:
        """The meeting a file is for: as given, else as its folders say, else unknown."""
        if self.committee or self.date:
            found = folder_context(path) if not (self.committee and self.date) else None
            return MeetingContext(
                self.committee or (found.committee if found else None),
                self.date or (found.date if found else None),
                self.context_origin,
            )
        return folder_context(path)


@dataclass
class IngestResult:
    path: str
    status: str  # "ok" | "unchanged" | "failed"
    meeting: str | None = None
    items: int = 0
    pages: int = 0
    seconds: float = 0.0
    error: str | None = None
    document_id: int | None = None
    role: str | None = None
    warnings: list[str] = field(default_factory=list)
    doubts: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "path": self.path,
            "status": self.status,
            "meeting": self.meeting,
            "items": self.items,
            "pages": self.pages,
            "seconds": round(self.seconds, 3),
            "error": self.error,
            "role": self.role,
            "warnings": self.warnings,
            "doubts": self.doubts,
        }


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def expand_paths(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Files as given; folders walked for ``*.pdf`` (any case), sorted."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found += sorted(_pdfs_under(path))
        else:
            found.append(path)
    return found


def _pdfs_under(folder: Path) -> Iterator[Path]:
    """Every PDF under a folder, through linked folders too, each real folder once."""
    seen: set[str] = set()
    for root, dirs, files in os.walk(folder, followlinks=True):
        real = os.path.realpath(root)
        if real in seen:
            dirs.clear()
            continue
        seen.add(real)
        for name in files:
            if name.lower().endswith(".pdf") and (Path(root) / name).is_file():
                yield Path(root) / name


def parse_kwargs(options: IngestOptions) -> dict:
    return {
        # One file at a time: its pages are read on every core; a batch: one file per core.
        "page_workers": min(2, os.cpu_count() or 1) if options.workers <= 1 else 1,
        "kind": options.kind,
        "max_bytes": options.max_bytes,
        "max_pages": options.max_pages,
        "ocr": options.ocr,
    }


def parse_file(path: Path, options: IngestOptions, sandbox: Sandbox | None = None):
    """Read one file: in ``sandbox`` (or a child of its own) when isolated."""
    from documents.ingest.parser import parse_pdf

    if not options.isolate:
        return parse_pdf(path, **parse_kwargs(options))
    if sandbox is None:
        with Sandbox(memory_mb=options.memory_mb, max_tasks=1) as own:
            return own.run(parse_pdf, path, timeout=options.timeout, **parse_kwargs(options))
    return sandbox.run(parse_pdf, path, timeout=options.timeout, **parse_kwargs(options))


class Importer:
    def __init__(self, options: IngestOptions | None = None) -> None:
        self.options = options or IngestOptions()
        self._published = False  # a published paper went in: the export is out of date

    def ingest(self, paths: Iterable[str | os.PathLike]) -> Iterator[IngestResult]:
        """Ingest every file, yielding one result per file in order. The export is rebuilt
        once after the batch (or when it is left early), not once a file."""
        self._published = False
        try:
            yield from self._ingest_all(expand_paths(paths))
        finally:
            if self._published:
                schedule_export_rebuild()

    def _ingest_all(self, files: list[Path]) -> Iterator[IngestResult]:
        # Files are read side by side only in child processes: pdfium is not thread-safe.
        workers = max(1, self.options.workers) if self.options.isolate else 1
        if not self.options.isolate:
            for path in files:
                yield self._ingest_one(path)
        elif workers == 1 or len(files) < 2:
            yield from self._ingest_in_turn(files)
        else:
            yield from self._ingest_side_by_side(files, workers)

    def _sandbox(self) -> Sandbox:
        return Sandbox(memory_mb=self.options.memory_mb)

    def _submit(self, sandbox: Sandbox, path: Path) -> tuple:
        """Check a file and hand it to the sandbox to read: (path, start, hash, error or
        None, whether it is being read)."""
        from documents.ingest.parser import parse_pdf

        started, sha, known, error = self._check(path)
        reading = error is None and not known
        if reading:
            options = self.options
            sandbox.submit(parse_pdf, path, timeout=options.timeout, **parse_kwargs(options))
        return path, started, sha, error, reading

    def _ingest_in_turn(self, files: list[Path]) -> Iterator[IngestResult]:
        """One child reads the files one after another, up to ``READ_AHEAD`` files ahead
        of this process, which stores each in order: neither waits for the other while
        papers that are slow to read and papers that are slow to store alternate."""
        with Sandbox(memory_mb=self.options.memory_mb, depth=READ_AHEAD) as sandbox:
            pending: collections.deque[tuple] = collections.deque()
            for path in files[:READ_AHEAD]:
                pending.append(self._submit(sandbox, path))
            for index in range(len(files)):
                path, started, sha, error, reading = pending.popleft()
                parsed = None
                if reading:
                    try:
                        parsed = sandbox.result()
                    except IngestError as exc:
                        error = str(exc)
                if index + READ_AHEAD < len(files):
                    pending.append(self._submit(sandbox, files[index + READ_AHEAD]))
                yield self._finish(path, started, sha, parsed, error)

    def _ingest_side_by_side(self, files: list[Path], workers: int) -> Iterator[IngestResult]:
        # Parsing is CPU-bound and runs in child processes, one reused child per thread; the
        # database is used only from this thread, and writes happen here, in order.
        sandboxes: queue.SimpleQueue[Sandbox] = queue.SimpleQueue()
        made: list[Sandbox] = []
        for _ in range(workers):
            made.append(self._sandbox())
            sandboxes.put(made[-1])

        def parse(path: Path):
            sandbox = sandboxes.get()
            try:
                return self._parse(path, sandbox)
            finally:
                sandboxes.put(sandbox)

        try:
            with ThreadPoolExecutor(max_workers=workers) as pool:
                futures = []
                for path in files:
                    checked = self._check(path)
                    started, sha, known, error = checked
                    if error is None and not known:
                        futures.append((path, started, sha, pool.submit(parse, path)))
                    else:
                        futures.append((path, started, sha, checked))
                for path, started, sha, pending in futures:
                    if isinstance(pending, tuple):
                        yield self._finish(path, started, sha, None, pending[3])
                    else:
                        parsed, error = pending.result()
                        yield self._finish(path, started, sha, parsed, error)
        finally:
            for sandbox in made:
                sandbox.close()

    def ingest_file(self, path: str | os.PathLike) -> IngestResult:
        self._published = False
        result = self._ingest_one(Path(path))
        if self._published:
            schedule_export_rebuild()
        return result

    def _ingest_one(self, path: Path) -> IngestResult:
        started, sha, known, error = self._check(path)
        parsed = None
        if error is None and not known:
            parsed, error = self._parse(path)
        return self._finish(path, started, sha, parsed, error)

    def _check(self, path: Path) -> tuple[float, str | None, bool, str | None]:
        """Check and hash a file: (start time, hash, already stored, error)."""
        started = time.monotonic()
        try:
            if not path.exists():
                raise IngestError("the file does not exist")
            if not path.is_file():
                raise IngestError("this is not a file")
            size = path.stat().st_size
            if size == 0:
                raise IngestError("the file is empty (0 bytes)")
            if size > self.options.max_bytes:
                raise IngestError(
                    f"the file is {size / 1024 / 1024:,.0f} MB, over the "
                    f"{self.options.max_bytes / 1024 / 1024:,.0f} MB limit"
                )
            sha = sha256_of(path)
        except IngestError as exc:
            return started, None, False, str(exc)
        return started, sha, Document.objects.filter(sha256=sha).exists(), None

    def _parse(
        self, path: Path, sandbox: Sandbox | None = None
    ) -> tuple[ParsedDocument | None, str | None]:
        """Read a file (no database work): (reading, error)."""
        try:
            return parse_file(path, self.options, sandbox), None
        except IngestError as exc:
            return None, str(exc)

    def _finish(self, path: Path, started, sha, parsed, error) -> IngestResult:
        result = IngestResult(path=str(path), status="failed", error=error)
        if error is None and parsed is None:
            self._unchanged(result, Document.objects.get(sha256=sha))
        elif error is None:
            try:
                document, items = self._write(path, sha, parsed)
            except IngestError as exc:
                result.error = str(exc)
            except AlreadyLoaded as exc:  # another ingest stored this file while it was read
                self._unchanged(result, exc.document)
            else:
                result.status = "ok"
                result.meeting = document.meeting.get_absolute_url()
                result.document_id = document.pk
                if items is None:
                    items = document.meeting.items.filter(parent__isnull=True).count()
                result.items = items
                result.pages = parsed.page_count
                result.role = document.role
                result.warnings = list(document.warnings)
                result.doubts = list(getattr(parsed, "doubts", []) or [])
                self._published |= document.is_published
        result.seconds = time.monotonic() - started
        return result

    @staticmethod
    def _unchanged(result: IngestResult, existing: Document) -> None:
        result.status = "unchanged"
        result.meeting = existing.meeting.get_absolute_url()
        result.document_id = existing.pk
        result.pages = existing.page_count
        result.role = existing.role

    def _write(self, path: Path, sha: str, parsed: ParsedDocument) -> tuple[Document, int | None]:
        """Store a paper: the document, and its meeting's items (not sub-items) when the
        writer counted them."""
        writer = DocumentWriter(
            parsed,
            sha256=sha,
            source=path,
            original_filename=self.options.original_filename or path.name,
            context=self.options.context_for(path),
            publish=self.options.publish,
            replaces=self.options.replaces,
        )
        return writer.write(), writer.item_count
