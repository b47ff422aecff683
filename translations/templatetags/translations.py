from django import template

from translations import views
from translations.fields import TARGET_LANGUAGES
from translations.models import TranslationExport
from translations.queue import queue
from translations.status import STATUS_LABELS

register = template.Library()


@register.simple_tag
def translation_queue(user):
    """The objects waiting for an Arabic translation that `user` may translate, grouped by
    model, briefs first."""
    return queue(TARGET_LANGUAGES[0], user)


@register.filter
def may_translate(user):
    return views.may_translate(user)


@register.simple_tag
def recent_exports(user):
    """The user's exports of the last week, newest first: those prepared in the background
    are how an editor learns that their files are ready."""
    return TranslationExport.objects.recent_by(user)[:5]


@register.filter
def verbose_name_plural(model):
    return model._meta.verbose_name_plural


@register.filter
def status_label(status):
    return STATUS_LABELS[status]
