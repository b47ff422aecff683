from django import template

from translations.fields import TARGET_LANGUAGES
from translations.models import TranslationExport
from translations.queue import queue
from translations.status import STATUS_LABELS

register = template.Library()


@register.simple_tag
def translation_queue():
    """The objects waiting for an Arabic translation, grouped by model, briefs first."""
    return queue(TARGET_LANGUAGES[0])


@register.simple_tag
def recent_exports(user):
    """The user's exports of the last week, newest first: those prepared in the background
    are how an editor learns that their files are ready."""
    return TranslationExport.objects.recent_by(user)[:5]


@register.filter
def verbose_name_plural(model):
    return model._meta.verbose_name_plural


@register.filter
def admin_change_url(obj):
    return f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change"


@register.filter
def status_label(status):
    return STATUS_LABELS[status]
