"""Pending translations out and back in as XLIFF 1.2, for translation agencies' tools.

Each trans-unit is one field of one object ("briefs.brief.12.title"), with the source
text's fingerprint in a note; each `<file>` names its units' source and target language
(any direction: en→ar, ar→en, en→fa); rich text travels as inline codes
(translations.inline), and what is written validates against OASIS's strict schema.
Files are written and read a unit at a time, so memory does not grow with their size. An
import is all or nothing: a unit whose source changed since the export, or that names
nothing, refuses the file, and nothing of it is kept.
"""

import io
import re
import zipfile
from xml.etree import ElementTree
from xml.sax.saxutils import escape, quoteattr

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as DefusedElementTree
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from editorial.admin import ChangeableFields
from editorial.characters import writable
from editorial.lists import list_of
from editorial.richtext import RichTextField

from . import inline
from .batches import Selection
from .fields import (
    localized,
    source_language_of,
    target_languages,
    text_fields,
    translated_models,
)
from .models import ExportedUnit
from .status import fingerprint

NS = "urn:oasis:names:tc:xliff:document:1.2"
# "briefs.brief.12.title": app, model, primary key (ASCII digits, at most 18) and field.
_UNIT_ID = re.compile(r"([a-z_]+)\.([a-z_]+)\.([0-9]{1,18})\.([a-z_]+)", re.ASCII)
_TAG = re.compile(r"<[a-zA-Z!/?]")
MAX_PROBLEMS = 200  # the most problems a refusal lists
# What no XLIFF file needs, and what makes a small file cost a worker seconds: elements
# nested deeper than this, an element with more attributes, and a zip member unpacking to
# more than this many times its packed size (XLIFF compresses about 5 to 10 times).
MAX_DEPTH = 64
MAX_ATTRIBUTES = 64
MAX_COMPRESSION_RATIO = 100
PROGRESS_EVERY = 500  # units


class ImportRefused(Exception):
    """The file was not imported; `problems` says why, one line per unit."""

    def __init__(self, problems):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


class XliffWriter:
    """Writes an XLIFF 1.2 document to a binary stream one unit at a time: a `<file>` for
    each run of units of one model written in one language, `<source>`, `<target>` and the
    source's fingerprint in a note."""

    def __init__(self, stream, language):
        self.stream, self.language, self.label = stream, language, None
        self._write('<?xml version="1.0" encoding="utf-8"?>\n')
        self._write(f'<xliff xmlns="{NS}" version="1.2">\n')

    def add(self, unit):
        if (unit.label, unit.source_language) != self.label:
            self._close_file()
            self.label = (unit.label, unit.source_language)
            self._write(
                f'<file original={quoteattr(unit.label)} datatype="html" '
                f"source-language={quoteattr(unit.source_language)} "
                f"target-language={quoteattr(self.language)}><body>\n"
            )
        source, target = _texts(unit)
        state = "needs-review-translation" if target else "needs-translation"
        self._write(
            f"<trans-unit id={quoteattr(unit.id)}>"
            f"<source>{source}</source>"
            f'<target state="{state}">{target}</target>'
            f'<note from="source-fingerprint">{unit.fingerprint}</note>'
            "</trans-unit>\n"
        )

    def close(self):
        self._close_file()
        self._write("</xliff>\n")

    def _close_file(self):
        if self.label is not None:
            self._write("</body></file>\n")
        self.label = None

    def _write(self, text):
        self.stream.write(writable(text).encode())


def _texts(unit):
    """A unit's source and target as XLIFF. Rich text as inline codes; the translation
    being updated is given only where its tags are the source's, so that each code
    stands for the same tag in both (a code is read back as the source's tag)."""
    if not unit.rich:
        return escape(unit.source), escape(unit.target)
    source, target = inline.encode(unit.source), inline.encode(unit.target)
    return source.xliff, target.xliff if target.shape == source.shape else ""


def export(language):
    """An XLIFF 1.2 document (bytes) of every pending translation into `language`: for a
    small archive and the tests; batches for agencies are written by translations.exports."""
    stream = io.BytesIO()
    writer = XliffWriter(stream, language)
    for unit in Selection(language, resend=True).units():
        writer.add(unit)
    writer.close()
    return stream.getvalue()


def import_file(data, user=None):
    """Import an XLIFF document given as bytes (see import_stream)."""
    check_size(len(data))
    return import_stream(io.BytesIO(data), user)


def import_upload(upload, user=None, progress=None):
    """Import an uploaded XLIFF file, or each XLIFF file of a zip (as an export writes):
    [(file name, number imported or None, problems)], each file all or nothing."""
    if not zipfile.is_zipfile(upload):
        upload.seek(0)
        return [_import_named(getattr(upload, "name", "") or "", upload, user, progress)]
    upload.seek(0)
    results = []
    try:
        with zipfile.ZipFile(upload) as archive:
            members = [
                member
                for member in archive.infolist()
                if member.filename.lower().endswith((".xlf", ".xliff")) and not member.is_dir()
            ]
            _check_zip(members)
            for member in members:
                problem = _member_problem(member)
                if problem:
                    results.append((member.filename, None, problem))
                    continue
                with archive.open(member) as stream:
                    results.append(_import_named(member.filename, stream, user, progress))
    except zipfile.BadZipFile as error:
        raise ImportRefused([_("Not a readable zip file: %(error)s") % {"error": error}]) from error
    return results


def _member_problem(member):
    """Why a zip's member is not read, or None. Only stored and deflated members are:
    zipfile unpacks a deflated member no further than its declared size, but a bzip2 or
    LZMA one whole, whatever it declares (a 200-byte member unpacked to 100 MB), and
    cannot read the rest (deflate64, encrypted)."""
    if member.file_size > settings.XLIFF_IMPORT_MAX_BYTES:
        return _size_problem(member.file_size)
    if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) or (
        member.flag_bits & 0x1
    ):
        return [_("Compressed in a way XLIFF files are not: zip it again, plainly.")]
    if member.file_size > MAX_COMPRESSION_RATIO * max(member.compress_size, 1):
        return [_("Packed too tightly to be an XLIFF file.")]
    return None


def _check_zip(members):
    """Refuse a zip that holds no XLIFF file, too many, or more than may be unpacked in all,
    from what it declares, before anything is unpacked."""
    if not members:
        raise ImportRefused([_("The zip file holds no XLIFF file.")])
    if len(members) > settings.XLIFF_IMPORT_MAX_FILES:
        raise ImportRefused(
            [
                _("The zip file holds %(count)s XLIFF files; at most %(limit)s may be imported.")
                % {"count": len(members), "limit": settings.XLIFF_IMPORT_MAX_FILES}
            ]
        )
    total = sum(member.file_size for member in members)
    if total > settings.XLIFF_IMPORT_MAX_TOTAL_BYTES:
        limit = filesizeformat(settings.XLIFF_IMPORT_MAX_TOTAL_BYTES)
        raise ImportRefused(
            [
                _("The zip file unpacks to %(size)s; at most %(limit)s can be imported.")
                % {"size": filesizeformat(total), "limit": limit}
            ]
        )


def _import_named(name, stream, user, progress):
    try:
        return name, import_stream(stream, user, progress), []
    except ImportRefused as refused:
        return name, None, refused.problems


class _RollBack(Exception):
    pass


def import_stream(stream, user=None, progress=None):
    """Write the translations of an XLIFF document read from `stream`, unit by unit in
    bounded memory; all of them, or none (ImportRefused, with the problems found).

    Each value must pass its field's own validation, as if typed into the admin; the file
    may declare no DTD or entities. Each object is saved as its model receives
    translations (for a brief, through the publishing path: sent to review), in a
    revision naming `user`; the units of an export that come back are marked as back.
    `progress`, if given, is called with the number of units read every so often.
    """
    importer = _Importer(user, progress)
    try:
        with transaction.atomic():
            importer.read(stream)
            if importer.problems:
                raise _RollBack
    except _RollBack:
        problems = importer.problems
        if len(problems) > MAX_PROBLEMS:
            more = len(problems) - MAX_PROBLEMS
            and_more = ngettext("… and %(count)d more.", "… and %(count)d more.", more)
            problems = [*problems[:MAX_PROBLEMS], and_more % {"count": more}]
        raise ImportRefused(problems) from None
    return importer.count


class _Importer:
    """Reads units in document order; the units of one object are saved together."""

    def __init__(self, user, progress=None):
        self.user, self.problems, self.count = user, [], 0
        # In a user's name, only what their admin forms let them change; without one (the
        # operator's import_xliff), everything.
        self.changeable = ChangeableFields(user) if user is not None else None
        self.progress, self.read_units = progress, 0
        self.obj, self.language, self.values = None, None, {}
        self.returned_at = timezone.now()

    def read(self, stream):
        parents, language = [], None
        try:
            for event, element in DefusedElementTree.iterparse(
                _LargeReads(stream), events=("start", "end"), forbid_dtd=True
            ):
                if event == "start":
                    if not parents and (
                        element.tag != f"{{{NS}}}xliff" or element.get("version") != "1.2"
                    ):
                        raise ImportRefused([_("Not an XLIFF 1.2 file.")])
                    if element.tag == f"{{{NS}}}file":
                        language = element.get("target-language")
                    parents.append(element)
                    _check_shape(parents, element)
                    continue
                parents.pop()
                if element.tag == f"{{{NS}}}trans-unit":
                    self.unit(element, language)
                    parents[-1].remove(element)  # what was read is let go
        except DefusedXmlException as error:
            raise ImportRefused(
                [_("The file declares a DTD or entities, which XLIFF files do not need.")]
            ) from error
        except (ElementTree.ParseError, ValueError, LookupError) as error:  # and encodings
            raise ImportRefused(
                [_("Not a readable XML file: %(error)s") % {"error": error}]
            ) from error
        self.save()

    def unit(self, unit, language):
        if len(self.problems) >= MAX_PROBLEMS:  # refused already: not worth reading on
            raise ImportRefused([*self.problems, _("… and it was read no further.")])
        self.read_units += 1
        if self.progress and self.read_units % PROGRESS_EVERY == 0:
            self.progress(self.read_units)
        unit_id = unit.get("id", "")
        obj, field, problem = _resolve(unit_id, language, self.obj)
        if problem:
            self.problems.append(f"{unit_id}: {problem}")
            return
        if self.changeable and localized(field, language) not in self.changeable.of(obj):
            refused = _("you may not change this in the admin")
            self.problems.append(f"{unit_id}: {refused}")
            return
        if obj is not self.obj or language != self.language:
            self.save()
            self.obj, self.language = obj, language
        note = unit.find(f"{{{NS}}}note")
        source_now = getattr(obj, localized(field, source_language_of(obj))) or ""
        if note is None or note.text != fingerprint(source_now):
            changed = _("the source text changed since this file was exported")
            self.problems.append(f"{unit_id}: {changed}")
            return
        try:
            text = _target_text(unit, obj, localized(field, language), source_now)
        except inline.InlineCodeError as error:
            self.problems.append(f"{unit_id}: {error}")
            return
        problem = _invalid(obj, localized(field, language), text)
        if problem:
            self.problems.append(f"{unit_id}: {problem}")
            return
        self.values[field] = text

    def save(self):
        """Save the current object's translations, unless the file is already refused."""
        if self.values and not self.problems:
            changed = False
            for field, text in self.values.items():
                name = localized(field, self.language)
                changed = changed or (getattr(self.obj, name) or "") != text
                setattr(self.obj, name, text)
            # Text that came back as it is is no new translation: an approved version
            # is not sent to review again for it.
            if changed:
                comment = _("Translations imported from an XLIFF file")
                self.obj.save_translation(self.user, self.language, comment)
            ExportedUnit.objects.filter(
                content_type=ContentType.objects.get_for_model(self.obj),
                object_id=self.obj.pk,
                field__in=list(self.values),
                export__language=self.language,
                returned_at__isnull=True,
            ).update(returned_at=self.returned_at)
            self.count += len(self.values)
        self.values = {}


class _LargeReads:
    """A stream read in pieces of a few megabytes, whatever the parser asks for. expat
    parses a token (a tag, a comment) again from its start for each piece it spans, so a
    20 MB comment read 16 KB at a time cost 15 s; files are at most
    XLIFF_IMPORT_MAX_BYTES, so the pieces take bounded memory."""

    PIECE = 4 * 1024 * 1024

    def __init__(self, stream):
        self.stream = stream

    def read(self, _size=-1):
        return self.stream.read(self.PIECE)


def _check_shape(parents, element):
    """Refuse, as soon as it is met, what no XLIFF file needs and what makes a few
    megabytes cost a worker seconds: deep nesting, an element with many attributes."""
    if len(parents) > MAX_DEPTH or len(element.attrib) > MAX_ATTRIBUTES:
        shape = _("Not an XLIFF file: elements nested too deeply, or with too many attributes.")
        raise ImportRefused([shape])


def check_size(size):
    """Refuse a file over XLIFF_IMPORT_MAX_BYTES before it is read."""
    if size > settings.XLIFF_IMPORT_MAX_BYTES:
        raise ImportRefused(_size_problem(size))


def _size_problem(size):
    return [
        _("The file is %(size)s; files of up to %(limit)s can be imported.")
        % {"size": filesizeformat(size), "limit": filesizeformat(settings.XLIFF_IMPORT_MAX_BYTES)}
    ]


def _target_text(unit, obj, name, source_now):
    """The translation a unit brings for `obj`'s field `name`: its inline codes turned back
    into the source's tags. A file exported before inline codes (its rich source has no
    codes, only escaped HTML) brings HTML as text, read as it was then."""
    target = unit.find(f"{{{NS}}}target")
    if target is None:
        return ""
    source = unit.find(f"{{{NS}}}source")
    coded = source is not None and any(
        code.tag in (f"{{{NS}}}g", f"{{{NS}}}x") for code in source.iter()
    )
    if coded and isinstance(obj._meta.get_field(name), RichTextField):
        return inline.decode(target, source_now).strip()
    return "".join(target.itertext()).strip()


def _invalid(obj, name, text):
    """Why `text` may not be stored in `obj`'s field `name`, or None if it may."""
    if not text:
        return _("no translation")
    field = obj._meta.get_field(name)
    if isinstance(field, RichTextField):
        removed = field.rich_text.removed(text)
        if removed:
            return _("markup that rich text may not hold: %(markup)s") % {
                "markup": list_of(removed)
            }
    elif _TAG.search(text):
        return _("markup in a plain-text field")
    try:
        field.clean(text, obj)
    except ValidationError as error:
        return " ".join(error.messages)
    return None


def _resolve(unit_id, language, current=None):
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
    if language not in target_languages(model):
        return None, None, _("unknown target language %(language)r") % {"language": language}
    if current is not None and type(current) is model and current.pk == int(pk):
        obj = current
    else:
        obj = model._default_manager.filter(pk=int(pk)).first()
    if obj is None:
        return None, None, _("the object no longer exists")
    if language == source_language_of(obj):
        return None, None, _("it is written in that language: there is nothing to translate")
    return obj, field, None
