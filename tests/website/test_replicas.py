"""Read replicas: anonymous readers read from the replica; the admin, staff, writes and the
seconds after a public change read from the primary.

A second database stands in for the replica, without replication: a row written to the
primary is not on it, so what a page shows says where it was read. CI runs these on
PostgreSQL (.ci/run sets DATABASE_REPLICA_URLS); elsewhere they are skipped.
"""

import os
import time
from contextlib import ExitStack

import pytest
from django.conf import settings
from django.db import connections
from django.test.utils import CaptureQueriesContext

from publishing import actions
from tests.factories import make_brief, make_expert

if os.environ.get("REQUIRE_REPLICA_TESTS") and not settings.DATABASE_REPLICAS:
    raise RuntimeError("REQUIRE_REPLICA_TESTS is set but DATABASE_REPLICA_URLS is not")

pytestmark = [
    pytest.mark.skipif(
        not settings.DATABASE_REPLICAS,
        reason="no DATABASE_REPLICA_URLS (CI sets one on PostgreSQL)",
    ),
    pytest.mark.django_db(databases=["default", *settings.DATABASE_REPLICAS]),
]


def captured(aliases):
    stack = ExitStack()
    return stack, [stack.enter_context(CaptureQueriesContext(connections[a])) for a in aliases]


def reads(client, url):
    """(status, queries on the primary, queries on the replicas) of one request."""
    stack, (primary, *replicas) = captured(["default", *settings.DATABASE_REPLICAS])
    with stack:
        response = client.get(url)
    return response.status_code, len(primary), sum(len(replica) for replica in replicas)


@pytest.fixture
def brief():
    return make_brief("Gas Deals", authors=[make_expert()])  # on the primary only


def test_an_anonymous_reader_reads_from_the_replica(client, brief):
    status, on_primary, on_replicas = reads(client, brief.url_in("en"))
    assert status == 404  # the replica has not got it: the page was read there
    assert on_primary == 0 and on_replicas > 0


def test_staff_and_the_admin_read_from_the_primary(admin_client, brief):
    status, on_primary, on_replicas = reads(admin_client, brief.url_in("en"))
    assert (status, on_replicas) == (200, 0) and on_primary > 0
    status, on_primary, on_replicas = reads(admin_client, f"/admin/briefs/brief/{brief.pk}/change/")
    assert (status, on_replicas) == (200, 0) and on_primary > 0


def test_a_write_and_what_it_reads_go_to_the_primary(client, brief, django_user_model):
    django_user_model.objects.create_user("reader", password="right", is_staff=True)
    primary = CaptureQueriesContext(connections["default"])
    with primary:
        response = client.post("/admin/login/", {"username": "reader", "password": "right"})
    assert response.status_code == 302  # the user was found: read on the primary
    assert len(primary) > 0


def test_reads_stay_on_the_primary_while_replicas_catch_up_with_a_change(
    client, brief, settings, django_capture_on_commit_callbacks
):
    settings.DATABASE_REPLICA_LAG_SECONDS = 1
    with django_capture_on_commit_callbacks(execute=True):
        actions.Publish(brief, actor="test").run()  # announced (an unpublished edit is not)
    status, on_primary, on_replicas = reads(client, brief.url_in("en"))
    assert (status, on_replicas) == (200, 0) and on_primary > 0  # the primary has it
    time.sleep(1.2)
    status, _on_primary, on_replicas = reads(client, brief.url_in("en"))
    assert status == 404 and on_replicas > 0


def test_healthz_asks_each_replica(client):
    stack, replicas = captured(settings.DATABASE_REPLICAS)
    with stack:
        response = client.get("/healthz")
    assert response.json()["database"] == "ok"
    assert all(len(replica) == 1 for replica in replicas)
