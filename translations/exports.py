"""Batches of pending translations written for an agency: a zip of XLIFF files of at
most so many units and source words each, with a manifest of their word counts, and a
record of every unit sent so that what is out is not sent again.

The units are read and written one at a time (translations.batches, translations.xliff),
so the memory an export takes does not grow with the archive. A small export streams
straight to the editor's browser; a large one is prepared by a background task
(django-tasks) and offered for download when it is ready.
"""

import json
import tempfile
import zipfile

from django.core.files.base import File
from django.db import transaction
from django.http import StreamingHttpResponse
from django.utils import timezone
from django_tasks import task

from .batches import Selection
from .models import ExportedUnit, TranslationExport
from .wordcount import WordCount, word_count
from .xliff import XliffWriter

RECORD_EVERY = 500  # exported units recorded at a time


class Part:
    """One XLIFF file of an export."""

    def __init__(self, archive, number, language):
        self.name = f"{language}-{number:03d}.xlf"
        self.stream = archive.open(self.name, "w", force_zip64=True)
        self.writer = XliffWriter(self.stream, language)
        self.count, self.units = WordCount(), 0

    def add(self, unit):
        self.writer.add(unit)
        self.units += 1
        return self.count.add(unit.source)

    def close(self):
        self.writer.close()
        self.stream.close()
        return {"name": self.name, "units": self.units, **self.count.as_dict()}


def write(export, stream, *, max_units, max_words, dry_run=False):
    """Write `export`'s batch to `stream` as a zip; a generator that yields the number of
    units written so far every so often, and records the export's totals at the end.

    With `dry_run`, nothing is recorded: the word counts are worked out for a quote."""
    selection = Selection.from_dict(export.selection)
    manifest_files, sent, part = [], [], None
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        for number, unit in enumerate(selection.units(), start=1):
            words = word_count(unit.source)
            if part and (
                part.units >= max_units or (part.count.words + words > max_words and part.units)
            ):
                manifest_files.append(part.close())
                part = None
            if part is None:
                part = Part(archive, len(manifest_files) + 1, selection.language)
            part.add(unit)
            sent.append(
                ExportedUnit(
                    export=export,
                    content_type_id=unit.content_type_id,
                    object_id=unit.pk,
                    field=unit.field,
                    source_fingerprint=unit.fingerprint,
                    words=words,
                )
            )
            if len(sent) >= RECORD_EVERY:
                if not dry_run:
                    ExportedUnit.objects.bulk_create(sent)
                sent = []
                yield number
        if part:
            manifest_files.append(part.close())
        if sent and not dry_run:
            ExportedUnit.objects.bulk_create(sent)
        totals = _totals(manifest_files)
        manifest = {
            "export": export.pk,
            "created_at": export.created_at.isoformat(),
            "selection": export.selection,
            "files": manifest_files,
            "total": totals,
        }
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
    export.files = len(manifest_files)
    export.units = totals["units"]
    export.source_words = totals["source_words"]
    export.repeated_words = totals["repeated_words"]
    export.manifest = manifest
    if not dry_run:
        export.completed_at = timezone.now()
        export.save()
    yield export.units


def _totals(files):
    keys = ["units", "source_words", "new_words", "repeated_words", "segments", "repeated_segments"]
    return {key: sum(file[key] for file in files) for key in keys}


def quote(selection, *, max_units, max_words):
    """The word counts of a batch, worked out as an export would but sending nothing:
    the manifest (files and totals)."""
    export = TranslationExport(
        language=selection.language, selection=selection.as_dict(), created_at=timezone.now()
    )
    for _done in write(export, _Discard(), max_units=max_units, max_words=max_words, dry_run=True):
        pass
    return export.manifest


def file_name(export):
    return f"translations-{export.language}-{export.pk}.zip"


def streamed(export, *, max_units, max_words):
    """A response that streams `export`'s zip as it is written."""

    def chunks():
        pipe = _Pipe()
        for _done in write(export, pipe, max_units=max_units, max_words=max_words):
            yield pipe.drain()
        yield pipe.drain()

    response = StreamingHttpResponse(chunks(), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{file_name(export)}"'
    return response


@task()
def prepare(export_id, max_units, max_words):
    """Write a large export to storage in the background, for its owner to download."""
    export = TranslationExport.objects.get(pk=export_id)
    with tempfile.TemporaryFile() as spool:
        try:
            for _done in write(export, spool, max_units=max_units, max_words=max_words):
                pass
        except Exception as error:
            TranslationExport.objects.filter(pk=export_id).update(error=str(error))
            raise
        spool.seek(0)
        with transaction.atomic():
            export.file.save(file_name(export), File(spool), save=True)


class _Pipe:
    """A write-only stream whose written bytes are taken out as they come (a zip written
    to an HTTP response; zipfile writes to a stream it cannot seek with data descriptors)."""

    def __init__(self):
        self._chunks = []

    def write(self, data):
        self._chunks.append(bytes(data))
        return len(data)

    def flush(self):
        pass

    def drain(self):
        data, self._chunks = b"".join(self._chunks), []
        return data


class _Discard(_Pipe):
    def write(self, data):
        return len(data)
