from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from addresses.csv_import import ImportRefused, import_redirects


class Command(BaseCommand):
    help = (
        "Import permanent redirects from a CSV file of old path, new path rows (a header row "
        "is allowed), e.g. /policy-analysis/view/old-slug,/policy-analysis/new-slug. "
        "All of them, or none with a report."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, path, **options):
        # Reports in the site's own language, whatever a previous request left active.
        with translation.override(settings.LANGUAGE_CODE):
            self._import(path)

    def _import(self, path):
        try:
            count = import_redirects(Path(path).read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {path}: {error}") from error
        except ImportRefused as refused:
            report = "\n".join(f"  {problem}" for problem in refused.problems)
            raise CommandError(f"Nothing was imported:\n{report}") from refused
        self.stdout.write(self.style.SUCCESS(f"Imported {count} redirects."))
