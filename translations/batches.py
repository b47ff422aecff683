"""What goes in a batch for a translation agency, read in slices so that memory stays
flat whatever the archive's size.

A batch holds the pending (missing and/or outdated) fields of the chosen objects, each a
`Unit`. What may be chosen beyond the status is up to each model: its translation options
name a `batch_form` (briefs offer type, topic, region, expert and dates), a form whose
`filtered(queryset)` narrows the objects. Fields already sent to an agency and not back,
from the same source text, are left out unless they are to be sent again.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from modeltranslation.translator import translator

from editorial.lists import list_of
from editorial.richtext import RichTextField

from .dependents import dependents_of
from .fields import (
    LANGUAGE_CODES,
    chooses_source,
    localized,
    source_language_of,
    text_fields,
    translated_models,
)
from .models import ExportedUnit, TranslationRecord
from .status import (
    MISSING,
    OUTDATED,
    field_statuses,
    fingerprint,
    state_annotation,
    with_status_annotation,
)

SLICE = 500  # objects read at a time


@dataclass(frozen=True)
class Unit:
    """One field of one object to translate."""

    content_type_id: int
    label: str  # "briefs.brief"
    pk: int
    field: str
    source_language: str
    source: str
    target: str
    status: str
    fingerprint: str
    rich: bool = False  # rich text, written with XLIFF inline codes (translations.inline)

    @property
    def id(self):
        return f"{self.label}.{self.pk}.{self.field}"


def _in_batch_order(models):
    """Briefs first, then the rest in the registry's order."""
    return sorted(models, key=lambda model: model._meta.label != "briefs.Brief")


def batch_form(model):
    """The form that narrows a batch of `model`'s objects, or None."""
    path = getattr(translator.get_options_for_model(model), "batch_form", None)
    return import_string(path) if path else None


@dataclass
class Selection:
    """What a batch is made of; kept as plain values (`as_dict`) in the export's record,
    so that a background task can read the same batch again."""

    language: str
    statuses: tuple = (MISSING, OUTDATED)
    # Values for the models' batch forms, as typed: {"topic": "energy", "since": "2024-01-01"}.
    criteria: dict = field(default_factory=dict)
    # Chosen objects by model label ("briefs.brief": [ids]); None for all.
    objects: dict | None = None
    resend: bool = False
    limit: int | None = None  # at most so many units: the first, model by model
    # With the chosen objects, what they show that has no translation yet (a brief's new
    # topic, its PDF's title), each once however many chosen objects show it.
    dependents: bool = True

    def as_dict(self):
        return {
            "language": self.language,
            "statuses": list(self.statuses),
            "criteria": self.criteria,
            "objects": self.objects,
            "resend": self.resend,
            "limit": self.limit,
            "dependents": self.dependents,
        }

    @classmethod
    def from_dict(cls, values):
        return cls(**{**values, "statuses": tuple(values["statuses"])})

    def querysets(self):
        """The objects of each model in the batch (before their fields' status is read),
        with what the chosen objects show that has no translation yet (`dependents`).

        Raises ValidationError when the criteria are not valid for any model."""
        chosen, whole, used = {}, set(), set()
        for model in _in_batch_order(translated_models()):
            queryset = model._default_manager.all()
            if self.objects is not None:
                if model._meta.label_lower not in self.objects:
                    continue
                queryset = queryset.filter(pk__in=self.objects[model._meta.label_lower])
            if self.criteria:
                form_class = batch_form(model)
                if form_class is None or not set(self.criteria) <= set(form_class.base_fields):
                    continue
                form = form_class(self.criteria)
                if not form.is_valid():
                    raise ValidationError(
                        [f"{name}: {' '.join(errors)}" for name, errors in form.errors.items()]
                    )
                queryset = form.filtered(queryset)
                used.add(model)
            if self.objects is None and not self.criteria:
                whole.add(model)
            chosen[model] = queryset
        if self.criteria and not used:
            raise ValidationError(
                _("No content can be chosen by %(names)s.") % {"names": list_of(self.criteria)}
            )
        if self.dependents:
            for queryset in list(chosen.values()):
                for model, shown in dependents_of(queryset, self.language).items():
                    if model not in whole:
                        chosen[model] = chosen[model] | shown if model in chosen else shown
        return [chosen[model] for model in _in_batch_order(chosen)]

    def is_empty(self):
        """Whether the batch holds nothing to send (read from its first slice only)."""
        return next(iter(self.units()), None) is None

    def units(self):
        """The batch's units, model by model, object by object in order of id."""
        left = self.limit
        for queryset in self.querysets():
            for unit in self._units_of(queryset):
                if left is not None:
                    if left <= 0:
                        return
                    left -= 1
                yield unit

    def _units_of(self, queryset):
        model = queryset.model
        content_type = ContentType.objects.get_for_model(model)
        fields = text_fields(model)
        # The object's source text is in its own language.
        loaded = [localized(name, language) for name in fields for language in LANGUAGE_CODES]
        loaded += ["source_language"] if chooses_source(model) else []
        pending = with_status_annotation(queryset, self.language).filter(
            **{f"{state_annotation(self.language)}__in": self.statuses}
        )
        last = 0
        while True:
            objects = list(pending.filter(pk__gt=last).order_by("pk").only(*loaded)[:SLICE])
            if not objects:
                return
            last = objects[-1].pk
            ids = [obj.pk for obj in objects]
            records, out = {}, set()
            for record in TranslationRecord.objects.filter(
                content_type=content_type, object_id__in=ids, language=self.language
            ):
                records.setdefault(record.object_id, {})[record.field] = record
            if not self.resend:
                out = set(
                    ExportedUnit.objects.out()
                    .filter(
                        content_type=content_type,
                        object_id__in=ids,
                        export__language=self.language,
                    )
                    .values_list("object_id", "field", "source_fingerprint")
                )
            for obj in objects:
                statuses = field_statuses(obj, self.language, records.get(obj.pk, {}))
                for name, (status, _record) in statuses.items():
                    if status not in self.statuses:
                        continue
                    source_language = source_language_of(obj)
                    source = getattr(obj, localized(name, source_language)) or ""
                    source_print = fingerprint(source)
                    if (obj.pk, name, source_print) in out:
                        continue
                    yield Unit(
                        content_type_id=content_type.pk,
                        label=model._meta.label_lower,
                        pk=obj.pk,
                        field=name,
                        source_language=source_language,
                        source=source,
                        target=getattr(obj, localized(name, self.language)) or "",
                        status=status,
                        fingerprint=source_print,
                        rich=isinstance(model._meta.get_field(name), RichTextField),
                    )
