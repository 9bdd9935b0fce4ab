"""`manage.py check --deploy` as an operator runs it: a fresh process, production environment."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PG_URL = "postgres://portal:not-a-real-password@db.invalid:5432/portal"


def production_env(tmp_path, **changes) -> dict[str, str]:
    """Only what a production server sets: no DEBUG, nothing inherited from this shell."""
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", str(tmp_path)),
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "papers.example.gov.uk",
        "DATABASE_URL": PG_URL,
        "DATA_DIR": str(tmp_path / "data"),
        "PORTAL_ORGANISATION": "Example Council",
        "EMAIL_HOST": "smtp.example.gov.uk",  # alerts and password resets need a mail server
    }
    env.update(changes)
    return {name: value for name, value in env.items() if value is not None}


def run(env, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def deploy_check(env) -> tuple[int, str]:
    result = run(env, "check", "--deploy")
    return result.returncode, result.stdout + result.stderr


def settings_seen(env, expression: str) -> str:
    code = f"from django.conf import settings; print({expression})"
    result = run(env, "shell", "--no-imports", "-c", code)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_production_settings_pass_the_deploy_check_with_no_warnings(tmp_path):
    status, output = deploy_check(production_env(tmp_path))
    assert status == 0, output
    assert "System check identified no issues" in output
    assert "WARNING" not in output and "ERROR" not in output


def test_opting_into_hsts_preload_needs_nothing_silenced(tmp_path):
    status, output = deploy_check(production_env(tmp_path, SECURE_HSTS_PRELOAD="1"))
    assert status == 0, output
    assert "System check identified no issues (0 silenced)" in output


@pytest.mark.parametrize("key", [None, "", "too-short-0123456789"])
def test_serving_without_a_real_secret_key_is_refused(tmp_path, key):
    status, output = deploy_check(production_env(tmp_path, SECRET_KEY=key))
    assert status == 1
    assert "portal.E002" in output and "SECRET_KEY is not set" in output


def test_secrets_can_come_from_files(tmp_path):
    key = secrets.token_urlsafe(50)
    (tmp_path / "secret_key").write_text(key + "\n")
    (tmp_path / "database_url").write_text("postgres://portal:from-a-file@db:5432/papers\n")
    env = production_env(
        tmp_path,
        SECRET_KEY="ignored-because-the-file-wins-" + "x" * 40,
        SECRET_KEY_FILE=str(tmp_path / "secret_key"),
        DATABASE_URL=None,
        DATABASE_URL_FILE=str(tmp_path / "database_url"),
    )
    status, output = deploy_check(env)
    assert status == 0, output
    seen = settings_seen(
        env,
        f"settings.SECRET_KEY == {key!r}, settings.DATABASES['default']['PASSWORD'], "
        "settings.DATABASES['default']['NAME']",
    )
    assert seen == "True from-a-file papers"


def test_an_unreadable_secret_file_is_reported(tmp_path):
    env = production_env(tmp_path, SECRET_KEY_FILE=str(tmp_path / "missing"))
    status, output = deploy_check(env)
    assert status == 1
    assert "portal.E001" in output and "SECRET_KEY_FILE points at" in output


def test_s3_keys_come_only_from_the_environment(tmp_path):
    env = production_env(tmp_path, S3_BUCKET="papers")
    options = "settings.STORAGES['default']['OPTIONS']"
    assert settings_seen(env, f"{options}['access_key'], {options}['secret_key']") == "None None"
    (tmp_path / "s3").write_text("from-a-file")
    env["S3_SECRET_ACCESS_KEY_FILE"] = str(tmp_path / "s3")
    assert settings_seen(env, f"{options}['secret_key']") == "from-a-file"


def test_deployment_files_hold_no_default_secret():
    """compose.yaml must be told every secret: none falls back to a value written in it."""
    for name in ("compose.yaml", "Dockerfile"):
        text = (ROOT / name).read_text()
        defaults = re.findall(r"\$\{(\w*(?:SECRET|PASSWORD|KEY)\w*):?-", text)
        assert not defaults, f"{name} gives {defaults} a default"


def test_a_production_site_without_a_mail_server_is_told_so(tmp_path):
    # Without EMAIL_HOST mail would only be printed to the console: alerts and password
    # resets would never arrive, so the deploy check refuses it.
    status, output = deploy_check(production_env(tmp_path, EMAIL_HOST=None))
    assert status != 0
    assert "mail.E001" in output and "email will not be sent" in output
