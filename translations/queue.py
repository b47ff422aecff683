"""The translators' queue on the admin home: what waits, how many words, what is out."""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Max
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from editorial.admin import change_url

from .fields import (
    localized,
    source_language_of,
    target_languages,
    text_fields,
    translated_models,
)
from .models import ExportedUnit, TranslationRecord
from .status import MISSING, OUTDATED, with_status
from .wordcount import word_count


@dataclass
class Row:
    obj: object
    status: str
    words: int  # source words of the fields waiting
    sent_at: datetime | None  # when an export sent them to an agency, if not back yet

    @property
    def url(self):
        """Where it is translated: its change form, or its parent's (a brief's PDF)."""
        return change_url(self.obj)


@dataclass
class Section:
    model: type
    rows: list
    counts: dict  # {MISSING: "12", OUTDATED: "more than 1,000"}, as shown
    out: int  # fields out with an agency, not back


COUNTED = 1000  # counted exactly up to this many; beyond it, "more than 1,000"


def _bounded_count(queryset):
    """How many, read no further than COUNTED + 1 rows: an archive's half a million
    untranslated briefs need not be counted to be shown as many."""
    count = queryset.values("pk")[: COUNTED + 1].count()
    if count > COUNTED:
        return _("more than %(count)s") % {"count": number_format(COUNTED, force_grouping=True)}
    return number_format(count, force_grouping=True)


def queue(language, user, limit=50):
    """The work waiting for translators, by model, briefs first; newest objects first where
    the model has a publication date. Only models `user` may change are shown: the rest
    would be links to pages they may not open."""
    sections = []
    for model in sorted(translated_models(), key=lambda m: m._meta.label != "briefs.Brief"):
        if not user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}"):
            continue
        if language not in target_languages(model):  # written in it, never translated
            continue
        base = model._default_manager.all()
        order = "-published_at" if hasattr(model, "published_at") else "-pk"
        counts = {
            status: _bounded_count(with_status(base, language, status))
            for status in (MISSING, OUTDATED)
        }
        if set(counts.values()) == {"0"}:
            continue
        content_type = ContentType.objects.get_for_model(model)
        rows = []
        for status in (OUTDATED, MISSING):
            rows += [
                Row(obj, status, 0, None)
                for obj in with_status(base, language, status).order_by(order)[:limit]
            ]
        _count_words(rows, content_type, language)
        out = ExportedUnit.objects.out().filter(
            content_type=content_type, export__language=language
        )
        sent = dict(
            out.filter(object_id__in=[row.obj.pk for row in rows])
            .values_list("object_id")
            .annotate(sent_at=Max("export__created_at"))
        )
        for row in rows:
            row.sent_at = sent.get(row.obj.pk)
        sections.append(Section(model, rows, counts, out.count()))
    return sections


def _count_words(rows, content_type, language):
    """Each row's words to translate: its missing fields' and its outdated fields'."""
    outdated = set(
        TranslationRecord.objects.filter(
            content_type=content_type,
            object_id__in=[row.obj.pk for row in rows],
            language=language,
            is_current=False,
        ).values_list("object_id", "field")
    )
    for row in rows:
        for field in text_fields(type(row.obj)):
            source = getattr(row.obj, localized(field, source_language_of(row.obj))) or ""
            target = getattr(row.obj, localized(field, language)) or ""
            if (source and not target) or (row.obj.pk, field) in outdated:
                row.words += word_count(source)
