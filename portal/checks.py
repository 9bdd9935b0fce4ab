"""System checks that turn misconfiguration into messages an operator can act on."""

from __future__ import annotations

import importlib.util
import os
import zoneinfo
from pathlib import Path

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.core.exceptions import ImproperlyConfigured

INSECURE_KEY_PREFIX = "insecure-"


@register(Tags.security, deploy=False)
def check_environment(app_configs, **kwargs):
    problems = [
        Error(message, hint="Fix the environment variable and restart.", id="portal.E001")
        for message in settings.CONFIGURATION_PROBLEMS
    ]
    if not settings.DEBUG and not settings.ALLOWED_HOSTS:
        problems.append(
            Error(
                "ALLOWED_HOSTS is empty and DEBUG is off: every request would be refused.",
                hint="Set ALLOWED_HOSTS to the site's host names, comma-separated.",
                id="portal.E003",
            )
        )
    try:
        zoneinfo.ZoneInfo(settings.TIME_ZONE)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        problems.append(
            Error(
                f"TIME_ZONE={settings.TIME_ZONE!r} is not a known time zone.",
                hint="Use an IANA name such as Europe/London.",
                id="portal.E004",
            )
        )
    problems += _storage_problems()
    if not settings.PORTAL_ORGANISATION.strip():
        problems.append(
            Warning(
                "PORTAL_ORGANISATION is empty: the site will not say whose papers these are.",
                hint="Set PORTAL_ORGANISATION to the council's name.",
                id="portal.W001",
            )
        )
    return problems


def secret_key_is_missing() -> bool:
    return not settings.DEBUG and (
        not settings.SECRET_KEY_FROM_ENVIRONMENT
        or settings.SECRET_KEY.startswith(INSECURE_KEY_PREFIX)
        or len(settings.SECRET_KEY) < 40
    )


SECRET_KEY_MESSAGE = "SECRET_KEY is not set (or is shorter than 40 characters) and DEBUG is off."
SECRET_KEY_HINT = (
    "Set SECRET_KEY or SECRET_KEY_FILE to a long random value, "
    "or set DEBUG=1 on a development machine."
)


@register(Tags.security, deploy=True)
def check_secret_key(app_configs, **kwargs):
    """Serving needs a real secret; command-line work (ingest, export) does not."""
    if secret_key_is_missing():
        return [Error(SECRET_KEY_MESSAGE, hint=SECRET_KEY_HINT, id="portal.E002")]
    return []


def require_secret_key() -> None:
    """Called by the WSGI/ASGI entry points: refuse to serve with the development key."""
    if secret_key_is_missing():
        raise ImproperlyConfigured(f"{SECRET_KEY_MESSAGE} {SECRET_KEY_HINT}")


def _storage_problems() -> list:
    if settings.S3_BUCKET:
        if importlib.util.find_spec("storages") is None:
            return [
                Error(
                    "S3_BUCKET is set but django-storages is not installed.",
                    hint="Install the project with the 's3' extra (uv sync --extra s3).",
                    id="portal.E005",
                )
            ]
        return []
    media = Path(settings.MEDIA_ROOT)
    existing = next((p for p in [media, *media.parents] if p.exists()), None)
    if existing is None or not existing.is_dir() or not os.access(existing, os.W_OK):
        return [
            Error(
                f"MEDIA_ROOT {media} cannot be created or written, so papers cannot be stored.",
                hint="Point MEDIA_ROOT at a writable folder (a volume in Docker).",
                id="portal.E006",
            )
        ]
    return []
