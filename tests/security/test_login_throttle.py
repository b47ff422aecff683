"""The login lockout keys on the address the trusted proxies vouch for, never on one a
client can forge, and many user names tried from one address are throttled too."""

import pytest

from tests.website.test_hardening import log_in


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("editor", password="right", is_staff=True)


@pytest.mark.django_db
@pytest.mark.parametrize("forged", ["", "198.51.100.{n}, ", "not-an-address, "])
def test_behind_a_proxy_the_lockout_counts_the_address_the_proxy_saw(
    client, editor, settings, forged
):
    """The proxy appends the address it saw to whatever X-Forwarded-For the client sent: a
    client forging a new left-most address for each try is still counted as itself."""
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"
    for attempt in range(5):
        header = forged.format(n=attempt) + "203.0.113.5"
        log_in(client, "wrong", address=proxy, HTTP_X_FORWARDED_FOR=header)
    header = forged.format(n=99) + "203.0.113.5"
    assert log_in(client, "right", address=proxy, HTTP_X_FORWARDED_FOR=header).status_code == 429
    # Another reader behind the same proxy still gets in.
    assert (
        log_in(client, "right", address=proxy, HTTP_X_FORWARDED_FOR="198.51.100.7").status_code
        == 302
    )


@pytest.mark.django_db
def test_many_user_names_tried_from_one_address_are_throttled(client, editor):
    for number in range(5):
        client.post(
            "/admin/login/?next=/admin/",
            {"username": f"guess{number}", "password": "wrong"},
            REMOTE_ADDR="203.0.113.5",
        )
    assert log_in(client, "right").status_code == 429  # then the real name, from there
    assert log_in(client, "right", address="198.51.100.7").status_code == 302
