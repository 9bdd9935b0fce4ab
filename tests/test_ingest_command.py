"""`manage.py ingest` as contracts/ingest-cli.md describes it."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db(transaction=True)

MINUTES = "dorset-cabinet-2017-10-04-minutes.pdf"


def run(capsys, *args):
    code = 0
    try:
        call_command("ingest", *map(str, args))
    except SystemExit as exc:
        code = exc.code
    out = capsys.readouterr()
    return code, out.out, out.err


def test_it_prints_ok_with_the_meeting_url_then_unchanged(capsys, papers):
    code, out, _ = run(capsys, papers / MINUTES)
    assert code == 0
    assert out.startswith(f"ok {papers / MINUTES} -> /meetings/cabinet/2017-10-04/ (")
    assert "pages" in out
    code, out, _ = run(capsys, papers / MINUTES)
    assert (code, out.strip()) == (0, f"unchanged {papers / MINUTES}")


def test_it_prints_json_lines(capsys, papers):
    code, out, _ = run(capsys, papers / MINUTES, "--json")
    data = json.loads(out.strip())
    assert code == 0
    contract = {"path", "status", "meeting", "items", "pages", "seconds", "error"}
    assert contract | {"role", "warnings"} <= set(data)
    assert (data["status"], data["pages"], data["error"]) == ("ok", 7, None)
    assert (data["role"], data["warnings"]) == ("minutes", [])


def test_it_exits_1_when_a_file_fails_and_still_ingests_the_rest(capsys, tmp_path, papers):
    fake = tmp_path / "agenda.pdf"
    fake.write_text("<!doctype html><html><body>Not found</body></html>")
    code, out, _ = run(capsys, fake, papers / MINUTES)
    assert code == 1
    lines = out.strip().splitlines()
    assert lines[0].startswith(f"FAILED {fake}: ")
    assert lines[1].startswith("ok ")


def test_it_exits_2_on_bad_arguments(capsys, papers):
    code, _, err = run(capsys, papers / MINUTES, "--date", "4th October")
    assert code == 2
    assert "YYYY-MM-DD" in err


def test_it_walks_folders_for_pdfs(capsys, tmp_path, papers):
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "b.PDF").write_bytes((papers / MINUTES).read_bytes())
    (folder / "notes.txt").write_text("not a paper")
    code, out, _ = run(capsys, folder, "--json")
    assert code == 0
    assert [json.loads(line)["path"] for line in out.splitlines()] == [str(folder / "b.PDF")]
