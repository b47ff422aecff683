from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone, translation

from translations import xliff
from translations.models import TranslationExport


class Command(BaseCommand):
    help = (
        "Import translations from an XLIFF 1.2 file, or from each XLIFF file of a zip (as "
        "export_xliff writes): each file all or nothing, refused whole if any unit is stale."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, path, **options):
        # Reports in the site's own language, whatever a previous request left active.
        with translation.override(settings.LANGUAGE_CODE):
            self._import(Path(path))

    def _progress(self, units):
        self.stderr.write(f"\r{units:,} units read", ending="")

    def _import(self, path):
        started = timezone.now()
        try:
            with path.open("rb") as upload:
                if path.suffix != ".zip":
                    xliff.check_size(path.stat().st_size)
                results = xliff.import_upload(upload, progress=self._progress)
            self.stderr.write("")
        except xliff.ImportRefused as refused:
            results = [(path.name, None, refused.problems)]
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}") from error
        refused = []
        for name, count, problems in results:
            if count is None:
                report = "\n".join(f"  {problem}" for problem in problems)
                refused.append(f"Nothing was imported from {name}:\n{report}")
            else:
                self.stdout.write(self.style.SUCCESS(f"{name}: imported {count} translations."))
        for export in TranslationExport.objects.returned_since(started).with_out():
            self.stdout.write(export.back_report())
        if refused:
            raise CommandError("\n".join(refused))
