from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    """What the public can see changes in one place, which announces each change."""

    name = "publishing"
    verbose_name = _("Publishing")

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import post_delete

        from . import checks  # noqa: F401 (registers itself)
        from .models import PublicContentModel, announce_deleted

        for model in apps.get_models():
            if issubclass(model, PublicContentModel):
                post_delete.connect(
                    announce_deleted, sender=model, dispatch_uid=f"publishing:{model._meta.label}"
                )
