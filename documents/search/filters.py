"""The search filters (django-filter), shared by the API and the page, and their validation."""

from __future__ import annotations

import django_filters
from django import forms

from documents.search.backends import KINDS
from documents.search.query import QueryError
from documents.search.service import MAX_PAGE_SIZE, SearchRequest
from meetings.models import Committee
from portal.widgets import DayMonthYear

TYPE_CHOICES = [("item", "Agenda items"), ("page", "Pages of papers"), ("resolution", "Decisions")]
assert [value for value, _ in TYPE_CHOICES] == list(KINDS)


def _public_committees(request=None):
    return Committee.objects.with_listed_meetings().order_by("name")


class _Slugs(forms.Field):
    """Committee slugs; an empty value is no filter, an unknown one matches nothing."""

    widget = forms.CheckboxSelectMultiple

    def to_python(self, value):
        values = value if isinstance(value, list | tuple) else [value] if value else []
        return [str(v) for v in values if v]


class _SlugsFilter(django_filters.Filter):
    field_class = _Slugs


class SearchFilter(django_filters.FilterSet):
    """``q``, ``committee`` (slugs), ``from``, ``to`` and ``type``; the search applies them."""

    q = django_filters.CharFilter(label="Search for", method="_unchanged")
    committee = _SlugsFilter(label="Committee", method="_unchanged")
    type = django_filters.MultipleChoiceFilter(
        choices=TYPE_CHOICES,
        label="Show",
        widget=forms.CheckboxSelectMultiple,
        method="_unchanged",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form.fields["committee"].widget.choices = [
            (c.slug, c.name) for c in _public_committees()
        ]
        for name in ("committee", "type"):
            self.form.fields[name].widget.attrs["class"] = "checkboxes__input"

    def _unchanged(self, queryset, name, value):
        return queryset

    def search_request(self, page: int, page_size: int) -> SearchRequest:
        """The validated request; QueryError (for a 400) names the first bad parameter."""
        form = self.form
        if not form.is_valid():
            name, errors = next(iter(form.errors.items()))
            raise QueryError(f"{name}: {' '.join(errors)}")
        data = form.cleaned_data
        return SearchRequest(
            q=data.get("q") or "",
            committees=tuple(data.get("committee") or ()),
            date_from=data.get("from"),
            date_to=data.get("to"),
            types=tuple(data.get("type") or ()),
            page=page,
            page_size=page_size,
        )


_DATE_ERRORS = {"invalid": "enter a real date, for example 4 10 2017"}
# ``from`` and ``to`` are Python keywords, so they are added by name, after ``committee``.
SearchFilter.base_filters = {
    "q": SearchFilter.base_filters["q"],
    "committee": SearchFilter.base_filters["committee"],
    "from": django_filters.DateFilter(
        label="From", widget=DayMonthYear, method="_unchanged", error_messages=_DATE_ERRORS
    ),
    "to": django_filters.DateFilter(
        label="To", widget=DayMonthYear, method="_unchanged", error_messages=_DATE_ERRORS
    ),
    "type": SearchFilter.base_filters["type"],
}


def positive_int(params, name: str, default: int, maximum: int | None = None) -> int:
    raw = params.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except (TypeError, ValueError):
        raise QueryError(f"{name} must be a whole number") from None
    if value < 1 or (maximum and value > maximum):
        bound = f" and at most {maximum}" if maximum else ""
        raise QueryError(f"{name} must be at least 1{bound}")
    return value


def search_request_from(params) -> SearchRequest:
    """Validate query parameters (a QueryDict) into a SearchRequest, or raise QueryError."""
    if any("\x00" in value for values in params.lists() for value in values[1]):
        # A NUL can never match stored text; drop it rather than refuse the whole search.
        params = params.copy()
        for key, values in list(params.lists()):
            params.setlist(key, [value.replace("\x00", "") for value in values])
    page = positive_int(params, "page", 1)
    page_size = positive_int(params, "page_size", 20, MAX_PAGE_SIZE)
    filterset = SearchFilter(params, queryset=Committee.objects.none())
    return filterset.search_request(page, page_size)
