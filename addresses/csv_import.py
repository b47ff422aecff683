"""Redirects from a CSV file of old path, new path rows: all of them, or none."""

import csv

from django.db import transaction
from django.utils.translation import gettext as _

from .models import Redirect, path_problem


class ImportRefused(Exception):
    """Nothing was imported; `problems` says why, one line per bad row."""

    def __init__(self, problems):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


def import_redirects(text):
    """Record every row of `text` as a redirect, or refuse the whole file; the count."""
    moves, problems = [], []
    for number, row in enumerate(csv.reader(text.splitlines()), start=1):
        cells = [cell.strip() for cell in row]
        if not any(cells) or (number == 1 and not cells[0].startswith("/")):
            continue  # a blank line, or the header
        if len(cells) != 2:
            problems.append(
                _("line %(n)d: expected two columns, old path and new path") % {"n": number}
            )
            continue
        old, new = cells
        problem = path_problem(old) or path_problem(new)
        if not problem and old == new:
            problem = _("the old and new paths are the same")
        if problem:
            problems.append(_("line %(n)d: %(problem)s") % {"n": number, "problem": problem})
            continue
        moves.append((old, new))
    if problems:
        raise ImportRefused(problems)
    with transaction.atomic():
        for old, new in moves:
            Redirect.objects.record_move(old, new)
    return len(moves)
