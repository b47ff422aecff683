from django import template

from languages import registry
from translations import views
from translations.models import TranslationExport
from translations.queue import queue
from translations.roles import working_languages
from translations.status import STATUS_LABELS

register = template.Library()


@register.simple_tag
def translation_queues(user):
    """[(language, sections)]: for each language `user` translates into (a translator:
    theirs) that has any waiting, the objects waiting for a translation into it, grouped by
    model, briefs first (translations.queue)."""
    queues = [(registry.get(code), queue(code, user)) for code in working_languages(user)]
    return [(language, sections) for language, sections in queues if sections]


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
