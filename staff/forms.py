"""Forms for the staff pages: upload, meeting details, item corrections, attendance."""

from __future__ import annotations

from django import forms
from django.forms import inlineformset_factory

from documents.models import Document, PageRange
from meetings.models import AgendaItem, Attendance, Committee, Meeting, Report, Resolution
from portal.widgets import DayMonthYear
from staff.uploads import check_upload

REPORT_FIELDS = [f.name for f in Report._meta.fields if f.name not in ("id", "item")]
KIND_CHOICES = [("", "Work it out from the paper"), *Document.Kind.choices]
DATE_INPUT = DayMonthYear()
TIME_INPUT = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class MeetingChoiceForm(forms.Form):
    """Which meeting the papers are for: an existing committee or a new one, and a date."""

    committee = forms.ModelChoiceField(
        Committee.objects.order_by("name"), required=False, empty_label="Read it from the paper"
    )
    new_committee = forms.CharField(
        max_length=200, required=False, label="Or a new committee's name"
    )
    date = forms.DateField(
        required=False,
        label="Meeting date",
        widget=DATE_INPUT,
        help_text="For example, 4 10 2017. Leave empty to read it from the paper.",
    )
    publish = forms.BooleanField(
        required=False,
        label="Publish as soon as they are read",
        help_text="Leave unticked to check the papers first (recommended).",
    )

    def clean(self):
        data = super().clean()
        if data.get("committee") and data.get("new_committee", "").strip():
            raise forms.ValidationError("Choose a committee or name a new one, not both.")
        return data

    def committee_name(self) -> str:
        committee = self.cleaned_data.get("committee")
        return committee.name if committee else self.cleaned_data.get("new_committee", "").strip()

    def chosen_meeting(self) -> Meeting | None:
        """The existing meeting the clerk chose. A new committee or meeting is made only when a
        paper for it has been read, so a refused file leaves nothing behind."""
        name, date = self.committee_name(), self.cleaned_data.get("date")
        if not (name and date):
            return None
        return (
            Meeting.objects.filter(committee__name__iexact=name, date=date)
            .order_by("start_time")
            .first()
        )


class PaperForm(forms.Form):
    file = forms.FileField(
        required=False, widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"})
    )
    kind = forms.ChoiceField(choices=KIND_CHOICES, required=False)

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded:
            check_upload(uploaded)
        return uploaded


class BasePaperFormSet(forms.BaseFormSet):
    def clean(self):
        super().clean()
        if not any(form.cleaned_data.get("file") for form in self.forms if form.is_valid()):
            raise forms.ValidationError("Choose at least one PDF to upload.")


PaperFormSet = forms.formset_factory(PaperForm, formset=BasePaperFormSet, extra=4, max_num=10)


class ReplaceForm(forms.Form):
    file = forms.FileField(
        label="New version (PDF)",
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
    )
    publish = forms.BooleanField(required=False, label="Publish the new version as soon as read")

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        check_upload(uploaded)
        return uploaded


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["committee", "date", "start_time", "end_time", "venue", "status", "webcast_url"]
        widgets = {"date": DATE_INPUT, "start_time": TIME_INPUT, "end_time": TIME_INPUT}


class ItemForm(forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = [
            "order",
            "number",
            "minute_number",
            "title",
            "exempt",
            "exempt_paragraph",
            "narrative",
            "reasons",
        ]
        widgets = {"title": forms.TextInput(attrs={"size": 80})}
        labels = {"exempt": "Not for publication (exempt)", "exempt_paragraph": "Paragraph"}

    def clean(self):
        data = super().clean()
        if not data.get("exempt"):
            data["exempt_paragraph"] = None
        elif not data.get("exempt_paragraph") and "exempt" in self.changed_data:
            self.add_error(
                "exempt_paragraph",
                "Choose the paragraph of Schedule 12A that makes this item exempt.",
            )
        return data


class NewItemForm(forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["number", "title"]
        widgets = {"title": forms.TextInput(attrs={"size": 60})}


class ItemOrderForm(forms.ModelForm):
    """One row of the agenda on the review screen: its place, number and title."""

    class Meta:
        model = AgendaItem
        fields = ["order", "number", "title"]
        widgets = {
            "order": forms.NumberInput(attrs={"size": 3, "min": 0}),
            "number": forms.TextInput(attrs={"size": 4}),
            "title": forms.TextInput(attrs={"size": 70}),
        }


ItemOrderFormSet = forms.modelformset_factory(
    AgendaItem, form=ItemOrderForm, extra=0, can_delete=True, edit_only=True
)


class ReportForm(forms.ModelForm):
    class Meta:
        model = Report
        fields = REPORT_FIELDS
        widgets = {"title": forms.TextInput(attrs={"size": 80})}


ResolutionFormSet = inlineformset_factory(
    AgendaItem,
    Resolution,
    fields=["order", "number", "text"],
    extra=1,
    can_delete=True,
    widgets={"text": forms.Textarea(attrs={"rows": 2, "cols": 70})},
)


class PageRangeForm(forms.ModelForm):
    """Pages of a paper that belong to the item. A blank row starts unticked: the box says
    the pages only list the item (the agenda), which is the exception."""

    listing_only = forms.BooleanField(
        required=False,
        label="Only lists it",
        help_text="The pages only list the item (an agenda line), so they are never withheld "
        "for it.",
    )

    class Meta:
        model = PageRange
        fields = ["document", "start", "end"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial.setdefault("listing_only", not self.instance.holds_paper)

    def clean(self):
        data = super().clean()
        self.instance.holds_paper = not data.get("listing_only")
        document, start, end = data.get("document"), data.get("start"), data.get("end")
        if document and start and end:
            if end < start:
                self.add_error("end", "The last page comes before the first.")
            elif end > document.page_count:
                self.add_error("end", f"That paper has {document.page_count} pages.")
        return data


PageRangeFormSet = inlineformset_factory(
    AgendaItem, PageRange, form=PageRangeForm, extra=1, can_delete=True
)

AttendanceFormSet = inlineformset_factory(
    Meeting,
    Attendance,
    fields=["person", "role", "substitute_for", "is_chair", "note"],
    extra=2,
    can_delete=True,
)
