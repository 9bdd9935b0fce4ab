"""People: councillors' and officers' pages, with the meetings they attended or sent apologies."""

from __future__ import annotations

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from councillors.models import VoteCast
from meetings.models import Attendance, Declaration, Person
from meetings.views.paging import paginate

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@require_safe
def person_list(request):
    """Everyone named in public records, by surname; filtered by kind, name or letter."""
    people = Person.objects.with_public_attendance().order_by("surname", "given", "name", "pk")
    kind = request.GET.get("kind")
    if kind in Person.Kind.values:
        people = people.filter(kind=kind)
    name = request.GET.get("name", "").strip()[:100]
    if name:
        people = people.named(name)
    letter = request.GET.get("letter", "").upper()[:1]
    if letter in LETTERS and letter:
        people = people.filter(surname__istartswith=letter)
    else:
        letter = ""
    return render(
        request,
        "meetings/person_list.html",
        {
            "page": paginate(request, people, 100),
            "kind": kind if kind in Person.Kind.values else "",
            "kinds": Person.Kind.choices,
            "name": name,
            "letter": letter,
            "letters": LETTERS,
        },
    )


@require_safe
def person_detail(request, slug):
    person = get_object_or_404(Person.objects.with_public_attendance(), slug=slug)
    attendance = (
        Attendance.objects.public()
        .filter(person=person)
        .select_related("meeting__committee", "substitute_for")
        .order_by("-meeting__date", "meeting_id", "pk")
    )
    totals = attendance.aggregate(
        # One person can be listed twice for a meeting (present, and as a substitute).
        attended=Count("meeting", filter=~Q(role=Attendance.Role.APOLOGIES), distinct=True),
        apologies=Count("meeting", filter=Q(role=Attendance.Role.APOLOGIES), distinct=True),
    )
    votes = (
        VoteCast.objects.public()
        .filter(person=person)
        .select_related("vote__item__meeting__committee")
        .annotate(
            n_for=Count("vote__casts", filter=Q(vote__casts__position="for")),
            n_against=Count("vote__casts", filter=Q(vote__casts__position="against")),
            n_abstain=Count("vote__casts", filter=Q(vote__casts__position="abstain")),
        )
        .order_by("-vote__item__meeting__date", "vote__item__order", "vote__order")[:200]
    )
    declarations = (
        Declaration.objects.public()
        .filter(person=person)
        .select_related("item__meeting__committee", "meeting__committee")
        .order_by("-meeting__date", "order")[:200]
    )
    committees = (
        attendance.values("meeting__committee__name", "meeting__committee__slug")
        .annotate(
            attended=Count("meeting", filter=~Q(role=Attendance.Role.APOLOGIES), distinct=True),
            expected=Count("meeting", distinct=True),
            chaired=Count("meeting", filter=Q(is_chair=True), distinct=True),
        )
        .order_by("meeting__committee__name")
    )
    return render(
        request,
        "meetings/person_detail.html",
        {
            "person": person,
            "page": paginate(request, attendance),
            "totals": totals,
            "votes": votes,
            "declarations": declarations,
            "committees": committees,
        },
    )
