"""Lists of items in a sentence, punctuated as the active language punctuates them: Arabic
and Persian write "،" between items and "؛" between clauses, not "," and ";"."""

from django.utils.translation import pgettext


def list_of(items):
    """ "A, B, C", or "أ، ب، ج" in Arabic."""
    return pgettext("between items of a list", ", ").join(str(item) for item in items)


def clauses(items):
    """ "A; B; C", or "أ؛ ب؛ ج" in Arabic."""
    return pgettext("between clauses of a list", "; ").join(str(item) for item in items)
