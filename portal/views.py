"""The home page and site-wide things: health check, error pages."""

from django.conf import settings
from django.db import connection
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from documents.models import Document
from meetings.models import Meeting, Resolution


@require_safe
def home(request):
    meetings = Meeting.objects.listed().select_related("committee")
    context = {
        "upcoming": meetings.upcoming()[:8],
        "recent_meetings": meetings.past()[:5],
        "recent_papers": Document.objects.public()
        .select_related("meeting__committee")
        .order_by("-published_at", "-created")[:8],
        "recent_decisions": Resolution.objects.public()
        .exclude(item__meeting__is_decision_record=True)  # in the register as its decision
        .newest_first()
        .select_related("item__meeting__committee")[:6],
    }
    return render(request, "portal/home.html", context)


@never_cache
def health(request):
    """For load balancers and Docker's HEALTHCHECK: 200 when the database answers."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # noqa: BLE001 - any database failure is "unhealthy"
        return JsonResponse({"status": "error", "database": str(exc)[:200]}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def bad_request(request, exception):
    """400: what could not be understood, in one line when the portal itself said why."""
    from staff.input import UnclearRequest

    reason = str(exception) if isinstance(exception, UnclearRequest) else ""
    return render(request, "400.html", {"reason": reason}, status=400)


@require_safe
def favicon(request):
    """Browsers and feed readers that ask for /favicon.ico get the site's icon."""
    return redirect(static("portal/favicon.svg"), permanent=True)


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    """The site's look without touching the database (it may be why we are here)."""
    try:
        body = loader.get_template("500.html").render(
            {"organisation": settings.PORTAL_ORGANISATION}
        )
    except Exception:  # noqa: BLE001 - the error page itself must never fail
        body = "<h1>Sorry, there is a problem with the service</h1><p>Try again later.</p>"
    return HttpResponseServerError(body)
