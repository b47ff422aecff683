"""Per-field translation status: missing → complete → outdated → complete."""

import pytest

from briefs.models import Brief
from tests.factories import make_brief, make_topic
from translations.models import TranslationRecord
from translations.signals import minor_edit
from translations.status import (
    COMPLETE,
    MISSING,
    OUTDATED,
    field_statuses,
    object_status,
    with_status,
)

pytestmark = pytest.mark.django_db


def statuses(obj):
    obj.refresh_from_db()
    return {field: status for field, (status, _record) in field_statuses(obj, "ar").items()}


def test_status_moves_field_by_field():
    brief = make_brief("Gas Deals", summary_en="About gas.")
    assert statuses(brief) == {"title": MISSING, "summary": MISSING, "body": MISSING}
    assert object_status(brief, "ar") == MISSING

    brief.title_ar, brief.summary_ar, brief.body_ar = "صفقات الغاز", "عن الغاز.", "<p>نص.</p>"
    brief.save()
    assert statuses(brief) == {"title": COMPLETE, "summary": COMPLETE, "body": COMPLETE}
    assert object_status(brief, "ar") == COMPLETE

    brief.title_en = "Gas Deals Revisited"
    brief.save()
    assert statuses(brief) == {"title": OUTDATED, "summary": COMPLETE, "body": COMPLETE}
    assert object_status(brief, "ar") == OUTDATED

    brief.title_ar = "صفقات الغاز من جديد"
    brief.save()
    assert statuses(brief)["title"] == COMPLETE
    assert object_status(brief, "ar") == COMPLETE


def test_whitespace_and_markup_changes_do_not_outdate():
    brief = make_brief("Gas", body_en="<p>Gas   flows east.</p>", arabic=True)
    brief.body_en = "<p>Gas flows\n east.</p>"
    brief.save()
    brief.body_en = "<p><strong>Gas</strong> flows east.</p>"
    brief.save()
    assert statuses(brief)["body"] == COMPLETE


def test_minor_edit_keeps_translations_current():
    brief = make_brief("Gas Dels", arabic=True)
    with minor_edit():
        brief.title_en = "Gas Deals"
        brief.save()
    assert statuses(brief)["title"] == COMPLETE
    brief.title_en = "Oil Deals"
    brief.save()
    assert statuses(brief)["title"] == OUTDATED


def test_old_source_is_kept_for_the_diff():
    brief = make_brief("Gas flows east", arabic=True, title_ar="الغاز يتدفق شرقاً")
    brief.title_en = "Gas flows west"
    brief.save()
    record = TranslationRecord.objects.get(field="title", object_id=brief.pk)
    assert record.source_text == "Gas flows east"
    assert not record.is_current


def test_status_filters_in_the_database():
    missing = make_brief("Missing")
    complete = make_brief("Complete", arabic=True)
    outdated = make_brief("Outdated", arabic=True)
    outdated.title_en = "Outdated now"
    outdated.save()
    briefs = Brief.objects.all()
    assert list(with_status(briefs, "ar", MISSING)) == [missing]
    assert list(with_status(briefs, "ar", OUTDATED)) == [outdated]
    assert list(with_status(briefs, "ar", COMPLETE)) == [complete]


def test_every_translated_model_is_followed():
    topic = make_topic("Energy", name_ar="الطاقة")
    topic.name_en = "Energy & Power"
    topic.save()
    assert statuses(topic)["name"] == OUTDATED


def test_deleting_a_brief_in_the_admin_deletes_its_translation_records(admin_client):
    brief = make_brief(arabic=True, summary_en="Gas.", summary_ar="الغاز.")
    kept = make_brief(arabic=True)
    assert TranslationRecord.objects.filter(object_id=brief.pk).exists()
    response = admin_client.post(f"/admin/briefs/brief/{brief.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not TranslationRecord.objects.filter(object_id=brief.pk).exists()
    assert TranslationRecord.objects.filter(object_id=kept.pk).count() == 2


def test_the_bulk_delete_action_deletes_translation_records_too(admin_client):
    briefs = [make_brief(arabic=True) for _ in range(3)]
    topic = make_topic(name_ar="الطاقة")
    response = admin_client.post(
        "/admin/briefs/brief/",
        {
            "action": "delete_selected",
            "_selected_action": [str(brief.pk) for brief in briefs[:2]],
            "post": "yes",
        },
    )
    assert response.status_code == 302
    remaining = set(TranslationRecord.objects.values_list("object_id", flat=True))
    assert remaining == {briefs[2].pk, topic.pk}
