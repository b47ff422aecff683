"""Hostile values in the publishing fields of the change form (the take-down time, the
withdrawal's reason): a message, never a server error, and nothing changed."""

import pytest

from tests.browser_forms import form_data
from tests.factories import make_brief, make_expert, state_of

pytestmark = pytest.mark.django_db

TIMES = [
    ("9999-12-31", "23:59:59"),  # the calendar's end: valid, far off
    ("0001-01-01", "00:00:00"),
    ("٢٠٣٠-٠١-٠١", "١٠:٠٠:٠٠"),  # Arabic-Indic digits
    ("2030-02-30", "10:00:00"),
    ("2030-01-01", "25:61:00"),
    ("<script>alert(1)</script>", "' OR 1=1 --"),
    ("2030-01-01" * 500, "10:00"),
    ("\x00", "\x00"),
]


@pytest.mark.parametrize(("day", "time"), TIMES)
def test_a_hostile_take_down_time_gets_a_message(admin_client, day, time):
    brief = make_brief("Gas Deals", authors=[make_expert()])
    url = f"/admin/briefs/brief/{brief.pk}/change/"
    data = form_data(admin_client.get(url), "brief_form")
    response = admin_client.post(url, {**data, "take_down_at_0": day, "take_down_at_1": time})
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert "errornote" in response.content.decode()
    expire_at = brief.language_states.get(language="en").expire_at
    assert expire_at is None or expire_at.year in (2030, 9999)  # what was typed, if valid


@pytest.mark.parametrize("reason", ["", " " * 50, "x" * 5000, "\x00bad", "سبب " * 300])
def test_a_hostile_withdrawal_reason_gets_a_message(admin_client, reason):
    brief = make_brief("Gas Deals", authors=[make_expert()])
    url = f"/admin/briefs/brief/{brief.pk}/change/"
    data = form_data(admin_client.get(url), "brief_form")
    response = admin_client.post(url, {**data, "_withdraw": "1", "withdraw_reason": reason})
    assert response.status_code == 200 and "errornote" in response.content.decode()
    assert state_of(brief) == "live"
