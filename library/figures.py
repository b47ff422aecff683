"""Figures in rich text: pictures from the library, never from elsewhere.

The editor stores a figure as `<figure><img src=… alt=… data-file="42"><figcaption>…`,
`data-file` being the library image's id (django-prose-editor's Figure extension, with our
chooser as its picker). Saving keeps only images that carry one; showing a figure draws the
library image's renditions in place of the stored `<img>`, with its alt text and credit in
the reader's language.
"""

import re
from html.parser import HTMLParser

from django.urls import reverse_lazy
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from editorial.richtext import EDITOR_EXTENSIONS, RichText

from .models import Image
from .pictures import picture

_LIBRARY_ID = re.compile(r"[1-9][0-9]{0,9}")
# The figure's picture fills the body's column: full width on a phone, 44rem at most.
FIGURE_SIZES = "(min-width: 48rem) 44rem, 100vw"


class _ImageRewriter(HTMLParser):
    """Writes sanitised HTML back out as it came, with each <img> replaced by what
    `replace(attributes)` returns, and, through `close_figure(open_image)`, a chance to add
    to each figure's end."""

    def __init__(self, replace, close_figure=None):
        super().__init__(convert_charrefs=False)
        self.replace = replace
        self.close_figure = close_figure
        self.out = []
        self.figure_image = None
        self.caption_written = False

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            attributes = dict(attrs)
            self.figure_image = attributes
            self.out.append(self.replace(attributes))
        else:
            if tag == "figure":
                self.figure_image, self.caption_written = None, False
            self.out.append(self.get_starttag_text())

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if self.close_figure and tag in ("figcaption", "figure") and not self.caption_written:
            self.out.append(self.close_figure(self.figure_image, within_caption=tag != "figure"))
            self.caption_written = True
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        self.out.append(data)

    def handle_entityref(self, name):
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")

    def rewrite(self, html):
        self.feed(html)
        self.close()
        return "".join(self.out)


def library_id(attributes):
    value = attributes.get("data-file") or ""
    return int(value) if _LIBRARY_ID.fullmatch(value) else None


class RichTextWithFigures(RichText):
    """Rich text that may hold figures from the image library: a brief's body."""

    def __init__(self, extensions):
        super().__init__(extensions)
        # The editor marks figures and their captions with these classes (and the
        # Figure extension's allow-list would keep any class on a figure): these only.
        self.allowed_classes = {"figure": {"figure"}, "figcaption": {"figure-caption"}}
        self.attributes = {
            tag: names - {"class"} if tag in self.allowed_classes else names
            for tag, names in self.attributes.items()
        }

    def sanitize(self, html):
        clean = super().sanitize(html)
        if not clean or "<img" not in clean:
            return clean
        return _ImageRewriter(
            lambda attributes: "" if library_id(attributes) is None else _start_tag(attributes)
        ).rewrite(clean)

    def render(self, html):
        clean = self.sanitize(html or "")
        if "<img" not in clean:
            return mark_safe(clean)
        ids = set()
        _ImageRewriter(lambda attributes: ids.add(library_id(attributes)) or "").rewrite(clean)
        images = Image.objects.in_bulk(ids)

        def draw(attributes):
            image = images.get(library_id(attributes))
            if image is None:  # deleted from the library since
                return ""
            if not image.alt and attributes.get("alt"):
                image.alt = attributes["alt"]  # the library has none in this language
            return picture(image, "natural", sizes=FIGURE_SIZES)

        def credit(attributes, within_caption):
            image = images.get(library_id(attributes or {}))
            if image is None:
                return ""
            if within_caption:
                return _credit(image)
            if not image.caption and not image.credit:
                return ""
            return format_html("<figcaption>{}{}</figcaption>", image.caption, _credit(image))

        return mark_safe(_ImageRewriter(draw, credit).rewrite(clean))


def _start_tag(attributes):
    return format_html(
        "<img{}>",
        mark_safe(
            "".join(
                format_html(' {}="{}"', name, value or "") for name, value in attributes.items()
            )
        ),
    )


def _credit(image):
    if not image.credit:
        return ""
    return format_html(' <span class="figure__credit">{}</span>', image.credit)


FIGURE_EXTENSIONS = {
    "Figure": {"pickerUrl": reverse_lazy("admin:library_image_choose")},
    "Caption": True,
    "Image": True,
}
WITH_FIGURES = RichTextWithFigures(EDITOR_EXTENSIONS | FIGURE_EXTENSIONS)
