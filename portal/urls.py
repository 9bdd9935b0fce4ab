from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from documents.export_file import export_download
from portal import password_reset, views
from portal.sitemaps import SITEMAPS, robots_txt

urlpatterns = [
    path("", views.home, name="home"),
    path("health/", views.health, name="health"),
    path("admin/", admin.site.urls),
    # Signing in and out and changing one's own password. A forgotten password is reset by
    # email when email is configured (portal.password_reset), else with changepassword.
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/", include(password_reset)),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/password_change/",
        auth_views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "accounts/password_change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("", include("alerts.urls")),
    path("staff/", include("staff.urls")),
    path("", include("decisions.urls")),
    path("", include("meetings.urls")),
    path("", include("councillors.urls")),
    path("", include("documents.urls")),
    path("", include("documents.search.urls")),
    path("api/", include("portal.api.urls")),
    path("feeds/", include("meetings.feed_urls")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots-txt"),
    # Browsers and feed readers that ask for /favicon.ico get the site's icon.
    path("favicon.ico", views.favicon, name="favicon"),
    path("open-data/export.json", export_download, name="export-download"),
]

handler400 = "portal.views.bad_request"
handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
