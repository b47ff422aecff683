"""Form pieces every content app's admin uses."""

import hashlib

from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext as _

from .lists import list_of
from .richtext import RichTextFormField

CONFIRM_REMOVAL = "_confirm_removal"


class LineBreaksAsStored(forms.BaseForm):
    """Form mixin: a textarea's line breaks taken as the database holds them. Browsers
    send them as CRLF (HTML's form submission), so an untouched text with paragraphs was
    seen as changed: the history said so, and a translator's untouched save of approved
    Arabic counted as an edit to it."""

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and hasattr(data, "lists"):
            data = data.copy()
            for key, values in list(data.lists()):
                data.setlist(key, [_as_stored(value) for value in values])
        super().__init__(data, *args, **kwargs)


def _as_stored(value):
    return value.replace("\r\n", "\n") if isinstance(value, str) else value


class ConfirmRemovalForm(forms.ModelForm):
    """Rich text is never stripped silently: when saving would drop something the editor
    cannot keep (an image, a script, unknown markup), the form says what, and saves only
    once the user ticks the box in the message, or fixes the text."""

    def clean(self):
        cleaned = super().clean()
        confirmed = self.data.getlist(CONFIRM_REMOVAL) if hasattr(self.data, "getlist") else []
        for name, field in self.fields.items():
            if not isinstance(field, RichTextFormField) or name not in cleaned:
                continue
            text = self.data.get(self.add_prefix(name)) or ""
            removed = field.rich_text.removed(text)
            token = hashlib.sha256(f"{name}\n{text}".encode()).hexdigest()[:16]
            if removed and token not in confirmed:
                value = cleaned[name]
                self.add_error(name, _removal_message(removed, token))
                # Kept for the model's own checks, which would otherwise see no text.
                self.cleaned_data[name] = value
        return self.cleaned_data


def _removal_message(removed, token):
    return forms.ValidationError(
        format_html(
            '{} {}. {} <label class="confirm-removal"><input type="checkbox" name="{}" '
            'value="{}"> {}</label>',
            _("Saving would remove what the editor cannot keep:"),
            list_of(removed),
            _("Fix the text, or"),
            CONFIRM_REMOVAL,
            token,
            _("remove it and save."),
        ),
        code="removal",
    )
