from django.urls import path

from staff import people, preview, review, views

app_name = "staff"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("upload/", views.upload, name="upload"),
    path("jobs/", views.jobs, name="jobs"),
    path("audit/", views.audit_log, name="audit"),
    path("meetings/<int:pk>/", review.meeting_review, name="meeting"),
    path("meetings/<int:pk>/preview/", preview.meeting_preview, name="meeting-preview"),
    path("meetings/<int:pk>/edit/", review.meeting_edit, name="meeting-edit"),
    path("meetings/<int:meeting_pk>/upload/", views.upload, name="meeting-upload"),
    path("meetings/<int:pk>/items/add/", review.add_item, name="item-add"),
    path("meetings/<int:pk>/attendance/", review.attendance, name="attendance"),
    path("meetings/<int:pk>/publish/", review.publish, name="publish"),
    path("meetings/<int:pk>/unpublish/", review.unpublish, name="unpublish"),
    path("items/<int:pk>/", review.item_edit, name="item"),
    path("people/", people.person_list, name="people"),
    path("people/<int:pk>/", people.person_edit, name="person"),
    path("documents/<int:pk>/", review.document_manage, name="document"),
    path("documents/<int:pk>/pdf/", views.document_pdf, name="document-pdf"),
    path("documents/<int:pk>/publish/", review.document_publish, name="document-publish"),
    path("documents/<int:pk>/exempt/", review.document_exempt, name="document-exempt"),
]
