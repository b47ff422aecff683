import csv
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from addresses.models import Redirect, path_problem


class Command(BaseCommand):
    help = (
        "Import permanent redirects from a CSV file of old path, new path rows (a header row "
        "is allowed), e.g. /policy-analysis/view/old-slug,/policy-analysis/new-slug. "
        "All of them, or none with a report."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, path, **options):
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {path}: {error}") from error
        moves, problems = [], []
        for number, row in enumerate(csv.reader(text.splitlines()), start=1):
            cells = [cell.strip() for cell in row]
            if not any(cells) or (number == 1 and not cells[0].startswith("/")):
                continue  # a blank line, or the header
            if len(cells) != 2:
                problems.append(f"line {number}: expected two columns, old path and new path")
                continue
            old, new = cells
            problem = path_problem(old) or path_problem(new)
            if problem or old == new:
                problems.append(f"line {number}: {problem or 'the old and new paths are the same'}")
                continue
            moves.append((old, new))
        if problems:
            raise CommandError("Nothing was imported:\n" + "\n".join(f"  {p}" for p in problems))
        with transaction.atomic():
            for old, new in moves:
                Redirect.objects.record_move(old, new)
        self.stdout.write(self.style.SUCCESS(f"Imported {len(moves)} redirects."))
