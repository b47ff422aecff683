from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    """The translators' workflow for every model registered with django-modeltranslation.

    It finds their models in modeltranslation's registry and follows their saves; their
    admin classes name its TranslationWorkflowAdmin mixin (a system check sees to it).
    """

    name = "translations"
    verbose_name = _("Translations")

    def ready(self):
        from . import checks, signals  # noqa: F401 (checks registers itself)

        signals.connect()
