"""/api/: the read-only open-data API, its OpenAPI schema and browsable docs."""

from __future__ import annotations

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from portal.api import views

app_name = "api"

router = DefaultRouter()
router.register("committees", views.CommitteeViewSet, basename="committee")
router.register("meetings", views.MeetingViewSet, basename="meeting")
router.register("items", views.AgendaItemViewSet, basename="agendaitem")
router.register("documents", views.DocumentViewSet, basename="document")
router.register("resolutions", views.ResolutionViewSet, basename="resolution")
router.register("people", views.PersonViewSet, basename="person")

urlpatterns = [
    path("schema", SpectacularAPIView.as_view(), name="schema"),
    path("docs", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("redoc", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
    path("", include(router.urls)),
]
