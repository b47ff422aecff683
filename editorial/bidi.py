"""Text of one direction inside a page of the other, isolated so that it reads right.

In an Arabic page, a Latin name, acronym or figure ("U.S.", "F-16", "Anna Borshchevskaya",
"2014–2015") is set apart in <bdi>, so that its punctuation stays with it and the text
around it keeps its order; in an English page, an Arabic run likewise.
"""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_bidi

# A Latin run: words, with the punctuation that joins them (U.S., F-16, al-Assad, 9/11).
_LATIN = "A-Za-z0-9\u00c0-\u024f"
_LATIN_RUN = re.compile(rf"[{_LATIN}](?:[{_LATIN}]|[ .\-‐–/&'’:](?=[{_LATIN}]))*\.?")
_ARABIC_RUN = re.compile(
    r"[\u0600-\u06ff\u0750-\u077f](?:[\u0600-\u06ff\u0750-\u077f]|\s(?=[\u0600-\u06ff]))*"
)


def isolate(text, rtl=None):
    """`text`, escaped, with the runs of the other direction's script in <bdi>."""
    rtl = get_language_bidi() if rtl is None else rtl
    pattern = _LATIN_RUN if rtl else _ARABIC_RUN
    text = str(text or "")
    parts, position = [], 0
    for match in pattern.finditer(text):
        if rtl and match.group().isdigit():  # a bare number reads right on its own
            continue
        parts += [escape(text[position : match.start()]), f"<bdi>{escape(match.group())}</bdi>"]
        position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))
