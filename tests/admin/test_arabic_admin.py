"""The Arabic admin names every app and model in Arabic, for every role that sees them."""

import re

import pytest
from selectolax.lexbor import LexborHTMLParser

from tests.admin.conftest import ROLES

LATIN = re.compile(r"[A-Za-z]")


@pytest.mark.parametrize("role", ROLES)
def test_every_app_and_model_on_the_arabic_admin_home_is_named_in_arabic(client, demo_users, role):
    client.force_login(demo_users[role])
    page = LexborHTMLParser(client.get("/ar/admin/").content.decode())
    names = [
        node.text(deep=True).strip()
        for node in page.css(
            "#content-main div[class^=app-] caption, #content-main div[class^=app-] th a"
        )
    ]
    assert names or role == "staff"
    assert [name for name in names if LATIN.search(name)] == []


@pytest.mark.parametrize("role", ["superuser", "editor", "translator"])
def test_every_changelist_filter_is_named_in_arabic(client, demo_users, role):
    """Filters built once for every request (a language version's, a translation's) are
    named in the language of each request, not in the one the admin was built in."""
    client.force_login(demo_users[role])
    for changelist in ("/ar/admin/briefs/brief/", "/ar/admin/experts/expert/"):
        page = LexborHTMLParser(client.get(changelist).content.decode())
        titles = [node.text(deep=True).strip() for node in page.css("#changelist-filter summary")]
        assert titles, changelist
        assert [title for title in titles if LATIN.search(title)] == [], changelist
