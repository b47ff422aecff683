"""Every step that changes what readers see is an action that checks who may take it,
whether called from the admin, a command, an import or code; the scheduled job and its
command carry out go-live and expiry at their minute; "public" is defined once."""

import re
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
import time_machine
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core import checks
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command
from django.utils import timezone

from briefs.admin import BriefAdmin
from briefs.models import Brief
from editorial.pagination import CappedCountPaginator
from publishing import actions, scheduled
from publishing.models import LANGUAGE_CODES, PublishingRecord, Status
from tests.browser_forms import form_data
from tests.factories import make_brief, make_expert, state_of
from translations.roles import TRANSLATORS

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def test_public_is_defined_once():
    """Outside publishing.models, no code names a live flag, compares a date with now to
    decide visibility, or filters on the live state: it asks public_q() (through live())."""
    flags = "|".join(LANGUAGE_CODES)
    forbidden = re.compile(
        rf"\blive_(?:{flags})\b|published_at__(?:lte|lt|gt|gte)\s*=\s*(?:timezone\.)?now"
        r"|status\s*=\s*(?:Status\.LIVE|\"live\")|\bin_arabic\b|\bis_published\b"
    )
    # The state machine itself: publishing.models defines "public", the actions and the
    # scheduled job are the only writers of the state.
    allowed = {"publishing/models.py", "publishing/actions.py", "publishing/scheduled.py"}
    found = []
    for path in ROOT.glob("*/**/*.py"):
        relative = path.relative_to(ROOT).as_posix()
        top = relative.split("/")[0]
        if top in {"tests", ".venv", "node_modules"} or "/migrations/" in relative:
            continue
        if relative in allowed:
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if forbidden.search(line):
                found.append(f"{relative}:{number}: {line.strip()}")
    assert found == []


def users():
    User = get_user_model()
    staff = User.objects.create_user("staff-without-group", is_staff=True)
    return {
        "writer": User.objects.get(username="writer"),
        "translator": User.objects.get(username="translator"),
        "staff without a group": staff,
    }


REFUSED = {
    # role: the actions refused on every brief, whatever its state
    "writer": ["publish", "schedule", "withdraw", "approve ar", "withdraw ar"],
    "translator": ["publish", "schedule", "withdraw", "approve ar", "withdraw ar",
                   "send to review", "back to draft", "save en", "restore", "delete"],
    "staff without a group": ["publish", "schedule", "withdraw", "approve ar", "withdraw ar",
                              "send to review", "back to draft", "save en", "send ar to review",
                              "save ar", "restore", "delete"],
}  # fmt: skip
ACTIONS = {
    "publish": lambda brief, user: actions.Publish(brief, user),
    "schedule": lambda brief, user: actions.Publish(
        brief, user, at=timezone.now() + timedelta(days=1)
    ),
    "withdraw": lambda brief, user: actions.Withdraw(brief, user, note="forged"),
    "approve ar": lambda brief, user: actions.Publish(brief, user, "ar"),
    "withdraw ar": lambda brief, user: actions.Withdraw(brief, user, "ar"),
    "send to review": lambda brief, user: actions.SendToReview(brief, user),
    "back to draft": lambda brief, user: actions.BackToDraft(brief, user),
    "send ar to review": lambda brief, user: actions.SendToReview(brief, user, "ar"),
    "save en": lambda brief, user: actions.Save(brief, user, edited=["en"]),
    "save ar": lambda brief, user: actions.Save(brief, user, edited=["ar"]),
    "restore": lambda brief, user: actions.Restore(brief, user, revision=None),
    "delete": lambda brief, user: actions.Delete(brief, user),
}


@pytest.mark.parametrize("role", REFUSED)
def test_each_action_refuses_a_user_without_the_permission_on_every_demo_brief(demo, role):
    user = users()[role]
    records = PublishingRecord.objects.count()
    briefs = list(Brief.objects.with_states())
    states = {brief.status_in("en") for brief in briefs}
    assert {Status.DRAFT, Status.REVIEW, Status.SCHEDULED, Status.LIVE} <= states
    for brief in briefs:
        before = {code: state_of(brief, code) for code in LANGUAGE_CODES}
        for name in REFUSED[role]:
            with pytest.raises(PermissionDenied):
                ACTIONS[name](brief, user).run()
        assert {code: state_of(brief, code) for code in LANGUAGE_CODES} == before, brief
    assert PublishingRecord.objects.count() == records


def test_a_step_taken_by_nobody_is_refused(demo):
    brief = Brief.objects.live("en").first()
    for name in ACTIONS:
        with pytest.raises(PermissionDenied):
            ACTIONS[name](brief, None).run()
    assert brief.is_live("en")


def test_a_writer_may_send_only_their_own_draft_to_review(demo):
    writer = users()["writer"]
    own = Brief.objects.filter(created_by=writer).in_state(Status.DRAFT).get()
    actions.SendToReview(own, writer).run()
    assert state_of(own) == Status.REVIEW
    others = Brief.objects.exclude(created_by=writer).in_state(Status.DRAFT)
    for brief in others:
        with pytest.raises(PermissionDenied):
            actions.SendToReview(brief, writer).run()


def test_a_writer_deletes_only_their_own_draft_and_restores_nothing_live(demo):
    writer = users()["writer"]
    briefs = list(Brief.objects.with_states())
    for brief in briefs:
        own_draft = brief.created_by_id == writer.pk and brief.status_in("en") == Status.DRAFT
        if not own_draft:
            with pytest.raises(PermissionDenied):
                actions.Delete(brief, writer).run()
        if brief.live_languages():
            with pytest.raises(PermissionDenied):
                actions.Restore(brief, writer, revision=None).run()
    assert Brief.objects.count() == len(briefs)


def test_the_command_refuses_a_user_who_may_not_publish(demo):
    due = Brief.objects.in_state(Status.SCHEDULED).get()
    with time_machine.travel(timezone.now() + timedelta(days=30), tick=False):
        with pytest.raises(CommandError):
            call_command("publish_scheduled", "--user", "writer", stdout=StringIO())
        with pytest.raises(CommandError, match="No active user"):
            call_command("publish_scheduled", "--user", "nobody", stdout=StringIO())
    assert state_of(due) == Status.SCHEDULED


def run_the_job():
    return scheduled.publish_due()


def run_the_command():
    out = StringIO()
    call_command("publish_scheduled", "--user", "admin", stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("run", [run_the_job, run_the_command])
def test_scheduled_go_live_and_expiry_happen_at_their_minute(client, demo, run):
    minute = (timezone.now() + timedelta(days=2)).replace(second=0, microsecond=0)
    author = make_expert()
    coming = make_brief("Embargoed Until Tuesday", state=Status.DRAFT, authors=[author])
    actions.Publish(coming, actor="test", at=minute).run()
    leaving = make_brief("Time-Limited Notice", authors=[author], arabic=True)
    actions.Expire(leaving, actor="test")  # (not run: only the job takes it down)
    leaving.language_states.filter(language="en").update(expire_at=minute)
    with time_machine.travel(minute - timedelta(seconds=1), tick=False):
        run()
        assert client.get(coming.url_in("en") or "/policy-analysis/x").status_code == 404
        assert Brief.objects.get(pk=leaving.pk).is_live("en")
    with time_machine.travel(minute, tick=False):
        run()
        coming.refresh_from_db()
        assert coming.is_live("en") and coming.published_at == minute
        assert client.get(coming.url_in("en")).status_code == 200
        leaving.refresh_from_db()
        assert leaving.live_languages() == []
        assert client.get(f"/policy-analysis/{leaving.slug_en}").status_code == 404
        assert client.get(f"/ar/policy-analysis/{leaving.slug_ar}").status_code == 404
    records = PublishingRecord.objects.filter(object_id__in=[coming.pk, leaving.pk])
    by = {(r.object_id, r.action): (r.user and r.user.username) or r.actor for r in records}
    expected_by = "admin" if run is run_the_command else scheduled.SYSTEM
    assert by[coming.pk, PublishingRecord.Action.PUBLISH] == expected_by
    assert by[leaving.pk, PublishingRecord.Action.EXPIRE] == expected_by


def test_a_publishable_admin_without_the_core_fails_the_system_check():
    assert [e for e in checks.run_checks() if e.id == "publishing.E001"] == []
    admin.site.unregister(Brief)
    try:
        admin.site.register(Brief, admin.ModelAdmin)
        errors = [e for e in checks.run_checks() if e.id == "publishing.E001"]
    finally:
        admin.site.unregister(Brief)
        admin.site.register(Brief, BriefAdmin)
    assert len(errors) == 1 and "ModelAdmin" in errors[0].msg


def test_an_editor_sets_a_take_down_time_on_the_form_and_the_job_keeps_it(
    client, admin_client, member
):
    brief = make_brief("Time-Limited Call for Papers", authors=[make_expert()], arabic=True)
    url = f"/admin/briefs/brief/{brief.pk}/change/"
    data = form_data(admin_client.get(url), "brief_form")
    past = timezone.localtime() - timedelta(hours=1)
    refused = admin_client.post(
        url, {**data, "take_down_at_0": f"{past:%Y-%m-%d}", "take_down_at_1": f"{past:%H:%M:%S}"}
    )
    assert refused.status_code == 200 and "Take it down later" in refused.content.decode()
    minute = (timezone.localtime() + timedelta(days=1)).replace(second=0, microsecond=0)
    saved = admin_client.post(
        url,
        {**data, "take_down_at_0": f"{minute:%Y-%m-%d}", "take_down_at_1": f"{minute:%H:%M:%S}"},
    )
    assert saved.status_code == 302
    assert brief.language_states.get(language="en").expire_at == minute
    history = admin_client.get(f"/admin/briefs/brief/{brief.pk}/history/").content.decode()
    assert "To be taken down at" in history
    member("tariq", TRANSLATORS)  # who may not publish is not offered the field
    assert 'name="take_down_at_0"' not in client.get(url).content.decode()
    client.logout()
    with time_machine.travel(minute - timedelta(seconds=1), tick=False):
        scheduled.publish_due()
    assert client.get(f"/policy-analysis/{brief.slug_en}").status_code == 200
    with time_machine.travel(minute, tick=False):
        scheduled.publish_due()
    assert client.get(f"/policy-analysis/{brief.slug_en}").status_code == 404
    assert client.get(f"/ar/policy-analysis/{brief.slug_ar}").status_code == 404


def test_the_state_filter_lists_each_state_as_the_stored_states_say(demo, admin_client):
    """ "Published" is read from the live flags, the others from the language states: both
    agree with the states on every demo brief."""
    for status in [Status.DRAFT, Status.REVIEW, Status.SCHEDULED, Status.LIVE, Status.WITHDRAWN]:
        listed = admin_client.get("/admin/briefs/brief/", {"state": status, "all": ""})
        changelist = listed.context["cl"]
        assert isinstance(changelist.paginator, CappedCountPaginator)  # counted to a cap
        shown = {brief.pk for brief in changelist.result_list}
        assert changelist.result_count == len(shown)
        expected = {
            brief.pk
            for brief in Brief.objects.with_states()
            if brief.status_in(brief.source_language) == status
        }
        assert shown == expected, status
