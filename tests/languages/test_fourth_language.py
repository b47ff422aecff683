"""Adding a language is a settings change, `makemigrations`, a catalogue and nothing else:
a made-up fourth language (Klingon) is added so to a copy of the project, which then
serves its pages, search and admin tabs, on the database the suite runs on."""

import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings

PROJECT = Path(__file__).resolve().parents[2]
LEFT_BEHIND = (".venv", "node_modules", ".git", "test-artifacts", "media", "staticfiles")
CATALOGUE = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: tlh\\n"

msgid "Search"
msgstr "nej"

msgid "Policy Analysis"
msgstr "QeD"
"""


@pytest.fixture
def database():
    """A database of its own for the copy: a file on SQLite, a new database on PostgreSQL."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        yield None
        return
    import psycopg

    name = f"fourth_language_{uuid.uuid4().hex[:8]}"
    server = url.rsplit("/", 1)[0]
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{server}/{name}"
    finally:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_fourth_language_needs_settings_migrations_and_a_catalogue_only(tmp_path, database):
    copy = tmp_path / "project"
    shutil.copytree(PROJECT, copy, ignore=shutil.ignore_patterns(*LEFT_BEHIND, "*.sqlite3"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.languages.fourth_language_settings",
        "DEBUG": "true",
        "DATABASE_URL": database or f"sqlite:///{tmp_path / 'fourth.sqlite3'}",
    }
    env.pop("REDIS_URL", None)

    def manage(*args, **kwargs):
        done = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=copy,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            **kwargs,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return done.stdout

    made = manage("makemigrations")
    for change in (
        "Add field title_tlh to brief",
        "Add field name_tlh to expert",
        "Add field name_tlh to topic",
        "Add field alt_tlh to image",
        "Add field document_tlh to searchentry",
        "Create index search_entry_tlh_words",
        "Create index brief_live_tlh_date",
    ):
        assert change in made, made
    catalogue = copy / "locale" / "tlh" / "LC_MESSAGES"
    catalogue.mkdir(parents=True)
    (catalogue / "django.po").write_text(CATALOGUE)
    manage("compilemessages", "--locale", "tlh")
    manage("migrate", "--no-input")
    walk = (Path(__file__).parent / "fourth_language_walk.py").read_text()
    seen = json.loads(manage("shell", input=walk).strip().splitlines()[-1])
    assert seen.pop("slug") == "quv-ghojmohmeh"
    assert seen.pop("article") == 200
    assert seen == dict.fromkeys(seen, True), seen
    # and the project itself is unchanged: no migration was needed for its own languages
    assert not list((PROJECT / "briefs" / "migrations").glob("*tlh*"))
    assert "tlh" not in dict(settings.LANGUAGES)
