"""Building what a review test starts from: an uploaded pack, and the item form's data."""

from __future__ import annotations

from pathlib import Path

from django.urls import reverse

from meetings.models import AgendaItem, Meeting
from tests.staff.conftest import upload


def uploaded_pack(client, papers, **fields) -> Meeting:
    upload(client, papers, **{"meeting-new_committee": "People and Health", **fields})
    return Meeting.objects.get()


def formset_data(formset) -> dict:
    """What the browser posts for a bound-able formset: management form and every row."""
    data = {}
    for name, field in formset.management_form.fields.items():
        data[f"{formset.prefix}-{name}"] = formset.management_form.initial.get(name, field.initial)
    for form in formset.forms:
        data.update(form_data(form))
    return data


def form_data(form) -> dict:
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if hasattr(value, "pk"):
            value = value.pk
        if value is None or value is False:
            continue
        data[form.add_prefix(name)] = "on" if value is True else value
    return data


def item_form_data(client, item: AgendaItem, **changes) -> dict:
    """The item page's form as the browser would post it, with ``changes`` (item fields)."""
    page = client.get(reverse("staff:item", args=[item.pk]))
    context = page.context
    data = {}
    data.update(form_data(context["item_form"]))
    data.update(form_data(context["report_form"]))
    data.update(formset_data(context["resolutions"]))
    data.update(formset_data(context["ranges"]))
    for name, value in changes.items():
        key = f"item-{name}"
        if value is False:
            data.pop(key, None)
        else:
            data[key] = "on" if value is True else value
    return data


def read_again(pdf: Path, folder: Path, *, publish: bool = True):
    """A new version of the same paper (same name, a byte added), read as the ingest would."""
    from documents.importer import Importer, IngestOptions

    folder.mkdir(parents=True, exist_ok=True)
    again = folder / pdf.name
    again.write_bytes(pdf.read_bytes() + b"\n% issued again\n")
    [result] = Importer(IngestOptions(isolate=False, publish=publish)).ingest([again])
    assert result.status == "ok", result.error
    return result
