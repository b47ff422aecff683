"""Every save kept as a revision (django-reversion), with a page comparing any two.

A content app's admin names HistoryAdmin among its bases. Restoring a revision goes
through the admin's own change form, so it is saved as any edit is (and, for briefs,
through the publishing path).
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from reversion.admin import VersionAdmin
from reversion.models import Version

from .diff import word_diff
from .lists import clauses


class HistoryAdmin(VersionAdmin):
    """VersionAdmin, plus a field-by-field comparison of any two revisions."""

    object_history_template = "admin/history_with_compare.html"

    def get_urls(self):
        opts = self.model._meta
        compare = self.admin_site.admin_view(self.compare_view)
        name = f"{opts.app_label}_{opts.model_name}_compare"
        return [path("<path:object_id>/history/compare/", compare, name=name), *super().get_urls()]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # A revision brought back (restored, or recovered after a delete) may name rows
        # deleted since: an author's link to an expert who is gone. Those cannot come back;
        # they are left out, and the editor told which, rather than failing.
        match = request.resolver_match
        if object_id and match and match.url_name.endswith(("_recover", "_revision")):
            for gone in self._links_to_what_is_gone(unquote(object_id)):
                messages.warning(request, gone)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def _links_to_what_is_gone(self, object_id):
        """Delete this object's inline rows whose other foreign keys lead nowhere; say
        what each led to (named from its own deleted revisions, where kept)."""
        said = []
        for inline in self.inlines:
            parent_fk = _fk_name(inline.model, self.model, inline)
            links = inline.model._default_manager.filter(**{parent_fk: object_id})
            for field in inline.model._meta.concrete_fields:
                target = field.related_model
                if not field.is_relation or field.name == parent_fk or target is None:
                    continue
                orphans = links.exclude(**{f"{field.name}__in": target._default_manager.all()})
                for missing in orphans.values_list(field.attname, flat=True).distinct():
                    said.append(
                        _("%(kind)s “%(name)s” cannot come back: it was deleted since.")
                        % {
                            "kind": capfirst(target._meta.verbose_name),
                            "name": _deleted_name(target, missing),
                        }
                    )
                orphans.delete()
        return said

    def history_view(self, request, object_id, extra_context=None):
        versions = Version.objects.get_for_object_reference(self.model, unquote(object_id))
        choices = _choices(versions)
        return super().history_view(
            request, object_id, {"versions": choices, "may_restore": True, **(extra_context or {})}
        )

    def compare_view(self, request, object_id):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        versions = Version.objects.get_for_object_reference(self.model, unquote(object_id))
        newest = list(versions[:2])
        older = _chosen(versions, request.GET.get("from")) or (newest[-1] if newest else None)
        newer = _chosen(versions, request.GET.get("to")) or (newest[0] if newest else None)
        rows = _differences(older, newer) if older and newer else []
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Compare versions"),
            "object_id": object_id,
            "older": older,
            "newer": newer,
            "rows": rows,
            "versions": _choices(versions),
        }
        return TemplateResponse(request, "admin/compare_versions.html", context)


def _choices(versions):
    """(id, revision) of each version, newest first, for the version pickers."""
    return [(version.pk, version.revision) for version in versions.select_related("revision__user")]


def _chosen(versions, value):
    if value and value.isascii() and value.isdigit() and len(value) < 19:
        return versions.filter(pk=int(value)).first()
    return None


def _differences(older, newer):
    """[(label, diff HTML)] for each field, and each followed relation, that differs."""
    old, new = older._object_version.object, newer._object_version.object
    fields = type(new)._meta.concrete_fields
    names = {field.name for field in fields}
    rows = []
    for field in fields:
        # A translated field's own column mirrors one of its languages' (title: title_en).
        mirror = f"{field.name}_{settings.LANGUAGE_CODE}" in names
        if not field.editable or field.primary_key or mirror:
            continue
        before, after = field.value_from_object(old), field.value_from_object(new)
        if before != after:
            rows.append((field.verbose_name, word_diff(_text(before), _text(after))))
    related_old, related_new = _related(older), _related(newer)
    for label in sorted(set(related_old) | set(related_new)):
        before, after = related_old.get(label, ""), related_new.get(label, "")
        if before != after:
            rows.append((label, word_diff(before, after)))
    return rows


def _text(value):
    return "" if value is None else str(value)


def _related(version):
    """{relation's name: its rows, in order, as text} of what the revision kept alongside."""
    rows = {}
    for other in version.revision.version_set.exclude(pk=version.pk):
        obj = other._object_version.object
        order = getattr(obj, "position", 0)
        rows.setdefault(obj._meta.verbose_name_plural, []).append((order, str(obj)))
    return {label: clauses(text for _order, text in sorted(items)) for label, items in rows.items()}


def _fk_name(model, parent, inline):
    name = getattr(inline, "fk_name", None)
    if name:
        return name
    return next(f.name for f in model._meta.concrete_fields if f.related_model is parent)


def _deleted_name(model, pk):
    """What a deleted row of `model` was called, from its last revision, or its number."""
    version = Version.objects.get_deleted(model).filter(object_id=str(pk)).first()
    return version.object_repr if version else f"#{pk}"
