"""Turning a page's cleaned lines into readable text and Blocks (headings, paragraphs, lists).

Hard-wrapped lines are rebuilt into paragraphs; bullets and "(a)" / "1)" markers into list
items; short numbered or capitalised lines into headings; words split by a hyphen at a line
end are joined. Pure functions over lines.
"""

from __future__ import annotations

import re

from .parsed import Block

_ORDERED = re.compile(r"^\s*(?:\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\))\s+(?P<rest>\S.*)$", re.I)
_NUMBERED_HEADING = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.?|[A-Z]\.|[IVX]{1,4}\.)\s+\S")
_SMALL_WORDS = {"of", "and", "the", "for", "to", "in", "on", "a", "an", "by", "with", "at", "or"}
_SENTENCE_END = re.compile(r"[.!?:;]['’\")\]]*$")


def _is_heading(line: str, next_line: str | None) -> bool:
    words = line.split()
    if not words or len(words) > 12 or len(line) > 90:
        return False
    if _SENTENCE_END.search(line) and not line.endswith(":") or line.endswith(","):
        return False
    letters = [c for c in line if c.isalpha()]
    if len(letters) < 3:
        return False
    upper = sum(1 for c in letters if c.isupper()) / len(letters)
    numbered = bool(_NUMBERED_HEADING.match(line)) and len(words) <= 8
    significant = [w for w in words if w[:1].isalpha() and w.lower() not in _SMALL_WORDS]
    titled = bool(significant) and all(w[:1].isupper() for w in significant)
    ends_block = (
        next_line is None
        or not next_line
        or next_line[:1].isupper()
        or bool(_NUMBERED_HEADING.match(next_line))
    )
    return ends_block and (upper > 0.8 or (numbered and titled) or (titled and len(words) <= 6))


def _heading_level(line: str) -> int:
    match = re.match(r"^\s*(\d{1,2}(?:\.\d{1,2})*)", line)
    if match:
        return min(4, 2 + match.group(1).count("."))
    return 2 if line.isupper() else 3


def join_wrapped(previous: str, line: str) -> str:
    """Two hard-wrapped lines as one text; a word split by a hyphen at the break is joined."""
    if re.search(r"[A-Za-z]-$", previous) and line[:1].islower():
        return previous + line  # "co-" + "ordinate": keep the hyphen, drop the break
    return previous + " " + line


def _ends_paragraph(line: str, width: int) -> bool:
    return bool(_SENTENCE_END.search(line)) and len(line) < 0.8 * width


def build_blocks(lines: list[str]) -> list[Block]:
    """Blocks for a page's cleaned lines (see the module docstring)."""
    width = max((len(line) for line in lines), default=0)
    blocks: list[Block] = []
    paragraph: list[str] = []
    current_list: Block | None = None

    def flush_paragraph() -> None:
        if paragraph:
            text = paragraph[0]
            for line in paragraph[1:]:
                text = join_wrapped(text, line)
            blocks.append(Block(kind="paragraph", text=text))
            paragraph.clear()

    for index, line in enumerate(lines):
        next_line = next((n for n in lines[index + 1 :] if n.strip()), None)
        if not line.strip():
            flush_paragraph()
            current_list = None
            continue
        bullet = line.startswith("• ")
        ordered = _ORDERED.match(line)
        if bullet or ordered:
            flush_paragraph()
            is_ordered = bool(ordered) and not bullet
            if current_list is None or current_list.ordered != is_ordered:
                current_list = Block(kind="list", ordered=is_ordered)
                blocks.append(current_list)
            current_list.items.append(line[2:] if bullet else line.strip())
            continue
        if (
            current_list is not None
            and current_list.items
            and not _ends_paragraph(current_list.items[-1], width)
            and not _is_heading(line, next_line)
        ):
            current_list.items[-1] = join_wrapped(current_list.items[-1], line)
            continue
        current_list = None
        if not paragraph and _is_heading(line, next_line):
            blocks.append(Block(kind="heading", text=line.strip(), level=_heading_level(line)))
            continue
        if paragraph and (_NUMBERED_HEADING.match(line) or _ends_paragraph(paragraph[-1], width)):
            flush_paragraph()
            if _is_heading(line, next_line):
                blocks.append(Block(kind="heading", text=line.strip(), level=_heading_level(line)))
                continue
        paragraph.append(line.strip())
    flush_paragraph()
    return blocks


def blocks_text(blocks: list[Block]) -> str:
    """Plain reading text for blocks: one paragraph, heading or list item per line."""
    parts: list[str] = []
    for block in blocks:
        if block.kind == "list":
            parts.extend(("" if block.ordered else "• ") + item for item in block.items)
        elif block.kind == "table":
            parts.extend(" | ".join(cell for cell in row) for row in block.rows)
        elif block.kind == "pairs":
            parts.extend(f"{label} {value}".strip() for label, value in block.pairs)
        elif block.label:
            parts.append(f"{block.label} {block.text}".strip())
        else:
            parts.append(block.text)
        parts.append("")
    return "\n".join(parts).strip()
