"""Form widgets after the GOV.UK Design System, shared by the public and staff pages."""

from __future__ import annotations

import datetime as dt

from django import forms


class DayMonthYear(forms.MultiWidget):
    """GOV.UK's date input: a day, a month and a year box (``from_day``, ``from_month``,
    ``from_year``). A whole date in the field's own name (``from=2017-10-04``, as the API and
    older links give it) is taken as it is."""

    template_name = "_date_input.html"
    parts = (("day", "Day", 2), ("month", "Month", 2), ("year", "Year", 4))

    def __init__(self, attrs=None):
        widgets = {
            name: forms.TextInput(attrs={"inputmode": "numeric", "size": size})
            for name, _label, size in self.parts
        }
        super().__init__(widgets, attrs)

    def decompress(self, value):
        if isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value)
            except ValueError:
                return [None, None, None]
        return [value.day, value.month, value.year] if value else [None, None, None]

    def value_from_datadict(self, data, files, name):
        if data.get(name):
            return data.get(name)
        day, month, year = super().value_from_datadict(data, files, name)
        if not any((day, month, year)):
            return ""
        if not (day and month and year):
            return "incomplete"
        return f"{year.strip()}-{month.strip().zfill(2)}-{day.strip().zfill(2)}"

    def value_omitted_from_data(self, data, files, name):
        return name not in data and super().value_omitted_from_data(data, files, name)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for subwidget, (_name, label, _size) in zip(
            context["widget"]["subwidgets"], self.parts, strict=True
        ):
            subwidget["label"] = label
        return context
