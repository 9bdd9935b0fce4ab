"""A record of one person's decision as a council prints it (a form of labelled fields),
written as a small PDF for tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.pdfmaker import make_pdf


def _spaced(*lines: str) -> list[str]:
    """Each line a paragraph of its own, as the form's boxes print them."""
    return [part for line in lines for part in (line, "")]


def record_pdf(
    folder: Path,
    *,
    maker: str = "Mr Tom Example, Cabinet Member for Highways and Transport",
    reference: str = "25/00011",
    title: str = "Resurfacing of the Old Road",
    parts: tuple[str, ...] = ("APPROVE the resurfacing of the Old Road in the spring",),
    signed: dt.date = dt.date(2025, 2, 14),
    call_in: str = "",
    name: str = "record.pdf",
) -> Path:
    """A signed record of decision; ``call_in`` is a line it prints about call-in, if any."""
    return make_pdf(
        folder / name,
        [
            _spaced(
                "BORSETSHIRE COUNTY COUNCIL - RECORD OF DECISION",
                "DECISION TO BE TAKEN BY:",
                maker,
                "DECISION NUMBER:",
                reference,
                "Key decision: NO",
                "Subject Matter / Title of Decision",
                title,
                "Decision:",
                "As Cabinet Member I agree to:",
                *parts,
                "Reason(s) for decision:",
                "The road surface has worn out since it was last laid in 2009.",
            ),
            _spaced(
                "Any alternatives considered and rejected:",
                "Patching the road was considered; it would last two winters at most.",
                *([call_in] if call_in else []),
                "Any interest declared when the decision was taken and any dispensation "
                "granted by the Proper Officer:",
                "None.",
                f"{signed:%-d/%-m/%Y}",
                "signed",
            ),
        ],
    )
