"""Following every save and delete of a translated model, so its translation records
stay true and none outlives its object."""

from threading import local

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save

from .fields import translated_models
from .models import TranslationRecord
from .status import record_translations

_minor_edit = local()


def connect():
    for model in translated_models():
        post_save.connect(
            _after_save, sender=model, dispatch_uid=f"translations:{model._meta.label}"
        )
        post_delete.connect(
            _after_delete, sender=model, dispatch_uid=f"translations:{model._meta.label}"
        )


def _after_save(sender, instance, raw=False, **kwargs):
    if not raw:
        record_translations(instance, keep_current=getattr(_minor_edit, "active", False))


def _after_delete(sender, instance, **kwargs):
    TranslationRecord.objects.filter(
        content_type=ContentType.objects.get_for_model(sender), object_id=instance.pk
    ).delete()


class minor_edit:
    """Within this block, saves keep current translations current (an editor's typo fix)."""

    def __enter__(self):
        _minor_edit.active = True

    def __exit__(self, *exc):
        _minor_edit.active = False
