from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LanguagesConfig(AppConfig):
    """The registry of the languages the site may publish in (languages.registry)."""

    name = "languages"
    verbose_name = _("Languages")

    def ready(self):
        from . import checks  # noqa: F401  (registers languages.E001–E002)
        from .registry import describe_to_django

        describe_to_django()
