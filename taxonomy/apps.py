from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaxonomyConfig(AppConfig):
    """Topics and regions that analysis is filed under."""

    name = "taxonomy"
    verbose_name = _("Topics and regions")
