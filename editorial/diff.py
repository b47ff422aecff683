"""Readable word-level differences between two versions of a text, markup left aside."""

import difflib
import html
import re

import nh3
from django.utils.html import format_html_join


def plain_words(text):
    """The words of a text, without markup and with whitespace folded."""
    without_tags = nh3.clean(text or "", tags=set())
    return re.sub(r"\s+", " ", html.unescape(without_tags)).strip()


def word_diff(old_text, new_text):
    """HTML for a word diff: removed words in <del>, added ones in <ins>, the rest as is."""
    old_words, new_words = plain_words(old_text).split(), plain_words(new_text).split()
    pieces = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for tag, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        if tag in ("delete", "replace"):
            pieces.append(("del", " ".join(old_words[a_start:a_end])))
        if tag in ("insert", "replace"):
            pieces.append(("ins", " ".join(new_words[b_start:b_end])))
        if tag == "equal":
            pieces.append(("span", " ".join(old_words[a_start:a_end])))
    return format_html_join(" ", "<{0}>{1}</{0}>", pieces)
