"""Briefs' status columns become language version states without loss, and back: every
public brief stays public at the same addresses, a scheduled one stays scheduled, the
others keep their state (briefs 0020–0022)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("briefs", "0019_search_entry_filed_under")]
NOW = timezone.now()
PAST, FUTURE = NOW - timedelta(days=30), NOW + timedelta(days=3)
ARABIC = {"title_ar": "عنوان", "body_ar": "<p>نص.</p>", "slug_ar": None}
# name: (status, date, Arabic state, Arabic text?) → (English state, Arabic state or None)
CASES = {
    "public-both": (("published", PAST, "approved", True), ("live", "live")),
    "scheduled": (("published", FUTURE, "approved", True), ("scheduled", "approved")),
    "draft": (("draft", PAST, "draft", False), ("draft", None)),
    "in-review": (("review", PAST, "review", True), ("review", "review")),
    "withdrawn": (("withdrawn", PAST, "approved", True), ("withdrawn", "approved")),
    "arabic-in-review": (("published", PAST, "review", True), ("live", "review")),
    "arabic-emptied": (("published", PAST, "approved", False), ("live", "draft")),
}


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_the_states_survive_the_migration_both_ways(client):
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    old = migrate(BEFORE)
    try:
        rows = build(old)
        new = migrate(latest)
        check_forward(new, rows)
        for slug in ("public-both", "arabic-in-review", "arabic-emptied"):
            assert client.get(f"/policy-analysis/{slug}").status_code == 200
        assert client.get("/ar/policy-analysis/public-both-ar").status_code == 200
        for slug in ("scheduled", "draft", "in-review", "withdrawn"):
            assert client.get(f"/policy-analysis/{slug}").status_code == 404
        for slug in ("scheduled-ar", "arabic-in-review-ar", "withdrawn-ar"):
            assert client.get(f"/ar/policy-analysis/{slug}").status_code == 404
        old = migrate(BEFORE)
        check_backward(old, rows)
    finally:
        migrate(latest)


def build(apps):
    kind = apps.get_model("briefs", "PublicationType").objects.create(name_en="T", slug="t")
    expert = apps.get_model("experts", "Expert").objects.create(name_en="E", slug="e")
    Brief, Authorship = apps.get_model("briefs", "Brief"), apps.get_model("briefs", "Authorship")
    rows = {}
    for slug, ((status, date, arabic_status, arabic), _expected) in CASES.items():
        text = {**ARABIC, "slug_ar": f"{slug}-ar"} if arabic else {}
        approved = arabic_status == "approved" and arabic
        brief = Brief.objects.create(
            title_en=slug,
            slug_en=slug,
            body_en="<p>Body.</p>",
            publication_type=kind,
            published_at=date,
            status=status,
            arabic_status=arabic_status,
            in_arabic=approved,
            **text,
        )
        Authorship.objects.create(
            brief=brief,
            expert=expert,
            brief_published_at=date,
            brief_is_published=status == "published",
            brief_in_arabic=approved,
        )
        rows[slug] = (brief.pk, status, arabic_status, approved)
    return rows


def check_forward(apps, rows):
    Brief = apps.get_model("briefs", "Brief")
    LanguageState = apps.get_model("publishing", "LanguageState")
    Authorship = apps.get_model("briefs", "Authorship")
    for slug, (_before, (english, arabic)) in CASES.items():
        pk = rows[slug][0]
        states = dict(LanguageState.objects.filter(object_id=pk).values_list("language", "status"))
        assert states == {"en": english, **({"ar": arabic} if arabic else {})}, slug
        brief = Brief.objects.get(pk=pk)
        assert (brief.live_en, brief.live_ar) == (english == "live", arabic == "live"), slug
        link = Authorship.objects.get(brief_id=pk)
        assert (link.brief_live_en, link.brief_live_ar) == (brief.live_en, brief.live_ar), slug
    scheduled = LanguageState.objects.get(object_id=rows["scheduled"][0], language="en")
    assert scheduled.go_live_at == FUTURE


def check_backward(apps, rows):
    Brief, Authorship = apps.get_model("briefs", "Brief"), apps.get_model("briefs", "Authorship")
    for slug, (pk, status, arabic_status, approved) in rows.items():
        brief = Brief.objects.get(pk=pk)
        expected_arabic = arabic_status if slug != "arabic-emptied" else "draft"
        assert (brief.status, brief.arabic_status, brief.in_arabic) == (
            status,
            expected_arabic,
            approved,
        ), slug
        link = Authorship.objects.get(brief_id=pk)
        assert (link.brief_is_published, link.brief_in_arabic) == (
            status == "published",
            approved,
        ), slug
