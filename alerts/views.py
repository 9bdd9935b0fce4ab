"""Subscribe, confirm, manage and unsubscribe: thin views over ``alerts.subscribing``."""

from __future__ import annotations

from django.contrib.admin.views.decorators import staff_member_required
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from alerts import subscribing, tokens
from alerts.forms import FrequencyForm, SubscribeForm
from alerts.models import Subscriber, Subscription
from alerts.targets import NoTarget, target_from
from meetings.models import Committee
from portal.security import client_ip


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    try:
        target = target_from(request.GET)
    except NoTarget as error:
        status = 400 if request.GET else 200  # the bare address says how to start
        return render(request, "alerts/nothing.html", {"reason": str(error)}, status=status)
    form = SubscribeForm(request.POST or None)
    context = {"target": target, "form": form, "query": request.GET.urlencode()}
    if request.method == "POST" and form.is_valid():
        email, frequency = form.cleaned_data["email"], form.cleaned_data["frequency"]
        try:
            subscribing.subscribe(target, email, frequency, client_ip(request))
        except subscribing.TooMany:
            return render(request, "alerts/too_many.html", context, status=429)
        return render(request, "alerts/check_email.html", {**context, "email": email})
    return render(request, "alerts/subscribe.html", context, status=400 if form.errors else 200)


def _bad_link(request):
    return render(request, "alerts/bad_link.html", status=400)


@never_cache
@require_http_methods(["GET", "HEAD"])
def confirm(request, token):
    try:
        pk = tokens.read(tokens.CONFIRM, token, max_age=tokens.confirm_max_age())
    except tokens.BadLink:
        return _bad_link(request)
    subscription = get_object_or_404(Subscription.objects.select_related("subscriber"), pk=pk)
    subscribing.confirm(subscription)
    manage = tokens.manage_url(subscription.subscriber)
    return render(
        request, "alerts/confirmed.html", {"subscription": subscription, "manage_url": manage}
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def manage(request, token):
    try:
        subscriber = get_object_or_404(Subscriber, pk=tokens.read(tokens.MANAGE, token))
    except tokens.BadLink:
        return _bad_link(request)
    active = subscriber.subscriptions.filter(ended_at__isnull=True, confirmed_at__isnull=False)
    done = ""
    if request.method == "POST":
        chosen = active.filter(pk=request.POST.get("subscription") or None)
        action = request.POST.get("action")
        if action == "stop_all":
            done = f"Stopped {subscribing.end(active)} alert(s)."
        elif action == "stop" and chosen:
            subscribing.end(chosen)
            done = "Alert stopped."
        elif action == "frequency" and chosen:
            form = FrequencyForm(request.POST)
            if form.is_valid():
                chosen.update(frequency=form.cleaned_data["frequency"])
                done = "How often changed."
    context = {
        "subscriber": subscriber,
        "subscriptions": active.select_related("committee", "person").order_by("created"),
        "frequencies": Subscription.Frequency.choices,
        "done": done,
    }
    return render(request, "alerts/manage.html", context)


@csrf_exempt  # RFC 8058: mail clients post the one-click unsubscribe without a token
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    try:
        pk = tokens.read(tokens.UNSUBSCRIBE, token)
    except tokens.BadLink:
        return _bad_link(request)
    subscription = get_object_or_404(Subscription.objects.select_related("subscriber"), pk=pk)
    if request.method == "POST":
        subscribing.end(Subscription.objects.filter(pk=subscription.pk))
        subscription.refresh_from_db()
    context = {
        "subscription": subscription,
        "manage_url": tokens.manage_url(subscription.subscriber),
    }
    return render(request, "alerts/unsubscribe.html", context)


@staff_member_required
@require_http_methods(["GET", "HEAD"])
def staff_counts(request):
    """How many addresses follow each committee: counts only, no addresses."""
    live = Q(
        alert_subscriptions__confirmed_at__isnull=False,
        alert_subscriptions__ended_at__isnull=True,
        alert_subscriptions__subscriber__stopped_at__isnull=True,
    )
    committees = Committee.objects.annotate(
        followers=Count("alert_subscriptions__subscriber", filter=live, distinct=True)
    ).order_by("-followers", "name")
    kinds = (
        Subscription.objects.active().values("kind").annotate(count=Count("pk")).order_by("kind")
    )
    totals = {
        "subscribers": Subscriber.objects.filter(
            stopped_at__isnull=True, subscriptions__in=Subscription.objects.active()
        )
        .distinct()
        .count(),
        "stopped": Subscriber.objects.filter(stopped_at__isnull=False).count(),
    }
    context = {"committees": committees, "kinds": kinds, "totals": totals}
    return render(request, "alerts/staff_counts.html", context)
