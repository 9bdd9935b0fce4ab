"""The one error the ingest pipeline raises for a file it cannot read.

Its message is a single line a council clerk can act on ("the file is password-protected
(encrypted); save an unprotected copy and upload that"), never a library's traceback text.
"""

from __future__ import annotations


class IngestError(Exception):
    """A file could not be ingested; ``str(error)`` is one plain-English line for a clerk."""

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(message.split()))

    @property
    def message(self) -> str:
        return str(self)


def size_words(n_bytes: int) -> str:
    """A file size as a clerk would say it: "312 MB", "48 KB", "900 bytes"."""
    if n_bytes >= 1024 * 1024:
        return f"{n_bytes / (1024 * 1024):,.0f} MB"
    if n_bytes >= 1024:
        return f"{n_bytes / 1024:,.0f} KB"
    return f"{n_bytes:,} bytes"
