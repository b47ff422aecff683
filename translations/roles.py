"""The editorial roles and what each may do (the permission matrix in docs/roles.md)."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from languages.registry import LANGUAGE_CODES
from publishing.policy import translation_languages, translators_group

from .fields import TARGET_LANGUAGES, translated_models

EDITORS, WRITERS, TRANSLATORS = "Editors", "Writers", "Translators"
# What writers write: briefs and the rows of a brief's form (authors, topics, regions, picks).
WRITTEN_MODELS = [
    "brief", "authorship", "brieftopic", "briefregion", "recommendation", "attachment",
]  # fmt: skip


def is_editor(user):
    """An editor (or a superuser) sees and may do everything editors do."""
    return user.is_superuser or user.groups.filter(name=EDITORS).exists()


def is_translator(user):
    """A translator edits translations only; editors and superusers edit everything."""
    if user.is_superuser:
        return False
    names = {group.name for group in user.groups.all()}
    return TRANSLATORS in names and EDITORS not in names


def working_languages(user, languages=LANGUAGE_CODES):
    """Of `languages`, those `user` works in: a translator's own (publishing.policy),
    everyone else's all of them."""
    if not is_translator(user):
        return list(languages)
    return [code for code in languages if code in translation_languages(user)]


def give_role(user, group, languages=None):
    """Put `user` in the role `group`; a translator also in the groups of the languages
    they translate into (`languages`: by default every language translated into)."""
    names = [group]
    if group == TRANSLATORS:
        chosen = TARGET_LANGUAGES if languages is None else languages
        names += [translators_group(code) for code in chosen]
    user.groups.add(*Group.objects.filter(name__in=names))


def setup_roles():
    """Create or update the groups; running it again changes nothing."""
    content_apps = {model._meta.app_label for model in translated_models()}
    editable = ContentType.objects.filter(app_label__in=content_apps)
    editors, _created = Group.objects.get_or_create(name=EDITORS)
    redirects = ContentType.objects.filter(app_label="addresses")
    # Failed logins (django-axes): editors see lockouts and lift them by deleting them.
    lockouts = Permission.objects.filter(
        content_type__app_label="axes", codename__regex=r"^(view|delete)_"
    )
    # Batches for translation agencies: editors and translators send them and see them.
    exports = Permission.objects.filter(
        content_type__app_label="translations",
        content_type__model="translationexport",
        codename__regex=r"^(add|view)_",
    )
    editors.permissions.set(
        Permission.objects.filter(content_type__in=editable)
        | Permission.objects.filter(content_type__in=redirects)
        | lockouts
        | exports
    )

    translated = [ContentType.objects.get_for_model(model) for model in translated_models()]
    translators, _created = Group.objects.get_or_create(name=TRANSLATORS)
    # Which languages each translator translates into: a group for each, no permissions;
    # the default language's too, for pieces written in another first.
    for code in LANGUAGE_CODES:
        Group.objects.get_or_create(name=translators_group(code))
    translators.permissions.set(
        Permission.objects.filter(content_type__in=translated, codename__startswith="change_")
        | Permission.objects.filter(content_type__in=editable, codename__startswith="view_")
        | exports
    )

    writers, _created = Group.objects.get_or_create(name=WRITERS)
    writers.permissions.set(
        Permission.objects.filter(
            content_type__in=editable.filter(app_label="briefs", model__in=WRITTEN_MODELS),
            codename__regex=r"^(add|change|delete|view)_",
        )
        | Permission.objects.filter(content_type__in=editable, codename__startswith="view_")
    )
    return editors, writers, translators
