from django.contrib import admin
from django.urls import include, path

from portal import views

urlpatterns = [
    path("", views.home, name="home"),
    path("health/", views.health, name="health"),
    path("admin/", admin.site.urls),
    path("", include("meetings.urls")),
    path("", include("documents.urls")),
]

handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
