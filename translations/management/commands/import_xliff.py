from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from translations import xliff


class Command(BaseCommand):
    help = "Import translations from an XLIFF 1.2 file: all of them, or none if any is stale."

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, path, **options):
        # Reports in the site's own language, whatever a previous request left active.
        with translation.override(settings.LANGUAGE_CODE):
            self._import(path)

    def _import(self, path):
        try:
            xliff.check_size(Path(path).stat().st_size)
            count = xliff.import_file(Path(path).read_bytes())
        except xliff.ImportRefused as refused:
            report = "\n".join(f"  {problem}" for problem in refused.problems)
            raise CommandError(f"Nothing was imported:\n{report}") from refused
        self.stdout.write(self.style.SUCCESS(f"Imported {count} translations."))
