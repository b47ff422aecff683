import os
import shutil
from io import StringIO
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import translation

from search.documents import forget_estimates


@pytest.fixture(scope="session", autouse=True)
def _plain_http_without_collectstatic():
    """The suite runs with DEBUG off, as production does, but over plain HTTP and without
    collectstatic (tests/website/test_hardening.py checks the production defaults). For the
    whole session, so that the browser tests' live server starts with it too."""
    from django.conf import settings

    with override_settings(
        SECURE_SSL_REDIRECT=False,
        SECURE_HSTS_SECONDS=0,
        SESSION_COOKIE_SECURE=False,
        CSRF_COOKIE_SECURE=False,
        STATIC_ROOT=None,
        # Pages change under most tests without the announcement, which waits for a commit
        # that a test never makes: the page cache has its own tests (tests/website).
        PAGE_CACHE=False,
        CACHES=_caches_of_this_worker(settings.CACHES),
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
    ):
        yield


def _caches_of_this_worker(caches):
    """Under pytest-xdist each worker empties the cache before every test, so each worker
    has a Redis database of its own: REDIS_URL's for the first, the ones below it next."""
    worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw"))
    default = caches["default"]
    if not worker or "redis" not in default["BACKEND"].lower():
        return caches
    url = urlsplit(default["LOCATION"])
    database = int(url.path.strip("/") or 0) - worker
    if database < 0:
        raise RuntimeError(f"REDIS_URL's database number is too low for worker gw{worker}")
    return {
        **caches,
        "default": {**default, "LOCATION": urlunsplit(url._replace(path=f"/{database}"))},
    }


@pytest.fixture(autouse=True)
def _isolated_media_cache_language_and_fast_passwords(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

    cache.clear()  # each test starts with nothing cached by another
    forget_estimates()
    yield
    translation.deactivate()  # a request under /ar/ leaves Arabic active in its thread


# Rows the demo's snapshot leaves out: Django and django-axes make them for themselves.
NOT_DEMO = ["contenttypes", "auth.permission", "sessions", "admin.logentry", "axes"]


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo, built once per test process by `load_demo` (its image renditions are
    most of its time) and kept as a fixture file of its rows and a folder of its files;
    the database is left as it was."""
    folder = tmp_path_factory.mktemp("demo")
    rows, media = folder / "demo.json", folder / "media"
    quick = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media, PASSWORD_HASHERS=quick),
        transaction.atomic(),
    ):
        call_command("load_demo", "--demo-accounts", stdout=StringIO())
        call_command(
            "dumpdata",
            natural_foreign=True,
            natural_primary=True,  # users by name: a test's own logins stay as they are
            exclude=NOT_DEMO,
            output=str(rows),
            verbosity=0,
        )
        transaction.set_rollback(True)
    return rows, media


def load_demo_snapshot(snapshot, media_root):
    """The demo's rows into the database and its files under `media_root`, as load_demo
    leaves them (before the commit: its announcements are not sent)."""
    rows, media = snapshot
    shutil.copytree(media, media_root, dirs_exist_ok=True)
    call_command("loaddata", str(rows), verbosity=0)


@pytest.fixture
def demo(db, demo_snapshot, settings):
    """The demo content built from the seed article."""
    load_demo_snapshot(demo_snapshot, settings.MEDIA_ROOT)


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", password="pw")
    client.force_login(user)
    return client


@pytest.fixture
def member(client, django_user_model):
    """member(name, group): log `client` in as a new staff user in the role `group`."""
    from translations.roles import give_role, setup_roles

    setup_roles()

    def log_in(name, group):
        user = django_user_model.objects.create_user(name, password="pw", is_staff=True)
        give_role(user, group)
        client.force_login(user)
        return user

    return log_in


@pytest.fixture
def announcements():
    """The public_content_changed announcements sent during the test, in order."""
    from publishing.signals import public_content_changed

    sent = []

    def listen(change, **kwargs):
        sent.append(change)

    public_content_changed.connect(listen)
    yield sent
    public_content_changed.disconnect(listen)


@pytest.fixture
def site(db, django_capture_on_commit_callbacks):
    """A public brief on every surface, search and its PDF included, beside another brief
    whose rail could show it: (brief, neighbour, expert, topic, levant, syria)."""
    from tests.surfaces import make_site

    with django_capture_on_commit_callbacks(execute=True):  # indexed for search
        return make_site()
