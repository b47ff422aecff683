from django import template
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from editorial.richtext import render_rich_text

register = template.Library()


@register.filter
def rich_text(html):
    """Display stored rich text: `{{ brief.body|rich_text }}`."""
    return render_rich_text(html)


@register.filter
def language_name_local(code):
    """A language's name in that language ("العربية", "English"), for language switches."""
    with translation.override(code):
        return gettext(dict(settings.LANGUAGES)[code])
