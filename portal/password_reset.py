"""Staff password reset by email: only when email is configured, and rate-limited like
signing in (``PASSWORD_RESET_PER_HOUR`` requests per address asked for and per client)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import Http404
from django.shortcuts import render
from django.urls import path

from alerts import ratelimit
from portal.security import client_ip


class _NeedsEmail:
    def dispatch(self, request, *args, **kwargs):
        if not settings.EMAIL_CONFIGURED:
            raise Http404("password reset needs email (EMAIL_HOST)")
        return super().dispatch(request, *args, **kwargs)


class PasswordResetView(_NeedsEmail, auth_views.PasswordResetView):
    def form_valid(self, form):
        limit = settings.PASSWORD_RESET_PER_HOUR
        keys = {
            f"address:{form.cleaned_data['email']}": limit,
            f"client:{client_ip(self.request) or ''}": limit,
        }
        if not ratelimit.allow("password-reset", keys):
            return render(self.request, "registration/password_reset_paused.html", status=429)
        return super().form_valid(form)


class PasswordResetConfirmView(_NeedsEmail, auth_views.PasswordResetConfirmView):
    pass


urlpatterns = [
    path("password_reset/", PasswordResetView.as_view(), name="password_reset"),
    path(
        "password_reset/done/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "reset/<uidb64>/<token>/",
        PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
