"""The read-only open-data JSON API (Django REST framework, OpenAPI by drf-spectacular)."""
