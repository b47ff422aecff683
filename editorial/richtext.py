"""The one allow-list for rich text, applied with nh3 before storing and before display."""

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
