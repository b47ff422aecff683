"""Redirects from a CSV file of old path, new path rows: all of them, or none."""

import csv

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import Redirect, path_problem


class ImportRefused(Exception):
    """Nothing was imported; `problems` says why, one line per bad row."""

    def __init__(self, problems):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


def import_redirects(text, max_rows=None):
    """Record every row of `text` as a redirect, or refuse the whole file; the count.
    With `max_rows`, a file of more rows is refused (the admin's request has seconds)."""
    moves, problems = [], []
    try:
        rows = list(csv.reader(text.splitlines()))
    except csv.Error as error:  # a cell over the csv module's limit, a stray NUL
        unreadable = _("The file is not readable CSV: %(error)s") % {"error": error}
        raise ImportRefused([unreadable]) from None
    if max_rows is not None and len(rows) > max_rows + 1:
        raise ImportRefused(
            [
                _(
                    "The file has %(count)s rows; %(limit)s can be imported here at once. "
                    "Split it, or import it with `manage.py import_redirects`."
                )
                % {"count": len(rows), "limit": max_rows}
            ]
        )
    for number, row in enumerate(rows, start=1):
        cells = [cell.strip() for cell in row]
        if not any(cells) or (number == 1 and not cells[0].startswith("/")):
            continue  # a blank line, or the header
        if len(cells) != 2:
            problems.append(
                _("line %(n)d: expected two columns, old path and new path") % {"n": number}
            )
            continue
        problem = path_problem(cells[0]) or path_problem(cells[1])
        if problem:
            problems.append(_("line %(n)d: %(problem)s") % {"n": number, "problem": problem})
            continue
        moves.append((number, *cells))
    if problems:
        raise ImportRefused(problems)
    with transaction.atomic():
        for number, old, new in moves:
            redirect = Redirect(old_path=old, new_path=new)
            try:  # against the rows recorded so far too: a loop through two rows
                redirect.clean()
            except ValidationError as invalid:
                said = " ".join(invalid.messages)
                problems.append(_("line %(n)d: %(problem)s") % {"n": number, "problem": said})
                continue
            Redirect.objects.record_move(old, new)
        if problems:
            transaction.set_rollback(True)
            raise ImportRefused(problems)
    return len(moves)
