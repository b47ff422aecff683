from django import template
from django.utils.html import format_html

from editorial.templatetags.editorial import listed

register = template.Library()


@register.simple_tag
def byline(experts, linked=True):
    """The experts' names as a sentence, “A, B (moderator) and C”, each linking to the
    expert's page and followed by their part in the brief when it is not authorship. Each
    name is bidi-isolated: a Latin name in an Arabic byline keeps the commas in place."""
    names = [
        format_html(
            "{}{}",
            format_html('<a href="{}"><bdi>{}</bdi></a>', expert.page_url, expert.byline_name)
            if linked and expert.page_url
            else format_html("<bdi>{}</bdi>", expert.byline_name),
            format_html(" ({})", role) if (role := getattr(expert, "byline_role", "")) else "",
        )
        for expert in experts
    ]
    return listed(names)
