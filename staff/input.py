"""Reading what a staff request sends, checked: query parameters and the row counts of forms.

The staff pages' own links and forms only ever send well-formed values. Anything else (a
meeting number that is not a number or is far too big, rows the page never offered) raises
``UnclearRequest``, which the site answers with a 400 page saying, in one line, what could
not be understood, rather than failing deep inside the database.
"""

from __future__ import annotations

from django.core.exceptions import BadRequest

LARGEST_ID = 2**63 - 1  # the largest row number any supported database stores
_DIGITS = frozenset("0123456789")


class UnclearRequest(BadRequest):
    """A request the staff pages cannot act on; ``str(error)`` is one line for the person."""


def _number(raw: str) -> int | None:
    """A whole number written in ASCII digits, at most ``LARGEST_ID``, else None."""
    if not raw or not set(raw) <= _DIGITS or len(raw) > len(str(LARGEST_ID)):
        return None
    value = int(raw)
    return value if value <= LARGEST_ID else None


def query_id(request, name: str, what: str) -> int | None:
    """The row number in query parameter ``name`` (None when absent or empty)."""
    raw = request.GET.get(name, "")
    if raw == "":
        return None
    value = _number(raw)
    if value is None:
        raise UnclearRequest(f"“{name}” should be the number of a {what}, such as 12.")
    return value


def query_page(request) -> int:
    """The page number asked for (1 when absent); a page past the last shows the last."""
    raw = request.GET.get("page", "")
    if raw == "":
        return 1
    value = _number(raw)
    if not value:
        raise UnclearRequest("“page” should be a page number, such as 2.")
    return value


def query_choice(request, name: str, choices) -> str:
    """One of ``choices`` (or "" when absent or empty)."""
    raw = request.GET.get(name, "")
    if raw and raw not in choices:
        raise UnclearRequest(f"“{name}” should be one of: {', '.join(choices)}.")
    return raw


def query_text(request, name: str) -> str:
    """Words typed into a search box, trimmed; control characters cannot be searched for."""
    raw = request.GET.get(name, "")
    if any(ord(char) < 32 and char not in "\t\r\n" for char in raw):
        raise UnclearRequest(f"“{name}” holds a control character, which cannot be searched for.")
    return raw.strip()


def check_rows(*formsets) -> None:
    """Refuse rows the page could not have sent: counts that are not numbers, more new rows
    than the page offered, or existing rows that are not the page's own."""
    for formset in formsets:
        if not formset.is_bound:
            continue
        counts = formset.management_form
        if not counts.is_valid():
            raise UnclearRequest(
                "the form arrived without its row counts; reload the page and try again."
            )
        total = counts.cleaned_data["TOTAL_FORMS"]
        initial = counts.cleaned_data["INITIAL_FORMS"]
        offered = 0 if getattr(formset, "edit_only", False) else formset.extra
        if not 0 <= initial <= total or total - initial > offered:
            raise UnclearRequest(
                f"the form sent {total:,} rows ({initial:,} of them existing) where the page "
                f"offers {offered:,} new ones; reload the page and try again."
            )
        _check_existing_rows(formset, initial)


def _check_existing_rows(formset, initial: int) -> None:
    """Each existing row a model formset sends must be one of its own (not another meeting's)."""
    if not hasattr(formset, "get_queryset"):
        if initial:
            raise UnclearRequest("the form sent rows that already exist where there are none.")
        return
    key = formset.model._meta.pk.name
    own = {str(pk) for pk in formset.get_queryset().values_list("pk", flat=True)}
    sent = [formset.data.get(f"{formset.add_prefix(index)}-{key}") for index in range(initial)]
    if len(set(sent)) != len(sent) or not set(sent) <= own:
        raise UnclearRequest(
            "the form names rows that are not on this page (they may have been removed since "
            "it was opened); reload the page and try again."
        )
