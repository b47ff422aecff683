import json
import re

from adminsortable2.admin import CustomInlineFormSet, SortableAdminBase, SortableTabularInline
from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.contrib.admin.views.main import SEARCH_VAR
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.db.models import Max, Min
from django.http import Http404, HttpResponseRedirect
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from editorial.admin import ChangeFormAdmin, QueryStringInputAdmin, RichTextAdmin, SlugPrefillAdmin
from editorial.bidi import isolate
from editorial.history import HistoryAdmin
from editorial.lists import clauses, list_of
from editorial.pagination import CappedCountPaginator, UncountedPaginator
from experts.models import Expert
from languages import registry
from library.documents import check_pdf
from library.pictures import picture
from publishing.admin import (
    PublishingAdmin,
    PublishingAdminForm,
    StateFilter,
    pressed_step,
    translation_state_filter,
)
from publishing.models import LANGUAGE_CODES, Status
from taxonomy.models import Region, Topic
from translations.admin_workflow import TranslatedInline, TranslationWorkflowAdmin
from translations.fields import TARGET_LANGUAGES
from translations.roles import is_translator

from .content_check import content_faults
from .models import (
    Attachment,
    Authorship,
    Brief,
    BriefRegion,
    BriefTopic,
    PublicationType,
    Recommendation,
)
from .rail import rail_for
from .views import render_preview, share_token


@admin.register(PublicationType)
class PublicationTypeAdmin(
    ChangeFormAdmin,
    TranslationWorkflowAdmin,
    QueryStringInputAdmin,
    SlugPrefillAdmin,
    HistoryAdmin,
    TabbedTranslationAdmin,
):
    list_display = [*registry.in_every_language("name"), "slug"]
    search_fields = registry.in_every_language("name")
    slug_sources = {"slug": ("name_en", "en")}


class LinkFilter(admin.SimpleListFilter):
    """Briefs filed under one topic, or by one author: every choice listed (working out
    which ones briefs use would read every link), and the briefs found by a semi-join on
    the links (`Exists`), where Django's own filter on a many-to-many field joins and then
    takes DISTINCT over half a million rows."""

    model = None  # the linked model
    choose = None  # the BriefQuerySet method that keeps a choice's briefs

    def lookups(self, request, model_admin):
        return [(str(obj.pk), str(obj)) for obj in self.model._default_manager.all()]

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        if not _is_id(self.value()):
            raise IncorrectLookupParameters(_("Not a choice: %(value)s") % {"value": self.value()})
        chosen = self.model._default_manager.filter(pk=int(self.value())).first()
        return getattr(queryset, self.choose)(chosen) if chosen else queryset.none()


class TopicFilter(LinkFilter):
    title = _("topic")
    parameter_name = "topic"
    model = Topic
    choose = "about_topic"


class AuthorFilter(LinkFilter):
    title = _("author")
    parameter_name = "author"
    model = Expert
    choose = "by_expert"


YEAR = re.compile(r"[1-9][0-9]{3}", re.ASCII)


CONFIRM = "publish_despite_faults"  # the content check's box (BriefAdminForm)


class BriefAdminForm(PublishingAdminForm):
    """The brief's form: publishing, or approving a translation, first checks the text
    (briefs.content_check); faults refuse the step unless someone who may publish ticks
    the box to publish anyway."""

    publish_despite_faults = forms.BooleanField(
        label=_("Publish despite the content check's faults"),
        required=False,
        help_text=_(
            "Only when the faults listed cannot be put right now; the history records "
            "who published with which faults."
        ),
    )
    # The faults a publisher chose to publish with (read by construct_change_message).
    accepted_faults = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The title is required in the language the brief is written in (clean()), which
        # need not be English: an Arabic-first brief has no English title yet.
        for code in LANGUAGE_CODES:
            if f"title_{code}" in self.fields:
                self.fields[f"title_{code}"].required = False

    def clean(self):
        cleaned = super().clean()
        source = cleaned.get("source_language") or self.instance.source_language
        title = f"title_{source}"
        if title in self.fields and not (cleaned.get(title) or "").strip():
            self.add_error(
                title,
                _("A brief needs a title in the language it is written in (%(language)s).")
                % {"language": registry.get(source).name},
            )
        return cleaned

    def check_before_publishing(self, language):
        if language == self.instance.source_language:
            faults = content_faults(self.instance)
        else:
            faults = content_faults(self.instance, [language], dependents=[language])
        if faults and self.cleaned_data.get(CONFIRM):
            self.accepted_faults = faults
        elif faults:
            self.add_error(
                None,
                ValidationError(
                    format_html(
                        '{}<ul class="content-faults">{}</ul>',
                        _(
                            "The content check found these faults; put them right, or tick "
                            "“Publish despite the content check's faults” at the end of the "
                            "form. Nothing was saved."
                        ),
                        fault_items(faults),
                    ),
                    code="content_faults",
                ),
            )


def fault_items(faults):
    """List items for content faults, each linking to its field in the change form."""
    return format_html_join(
        "",
        '<li><a href="{}" class="content-fault-link">{}</a>: {}</li>',
        # Latin link text or tags in an Arabic message, and the reverse, kept in order.
        ((fault.href, fault.label, isolate(fault.message)) for fault in faults),
    )


class AuthorshipFormSet(CustomInlineFormSet):
    def clean(self):
        super().clean()
        kept = [
            form
            for form in self.forms
            if form.cleaned_data.get("expert") and not form.cleaned_data.get("DELETE")
        ]
        step = pressed_step(self.data, self.instance if self.instance.pk else None, Brief)
        publishing = step is not None and step.publishes and step.language is None
        if (publishing or self.instance.is_public) and not kept:
            raise forms.ValidationError(_("A published brief needs at least one author."))


class NamedRowsInline:
    """An inline whose saved rows are shown by name, "expert — brief": each row read with
    the two it names, not with a query for each."""

    named_by = ()

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(*self.named_by)


class AuthorshipInline(NamedRowsInline, SortableTabularInline):
    model = Authorship
    named_by = ("expert", "brief")
    formset = AuthorshipFormSet
    autocomplete_fields = ["expert"]
    fields = ["expert", "role", "position"]
    extra = 1
    verbose_name = _("author")
    verbose_name_plural = _("authors (drag to put the byline in order)")


class AttachmentForm(forms.ModelForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            check_pdf(upload)
        return upload


class AttachmentInline(TranslatedInline, TranslationTabularInline):
    """PDFs offered with the brief; a translator may translate their titles only."""

    model = Attachment
    form = AttachmentForm
    fields = ["title", "file", "position"]
    extra = 0

    def has_add_permission(self, request, obj=None):
        return not is_translator(request.user) and super().has_add_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not is_translator(request.user) and super().has_delete_permission(request, obj)


class BriefTopicInline(NamedRowsInline, admin.TabularInline):
    model = BriefTopic
    named_by = ("topic", "brief")
    autocomplete_fields = ["topic"]
    extra = 1


class BriefRegionInline(NamedRowsInline, admin.TabularInline):
    model = BriefRegion
    named_by = ("region", "brief")
    autocomplete_fields = ["region"]
    extra = 1


class PickSearch(AutocompleteJsonView):
    """The picks picker's search: every brief but the one being edited, those not public
    marked with their state (a pick shows only once it is public). Its pages are not
    counted: the picker asks only whether more follow, and counting every brief a common
    word finds in a large archive was most of its time."""

    def get_paginator(self, *args, **kwargs):
        # Not the model admin's (the changelist's), which AutocompleteJsonView asks.
        return UncountedPaginator(*args, **kwargs)

    def get_queryset(self):
        briefs = super().get_queryset()
        editing = self.request.GET.get("exclude", "")
        return briefs.exclude(pk=int(editing)) if _is_id(editing) else briefs

    def serialize_result(self, obj, to_field_name):
        result = super().serialize_result(obj, to_field_name)
        if not obj.is_public:
            result["text"] = f"{obj} — {obj.state_label()}"
        return result


class PickSelect(AutocompleteSelect):
    """The picks picker: searches PickSearch, told which brief is being edited."""

    def __init__(self, field, admin_site, editing=None):
        super().__init__(field, admin_site)
        self.editing = editing

    def get_url(self):
        url = reverse("admin:briefs_brief_pick_search", current_app=self.admin_site.name)
        return f"{url}?exclude={self.editing}" if self.editing else url


class RecommendationFormSet(CustomInlineFormSet):
    def clean(self):
        super().clean()
        for form in self.forms:
            # Only rows this user could change: a read-only row (a translator's) is
            # "cleaned" to its initial ids, and was checked when it was saved.
            if not form.has_changed():
                continue
            pick = form.cleaned_data.get("recommended")
            if pick is not None and self.instance.pk and pick.pk == self.instance.pk:
                form.add_error("recommended", _("A brief cannot recommend itself."))


class RecommendationInline(NamedRowsInline, SortableTabularInline):
    model = Recommendation
    named_by = ("recommended", "brief")
    formset = RecommendationFormSet
    fk_name = "brief"
    autocomplete_fields = ["recommended"]
    fields = ["recommended", "position"]
    extra = 1
    verbose_name_plural = _("recommended briefs (editor’s picks; drag to order them)")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "recommended":
            editing = request.resolver_match.kwargs.get("object_id")
            kwargs["widget"] = PickSelect(db_field, self.admin_site, editing=editing)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class YearFilter(admin.SimpleListFilter):
    title = _("year")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        # From the first and the last date, two index lookups, rather than a scan of every
        # brief for the years that have one.
        span = Brief.objects.aggregate(first=Min("published_at"), last=Max("published_at"))
        if span["first"] is None:
            return []
        first, last = (timezone.localtime(span[end]).year for end in ("first", "last"))
        return [(str(year), str(year)) for year in range(last, first - 1, -1)]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        if not YEAR.fullmatch(self.value()):
            raise IncorrectLookupParameters(_("Not a year: %(value)s") % {"value": self.value()})
        return queryset.filter(published_at__year=int(self.value()))


@admin.register(Brief)
class BriefAdmin(
    ChangeFormAdmin,
    TranslationWorkflowAdmin,
    PublishingAdmin,
    SortableAdminBase,
    QueryStringInputAdmin,
    RichTextAdmin,
    SlugPrefillAdmin,
    HistoryAdmin,
    TabbedTranslationAdmin,
):
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "source_language",
                    "title",
                    "slug",
                    "publication_type",
                    "published_at",
                    "lead_image",
                    "publishing_state",
                ]
            },
        ),
        (_("Text"), {"fields": ["summary", "body", "author_note"]}),
        (
            _("First published elsewhere"),
            {"fields": ["original_outlet_name", "original_outlet_url"]},
        ),
        (_("Recommended rail"), {"fields": ["rail_preview"]}),
        (_("Preview"), {"fields": ["preview_tools"]}),
        (_("Content check"), {"fields": ["content_check", "publish_despite_faults"]}),
    ]
    form = BriefAdminForm
    readonly_fields = ["publishing_state", "rail_preview", "preview_tools", "content_check"]
    inlines = [
        AuthorshipInline,
        BriefTopicInline,
        BriefRegionInline,
        RecommendationInline,
        AttachmentInline,
    ]
    list_display = [
        "lead_image_thumbnail",
        "headline",
        "publication_type",
        "published_at",
        "author_names",
        "publishing_state",
    ]

    @property
    def media(self):
        return super().media + forms.Media(
            css={"all": ["briefs/admin.css"]}, js=["briefs/content-check.js"]
        )

    list_display_links = ["headline"]
    list_filter = [
        StateFilter,
        *(translation_state_filter(code) for code in TARGET_LANGUAGES),
        "publication_type",
        YearFilter,
        # Every topic, region and expert: working out which ones briefs use would read
        # every brief's links on each visit.
        TopicFilter,
        "regions",
        AuthorFilter,
    ]
    show_full_result_count = False  # one count of a large archive, not two
    search_fields = ["title_en"]  # the search box; what it finds: get_search_results()
    list_select_related = ["publication_type", "lead_image"]
    autocomplete_fields = ["lead_image"]
    slug_sources = {f"slug_{code}": (f"title_{code}", code) for code in registry.LANGUAGE_CODES}
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request):
        return super().get_queryset(request).for_listing().with_states()

    def get_object(self, request, object_id, from_field=None):
        """As Django's, with the bodies the changelist leaves out: the form shows them."""
        field = self.model._meta.get_field(from_field) if from_field else self.model._meta.pk
        try:
            return (
                self.get_queryset(request)
                .defer(None)
                .get(**{field.name: field.to_python(object_id)})
            )
        except (self.model.DoesNotExist, ValidationError, ValueError):
            return None

    def get_paginator(self, request, queryset, per_page, **kwargs):
        # A search, or a state (read per row from its flags or its language states): a
        # count to the end of half a million briefs was most of the page's time.
        if request.GET.get(SEARCH_VAR, "").strip() or self.filtered_by_state(request):
            return CappedCountPaginator(queryset, per_page, cap=self.search_count_cap, **kwargs)
        return super().get_paginator(request, queryset, per_page, **kwargs)

    def get_search_results(self, request, queryset, search_term):
        """Through the readers' search index, which a LIKE over 500,000 bodies is not."""
        if not search_term.strip():
            return queryset, False
        # One more than the count's cap, for the changelist to know that more matched.
        limit = self.search_count_cap + 1
        return queryset.find_for_editors(search_term.replace("\x00", ""), limit), False

    @property
    def search_count_cap(self):
        # More than a page: Django's changelist shows its whole queryset when the count
        # fits on one page, which here would show the one brief beyond the cap.
        return max(settings.ADMIN_SEARCH_COUNT_CAP, self.list_per_page + 1)

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def construct_change_message(self, request, form, formsets, add=False):
        """The history's line for a save (PublishingAdmin's); one that published despite
        the content check's faults names them (the admin's log and the revision both keep
        this line)."""
        said = super().construct_change_message(request, form, formsets, add)
        if not isinstance(said, str):
            said = LogEntry(change_message=json.dumps(said)).get_change_message()
        faults = getattr(form, "accepted_faults", ())
        if not faults:
            return said
        return "{} {}".format(
            said,
            ngettext(
                "Published despite %(count)d content fault, by %(user)s: %(faults)s.",
                "Published despite %(count)d content faults, by %(user)s: %(faults)s.",
                len(faults),
            )
            % {
                "count": len(faults),
                "user": request.user.get_username(),
                "faults": clauses(f"{fault.label}: {fault.message}" for fault in faults),
            },
        )

    def get_urls(self):
        preview = self.admin_site.admin_view(self.preview_view)
        picks = self.admin_site.admin_view(PickSearch.as_view(admin_site=self.admin_site))
        return [
            path("pick-search/", picks, name="briefs_brief_pick_search"),
            path("preview/", preview, name="briefs_brief_preview_new"),
            path("<path:object_id>/preview/", preview, name="briefs_brief_preview"),
            *super().get_urls(),
        ]

    @admin.display(description=_("preview"))
    def preview_tools(self, brief):
        """Buttons that show the form as it stands, unsaved; and links to share a brief not
        yet public with someone without an account."""
        url = (
            reverse("admin:briefs_brief_preview", args=[brief.pk])
            if brief.pk
            else reverse("admin:briefs_brief_preview_new")
        )
        buttons = format_html_join(
            " ",
            '<button type="submit" name="_preview" formaction="{}?language={}" '
            'formtarget="_blank" formnovalidate>{}</button>',
            (
                (url, code, _("Preview in %(language)s") % {"language": name})
                for code, name in settings.LANGUAGES
            ),
        )
        if not brief.pk or brief.status_in(brief.source_language) == Status.WITHDRAWN:
            return buttons
        # Each version written and not yet in front of readers: a draft brief's, or a
        # translation awaiting approval of a public one.
        unreleased = [
            (code, name)
            for code, name in settings.LANGUAGES
            if brief.is_written_in(code) and not brief.is_live(code)
        ]
        if not unreleased:
            return buttons
        token = share_token(brief)
        links = []
        for code, name in unreleased:
            with translation.override(code):
                links.append((reverse("shared_preview", args=[token]), name))
        shared = format_html_join(" ", '<a href="{}" target="_blank" rel="noopener">{}</a>', links)
        return format_html(
            "{}<p>{} {}</p>",
            buttons,
            ngettext(
                "Share a preview, valid %(days)d day, with anyone who has the link:",
                "Share a preview, valid %(days)d days, with anyone who has the link:",
                settings.PREVIEW_LINK_DAYS,
            )
            % {"days": settings.PREVIEW_LINK_DAYS},
            shared,
        )

    def preview_view(self, request, object_id=None):
        """The change form's current content, unsaved, as readers would see it."""
        brief = self.get_object(request, object_id) if object_id else None
        if object_id and brief is None:
            raise Http404
        allowed = (
            self.has_change_permission(request, brief)
            if brief
            else self.has_add_permission(request)
        )
        if not allowed:
            raise PermissionDenied
        if request.method != "POST":
            return HttpResponseRedirect(reverse("admin:briefs_brief_changelist"))
        form_class = self.get_form(request, brief, change=brief is not None)
        with transaction.atomic():  # the form's stale-save check reads under a lock
            form = form_class(request.POST, request.FILES, instance=brief)
            form.is_valid()  # what does not validate is left as it was
        language = request.GET.get("language")
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        return render_preview(
            request,
            form.instance,
            language,
            authors=_posted_links(request.POST, "authorships", "expert", Expert),
            topics=_posted_links(request.POST, "brieftopic_set", "topic", Topic),
            regions=_posted_links(request.POST, "briefregion_set", "region", Region),
        )

    @admin.display(description=_("accessibility"))
    def content_check(self, brief):
        """The saved text's faults, each linking to its field; the step that publishes
        checks the text as typed."""
        written = [code for code in TARGET_LANGUAGES if brief.is_written_in(code)]
        faults = content_faults(brief, dependents=written) if brief.pk else []
        if not faults:
            return _("No faults found in the saved text.")
        return format_html('<ul class="content-faults">{}</ul>', fault_items(faults))

    def get_fieldsets(self, request, obj=None):
        # Only someone who may publish may publish with faults; only someone who may change
        # the brief previews the form (a read-only one has nothing to preview).
        fieldsets = super().get_fieldsets(request, obj)
        left_out = set()
        if not self.has_publish_permission(request):
            left_out.add(CONFIRM)
        if obj is not None and not self.has_change_permission(request, obj):
            left_out.add("preview_tools")
        return [
            (title, {**options, "fields": [f for f in options["fields"] if f not in left_out]})
            for title, options in fieldsets
            if [f for f in options["fields"] if f not in left_out]
        ]

    @admin.display(description=_("title"), ordering="title_en")
    def headline(self, brief):
        """Its title in the admin's language, or in the one it is written in."""
        return str(brief)

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        # The language it is written in is chosen once: its translations, their records
        # and its states are counted from it.
        return [*readonly, "source_language"] if obj is not None else readonly

    @admin.display(description=_("lead image"))
    def lead_image_thumbnail(self, brief):
        return picture(brief.lead_image, "square", sizes="48px")

    @admin.display(description=_("authors"))
    def author_names(self, brief):
        return list_of(brief.ordered_authors)

    @admin.display(description=_("as readers see it"))
    def rail_preview(self, brief):
        """Each language's rail with the reason for every pick, to help decide what to pin."""
        if not brief.pk:
            return _("Save the brief to see its rail.")
        sections = []
        for code, name in settings.LANGUAGES:
            if not brief.has_version_in(code):
                picks = format_html("<li>{}</li>", _("No version in this language yet."))
            else:
                with translation.override(code):  # titles and addresses in that language
                    rows = [(p.brief.get_absolute_url(), p.brief.title, p) for p in rail_for(brief)]
                picks = format_html_join(
                    "",
                    '<li><a href="{}" lang="{}">{}</a> — {}</li>',
                    ((url, code, title, pick.reason) for url, title, pick in rows),
                )
            sections.append(
                format_html(
                    '<p><strong>{}</strong></p><ol class="rail-preview">{}</ol>', name, picks
                )
            )
        return format_html_join("", "{}", ((section,) for section in sections))

    def view_on_site(self, brief):
        # A refused form's instance holds what was typed: an emptied slug has no page yet.
        if not brief.is_public or not brief.slug_en:
            return None
        # The page in the admin's language where the brief has one, else the English page.
        return brief.url_in(translation.get_language()) or brief.url_in(settings.LANGUAGE_CODE)


def _posted_links(data, prefix, field, model):
    """The objects an inline of the posted form names, in its order; None when the form
    had no such inline (a translator's read-only one), so the saved ones are shown."""
    total = data.get(f"{prefix}-TOTAL_FORMS", "")
    if not _is_id(total):
        return None
    rows = []
    for index in range(min(int(total), 1000)):
        key = data.get(f"{prefix}-{index}-{field}", "")
        if not _is_id(key) or data.get(f"{prefix}-{index}-DELETE"):
            continue
        position = data.get(f"{prefix}-{index}-position", "")
        order = int(position) if _is_id(position) else index
        rows.append((order, index, int(key)))
    ids = [key for _order, _index, key in sorted(rows)]
    found = model.objects.in_bulk(ids)
    return [found[key] for key in ids if key in found]


def _is_id(text):
    """ASCII digits that fit a database integer."""
    return text.isascii() and text.isdigit() and len(text) <= 18
