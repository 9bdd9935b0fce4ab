from django.urls import path

from councillors import views

urlpatterns = [
    path("wards/", views.ward_list, name="ward-list"),
    path("wards/<slug:slug>/", views.ward_detail, name="ward-detail"),
]
