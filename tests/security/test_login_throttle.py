"""The login lockout keys on the address the trusted proxies vouch for, never on one a
client can forge; many user names tried from one address are throttled too; a login of
one's own between guesses does not start the count again; an IPv6 client is counted by
its /64."""

import pytest
from django.conf import settings

from tests.website.test_hardening import log_in
from website.proxies import known_as

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model):
    django_user_model.objects.create_user("writer", password="own", is_staff=True)
    return django_user_model.objects.create_user("editor", password="right", is_staff=True)


def limit():
    return settings.AXES_FAILURE_LIMIT


@pytest.mark.parametrize("forged", ["", "198.51.100.{n}, ", "not-an-address, "])
def test_behind_a_proxy_the_lockout_counts_the_address_the_proxy_saw(
    client, editor, settings, forged
):
    """The proxy appends the address it saw to whatever X-Forwarded-For the client sent: a
    client forging a new left-most address for each try is still counted as itself."""
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"
    for attempt in range(limit()):
        header = forged.format(n=attempt) + "203.0.113.5"
        log_in(client, "wrong", address=proxy, HTTP_X_FORWARDED_FOR=header)
    header = forged.format(n=99) + "203.0.113.5"
    assert log_in(client, "right", address=proxy, HTTP_X_FORWARDED_FOR=header).status_code == 429
    # Another reader behind the same proxy still gets in.
    other = log_in(client, "right", address=proxy, HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert other.status_code == 302


def test_many_user_names_tried_from_one_address_are_throttled(client, editor):
    for number in range(limit()):
        client.post(
            "/admin/login/?next=/admin/",
            {"username": f"guess{number}", "password": "wrong"},
            REMOTE_ADDR="203.0.113.5",
        )
    assert log_in(client, "right").status_code == 429  # then the real name, from there
    assert log_in(client, "right", address="198.51.100.7").status_code == 302


def test_a_login_of_ones_own_between_guesses_does_not_start_the_count_again(client, editor):
    for _round in range(limit()):
        log_in(client, "wrong")
        own = client.post(
            "/admin/login/?next=/admin/",
            {"username": "writer", "password": "own"},
            REMOTE_ADDR="203.0.113.5",
        )
        client.logout()
        if own.status_code == 429:
            break
    assert log_in(client, "right").status_code == 429


def test_addresses_of_one_ipv6_network_are_one_client(client, editor):
    for number in range(limit()):
        log_in(client, "wrong", address=f"2001:db8::{number + 1}")
    assert log_in(client, "right", address="2001:db8::ffff").status_code == 429
    assert log_in(client, "right", address="2001:db8:0:1::1").status_code == 302


@pytest.mark.parametrize(
    ("hop", "counted_as"),
    [
        ("203.0.113.9", "203.0.113.9"),
        ("::ffff:203.0.113.9", "203.0.113.9"),
        ("203.0.113.9:5000", "203.0.113.9"),
        ("[2001:db8::7]:443", "2001:db8::"),
        ("2001:db8::7", "2001:db8::"),
        ("not-an-address", None),
    ],
)
def test_how_a_hop_is_counted(hop, counted_as):
    assert known_as(hop) == counted_as
