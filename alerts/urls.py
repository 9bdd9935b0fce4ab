from django.urls import path

from alerts import feeds, views

app_name = "alerts"

urlpatterns = [
    path("alerts/new/", views.subscribe, name="new"),
    path("alerts/confirm/<str:token>/", views.confirm, name="confirm"),
    path("alerts/manage/<str:token>/", views.manage, name="manage"),
    path("alerts/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("feeds/search.rss", feeds.SavedSearchFeed(), name="search-rss"),
    path("feeds/search.atom", feeds.AtomSavedSearchFeed(), name="search-atom"),
    path("staff/alerts/", views.staff_counts, name="staff-counts"),
]
