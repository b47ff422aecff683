"""Pending translations out and back in as XLIFF 1.2, for translation agencies' tools.

Each trans-unit is one field of one object ("briefs.brief.12.title"), with the source
text's fingerprint in a note. An import is checked whole before anything is written: a
unit whose source changed since the export, or that names nothing, refuses the file.
"""

import re
from xml.etree import ElementTree

import reversion
from defusedxml import DefusedXmlException
from defusedxml import ElementTree as DefusedElementTree
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from editorial.richtext import RichTextField

from .fields import SOURCE_LANGUAGE, TARGET_LANGUAGES, localized, text_fields, translated_models
from .status import MISSING, OUTDATED, field_statuses, fingerprint, with_status

NS = "urn:oasis:names:tc:xliff:document:1.2"
# "briefs.brief.12.title": app, model, primary key (ASCII digits, at most 18) and field.
_UNIT_ID = re.compile(r"([a-z_]+)\.([a-z_]+)\.([0-9]{1,18})\.([a-z_]+)", re.ASCII)
_TAG = re.compile(r"<[a-zA-Z!/?]")
ElementTree.register_namespace("", NS)


class ImportRefused(Exception):
    """The file was not imported; `problems` says why, one line per unit."""

    def __init__(self, problems):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


def pending(language, querysets=None):
    """(object, field) pairs whose translation into `language` is missing or outdated."""
    querysets = querysets or [model._default_manager.all() for model in translated_models()]
    for queryset in querysets:
        for status in (MISSING, OUTDATED):
            for obj in with_status(queryset, language, status):
                for field, (field_status, _record) in field_statuses(obj, language).items():
                    if field_status == status:
                        yield obj, field


def export(language, querysets=None):
    """An XLIFF 1.2 document (bytes) of the pending translations."""
    root = ElementTree.Element(f"{{{NS}}}xliff", version="1.2")
    files = {}
    for obj, field in pending(language, querysets):
        label = obj._meta.label_lower
        if label not in files:
            file = ElementTree.SubElement(
                root,
                f"{{{NS}}}file",
                original=label,
                datatype="html",
                **{"source-language": SOURCE_LANGUAGE, "target-language": language},
            )
            files[label] = ElementTree.SubElement(file, f"{{{NS}}}body")
        source = getattr(obj, localized(field, SOURCE_LANGUAGE)) or ""
        target = getattr(obj, localized(field, language)) or ""
        unit = ElementTree.SubElement(
            files[label], f"{{{NS}}}trans-unit", id=f"{label}.{obj.pk}.{field}"
        )
        ElementTree.SubElement(unit, f"{{{NS}}}source").text = source
        state = "needs-review-translation" if target else "needs-translation"
        ElementTree.SubElement(unit, f"{{{NS}}}target", state=state).text = target
        ElementTree.SubElement(
            unit, f"{{{NS}}}note", **{"from": "source-fingerprint"}
        ).text = fingerprint(source)
    ElementTree.indent(root)
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)


def download(queryset, language):
    response = HttpResponse(export(language, [queryset]), content_type="application/x-xliff+xml")
    name = f"{queryset.model._meta.model_name}-{language}.xlf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def import_file(data, user=None):
    """Write the translations in an XLIFF document; all of them, or none (ImportRefused).

    Each value must pass its field's own validation, as if typed into the admin; the file
    may be no larger than XLIFF_IMPORT_MAX_BYTES and may declare no DTD or entities. Each
    object is saved as its model receives translations (for a brief, through the publishing
    path: sent to review), with a revision naming `user`.
    """
    root = _parse(data)
    changes, problems = {}, []
    for file in root.iter(f"{{{NS}}}file"):
        language = file.get("target-language")
        for unit in file.iter(f"{{{NS}}}trans-unit"):
            unit_id = unit.get("id", "")
            obj, field, problem = _resolve(unit_id, language)
            if problem:
                problems.append(f"{unit_id}: {problem}")
                continue
            note = unit.find(f"{{{NS}}}note")
            source_now = getattr(obj, localized(field, SOURCE_LANGUAGE)) or ""
            if note is None or note.text != fingerprint(source_now):
                problems.append(f"{unit_id}: the English changed since this file was exported")
                continue
            target = unit.find(f"{{{NS}}}target")
            text = "".join(target.itertext()).strip() if target is not None else ""
            problem = _invalid(obj, localized(field, language), text)
            if problem:
                problems.append(f"{unit_id}: {problem}")
                continue
            changes.setdefault((obj, language), {})[localized(field, language)] = text
    if problems:
        raise ImportRefused(problems)
    with transaction.atomic(), reversion.create_revision():
        for (obj, language), values in changes.items():
            for name, value in values.items():
                setattr(obj, name, value)
            obj.save_translation(user, language)
        reversion.set_user(user)
        reversion.set_comment(_("Translations imported from an XLIFF file"))
    return sum(len(values) for values in changes.values())


def check_size(size):
    """Refuse a file over XLIFF_IMPORT_MAX_BYTES before it is read."""
    limit = settings.XLIFF_IMPORT_MAX_BYTES
    if size > limit:
        raise ImportRefused(
            [
                _("The file is %(size)s; files of up to %(limit)s can be imported.")
                % {"size": filesizeformat(size), "limit": filesizeformat(limit)}
            ]
        )


def _parse(data):
    check_size(len(data))
    try:
        root = DefusedElementTree.fromstring(data, forbid_dtd=True)
    except DefusedXmlException as error:
        raise ImportRefused(
            [_("The file declares a DTD or entities, which XLIFF files do not need.")]
        ) from error
    except ElementTree.ParseError as error:
        raise ImportRefused([_("Not a readable XML file: %(error)s") % {"error": error}]) from error
    if root.tag != f"{{{NS}}}xliff" or root.get("version") != "1.2":
        raise ImportRefused([_("Not an XLIFF 1.2 file.")])
    return root


def _invalid(obj, name, text):
    """Why `text` may not be stored in `obj`'s field `name`, or None if it may."""
    if not text:
        return _("no translation")
    field = obj._meta.get_field(name)
    if isinstance(field, RichTextField):
        removed = field.rich_text.removed(text)
        if removed:
            return _("markup that rich text may not hold: %(markup)s") % {
                "markup": ", ".join(removed)
            }
    elif _TAG.search(text):
        return _("markup in a plain-text field")
    try:
        field.clean(text, obj)
    except ValidationError as error:
        return " ".join(error.messages)
    return None


def _resolve(unit_id, language):
    match = _UNIT_ID.fullmatch(unit_id)
    try:
        app_label, model_name, pk, field = match.groups()
        model = apps.get_model(app_label, model_name)
    except (AttributeError, LookupError):
        return None, None, _("names no translatable model")
    if model not in translated_models():
        return None, None, _("names no translatable model")
    if field not in text_fields(model):
        return None, None, _("names no translatable field")
    if language not in TARGET_LANGUAGES:
        return None, None, _("unknown target language %(language)r") % {"language": language}
    obj = model._default_manager.filter(pk=int(pk)).first()
    if obj is None:
        return None, None, _("the object no longer exists")
    return obj, field, None
