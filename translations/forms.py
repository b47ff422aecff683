from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .status import MISSING, OUTDATED, STATUS_LABELS


class ExportForm(forms.Form):
    """What to send to an agency, and how to split it, beside each model's batch form."""

    statuses = forms.MultipleChoiceField(
        label=_("Send"),
        choices=[(status, STATUS_LABELS[status]) for status in (MISSING, OUTDATED)],
        initial=[MISSING, OUTDATED],
        widget=forms.CheckboxSelectMultiple,
    )
    max_units = forms.IntegerField(
        label=_("Most fields in a file"),
        min_value=1,
        max_value=100_000,
        initial=settings.XLIFF_FILE_MAX_UNITS,
    )
    max_words = forms.IntegerField(
        label=_("Most source words in a file"),
        min_value=1,
        max_value=10_000_000,
        initial=settings.XLIFF_FILE_MAX_WORDS,
    )
    dependents = forms.BooleanField(
        label=_("With what they show that has no translation yet"),
        help_text=_("Their topics, regions, PDF titles and images' alt text, each once."),
        required=False,
        initial=True,
    )
    resend = forms.BooleanField(
        label=_("Send again what is out with an agency and not back"), required=False
    )
