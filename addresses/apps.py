from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AddressesConfig(AppConfig):
    """Old addresses that lead, permanently and in one hop, to where a page lives now."""

    name = "addresses"
    verbose_name = _("Addresses")
