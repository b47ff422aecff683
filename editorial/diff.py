"""Readable word-level differences between two versions of a text, markup left aside, its
paragraphs, list items, headings and table cells kept apart."""

import difflib
import html
import re

import nh3
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

BREAK = "\n"  # between two blocks of a text
_BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|blockquote|tr|td|th|dd|dt)\s*>|<br\s*/?>", re.I)


def plain_words(text):
    """The words of a text, without markup and with whitespace folded."""
    without_tags = nh3.clean(text or "", tags=set())
    return re.sub(r"\s+", " ", html.unescape(without_tags)).strip()


def plain_blocks(text):
    """The words of a text without markup, one line per paragraph, list item, heading or
    table cell."""
    marked = _BLOCK_END.sub(BREAK, re.sub(r"\s+", " ", text or ""))
    lines = html.unescape(nh3.clean(marked, tags=set())).split(BREAK)
    return BREAK.join(line for line in (" ".join(line.split()) for line in lines) if line)


def _tokens(text):
    tokens = []
    for line in plain_blocks(text).split(BREAK):
        tokens += [*line.split(), BREAK]
    return tokens[:-1]


def word_diff(old_text, new_text):
    """HTML for a word diff: removed words in <del>, added ones in <ins>, the rest as is;
    each paragraph or list item on a line of its own."""
    old, new = _tokens(old_text), _tokens(new_text)
    marked = []  # (element, token)
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        if tag in ("delete", "replace"):
            marked += [("del", token) for token in old[a_start:a_end]]
        if tag in ("insert", "replace"):
            marked += [("ins", token) for token in new[b_start:b_end]]
        if tag == "equal":
            marked += [("span", token) for token in old[a_start:a_end]]
    lines, runs = [], []
    for element, token in marked:
        if token == BREAK:
            if element != "del":  # a block as it now stands ends here
                lines.append(runs)
                runs = []
        elif runs and runs[-1][0] == element:
            runs[-1][1].append(token)
        else:
            runs.append((element, [token]))
    lines.append(runs)
    return mark_safe(
        "<br>".join(
            format_html_join(
                " ", "<{0}>{1}</{0}>", ((element, " ".join(words)) for element, words in line)
            )
            for line in lines
            if line
        )
    )
