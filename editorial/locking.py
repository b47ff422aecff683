"""A change form refuses to overwrite a save made since it was opened (optimistic locking),
for every model edited in the admin: the form comes back with everything typed and says
who saved and when; a second submission, made knowingly, goes through.

What the form was opened on is a fingerprint of the row and its many-to-many links, so a
model needs no version column; the check locks the row, so two saves cannot both pass.
"""

import hashlib
import json

import reversion
from django import forms
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from reversion.models import Version

VERSION_FIELD = "loaded_version"


def version_of(obj, lock=False):
    """A fingerprint of what the database holds for `obj` (locked until the transaction
    ends, with `lock`), or "" if it holds nothing."""
    model = type(obj)
    rows = model._default_manager.filter(pk=obj.pk)
    if lock:
        rows = rows.select_for_update(of=("self",))
    # Save times are left out: a revision brought back is saved again, as it was, for its
    # form and for that form's save, a moment apart.
    fields = [
        field.attname
        for field in model._meta.concrete_fields
        if not getattr(field, "auto_now", False)
    ]
    row = rows.values(*fields).first()
    if row is None:
        return ""
    for field in model._meta.many_to_many:
        row[field.name] = sorted(getattr(obj, field.name).values_list("pk", flat=True))
    return hashlib.sha256(json.dumps(row, sort_keys=True, default=str).encode()).hexdigest()


class StaleSaveRefusal(forms.ModelForm):
    """Form mixin: refuses a save against a row changed since the form was opened."""

    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields[VERSION_FIELD].initial = version_of(self.instance)

    def clean(self):
        self._refuse_a_stale_save()
        return super().clean()

    def _refuse_a_stale_save(self):
        if not self.instance.pk:
            return
        # A change form without its version (opened before a release added it, or forged)
        # cannot show it is not stale: it is treated as stale.
        loaded = self.data.get(VERSION_FIELD)
        saved = version_of(self.instance, lock=True)
        if saved == loaded:
            return
        # Submitting again, having seen this, overwrites knowingly.
        self.data = self.data.copy()
        self.data[VERSION_FIELD] = saved
        raise forms.ValidationError(_stale_message(self.instance), code="stale")


def _stale_message(obj):
    opts = obj._meta
    who, when = _last_saved(obj)
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    return format_html(
        _(
            "{who} saved this {kind} at {when}, after you opened it. Nothing of yours was "
            "saved and everything you typed is still below. "
            '<a href="{url}" target="_blank" rel="noopener">Open their version</a> in a '
            "new tab to see what they changed, then save again to keep yours."
        ),
        who=who or _("Someone"),
        kind=opts.verbose_name,
        when=formats.date_format(timezone.localtime(when), "DATETIME_FORMAT")
        if when
        else _("a moment ago"),
        url=url,
    )


def _last_saved(obj):
    """(who, when) of the last save: its revision (every save path keeps one: the admin,
    an import, a publishing step), else the admin's log."""
    if reversion.is_registered(type(obj)):
        version = Version.objects.get_for_object(obj).select_related("revision__user").first()
        if version:
            return version.revision.user, version.revision.date_created
    entry = (
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
        )
        .select_related("user")
        .order_by("-action_time")
        .first()
    )
    return (entry.user, entry.action_time) if entry else (None, None)
