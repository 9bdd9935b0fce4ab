from django.urls import path

from meetings import views

urlpatterns = [
    path("committees/", views.committee_list, name="committee-list"),
    path("committees/<slug:slug>/", views.committee_detail, name="committee-detail"),
    path("meetings/", views.meeting_list, name="meeting-list"),
    path("meetings/calendar/", views.meeting_calendar, name="meeting-calendar-current"),
    path(
        "meetings/calendar/<int:year>/<int:month>/",
        views.meeting_calendar,
        name="meeting-calendar",
    ),
    path("meetings/<slug:committee>/<str:date>/", views.meeting_detail, name="meeting-detail"),
    path(
        "meetings/<slug:committee>/<str:date>/items/<slug:item>/",
        views.item_detail,
        name="item-detail",
    ),
    path("people/", views.person_list, name="person-list"),
    path("people/<slug:slug>/", views.person_detail, name="person-detail"),
]
