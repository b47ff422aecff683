"""Rich text's allow-lists: what the admin's editor can make (django-prose-editor, Tiptap)
is exactly what nh3 keeps, before storing and before display."""

import re
from collections import Counter
from html.parser import HTMLParser

import nh3
from django.db import models
from django.urls import reverse_lazy
from django.utils.safestring import mark_safe
from django_prose_editor.config import allowlist_from_extensions
from django_prose_editor.fields import ProseEditorFormField

# The editor's toolbar; each allow-list is worked out from one.
EDITOR_EXTENSIONS = {
    "Paragraph": True,
    "HardBreak": True,
    "Heading": {"levels": [2, 3, 4]},
    "Bold": True,
    "Italic": True,
    # Our Link (editorial/static/editorial/link-targets.js) adds the link chooser.
    "Link": {
        "enableTarget": False,
        "protocols": ["http", "https", "mailto"],
        "chooserUrl": reverse_lazy("link_chooser"),
    },
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


# Bodies written before the editor use <b> and <i>, which the editor reads as bold and
# italic and writes as <strong> and <em>; the sanitiser reads them the same way.
_LEGACY_EMPHASIS = re.compile(r"<(/?)([bi])(?=[\s/>])", re.IGNORECASE)


def _modern_emphasis(html):
    return _LEGACY_EMPHASIS.sub(
        lambda tag: f"<{tag[1]}{'strong' if tag[2].lower() == 'b' else 'em'}", html
    )


class RichText:
    """What a kind of rich text may hold: the editor's toolbar (`extensions`), and the
    sanitiser's allow-list worked out from it, so the two cannot disagree."""

    def __init__(self, extensions):
        # The browser's spell checking stays on (django-prose-editor turns it off by
        # default); it checks in the field's language, the lang its editor is given.
        self.extensions = {**extensions, "NoSpellCheck": False}
        allowlist = allowlist_from_extensions(extensions)
        self.tags = frozenset(allowlist["tags"])
        # Links always get rel="noopener noreferrer" from the sanitiser, never their own.
        self.attributes = {
            tag: frozenset(names) - {"rel"} for tag, names in allowlist["attributes"].items()
        }
        self.url_schemes = frozenset(allowlist["url_schemes"])
        self.allowed_classes = {}  # {tag: {class, …}}: the only class values kept

    def sanitize(self, html):
        """`html` reduced to the allow-list; scripts, handlers and unsafe URLs dropped."""
        if not html:
            return html
        return nh3.clean(
            _modern_emphasis(html),
            tags=set(self.tags),
            attributes={tag: set(names) for tag, names in self.attributes.items()},
            url_schemes=set(self.url_schemes),
            link_rel="noopener noreferrer",
            allowed_classes={tag: set(names) for tag, names in self.allowed_classes.items()},
        )

    def render(self, html):
        """Sanitised, display-ready HTML.

        Stored text is already clean, but rows written around the model (``update()``,
        SQL, imports) are not, so display never trusts the database.
        """
        return mark_safe(self.sanitize(html or ""))

    def removed(self, html):
        """What sanitising `html` would drop: ["<script>", "onerror attribute of <img>"].

        Worked out from the sanitiser's own output, so it always agrees with the allow-list.
        """
        return sorted(_markup(_modern_emphasis(html)) - _markup(self.sanitize(html)))


# Rich text without figures: experts' bios, topics' and regions' descriptions.
TEXT = RichText(EDITOR_EXTENSIONS)


class RichTextFormField(ProseEditorFormField):
    """The editor, with the toolbar the field's allow-list is made from."""

    def __init__(self, *args, rich_text=None, **kwargs):
        self.rich_text = rich_text or TEXT
        kwargs.setdefault("config", {"extensions": self.rich_text.extensions})
        super().__init__(*args, **kwargs)


class RichTextField(models.TextField):
    """A TextField written in the rich-text editor, whose HTML is sanitised to its kind of
    rich text (`rich_text`, plain `TEXT` by default) whenever it is saved."""

    def __init__(self, *args, rich_text=None, **kwargs):
        self.rich_text = rich_text or TEXT
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(
            **{"form_class": RichTextFormField, "rich_text": self.rich_text, **kwargs}
        )

    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname)
        clean = self.rich_text.sanitize(value)
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
