"""Misconfiguration is reported by `manage.py check`, with a hint an operator can act on."""

from __future__ import annotations

import pytest

from portal import checks
from portal.env import EnvError, env_bool, env_int, env_list, env_str


def ids(messages) -> set[str]:
    return {m.id for m in messages}


def test_it_passes_with_the_development_defaults(settings):
    assert checks.check_environment(None) == []


def test_it_reports_bad_values_collected_from_the_environment(settings):
    settings.CONFIGURATION_PROBLEMS = ["DEBUG='maybe' is not a yes/no value (use 1 or 0)"]
    messages = checks.check_environment(None)
    assert ids(messages) == {"portal.E001"}
    assert "DEBUG='maybe'" in messages[0].msg


def test_it_requires_a_secret_key_when_debug_is_off(settings):
    settings.DEBUG = False
    settings.SECRET_KEY_FROM_ENVIRONMENT = False
    assert ids(checks.check_secret_key(None)) == {"portal.E002"}
    with pytest.raises(Exception, match="SECRET_KEY is not set"):
        checks.require_secret_key()


def test_it_accepts_a_long_secret_key_from_the_environment(settings):
    settings.DEBUG = False
    settings.SECRET_KEY = "k" * 50
    settings.SECRET_KEY_FROM_ENVIRONMENT = True
    assert checks.check_secret_key(None) == []


def test_it_does_not_need_a_secret_key_in_debug(settings):
    settings.DEBUG = True
    settings.SECRET_KEY_FROM_ENVIRONMENT = False
    assert checks.check_secret_key(None) == []


def test_it_reports_empty_allowed_hosts_when_debug_is_off(settings):
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = []
    assert "portal.E003" in ids(checks.check_environment(None))


def test_it_reports_an_unknown_time_zone(settings):
    settings.TIME_ZONE = "Europe/Atlantis"
    assert "portal.E004" in ids(checks.check_environment(None))


def test_it_reports_a_media_root_that_cannot_be_written(settings, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    settings.MEDIA_ROOT = blocker / "papers"
    assert "portal.E006" in ids(checks.check_environment(None))


def test_it_reports_s3_without_django_storages(settings, monkeypatch):
    settings.S3_BUCKET = "council-papers"
    monkeypatch.setattr(checks.importlib.util, "find_spec", lambda name: None)
    assert "portal.E005" in ids(checks.check_environment(None))


def test_it_warns_when_the_council_is_not_named(settings):
    settings.PORTAL_ORGANISATION = " "
    assert ids(checks.check_environment(None)) == {"portal.W001"}


def test_env_helpers_read_typed_values(monkeypatch, tmp_path):
    monkeypatch.setenv("FLAG", "yes")
    monkeypatch.setenv("COUNT", "5_000")
    monkeypatch.setenv("HOSTS", "a.example, b.example,")
    secret = tmp_path / "secret"
    secret.write_text("from-a-file\n")
    monkeypatch.setenv("TOKEN", "from-env")
    monkeypatch.setenv("TOKEN_FILE", str(secret))
    assert env_bool("FLAG") is True
    assert env_int("COUNT", 1) == 5000
    assert env_list("HOSTS") == ["a.example", "b.example"]
    assert env_str("TOKEN") == "from-a-file"


def test_env_helpers_reject_values_they_cannot_read(monkeypatch):
    monkeypatch.setenv("FLAG", "perhaps")
    monkeypatch.setenv("COUNT", "lots")
    monkeypatch.setenv("TOKEN_FILE", "/no/such/file")
    for reader, args in ((env_bool, ("FLAG",)), (env_int, ("COUNT", 1)), (env_str, ("TOKEN",))):
        with pytest.raises(EnvError):
            reader(*args)
