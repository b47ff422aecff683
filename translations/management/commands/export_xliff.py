from pathlib import Path

from django.core.management.base import BaseCommand

from translations import xliff
from translations.fields import TARGET_LANGUAGES


class Command(BaseCommand):
    help = "Write the pending (missing or outdated) translations as an XLIFF 1.2 file."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--language", default=TARGET_LANGUAGES[0], choices=TARGET_LANGUAGES)

    def handle(self, *args, path, language, **options):
        Path(path).write_bytes(xliff.export(language))
        self.stdout.write(f"Wrote {path}")
