"""publishing.E001: every publishable model's admin names PublishingAdmin among its bases
and builds its form on PublishingAdminForm, so that its state, its buttons and every step
go through the actions."""

from django.contrib import admin
from django.core import checks

from .admin import PublishingAdmin, PublishingAdminForm
from .models import Publishable


@checks.register(checks.Tags.admin)
def publishable_admins_use_the_core(app_configs=None, **kwargs):
    return [
        checks.Error(
            f"{type(model_admin).__name__} is the admin of a publishable model but does not "
            "name PublishingAdmin among its bases, or its form is not a PublishingAdminForm.",
            hint="class …Admin(…, PublishingAdmin, …): form = a PublishingAdminForm",
            obj=type(model_admin),
            id="publishing.E001",
        )
        for model, model_admin in admin.site._registry.items()
        if issubclass(model, Publishable)
        and not (
            isinstance(model_admin, PublishingAdmin)
            and issubclass(model_admin.form, PublishingAdminForm)
        )
    ]
