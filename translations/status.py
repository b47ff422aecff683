"""Translation status: per field, per object, and as the translators' queue.

Each object is written in its source language (publishing's `source_language`, or the
site's default for a model without one); its other languages are its translations. A
field's translation is **missing** when the source has text and the translation has
none, **outdated** when the source changed after the translation was last saved, and
**complete** otherwise. Changes that only touch whitespace or markup do not count: the
fingerprint is taken of the words alone.
"""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, CharField, Exists, OuterRef, Q, Value, When
from django.utils.translation import gettext_lazy as _

from editorial.diff import plain_blocks, plain_words

from .fields import (
    LANGUAGE_CODES,
    SOURCE_LANGUAGE,
    chooses_source,
    localized,
    source_language_of,
    target_languages_of,
    text_fields,
)
from .models import TranslationRecord

MISSING, OUTDATED, COMPLETE = "missing", "outdated", "complete"
ORIGINAL = "original"  # the object is written in that language: nothing to translate


def state_annotation(language):
    """The name of the annotation with_status_annotation() adds for `language`."""
    return f"translation_state_{language}"


STATUS_LABELS = {
    MISSING: _("missing"),
    OUTDATED: _("outdated"),
    COMPLETE: _("complete"),
    ORIGINAL: _("original"),
}


def fingerprint(text):
    return hashlib.sha256(plain_words(text).encode()).hexdigest()


def record_translations(instance, *, keep_current=False):
    """Bring `instance`'s translation records up to date after a save.

    A translation saved with new text is marked as made from the current source. An
    unchanged translation stays as it was, so a changed source makes it outdated; with
    `keep_current` (an editor's minor edit) current translations follow the new source.
    """
    content_type = ContentType.objects.get_for_model(instance)
    records = {
        (record.field, record.language): record
        for record in TranslationRecord.objects.filter(
            content_type=content_type, object_id=instance.pk
        )
    }
    targets = target_languages_of(instance)
    for (_field, language), record in records.items():
        if language not in targets:  # the object is now written in that language
            record.delete()
    source_language = source_language_of(instance)
    for language in targets:
        for field in text_fields(type(instance)):
            source = getattr(instance, localized(field, source_language)) or ""
            target = getattr(instance, localized(field, language)) or ""
            record = records.get((field, language))
            if not plain_words(target):
                if record:
                    record.delete()
                continue
            source_print, target_print = fingerprint(source), fingerprint(target)
            retranslated = record is None or record.translation_fingerprint != target_print
            if retranslated or (keep_current and record.is_current):
                TranslationRecord.objects.update_or_create(
                    content_type=content_type,
                    object_id=instance.pk,
                    field=field,
                    language=language,
                    defaults={
                        "source_text": plain_blocks(source),
                        "source_fingerprint": source_print,
                        "translation_fingerprint": target_print,
                        "is_current": True,
                    },
                )
            elif record.is_current != (record.source_fingerprint == source_print):
                record.is_current = not record.is_current
                record.save(update_fields=["is_current", "updated_at"])


def mark_current(instance, field, language):
    """Mark `instance`'s translation of `field` current as it stands: the English changed,
    and the translation needed no change."""
    source = getattr(instance, localized(field, source_language_of(instance))) or ""
    TranslationRecord.objects.filter(
        content_type=ContentType.objects.get_for_model(instance),
        object_id=instance.pk,
        field=field,
        language=language,
    ).update(
        source_text=plain_blocks(source), source_fingerprint=fingerprint(source), is_current=True
    )


def field_statuses(instance, language, records=None):
    """{field: (status, record or None)} for each text field of `instance`; `records`, the
    object's translation records by field, when they were read with others'. None for the
    language `instance` is written in."""
    source_language = source_language_of(instance)
    if language == source_language:
        return {}
    if records is None:
        records = {
            record.field: record
            for record in TranslationRecord.objects.filter(
                content_type=ContentType.objects.get_for_model(instance),
                object_id=instance.pk,
                language=language,
            )
        }
    statuses = {}
    for field in text_fields(type(instance)):
        source = plain_words(getattr(instance, localized(field, source_language)))
        target = plain_words(getattr(instance, localized(field, language)))
        record = records.get(field)
        if not source and not target:
            continue
        if not target:
            statuses[field] = (MISSING, None)
        elif record is not None and not record.is_current:
            statuses[field] = (OUTDATED, record)
        else:
            statuses[field] = (COMPLETE, record)
    return statuses


def object_status(instance, language):
    """The status of `instance`'s translation into `language` as a whole."""
    objects = type(instance)._default_manager.filter(pk=instance.pk)
    annotated = with_status_annotation(objects, language)
    return annotated.values_list(state_annotation(language), flat=True).get()


def _missing(model, language):
    """Objects with a text field in their source language and none in `language`."""
    if not chooses_source(model):
        return _missing_from(model, SOURCE_LANGUAGE, language)
    missing = Q()
    for source in LANGUAGE_CODES:
        if source != language:
            missing |= Q(source_language=source) & _missing_from(model, source, language)
    return missing


def _missing_from(model, source_language, language):
    missing = Q()
    for field in text_fields(model):
        source, target = localized(field, source_language), localized(field, language)
        missing |= Q(**{f"{source}__gt": ""}) & (
            Q(**{f"{target}__isnull": True}) | Q(**{target: ""})
        )
    return missing


def _outdated_records(model, language):
    """The translation records of `model` made from English that has changed since (a
    few among many: the partial index translation_record_outdated holds just these)."""
    return TranslationRecord.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        language=language,
        is_current=False,
    )


def with_status_annotation(queryset, language):
    """`queryset` with each object's translation status, worked out by the database.

    An object is missing if a text field has English and no translation, outdated if a
    translated field's English changed since, and complete otherwise.
    """
    model = queryset.model
    outdated = Exists(_outdated_records(model, language).filter(object_id=OuterRef("pk")))
    written_in = [When(source_language=language, then=Value(ORIGINAL))]
    return queryset.annotate(
        **{
            state_annotation(language): Case(
                *(written_in if chooses_source(model) else []),
                When(_missing(model, language), then=Value(MISSING)),
                When(outdated, then=Value(OUTDATED)),
                default=Value(COMPLETE),
                output_field=CharField(),
            )
        }
    )


def with_status(queryset, language, status):
    """The objects of `queryset` whose translation into `language` has `status`.

    Filtered on the conditions themselves rather than on the annotation, so that the
    database may start from the few outdated records instead of reading every object."""
    model = queryset.model
    missing = _missing(model, language)
    outdated = Q(pk__in=_outdated_records(model, language).values("object_id"))
    condition = {
        MISSING: missing,
        OUTDATED: ~missing & outdated,
        COMPLETE: ~missing & ~outdated,
    }[status]
    if chooses_source(model):
        condition &= ~Q(source_language=language)
    return with_status_annotation(queryset, language).filter(condition)
