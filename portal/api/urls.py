"""/api/: the read-only open-data API, its OpenAPI schema and browsable docs."""

from __future__ import annotations

from django.urls import include, path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from decisions.api import DecisionViewSet, ForwardPlanViewSet
from portal.api import councillors, views
from portal.api.root import ApiRootView

app_name = "api"

router = DefaultRouter()
router.include_root_view = False  # ApiRootView lists every endpoint instead
router.register("committees", views.CommitteeViewSet, basename="committee")
router.register("meetings", views.MeetingViewSet, basename="meeting")
router.register("items", views.AgendaItemViewSet, basename="agendaitem")
router.register("documents", views.DocumentViewSet, basename="document")
router.register("resolutions", views.ResolutionViewSet, basename="resolution")
router.register("people", views.PersonViewSet, basename="person")
router.register("forward-plan", ForwardPlanViewSet, basename="forwardplanentry")
router.register("decisions", DecisionViewSet, basename="decision")
router.register("votes", councillors.RecordedVoteViewSet, basename="vote")
router.register("wards", councillors.WardViewSet, basename="ward")

urlpatterns = [
    path("schema", SpectacularAPIView.as_view(), name="schema"),
    # Swagger UI from local static files, its start-up script served as a file (no inline
    # script or style, so the page keeps to the Content Security Policy).
    path(
        "docs",
        SpectacularSwaggerSplitView.as_view(
            url_name="api:schema", template_name="api/swagger_ui.html"
        ),
        name="docs",
    ),
    # Redoc's bundle injects styles before it can be given a CSP nonce and always loads its
    # logo from cdn.redoc.ly, so it cannot run under the policy: its old address leads to
    # the Swagger UI docs of the same schema.
    path("redoc", RedirectView.as_view(pattern_name="api:docs"), name="redoc"),
    path("", ApiRootView.as_view(router=router), name="api-root"),
    path("", include(router.urls)),
]
