"""Staff pages for people: find a record, merge two records into one, split one in two."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache

from councillors.people_merge import merge_people, split_person
from meetings.models import Person
from staff.audit import record
from staff.input import query_page, query_text
from staff.models import AuditEntry
from staff.permissions import staff_required

CHANGE_PERSON = "meetings.change_person"


class MergeForm(forms.Form):
    other = forms.ModelChoiceField(
        queryset=Person.objects.none(),
        label="The same person as",
        help_text="Their meetings, votes and declarations move here; that record is removed.",
    )


class SplitForm(forms.Form):
    name = forms.CharField(max_length=200, label="Name of the other person")
    meetings = forms.MultipleChoiceField(
        choices=[], widget=forms.CheckboxSelectMultiple, label="Meetings that were theirs"
    )


@never_cache
@staff_required(CHANGE_PERSON)
def person_list(request):
    query = query_text(request, "q")
    people = Person.objects.order_by("surname", "given", "name", "pk")
    if query:
        people = people.named(query)
    page = Paginator(people, 100).get_page(query_page(request))
    return render(request, "staff/people.html", {"page": page, "query": query})


@never_cache
@staff_required(CHANGE_PERSON)
def person_edit(request, pk):
    person = get_object_or_404(Person, pk=pk)
    same_surname = Person.objects.filter(surname=person.surname).exclude(pk=person.pk)
    rows = person.attendance.select_related("meeting__committee").order_by("-meeting__date")
    meetings = {
        a.meeting_id: f"{a.meeting.committee.name}, {a.meeting.date:%-d %B %Y}" for a in rows
    }
    merge = MergeForm(request.POST if "merge" in request.POST else None, prefix="merge")
    merge.fields["other"].queryset = same_surname.order_by("given", "pk")
    split = SplitForm(request.POST if "split" in request.POST else None, prefix="split")
    split.fields["meetings"].choices = list(meetings.items())
    if merge.is_bound and merge.is_valid():
        other = merge.cleaned_data["other"]
        text = f"{other.name} merged into {person.name}"
        merge_people(person, other)
        record(request.user, AuditEntry.Action.CORRECTED, person, detail=text)
        messages.success(request, text + ".")
        return redirect("staff:person", pk=person.pk)
    if split.is_bound and split.is_valid():
        ids = [int(pk) for pk in split.cleaned_data["meetings"]]
        new = split_person(person, split.cleaned_data["name"], ids)
        record(request.user, AuditEntry.Action.CORRECTED, new, detail=f"split from {person.name}")
        messages.success(request, f"{new.name} split from {person.name}.")
        return redirect("staff:person", pk=new.pk)
    context = {"person": person, "merge": merge, "split": split, "similar": same_surname}
    return render(request, "staff/person.html", context)
