from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """Text rules every content app shares: the rich-text allow-list and the slug rules."""

    name = "editorial"
    verbose_name = _("Editorial")

    def ready(self):
        from . import checks  # noqa: F401  (registers the house style's checks)
