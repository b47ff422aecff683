"""A passage of a result, in the reader's language, with the words searched for marked."""

import re
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .text import stems

# Words with their combining marks (tashkeel) and tatweel, and what lies between them.
_MARKS = "\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed"
_TOKEN = re.compile(rf"(?:\w|[{_MARKS}])+|(?:(?!\w)[^{_MARKS}])+", re.DOTALL)
CONTEXT_WORDS = 14
SCANNED_WORDS = 300


def highlight(text, query, length=32):
    """About `length` words of `text` around its first passage holding the most searched-for
    words, with those words in <mark>; the whole text escaped."""
    tokens = _TOKEN.findall(text or "")
    word_positions = [i for i, token in enumerate(tokens) if token[0].isalnum() or token[0] == "_"]
    if not word_positions:
        return ""
    hits = _hits(tokens, word_positions, query)
    first = _best_window_start(word_positions, hits, length)
    window = word_positions[first : first + length]
    start, stop = window[0], window[-1] + 1
    parts = ["… " if first > 0 else ""]
    for i in range(start, stop):
        parts.append(f"<mark>{escape(tokens[i])}</mark>" if i in hits else escape(tokens[i]))
    if first + length < len(word_positions):
        parts.append(" …")
    return mark_safe("".join(parts))


def _hits(tokens, word_positions, query):
    """The positions of the words that are forms of a searched-for word, among the first
    SCANNED_WORDS once one is found."""
    wanted = query.stems()
    hits = set()
    for count, position in enumerate(word_positions):
        if hits and count > SCANNED_WORDS:
            break
        if _stems_of(tokens[position], query.language) & wanted:
            hits.add(position)
    return hits


@lru_cache(maxsize=65536)
def _stems_of(token, language):
    """The stems of one word as a text writes it: remembered, since texts repeat their
    language's words far more often than they use new ones."""
    return frozenset(stems(token, language))


def _best_window_start(word_positions, hits, length):
    """The index in `word_positions` where a window of `length` words holding the most hits
    starts, a few words before its first hit."""
    if not hits:
        return 0
    marked = [1 if pos in hits else 0 for pos in word_positions]
    best, best_count, count = 0, -1, sum(marked[:length])
    for first in range(0, max(1, len(marked) - length + 1)):
        if first:
            count += (
                marked[first + length - 1] if first + length - 1 < len(marked) else 0
            ) - marked[first - 1]
        if count > best_count:
            best, best_count = first, count
    first_hit = next(i for i in range(best, len(marked)) if marked[i])
    return max(0, min(best, first_hit - min(CONTEXT_WORDS // 2, length // 4)))
