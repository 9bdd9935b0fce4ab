from django.urls import path

from documents import views

urlpatterns = [
    path("documents/<int:pk>/", views.document_detail, name="document-detail"),
    path("documents/<int:pk>/pdf/", views.document_pdf, name="document-pdf"),
]
