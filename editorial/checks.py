from django.conf import settings
from django.core.checks import Error, register

from .dates import ARABIC_MONTH_STYLES


@register()
def arabic_date_style_known(app_configs, **kwargs):
    """An unknown house style would fail on the first Arabic page; say so at start-up."""
    errors = []
    if settings.ARABIC_MONTH_NAMES not in ARABIC_MONTH_STYLES:
        choices = ", ".join(ARABIC_MONTH_STYLES)
        message = f"ARABIC_MONTH_NAMES={settings.ARABIC_MONTH_NAMES!r} is not one of {choices}."
        errors.append(Error(message, id="editorial.E001"))
    return errors
