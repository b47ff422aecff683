"""Each brief's status, Arabic state and Arabic flag become the states of its language
versions (publishing.LanguageState) and its live flags, and the links' copies follow: a
public brief stays live at the same addresses, a scheduled one stays scheduled for its
date, drafts, briefs in review and withdrawn ones keep their state. Reversible."""

from django.db import migrations
from django.db.models import Exists, OuterRef
from django.utils import timezone

BATCH = 2000
LINKS = ("Authorship", "BriefTopic", "BriefRegion")


def _content_type(apps, db):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.using(db).get_or_create(app_label="briefs", model="brief")[0]


def states_from_status(apps, schema_editor):
    db = schema_editor.connection.alias
    Brief = apps.get_model("briefs", "Brief")
    LanguageState = apps.get_model("publishing", "LanguageState")
    content_type = _content_type(apps, db)
    now = timezone.now()
    briefs = Brief.objects.using(db)
    briefs.filter(status="published", published_at__lte=now).update(live_en=True)
    briefs.filter(live_en=True, in_arabic=True).update(live_ar=True)
    for name in LINKS:
        links = apps.get_model("briefs", name).objects.using(db)
        links.filter(brief__live_en=True).update(brief_live_en=True)
        links.filter(brief__live_ar=True).update(brief_live_ar=True)

    rows = briefs.values_list(
        "pk", "status", "published_at", "arabic_status", "title_ar", "body_ar", "live_ar"
    )
    states = []
    for pk, status, published_at, arabic_status, title_ar, body_ar, live_ar in rows.iterator(
        chunk_size=BATCH
    ):
        english = LanguageState(
            content_type=content_type, object_id=pk, language="en", status=status
        )
        if status == "published" and published_at <= now:
            english.status = "live"
            english.first_published_at = english.last_published_at = published_at
        elif status == "published":
            english.status, english.go_live_at = "scheduled", published_at
        states.append(english)
        if arabic_status != "draft" or title_ar or body_ar:
            arabic = {"approved": "live" if live_ar else "approved"}.get(
                arabic_status, arabic_status
            )
            if arabic == "approved" and not (title_ar and body_ar):
                arabic = "draft"  # approved once, its text since emptied: never shown
            live = arabic == "live"
            states.append(
                LanguageState(
                    content_type=content_type,
                    object_id=pk,
                    language="ar",
                    status=arabic,
                    first_published_at=published_at if live else None,
                    last_published_at=published_at if live else None,
                )
            )
        if len(states) >= BATCH:
            LanguageState.objects.using(db).bulk_create(states)
            states = []
    LanguageState.objects.using(db).bulk_create(states)


def status_from_states(apps, schema_editor):
    db = schema_editor.connection.alias
    Brief = apps.get_model("briefs", "Brief")
    LanguageState = apps.get_model("publishing", "LanguageState")
    content_type = _content_type(apps, db)
    states = LanguageState.objects.using(db).filter(content_type=content_type)
    briefs = Brief.objects.using(db)

    def in_state(language, *statuses):
        return Exists(
            states.filter(object_id=OuterRef("pk"), language=language, status__in=statuses)
        )

    briefs.update(status="draft", arabic_status="draft", in_arabic=False)
    for status in ("review", "withdrawn"):
        briefs.filter(in_state("en", status)).update(status=status)
    briefs.filter(in_state("en", "live", "scheduled")).update(status="published")
    briefs.filter(in_state("ar", "review")).update(arabic_status="review")
    briefs.filter(in_state("ar", "live", "approved")).update(arabic_status="approved")
    briefs.filter(arabic_status="approved", title_ar__gt="", body_ar__gt="").update(in_arabic=True)
    for name in LINKS:
        links = apps.get_model("briefs", name).objects.using(db)
        links.update(brief_is_published=False, brief_in_arabic=False)
        links.filter(brief__status="published").update(brief_is_published=True)
        links.filter(brief__in_arabic=True).update(brief_in_arabic=True)
    states.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("briefs", "0020_live_flags"),
        ("publishing", "0004_language_states"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(states_from_status, status_from_states)]
