"""The home page and site-wide things: health check, error pages."""

from django.db import connection
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache

from documents.models import Document
from meetings.models import Meeting, Resolution


def home(request):
    context = {
        "upcoming": Meeting.objects.published().upcoming().select_related("committee")[:8],
        "recent_papers": Document.objects.public()
        .select_related("meeting__committee")
        .order_by("-published_at", "-created")[:8],
        "recent_decisions": Resolution.objects.public()
        .select_related("item__meeting__committee")
        .order_by("-item__meeting__date", "item__order", "order")[:8],
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


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    return HttpResponseServerError(loader.get_template("500.html").render())
