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
    tokens, word_positions, hits, more = _scan(text or "", query, length)
    if not word_positions:
        return ""
    first = _best_window_start(word_positions, hits, length)
    window = word_positions[first : first + length]
    start, stop = window[0], window[-1] + 1
    parts = ["… " if first > 0 else ""]
    for i in range(start, stop):
        parts.append(f"<mark>{escape(tokens[i])}</mark>" if i in hits else escape(tokens[i]))
    if more or first + length < len(word_positions):
        parts.append(" …")
    return mark_safe("".join(parts))


def _scan(text, query, length):
    """`text`'s tokens, the positions of its words among them, and those of the words that
    are forms of a searched-for word: among the first SCANNED_WORDS words, or the first
    such word wherever it is. Tokens stop `length` words past the last place a passage
    could hold; `more` says whether text was left."""
    wanted = query.stems()
    tokens, word_positions, hits = [], [], set()
    last_hit = 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token[0].isalnum() or token[0] == "_":
            count = len(word_positions)
            if hits and count > max(SCANNED_WORDS, last_hit) + length:
                return tokens, word_positions, hits, True
            if (not hits or count <= SCANNED_WORDS) and _stems_of(token, query.language) & wanted:
                hits.add(len(tokens))
                last_hit = count
            word_positions.append(len(tokens))
        tokens.append(token)
    return tokens, word_positions, hits, False


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
