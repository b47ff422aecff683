from django import template

from library.figures import WITH_FIGURES
from library.pictures import picture, picture_url

register = template.Library()
register.simple_tag(picture)
register.simple_tag(picture_url)


@register.filter
def rich_text_with_figures(html):
    """Display a brief's body: rich text whose figures are pictures from the library."""
    return WITH_FIGURES.render(html)
