"""Every translated model's admin names the translators' workflow among its bases."""

from django.contrib import admin
from django.core import checks

from .admin_workflow import TranslationWorkflowAdmin
from .fields import translated_models


@checks.register(checks.Tags.admin)
def translated_admins_have_the_workflow(app_configs=None, **kwargs):
    return [
        checks.Error(
            f"{type(model_admin).__name__} is the admin of a translated model but does not "
            "name TranslationWorkflowAdmin among its bases.",
            hint="class …Admin(TranslationWorkflowAdmin, …, TabbedTranslationAdmin)",
            obj=type(model_admin),
            id="translations.E001",
        )
        for model, model_admin in admin.site._registry.items()
        if model in translated_models() and not isinstance(model_admin, TranslationWorkflowAdmin)
    ]
