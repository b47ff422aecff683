from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, pgettext

register = template.Library()


@register.simple_tag
def byline(experts, linked=True):
    """The experts' names as a sentence, “A, B (moderator) and C”, each linking to the
    expert's page and followed by their part in the brief when it is not authorship."""
    names = [
        format_html(
            "{}{}",
            format_html('<a href="{}">{}</a>', expert.get_absolute_url(), expert.name)
            if linked
            else expert.name,
            format_html(" ({})", role) if (role := getattr(expert, "byline_role", "")) else "",
        )
        for expert in experts
    ]
    if len(names) < 2:
        return mark_safe("".join(names))
    separator = conditional_escape(pgettext("between names in a list", ", "))
    # Translators: joins the last name of a list to the others, as in "A, B and C".
    sentence = conditional_escape(gettext("%(names)s and %(last)s"))
    return mark_safe(sentence % {"names": separator.join(names[:-1]), "last": names[-1]})
