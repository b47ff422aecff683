"""The one allow-list for rich text, applied with nh3 before storing and before display."""

from collections import Counter
from html.parser import HTMLParser

import nh3
from django.db import models
from django.utils.safestring import mark_safe

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "a",
    "ul", "ol", "li", "blockquote",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


def sanitize_html(html):
    """Return `html` reduced to the allow-list; scripts, handlers and unsafe URLs are dropped."""
    if not html:
        return html
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
    )


def render_rich_text(html):
    """Sanitised, display-ready HTML.

    Stored text is already clean, but rows written around the model (``update()``,
    SQL, imports) are not, so display never trusts the database.
    """
    return mark_safe(sanitize_html(html or ""))


class RichTextField(models.TextField):
    """A TextField whose HTML is sanitised to the allow-list whenever it is saved."""

    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname)
        clean = sanitize_html(value)
        if clean != value:
            setattr(model_instance, self.attname, clean)
        return clean


class _MarkupCounter(HTMLParser):
    """Counts the elements and attributes of an HTML fragment."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.counts = Counter()

    def handle_starttag(self, tag, attrs):
        self.counts[f"<{tag}>"] += 1
        for name, _value in attrs:
            self.counts[f"{name} attribute of <{tag}>"] += 1

    handle_startendtag = handle_starttag


def _markup(html):
    counter = _MarkupCounter()
    counter.feed(html or "")
    counter.close()
    return counter.counts


def removed_by_sanitizing(html):
    """What sanitising `html` would drop: ["<script>", "onerror attribute of <img>"], or [].

    Worked out from the sanitiser's own output, so it always agrees with the allow-list.
    """
    return sorted(_markup(html) - _markup(sanitize_html(html)))
