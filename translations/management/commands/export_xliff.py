from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from translations import exports
from translations.batches import Selection
from translations.fields import LANGUAGE_CODES, TARGET_LANGUAGES
from translations.models import TranslationExport
from translations.status import MISSING, OUTDATED


class Command(BaseCommand):
    help = (
        "Write pending (missing and/or outdated) translations for an agency: a zip of XLIFF "
        "1.2 files of at most so many units and source words each, with a manifest of their "
        "word counts. What is out with an agency and not back is not sent again unless "
        "--resend is given. With --count, only the word counts are shown."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="the zip file to write")
        parser.add_argument("--language", default=TARGET_LANGUAGES[0], choices=LANGUAGE_CODES)
        parser.add_argument(
            "--status", choices=[MISSING, OUTDATED], action="append", help="default: both"
        )
        parser.add_argument(
            "--select",
            action="append",
            default=[],
            metavar="NAME=VALUE",
            help="narrow the batch, e.g. type=policy-analysis topic=energy region=iran "
            "expert=anna-borshchevskaya since=2024-01-01 until=2024-12-31 (briefs only)",
        )
        parser.add_argument("--max-units", type=int, default=settings.XLIFF_FILE_MAX_UNITS)
        parser.add_argument("--max-words", type=int, default=settings.XLIFF_FILE_MAX_WORDS)
        parser.add_argument("--resend", action="store_true", help="include what is out")
        parser.add_argument(
            "--without-dependents",
            action="store_true",
            help="leave out what the chosen objects show that has no translation yet "
            "(their topics, regions, PDFs' titles, images' alt text)",
        )
        parser.add_argument(
            "--limit", type=int, help="send at most so many fields (the first, in order of id)"
        )
        parser.add_argument("--count", action="store_true", help="count words, write nothing")

    def handle(self, *args, path, language, status, select, max_units, max_words, **options):
        with translation.override(settings.LANGUAGE_CODE):
            selection = Selection(
                language,
                statuses=tuple(status or (MISSING, OUTDATED)),
                criteria=self._criteria(select),
                resend=options["resend"],
                limit=options["limit"],
                dependents=not options["without_dependents"],
            )
            try:
                selection.querysets()
            except ValidationError as invalid:
                raise CommandError(" ".join(invalid.messages)) from invalid
            limits = {"max_units": max(max_units, 1), "max_words": max(max_words, 1)}
            if options["count"]:
                self._report(exports.quote(selection, **limits))
                return
            if not path or not path.endswith(".zip"):
                raise CommandError("Name the .zip file to write, or give --count.")
            if selection.is_empty():
                raise CommandError(
                    "Nothing pending matches. Fields out with an agency are left out unless "
                    "--resend is given."
                )
            export = TranslationExport.objects.create(
                language=language, selection=selection.as_dict()
            )
            with Path(path).open("wb") as stream:
                for done in exports.write(export, stream, **limits):
                    self.stderr.write(f"\r{done:,} units written", ending="")
            self.stderr.write("")
            self._report(export.manifest)
            self.stdout.write(f"Wrote {path} (export {export.pk})")

    def _criteria(self, select):
        criteria = {}
        for item in select:
            name, equals, value = item.partition("=")
            if not equals or not name:
                raise CommandError(f"--select {item!r}: give NAME=VALUE")
            criteria[name.strip()] = value.strip()
        return criteria

    def _report(self, manifest):
        for file in manifest["files"]:
            self.stdout.write(
                f"{file['name']}: {file['units']:,} units, {file['source_words']:,} words "
                f"({file['new_words']:,} new, {file['repeated_words']:,} repeated)"
            )
        total = manifest["total"]
        self.stdout.write(
            f"Total: {len(manifest['files'])} files, {total['units']:,} units, "
            f"{total['source_words']:,} words ({total['new_words']:,} new, "
            f"{total['repeated_words']:,} repeated)"
        )
