from django.urls import path

from meetings import views

urlpatterns = [
    path("committees/", views.committee_list, name="committee-list"),
    path("committees/<slug:slug>/", views.committee_detail, name="committee-detail"),
    path("meetings/", views.meeting_list, name="meeting-list"),
    path("meetings/<slug:committee>/<str:date>/", views.meeting_detail, name="meeting-detail"),
    path(
        "meetings/<slug:committee>/<str:date>/items/<slug:item>/",
        views.item_detail,
        name="item-detail",
    ),
    path("people/<slug:slug>/", views.person_detail, name="person-detail"),
]
