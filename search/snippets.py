"""A passage of a result, in the reader's language, with the words searched for marked."""

import re
from bisect import bisect_left
from functools import lru_cache
from html import escape

from django.utils.safestring import mark_safe

from .text import stems

# Words with their combining marks (tashkeel), tatweel and the zero-width non-joiner that
# holds a Persian word's parts together (گفت‌وگو). A text split on them is gap, word, gap,
# word, …, gap (the gaps possibly empty).
_MARKS = "\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed\u200c"
_WORD = re.compile(rf"([\w{_MARKS}]+)")
CONTEXT_WORDS = 14
SCANNED_WORDS = 300


def highlight(text, query, length=32):
    """About `length` words of `text` around its first passage holding the most searched-for
    words, with those words in <mark>; the whole text escaped."""
    text = text or ""
    tokens = _split(text, SCANNED_WORDS + length)
    words = tokens[1::2]
    hits = _hits(words, query)
    if not hits and len(tokens) < len(text):  # a cut text: look for a hit further on
        tokens = _WORD.split(text)
        words = tokens[1::2]
        hits = _hits(words, query)
    if not words:
        return ""
    start = _passage_start(hits, length)
    stop = min(len(words), start + length)
    marked = {1 + 2 * i for i in _hits(words[start:stop], query, offset=start)}
    parts = ["… " if start > 0 else ""]
    gap = []  # tokens since the last mark, escaped together
    for i in range(1 + 2 * start, 2 * stop):
        if i in marked:
            parts += [escape("".join(gap)), f"<mark>{escape(tokens[i])}</mark>"]
            gap = []
        else:
            gap.append(tokens[i])
    parts.append(escape("".join(gap)))
    if stop < len(words) or sum(map(len, tokens)) < len(text):
        parts.append(" …")
    return mark_safe("".join(parts))


def _split(text, count):
    """The tokens of the start of `text` that holds `count` words at least (all of it when
    it is shorter), ending with a gap; the word the cut fell in is left out."""
    end = count * 12
    while end < len(text):
        tokens = _WORD.split(text[:end])
        if len(tokens) > 2 * count + 2:
            return tokens[:-2]  # the last word may be cut: the gap before it ends them
        end *= 2
    return _WORD.split(text)


def _hits(words, query, offset=0):
    """The indexes (plus `offset`) of `words` that are forms of a searched-for word: among
    the first SCANNED_WORDS, or the first such word wherever it is."""
    wanted, language = query.stems(), query.language
    scanned = words[:SCANNED_WORDS]
    forms = {word for word in set(scanned) if _stems_of(word, language) & wanted}
    found = [offset + i for i, word in enumerate(scanned) if word in forms]
    if not found:
        for i in range(SCANNED_WORDS, len(words)):
            if _stems_of(words[i], language) & wanted:
                return [offset + i]
    return found


def _passage_start(hits, length):
    """Where a passage of `length` words starts: a few words before the first of the hits
    that has the most others close after it (the first word when there are none)."""
    if not hits:
        return 0
    context = min(CONTEXT_WORDS // 2, length // 4)
    reach = length - context  # the hits a passage starting `context` words early still holds
    counts = [bisect_left(hits, hit + reach) - n for n, hit in enumerate(hits)]
    return max(0, hits[counts.index(max(counts))] - context)


@lru_cache(maxsize=65536)
def _stems_of(token, language):
    """The stems of one word as a text writes it: remembered, since texts repeat their
    language's words far more often than they use new ones."""
    return frozenset(stems(token, language))
