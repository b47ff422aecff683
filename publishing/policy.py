"""Who may do what to publishable content: the one place the rules are written, asked by
the actions (publishing.actions), the admin, commands and imports alike (docs/roles.md).

- Publishing, scheduling, withdrawing and approving a language version take the model's
  custom permission `publish_<model>` (editors).
- Someone who may add content without publishing it (a writer) changes their own work
  while it is a draft or in review, and sends it to review; they delete their own drafts.
- Someone who may change content but not add it (a translator) changes its translations
  into their languages (the groups "Translators: <code>" they belong to; which fields,
  the translations app says) and sends them to review.
"""

from .models import LANGUAGE_CODES, Status


def translators_group(language):
    """The name of the group of those who translate into `language`."""
    return f"Translators: {language}"


def translation_languages(user):
    """The languages `user` translates into: those of their translators' groups (read
    once for each user object, as a request's user is asked many times)."""
    if not hasattr(user, "_translation_languages"):
        names = set(user.groups.values_list("name", flat=True)) if user.pk else set()
        user._translation_languages = [
            code for code in LANGUAGE_CODES if translators_group(code) in names
        ]
    return user._translation_languages


def publish_permission(model):
    opts = model._meta
    return f"{opts.app_label}.publish_{opts.model_name}"


def _permission(model, action):
    opts = model._meta
    return f"{opts.app_label}.{action}_{opts.model_name}"


def may_publish(user, model):
    """Whether `user` may publish, schedule, withdraw and approve `model`'s content."""
    return bool(user and user.is_active and user.has_perm(publish_permission(model)))


def writes_without_publishing(user, model):
    """A writer: adds content of `model` and may not publish it."""
    return user.has_perm(_permission(model, "add")) and not may_publish(user, model)


def may_edit(user, obj, language=None):
    """Whether `user` may change `obj` (in `language`: a language version's steps; which
    of its fields, its admin says)."""
    model = type(obj)
    if not (user and user.is_active and user.has_perm(_permission(model, "change"))):
        return False
    if may_publish(user, model):
        return True
    if not writes_without_publishing(user, model):  # a translator: their languages only
        languages = [code for code in translation_languages(user) if code != obj.source_language]
        return bool(languages) if language is None else language in languages
    return _own_unpublished_work(user, obj)


def may_add(user, model):
    return bool(user and user.is_active and user.has_perm(_permission(model, "add")))


def may_delete(user, obj):
    model = type(obj)
    if not (user and user.is_active and user.has_perm(_permission(model, "delete"))):
        return False
    if may_publish(user, model):
        return True
    return _own_unpublished_work(user, obj, (Status.DRAFT,))


def _own_unpublished_work(user, obj, statuses=(Status.DRAFT, Status.REVIEW)):
    if obj.pk is None:
        return True
    created_by = getattr(obj, "created_by_id", None)
    return created_by == user.pk and obj.status_in(obj.source_language) in statuses
