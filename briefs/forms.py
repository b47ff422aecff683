from datetime import date, datetime, time, timedelta

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.db.models import Max, Min
from django.dispatch import receiver
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from editorial.dates import local_digits
from editorial.widgets import PlainSelect
from experts.models import Expert
from publishing.signals import public_content_changed
from taxonomy.models import Region, Topic

from .models import PublicationType

CHOICES_SECONDS = 3600  # at most; a public change forgets them at once


def filter_choices(model):
    """(slug, name) pairs of `model`'s rows named in the page's language, for a public
    filter: several hundred experts, regions and topics on every listing and search page,
    read once and kept in the cache until the next public change."""
    language = translation.get_language()
    key = _choices_key(model, language)
    choices = cache.get(key)
    if choices is None:
        # The language's column read as it is: in_language() keeps the rows that have a
        # name in it, so modeltranslation's per-row fallback has nothing to do.
        name = build_localized_fieldname("name", language)
        rows = model.objects.in_language(language).rewrite(False).values_list("slug", name)
        choices = list(rows)
        cache.set(key, choices, CHOICES_SECONDS)
    return choices


@receiver(public_content_changed, dispatch_uid="briefs:filter-choices")
def forget_filter_choices(change, **kwargs):
    cache.delete_many(
        [
            _choices_key(model, code)
            for model in FILTERED_BY.values()
            for code, _name in settings.LANGUAGES
        ]
    )


def _choices_key(model, language):
    return f"filter-choices:{model._meta.label_lower}:{language}"


class BriefFilterForm(forms.Form):
    """The listing's filters, read from the query string so a filtered list can be shared."""

    type = forms.ModelChoiceField(
        PublicationType.objects.none(),
        to_field_name="slug",
        required=False,
        label=_("Publication type"),
        empty_label=_("All types"),
        widget=PlainSelect,
    )
    topic = forms.ModelChoiceField(
        Topic.objects.none(),
        to_field_name="slug",
        required=False,
        label=_("Topic"),
        empty_label=_("All topics"),
        widget=PlainSelect,
    )
    region = forms.ModelChoiceField(
        Region.objects.none(),
        to_field_name="slug",
        required=False,
        label=_("Region or country"),
        empty_label=_("All regions and countries"),
        widget=PlainSelect,
    )
    expert = forms.ModelChoiceField(
        Expert.objects.none(),
        to_field_name="slug",
        required=False,
        label=_("Expert"),
        empty_label=_("All experts"),
        widget=PlainSelect,
    )
    year = forms.TypedChoiceField(
        coerce=int, required=False, label=_("Year"), empty_value=None, widget=PlainSelect
    )

    def __init__(self, data, briefs):
        super().__init__(data)
        self.briefs = briefs
        for name, model in FILTERED_BY.items():
            field = self.fields[name]
            field.queryset = model.objects.in_language()  # what a chosen slug must be
            # Given to the widget, which shows them; the field checks a slug against its
            # queryset, and would only normalise hundreds of pairs on every page.
            field.widget.choices = [("", field.empty_label), *filter_choices(model)]
        # The span from the oldest to the newest brief: two index lookups, where listing
        # the distinct years would read every brief. Kept for the search's results, which
        # read the latest stretch of it.
        self.published_span = briefs.aggregate(first=Min("published_at"), last=Max("published_at"))
        first, last = self.published_span["first"], self.published_span["last"]
        years = range(last.year, first.year - 1, -1) if last else []
        self.fields["year"].choices = [("", _("All years"))] + [
            (year, local_digits(str(year))) for year in years
        ]

    def filtered(self):
        """The briefs matching the valid filters; none at all when a filter is invalid."""
        if not self.is_valid():
            return self.briefs.none()
        briefs, chosen = narrowed(self.briefs, self.cleaned_data), self.cleaned_data
        if chosen["year"]:
            briefs = briefs.filter(published_at__year=chosen["year"])
        return briefs

    @property
    def is_filtered(self):
        return any(self.data.get(name) for name in self.fields)


FILTERED_BY = {"type": PublicationType, "topic": Topic, "region": Region, "expert": Expert}
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2100, 12, 31)


class SearchForm(BriefFilterForm):
    """The search page's form: words, the listing's filters, a date range and an order."""

    RELEVANCE, NEWEST = "relevance", "newest"

    q = forms.CharField(label=_("Search for"), required=False, max_length=200, strip=True)
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    sort = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[(RELEVANCE, _("Most relevant first")), (NEWEST, _("Newest first"))],
        widget=PlainSelect,
    )

    field_order = ["q", "type", "topic", "region", "expert", "since", "until", "year", "sort"]

    def clean(self):
        cleaned = super().clean()
        for name in ("since", "until"):
            day = cleaned.get(name)
            if day and not FIRST_DAY <= day <= LAST_DAY:
                self.add_error(name, _("Choose a date between 1900 and 2100."))
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            self.add_error("until", _("The end of the period comes before its start."))
        return cleaned

    def filtered(self):
        briefs = super().filtered()
        if not self.is_valid():
            return briefs
        return published_between(briefs, self.cleaned_data["since"], self.cleaned_data["until"])

    def filed_under(self):
        """The chosen type, topic, region and expert: {name: object, or None for any}."""
        return {name: self.cleaned_data[name] for name in FILTERED_BY}

    @property
    def is_filtered(self):
        return any(self.data.get(name) for name in self.fields if name not in ("q", "sort"))


def narrowed(briefs, chosen):
    """`briefs` of the chosen type, topic, region and expert (each None for any): what
    the listing, search and translation-batch forms share."""
    if chosen["type"]:
        briefs = briefs.filter(publication_type=chosen["type"])
    if chosen["topic"]:
        briefs = briefs.about_topic(chosen["topic"])
    if chosen["region"]:
        briefs = briefs.in_region(chosen["region"])
    if chosen["expert"]:
        briefs = briefs.by_expert(chosen["expert"])
    return briefs


def published_between(briefs, since, until):
    """`briefs` published on `since` or later and on `until` or earlier (days; None for
    no bound)."""
    if since:
        briefs = briefs.filter(published_at__gte=_start_of(since))
    if until:
        briefs = briefs.filter(published_at__lt=_start_of(until + timedelta(days=1)))
    return briefs


def _start_of(day):
    return timezone.make_aware(datetime.combine(day, time.min))


class TranslationBatchForm(forms.Form):
    """Which briefs go in a batch for a translation agency (translations.batches): by
    type, topic, region, expert and publication date, each given by its slug."""

    type = forms.ModelChoiceField(
        PublicationType.objects.all(),
        to_field_name="slug",
        required=False,
        label=_("Publication type"),
    )
    topic = forms.ModelChoiceField(
        Topic.objects.all(), to_field_name="slug", required=False, label=_("Topic")
    )
    region = forms.ModelChoiceField(
        Region.objects.all(),
        to_field_name="slug",
        required=False,
        label=_("Region or country"),
    )
    expert = forms.ModelChoiceField(
        Expert.objects.all(), to_field_name="slug", required=False, label=_("Expert")
    )
    since = forms.DateField(
        label=_("Published from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("Published until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            self.add_error("until", _("The end of the period comes before its start."))
        return cleaned

    def filtered(self, briefs):
        chosen = self.cleaned_data
        return published_between(narrowed(briefs, chosen), chosen["since"], chosen["until"])
