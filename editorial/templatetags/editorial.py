import json

from django import template
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, gettext_noop, pgettext

from editorial import bidi, dates
from editorial.richtext import TEXT
from languages import registry

register = template.Library()


@register.filter
def rich_text(html):
    """Display stored rich text: `{{ expert.full_bio|rich_text }}`."""
    return TEXT.render(html)


@register.filter
def isolated(text):
    """`{{ brief.title|isolated }}`: the text, with runs of the other direction's script
    (a Latin name in an Arabic page) bidi-isolated."""
    return bidi.isolate(text)


@register.filter
def long_date(value):
    """A date in the page language's house style: `{{ brief.published_at|long_date }}`."""
    return dates.long_date(value)


# filesizeformat's units, which Django's own Persian catalogue leaves in English: named here
# so that ours (read before Django's) translates them in every language.
FILE_SIZE_UNITS = (gettext_noop("%s KB"), gettext_noop("%s MB"), gettext_noop("%s GB"))


@register.filter
def file_size(size):
    """A size in bytes as readers read it: "76.8 KB"; on Arabic pages in the house style's
    digits, "76.8 كيلوبايت" or "٧٦٫٨ كيلوبايت"."""
    return dates.local_number(filesizeformat(size))


@register.filter
def language_name_local(code):
    """A language's name in that language ("العربية", "English"), for language switches."""
    return registry.get(code).name_local


@register.filter
def name_of_language(code):
    """A language's name in the page's language ("Arabic"; "العربية" on an Arabic page)."""
    return registry.get(code).name


@register.filter
def direction(code):
    """A language's direction, as `dir` takes it: "rtl" or "ltr" (the registry's, where
    Django's own table knows only the languages it ships)."""
    return "rtl" if registry.get(code).bidi else "ltr"


@register.filter
def script(code):
    """What a language's letters are ("latin", "arabic"): which font its pages load."""
    return registry.get(code).script


def listed(items):
    """Items as a sentence in the active language, “A, B and C”; each escaped unless safe."""
    items = [conditional_escape(item) for item in items]
    if len(items) < 2:
        return mark_safe("".join(items))
    separator = conditional_escape(pgettext("between names in a list", ", "))
    # Translators: joins the last name of a list to the others, as in "A, B and C".
    sentence = conditional_escape(gettext("%(names)s and %(last)s"))
    return mark_safe(sentence % {"names": separator.join(items[:-1]), "last": items[-1]})


@register.simple_tag
def site_languages():
    """The languages the site publishes in, named in the page's language: “English, Arabic
    and Persian”."""
    return listed(registry.get(code).name for code in registry.LANGUAGE_CODES)


@register.filter
def og_locale(code):
    """A language's locale as Open Graph names it ("ar_AR")."""
    return registry.get(code).og_locale


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """This page's one address: its version in the active language, with only the query
    parameters that change what it shows."""
    request = context.get("request")
    url = (context.get("language_versions") or {}).get(translation.get_language())
    return request.build_absolute_uri(url) if request is not None and url else ""


@register.inclusion_tag("includes/language_links.html", takes_context=True)
def language_links(context):
    """<link> tags for the page: canonical, hreflang alternates and x-default."""
    request = context.get("request")
    versions = context.get("language_versions") or {}
    if request is None or not versions:
        return {}
    absolute = {code: request.build_absolute_uri(url) for code, url in versions.items()}
    return {
        "canonical": canonical_url(context),
        "alternates": absolute,
        "x_default": absolute.get(settings.LANGUAGE_CODE),
    }


@register.simple_tag(takes_context=True)
def other_language_versions(context):
    """{code: address} of this page in the languages other than the active one."""
    active = translation.get_language()
    versions = context.get("language_versions") or {}
    return {code: url for code, url in versions.items() if code != active}


@register.inclusion_tag("includes/language_switch.html", takes_context=True)
def language_switch(context):
    """Links to this page in the other languages it exists in."""
    return {"others": other_language_versions(context)}


@register.filter
def json_ld(data):
    """A schema.org <script> block, escaped so that no text can close the script early."""
    text = json.dumps(data, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))
