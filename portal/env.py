"""Small typed readers for settings that come from the environment.

Every secret may also come from a file named by ``NAME_FILE`` (Docker and Kubernetes
secrets), which wins over ``NAME``.
"""

from __future__ import annotations

import os
from pathlib import Path

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off", ""}


class EnvError(ValueError):
    """A variable is set to something the portal cannot use."""


def env_str(name: str, default: str = "") -> str:
    file_name = os.environ.get(f"{name}_FILE")
    if file_name:
        try:
            return Path(file_name).read_text().strip()
        except OSError as exc:
            raise EnvError(f"{name}_FILE points at {file_name!r}, which cannot be read") from exc
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise EnvError(f"{name}={raw!r} is not a yes/no value (use 1 or 0)")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return int(raw.replace("_", ""))
    except ValueError as exc:
        raise EnvError(f"{name}={raw!r} is not a whole number") from exc


def env_list(name: str, default: str = "") -> list[str]:
    raw = os.environ.get(name, default)
    return [part.strip() for part in raw.split(",") if part.strip()]


def cache_settings(url: str, folder: Path, problems: list[str]) -> dict:
    """Django's cache settings from ``CACHE_URL``: ``redis://``, ``rediss://`` or ``unix://``
    (Django's RedisCache), ``locmem://``, ``file:///absolute/folder``; empty for files under
    ``folder``, which need nothing installed."""
    scheme = url.partition("://")[0].lower() if "://" in url else ""
    if scheme in {"redis", "rediss", "unix"}:
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    if scheme == "locmem":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "portal"}
    if scheme == "file" and url[len("file://") :].startswith("/"):
        folder = Path(url[len("file://") :])
    elif url:
        problems.append(
            f"CACHE_URL={url!r} is not a cache the portal knows "
            "(redis://host:6379/0, rediss://, unix://, locmem://, file:///folder)"
        )
    return {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(folder),
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
