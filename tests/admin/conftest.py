"""The demo site, built once for the admin's round trip and committed, with a login for
every role; each test still runs in a transaction rolled back at its end."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from tests.conftest import load_demo_snapshot
from translations.roles import EDITORS

ROLES = ["superuser", "editor", "writer", "translator", "staff"]


@pytest.fixture(scope="module")
def demo_media(tmp_path_factory):
    return tmp_path_factory.mktemp("demo-media")


@pytest.fixture(scope="module")
def built_demo(django_db_blocker, demo_snapshot, demo_media):
    with django_db_blocker.unblock():
        load_demo_snapshot(demo_snapshot, demo_media)
        User = get_user_model()
        editor = User.objects.create_user("editor", password="pw", is_staff=True)
        editor.groups.add(Group.objects.get(name=EDITORS))
        User.objects.create_user("staff", password="pw", is_staff=True)
    yield
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def demo_users(built_demo, db, settings, demo_media):
    """{role: user}, on the committed demo, its files where load_demo left them."""
    settings.MEDIA_ROOT = demo_media
    names = {"superuser": "admin", "writer": "writer", "translator": "translator"}
    User = get_user_model()
    return {role: User.objects.get(username=names.get(role, role)) for role in ROLES}
