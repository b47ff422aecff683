from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    """The translators' workflow for every model registered with django-modeltranslation.

    Content apps do not import it: it finds their models in modeltranslation's registry,
    follows their saves, and extends their admin classes when the site starts.
    """

    name = "translations"
    verbose_name = _("Translations")

    def ready(self):
        from . import admin_workflow, signals

        signals.connect()
        admin_workflow.extend_registered_admins()
