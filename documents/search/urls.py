from django.urls import path

from documents.search import api, views

urlpatterns = [
    path("search/", views.search_page, name="search"),
    path("api/search", api.SearchView.as_view(), name="api-search"),
]
