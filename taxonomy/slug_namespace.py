"""The /policy-analysis/<slug> URL space, which topics, regions and briefs share.

A model whose pages answer there registers its slug fields; each one's validation then
refuses a slug another model already answers to. Models below briefs in the dependency
order thus keep clear of briefs without knowing of them.
"""

from django.db.models import Q
from django.utils.translation import gettext as _

_registry = {}


def share_slugs(model, *slug_fields):
    """Declare that `model` answers at /policy-analysis/<any of slug_fields, default "slug">.

    Usable as a class decorator for the default.
    """
    _registry[model] = slug_fields or ("slug",)
    return model


def slug_holders(slug, *, ignore=None):
    """Objects, other than `ignore` and objects of its model, that answer to `slug`."""
    for model, fields in _registry.items():
        if ignore is not None and isinstance(ignore, model):
            continue
        match = Q()
        for field in fields:
            match |= Q(**{field: slug})
        yield from model._default_manager.filter(match)[:1]


def slug_is_taken(slug, *, ignore=None):
    return any(True for _ in slug_holders(slug, ignore=ignore))


def slug_clash(slug, *, ignore):
    """A message for editors if an object of another kind already answers to `slug`."""
    holder = next(slug_holders(slug, ignore=ignore), None) if slug else None
    if holder is None:
        return None
    return _(
        "“%(slug)s” is already the address of the %(kind)s “%(name)s”; choose another slug."
    ) % {"slug": slug, "kind": holder._meta.verbose_name, "name": holder}
