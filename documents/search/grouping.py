"""Search results as a resident reads them: one entry per agenda item, its hits under it.

The API lists hits one by one (``contracts/search-api.md``); the search page groups the hits
of one item (its own text, the pages of its papers, its resolutions) under the item's title,
committee and date, in the order of the item's best hit. A page that belongs to no item is
an entry of its own, titled by its paper and page. A snippet already shown in an entry is not
shown again under it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

_KIND_LABELS = {"item": "Summary", "resolution": "Decision"}


@dataclass
class Hit:
    label: str
    url: str
    snippet: str


@dataclass
class ResultGroup:
    title: str
    url: str
    number: str | None
    committee: str
    meeting_url: str
    date: dt.date
    hits: list[Hit] = field(default_factory=list)


def _hit_label(result: dict) -> str:
    document = result.get("document")
    if document:
        return f"{document['title']}, page {document['page']}"
    return _KIND_LABELS.get(result["type"], "Match")


def group_results(results: list[dict]) -> list[ResultGroup]:
    """Group API-shaped results by their agenda item, best first."""
    groups: dict[str, ResultGroup] = {}
    seen: dict[str, set[str]] = {}
    for result in results:
        item, meeting = result.get("item"), result["meeting"]
        key = item["url"] if item else result["url"]
        group = groups.get(key)
        if group is None:
            if item:
                title, url, number = item["title"], item["url"], item.get("number") or ""
            else:
                title, url, number = _hit_label(result), result["url"], None
            group = groups[key] = ResultGroup(
                title=title,
                url=url,
                number=number,
                committee=meeting["committee"],
                meeting_url=meeting["url"],
                date=dt.date.fromisoformat(meeting["date"]),
            )
            seen[key] = set()
        snippet = result.get("snippet") or ""
        if snippet in seen[key]:
            snippet = ""
        seen[key].add(snippet)
        if snippet or result["type"] != "item":
            group.hits.append(Hit(_hit_label(result), result["url"], snippet))
    return list(groups.values())
