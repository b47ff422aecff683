from django import template
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from languages import registry
from publishing import policy
from publishing.models import LanguageState, Publishable

register = template.Library()


@register.simple_tag
def unpublished_changes(user, limit=20):
    """For the admin home: live objects with changes waiting to be published, of each
    publishable model `user` may publish, latest first: [(object, its change form's
    address, [(language's name, whether in review)])]."""
    models = [
        model
        for model in admin.site._registry
        if issubclass(model, Publishable) and policy.may_publish(user, model)
    ]
    if not models:
        return []
    types = {ct.pk: model for model, ct in ContentType.objects.get_for_models(*models).items()}
    waiting = LanguageState.objects.filter(
        content_type__in=list(types), draft_revision__isnull=False
    ).order_by("-changed_at")
    keys = list(dict.fromkeys(waiting.values_list("content_type_id", "object_id")[: limit * 3]))
    keys = keys[:limit]
    found = {}
    for type_id, model in types.items():
        ids = [pk for key_type, pk in keys if key_type == type_id]
        for pk, obj in model._default_manager.with_states().in_bulk(ids).items():
            found[type_id, pk] = obj
    rows = []
    for key in keys:
        if key in found:
            obj = found[key]
            opts = obj._meta
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
            languages = [
                (registry.get(code).name, in_review)
                for code, in_review in obj.unpublished_changes()
            ]
            rows.append((obj, url, languages))
    return rows
