"""The site's URLs with a home page that fails, to show the 500 page."""

from django.urls import path

from portal.urls import handler404, handler500, urlpatterns  # noqa: F401


def _fail(request):
    raise RuntimeError("boom")


urlpatterns = [path("", _fail), *urlpatterns]
