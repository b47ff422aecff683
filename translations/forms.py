from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from languages import registry

from .fields import TARGET_LANGUAGES
from .status import MISSING, OUTDATED, STATUS_LABELS


class ExportForm(forms.Form):
    """What to send to an agency, and how to split it, beside each model's batch form;
    into which of `languages` (a translator's: theirs)."""

    language = forms.ChoiceField(label=_("Into"))
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

    def __init__(self, *args, languages, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [(code, registry.get(code).name) for code in languages]
        self.fields["language"].initial = next(iter(TARGET_LANGUAGES), None)
