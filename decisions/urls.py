from django.urls import path

from decisions import views

urlpatterns = [
    path("decisions/", views.decision_list, name="decision-list"),
    path("decisions/<int:pk>/", views.decision_detail, name="decision-detail"),
    path("forward-plan/", views.forward_plan_list, name="forward-plan"),
]
