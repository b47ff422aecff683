"""Reading a page the way a reader sees it: its visible text, outside <script> and <style>."""

import re
from html.parser import HTMLParser

_INLINE = {"a", "abbr", "b", "cite", "code", "em", "i", "small", "span", "strong", "time"}
_VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "wbr",
}


class _TextCollector(HTMLParser):
    def __init__(self, skip_lang):
        super().__init__()
        self.skip_lang = skip_lang
        self.stack = []  # (tag, hidden)
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag not in _INLINE:
            self.parts.append(" ")  # block boundaries separate words, as on screen
        if tag in _VOID:
            return
        attrs = dict(attrs)
        inside_hidden = bool(self.stack) and self.stack[-1][1]
        hidden = (
            inside_hidden
            or tag in ("script", "style", "head")
            or (self.skip_lang is not None and attrs.get("lang") == self.skip_lang)
        )
        self.stack.append((tag, hidden))

    def handle_endtag(self, tag):
        if tag not in _INLINE:
            self.parts.append(" ")
        while self.stack:
            open_tag, _hidden = self.stack.pop()
            if open_tag == tag:
                break

    def handle_data(self, data):
        if not (self.stack and self.stack[-1][1]):  # text inside a hidden element stays out
            self.parts.append(data)


def visible_text(html, skip_lang=None):
    """The page's visible text, whitespace folded; elements in `skip_lang` left out."""
    collector = _TextCollector(skip_lang)
    collector.feed(html)
    return re.sub(r"\s+", " ", "".join(collector.parts)).strip()
