from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    """The image library: pictures with alt text, caption and credit in each language,
    checked on upload and served as renditions."""

    name = "library"
    verbose_name = _("Library")
