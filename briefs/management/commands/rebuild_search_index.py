"""Index every released brief again: after installing, restoring a backup, or changing
how documents are built. Day to day the publishing path keeps the index current."""

import time

from django.core.management.base import BaseCommand

from briefs import search


class Command(BaseCommand):
    help = "Rebuild the briefs' search index from the briefs, showing progress."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="only when the index is empty and briefs are released (after an upgrade)",
        )

    def handle(self, *args, if_empty=False, verbosity=1, **options):
        if if_empty and not search.needs_building():
            return
        started = time.monotonic()

        def progress(done, total):
            if verbosity:
                elapsed = time.monotonic() - started
                self.stdout.write(
                    f"\r{done:,} of {total:,} briefs indexed ({elapsed:.0f} s)", ending=""
                )
                self.stdout.flush()

        total = search.rebuild(progress)
        self.stdout.write(
            f"\n{total:,} briefs in the search index ({time.monotonic() - started:.0f} s)"
        )
