"""The one allow-list for rich text: what the admin's editor can make (django-prose-editor,
Tiptap) is exactly what nh3 keeps, before storing and before display."""

from collections import Counter
from html.parser import HTMLParser

import nh3
from django.db import models
from django.utils.safestring import mark_safe
from django_prose_editor.config import allowlist_from_extensions
from django_prose_editor.fields import ProseEditorFormField

# The editor's toolbar; the sanitiser's allow-list is worked out from it.
EDITOR_EXTENSIONS = {
    "Paragraph": True,
    "HardBreak": True,
    "Heading": {"levels": [2, 3, 4]},
    "Bold": True,
    "Italic": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "Superscript": True,
    "Subscript": True,
    "HorizontalRule": True,
    "History": True,
}
_ALLOWLIST = allowlist_from_extensions(EDITOR_EXTENSIONS)
ALLOWED_TAGS = frozenset(_ALLOWLIST["tags"])
# Links always get rel="noopener noreferrer" from the sanitiser, never one of their own.
ALLOWED_ATTRIBUTES = {tag: set(names) - {"rel"} for tag, names in _ALLOWLIST["attributes"].items()}
ALLOWED_URL_SCHEMES = frozenset(_ALLOWLIST["url_schemes"])


def sanitize_html(html):
    """Return `html` reduced to the allow-list; scripts, handlers and unsafe URLs are dropped."""
    if not html:
        return html
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=set(ALLOWED_URL_SCHEMES),
        link_rel="noopener noreferrer",
    )


def render_rich_text(html):
    """Sanitised, display-ready HTML.

    Stored text is already clean, but rows written around the model (``update()``,
    SQL, imports) are not, so display never trusts the database.
    """
    return mark_safe(sanitize_html(html or ""))


class RichTextFormField(ProseEditorFormField):
    """The editor, with the toolbar the allow-list is made from."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("config", {"extensions": EDITOR_EXTENSIONS})
        super().__init__(*args, **kwargs)


class RichTextField(models.TextField):
    """A TextField whose HTML is sanitised to the allow-list whenever it is saved, and
    written in the rich-text editor."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": RichTextFormField, **kwargs})

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
