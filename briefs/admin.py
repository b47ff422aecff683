import json
import re

from adminsortable2.admin import CustomInlineFormSet, SortableAdminBase, SortableTabularInline
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.models import LogEntry
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.contrib.admin.views.main import SEARCH_VAR
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.db.models import Max, Min
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
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
from library.documents import check_pdf
from library.pictures import picture
from taxonomy.models import Region, Topic
from translations.admin_workflow import TranslatedInline, TranslationWorkflowAdmin
from translations.fields import TARGET_LANGUAGES
from translations.roles import is_translator

from . import publishing
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
    list_display = ["name_en", "name_ar", "slug"]
    search_fields = ["name_en", "name_ar"]
    slug_sources = {"slug": ("name_en", "english")}


class StateFilter(admin.SimpleListFilter):
    """Draft, in review, scheduled, published (public now) or withdrawn."""

    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            (Brief.Status.DRAFT, _("Draft")),
            (Brief.Status.IN_REVIEW, _("In review")),
            ("scheduled", _("Scheduled")),
            (Brief.Status.PUBLISHED, _("Published")),
            (Brief.Status.WITHDRAWN, _("Withdrawn")),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == Brief.Status.PUBLISHED:
            return queryset.published()
        if value == "scheduled":
            return queryset.scheduled()
        if value in Brief.Status.values:
            return queryset.filter(status=value)
        return queryset


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


class ArabicStateFilter(admin.SimpleListFilter):
    """The Arabic version's state: draft, awaiting approval, approved."""

    title = _("Arabic version")
    parameter_name = "arabic_state"

    def lookups(self, request, model_admin):
        return [
            ("none", _("No Arabic version")),
            (Brief.ArabicStatus.DRAFT, _("Draft")),
            (Brief.ArabicStatus.IN_REVIEW, _("Awaiting approval")),
            (Brief.ArabicStatus.APPROVED, _("Approved")),
        ]

    def queryset(self, request, queryset):
        untranslated = models.Q(title_ar="", body_ar="") | models.Q(title_ar__isnull=True)
        if self.value() == "none":
            return queryset.filter(untranslated)
        if self.value() in Brief.ArabicStatus.values:
            return queryset.filter(arabic_status=self.value()).exclude(untranslated)
        return queryset


WRITERS_MAY_EDIT = (Brief.Status.DRAFT, Brief.Status.IN_REVIEW)
YEAR = re.compile(r"[1-9][0-9]{3}", re.ASCII)


CONFIRM = "publish_despite_faults"  # the content check's box (BriefAdminForm)

# The change form's buttons: what each asks for (see BriefAdmin.workflow_buttons).
STEPS = {
    "_save_draft": Brief.Status.DRAFT,
    "_send_to_review": Brief.Status.IN_REVIEW,
    "_publish": Brief.Status.PUBLISHED,
    "_schedule": Brief.Status.PUBLISHED,
    "_withdraw": Brief.Status.WITHDRAWN,
}
# The Arabic version's buttons; approving and withdrawing need the publish permission.
ARABIC_STEPS = {
    "_send_arabic_to_review": Brief.ArabicStatus.IN_REVIEW,
    "_approve_arabic": Brief.ArabicStatus.APPROVED,
    "_withdraw_arabic": Brief.ArabicStatus.DRAFT,
}


class BriefAdminForm(forms.ModelForm):
    """The brief's form, validated for the state its pressed button asks for: "Publish"
    checks what a published brief needs before anything is saved. (Like every change form
    of the admin, it refuses a save made stale by another: editorial.locking.)"""

    publish_despite_faults = forms.BooleanField(
        label=_("Publish despite the content check's faults"),
        required=False,
        help_text=_(
            "Only when the faults listed cannot be put right now; the history records "
            "who published with which faults."
        ),
    )
    withdraw_reason = forms.CharField(
        label=_("Why it is withdrawn"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Kept in the history with who withdrew it and when."),
    )
    # The faults a publisher chose to publish with (read by BriefAdmin.save_model).
    accepted_faults = ()
    # The steps the save took, (action, language) pairs (set by BriefAdmin.save_model).
    steps_taken = ()

    def clean(self):
        cleaned = super().clean()
        pressed = [name for name in STEPS if name in self.data]
        if pressed:
            self.instance.status = STEPS[pressed[0]]
        pressed_arabic = [name for name in ARABIC_STEPS if name in self.data]
        if pressed_arabic:
            self.instance.arabic_status = ARABIC_STEPS[pressed_arabic[0]]
        arabic = {name: cleaned.get(name, getattr(self.instance, name)) for name in ARABIC_TEXT}
        if "_approve_arabic" in self.data and not all(arabic.values()):
            raise forms.ValidationError(
                _("An Arabic version needs an Arabic title and an Arabic body to be approved.")
            )
        if any(name in self.data for name in WITHDRAWING) and not cleaned.get("withdraw_reason"):
            if "_withdraw_arabic" in self.data:
                question = _(
                    "Withdraw the Arabic version of “%(title)s”? Readers of Arabic will no "
                    "longer see it; the English stays. Say why below and press Withdraw "
                    "Arabic again."
                )
            else:
                question = _(
                    "Withdraw “%(title)s”? Readers will no longer see it; its address is kept "
                    "for publishing again. Say why below and press Withdraw again."
                )
            self.add_error(
                "withdraw_reason" if "withdraw_reason" in self.fields else None,
                question % {"title": self.instance},
            )
        when = cleaned.get("published_at")
        if "_schedule" in self.data and (when is None or when <= timezone.now()):
            self.add_error("published_at", _("To schedule a brief, give it a later date."))
        if "_publish" in self.data and when and when > timezone.now():
            cleaned["published_at"] = timezone.now()  # "Publish now" publishes now
        return cleaned

    def _post_clean(self):
        """A step that makes text public first checks it (briefs.content_check): the
        brief and both languages to publish or schedule, the Arabic to approve it. Faults
        refuse the step unless someone who may publish ticks the box to publish anyway."""
        super()._post_clean()
        if self.errors:
            return
        if "_publish" in self.data or "_schedule" in self.data:
            faults = content_faults(self.instance)
        elif "_approve_arabic" in self.data:
            faults = content_faults(self.instance, ["ar"], dependents=["ar"])
        else:
            return
        if faults and self.cleaned_data.get("publish_despite_faults"):
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


class WithdrawForm(forms.Form):
    """The bulk withdrawal's question: why (the history keeps it)."""

    reason = forms.CharField(
        label=_("Why they are withdrawn"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Kept in each brief's history with who withdrew it and when."),
    )


ARABIC_TEXT = [f"{field}_ar" for field in Brief.version_fields]
WITHDRAWING = ("_withdraw", "_withdraw_arabic")  # the steps that ask for a reason


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
        if self.instance.status == Brief.Status.PUBLISHED and not kept:
            raise forms.ValidationError(_("A published brief needs at least one author."))


class AuthorshipInline(SortableTabularInline):
    model = Authorship
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

    def get_readonly_fields(self, request, obj=None):
        if is_translator(request.user):
            return ["title_en", "file", "position"]
        return super().get_readonly_fields(request, obj)

    def has_add_permission(self, request, obj=None):
        return not is_translator(request.user) and super().has_add_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not is_translator(request.user) and super().has_delete_permission(request, obj)


class BriefTopicInline(admin.TabularInline):
    model = BriefTopic
    autocomplete_fields = ["topic"]
    extra = 1


class BriefRegionInline(admin.TabularInline):
    model = BriefRegion
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
            result["text"] = f"{obj} — {obj.state_label}"
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


class RecommendationInline(SortableTabularInline):
    model = Recommendation
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
                    "title",
                    "slug",
                    "publication_type",
                    "published_at",
                    "lead_image",
                    "state",
                    "arabic_state",
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
    readonly_fields = ["state", "arabic_state", "rail_preview", "preview_tools", "content_check"]
    change_form_template = "admin/briefs/brief/change_form.html"
    inlines = [
        AuthorshipInline,
        BriefTopicInline,
        BriefRegionInline,
        RecommendationInline,
        AttachmentInline,
    ]
    list_display = [
        "lead_image_thumbnail",
        "title_en",
        "publication_type",
        "published_at",
        "author_names",
        "state",
        "arabic_state",
    ]
    actions = ["publish_selected", "withdraw_selected", "send_to_review_selected"]
    translation_status_column = False  # shown in the Arabic version's column

    @property
    def media(self):
        return super().media + forms.Media(
            css={"all": ["briefs/admin.css"]}, js=["briefs/content-check.js"]
        )

    list_display_links = ["title_en"]
    list_filter = [
        StateFilter,
        ArabicStateFilter,
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
    slug_sources = {"slug_en": ("title_en", "english"), "slug_ar": ("title_ar", "arabic")}
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request):
        return super().get_queryset(request).for_listing().with_arabic_written()

    def get_paginator(self, request, queryset, per_page, **kwargs):
        if request.GET.get(SEARCH_VAR, "").strip():
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

    # Who may do what (docs/roles.md): editors everything; writers their own briefs while
    # in draft or review, and never publish or withdraw; translators their fields only.

    def has_publish_permission(self, request):
        return request.user.has_perm("briefs.publish_brief")

    def is_writer(self, request):
        """Writes briefs without publishing them (a translator may add nothing at all)."""
        return self.has_add_permission(request) and not self.has_publish_permission(request)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if obj is None or not allowed or not self.is_writer(request):
            return allowed
        return obj.created_by_id == request.user.pk and obj.status in WRITERS_MAY_EDIT

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        if obj is None or not allowed or self.has_publish_permission(request):
            return allowed
        return obj.created_by_id == request.user.pk and obj.status == Brief.Status.DRAFT

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # A step the user may not take is refused before the form is read: a forged
        # "Publish" from a writer or a translator is a 403, never a saved change.
        pressed = [name for name in STEPS if name in request.POST]
        if request.method == "POST" and pressed:
            brief = self.get_object(request, object_id) if object_id else None
            if not self.may_move(request, brief and brief.status, STEPS[pressed[0]]):
                raise PermissionDenied
        forbidden = [
            name
            for name, arabic_status in ARABIC_STEPS.items()
            if name in request.POST and not self.may_move_arabic(request, arabic_status)
        ]
        if request.method == "POST" and forbidden:
            raise PermissionDenied
        return super().changeform_view(request, object_id, form_url, extra_context)

    # A restore brings back what a brief said, never whether it is public: that changes
    # only by the publishing path's steps. A recovered brief comes back as a draft.

    def revision_view(self, request, object_id, version_id, extra_context=None):
        current = Brief.objects.filter(pk=unquote(object_id)).values(
            "status", "published_at", "arabic_status"
        )
        request.kept_publication_state = current.first()
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        request.kept_publication_state = {
            "status": Brief.Status.DRAFT,
            "arabic_status": Brief.ArabicStatus.DRAFT,
        }
        return super().recover_view(request, version_id, extra_context)

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        if not change:
            obj.created_by = request.user
        previous = obj.stored_status
        kept = getattr(request, "kept_publication_state", None)
        if kept:
            for field, value in kept.items():
                setattr(obj, field, value)
            if "published_at" in kept:  # a restore: the brief stays in the state it was in
                previous = kept["status"]
        arabic_edited = any(name.endswith("_ar") for name in form.changed_data)
        note = form.cleaned_data.get("withdraw_reason", "")
        with self.saving_translations(request, obj, form):
            form.steps_taken = publishing.save(
                obj,
                request.user,
                previous,
                arabic_edited=arabic_edited,
                note=note,
                edited=form.has_changed(),
            )

    def construct_change_message(self, request, form, formsets, add=False):
        """The history's line for a save: the workflow step it took, if any ("Sent to
        review", "Scheduled for …", "Withdrawn: why"), then the fields it changed; one that
        published despite the content check's faults names them (the admin's log and the
        revision both keep this line)."""
        message = super().construct_change_message(request, form, formsets, add)
        steps = publishing.describe(
            getattr(form, "steps_taken", ()),
            form.instance,
            form.cleaned_data.get("withdraw_reason", ""),
        )
        changed = LogEntry(change_message=json.dumps(message)).get_change_message()
        said = f"{steps}. {changed}" if steps and message else f"{steps}." if steps else changed
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

    def may_move(self, request, previous, status):
        """Whether the user may take a brief from state `previous` (None: a new one) to
        `status`."""
        if self.has_publish_permission(request):
            return True
        if not self.is_writer(request):
            return False
        return status in WRITERS_MAY_EDIT and previous in (None, *WRITERS_MAY_EDIT)

    def may_move_arabic(self, request, arabic_status):
        """Whether the user may take a brief's Arabic version to `arabic_status`: anyone
        who may change the brief sends it to review; approving or withdrawing it is
        publishing."""
        if arabic_status == Brief.ArabicStatus.IN_REVIEW:
            return True
        return self.has_publish_permission(request)

    def workflow_buttons(self, request, brief):
        """The steps the change form offers as buttons, for this user and this brief."""
        if not (self.has_publish_permission(request) or self.is_writer(request)):
            return self.arabic_buttons(request, brief)  # a translator's
        steps = [("_save_draft", _("Save draft"))] if brief.status != Brief.Status.PUBLISHED else []
        if brief.status != Brief.Status.IN_REVIEW and not self.has_publish_permission(request):
            steps.append(("_send_to_review", _("Send to review")))
        if self.has_publish_permission(request):
            if brief.status == Brief.Status.DRAFT:
                steps.append(("_send_to_review", _("Send to review")))
            steps.append(("_publish", _("Publish now")))
            steps.append(("_schedule", _("Schedule for the date above")))
            if brief.status == Brief.Status.PUBLISHED:
                steps.append(("_withdraw", _("Withdraw")))
        return steps + self.arabic_buttons(request, brief)

    def arabic_buttons(self, request, brief):
        """The Arabic version's steps: a translator sends it to review, an editor approves
        or withdraws it."""
        if not brief.pk:
            return []
        if not self.has_publish_permission(request):
            return [("_send_arabic_to_review", _("Send Arabic to review"))]
        if not (brief.title_ar or brief.body_ar):
            return []
        if brief.arabic_status == Brief.ArabicStatus.APPROVED:
            return [("_withdraw_arabic", _("Withdraw Arabic"))]
        return [("_approve_arabic", _("Approve Arabic"))]

    def response_add(self, request, obj, post_url_continue=None):
        return self._after_step(request, obj) or super().response_add(request, obj)

    def response_change(self, request, obj):
        return self._after_step(request, obj) or super().response_change(request, obj)

    def _after_step(self, request, brief):
        """After a workflow button, the editor stays on the brief, told what became of it."""
        if not any(name in request.POST for name in [*STEPS, *ARABIC_STEPS]):
            return None
        self.message_user(
            request,
            _("“%(title)s” is now: %(state)s; its Arabic version: %(arabic)s.")
            % {"title": brief, "state": brief.state_label, "arabic": brief.arabic_state_label},
            messages.SUCCESS,
        )
        return HttpResponseRedirect(
            reverse("admin:briefs_brief_change", args=[brief.pk], current_app=self.admin_site.name)
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
        if not brief.pk or brief.status == Brief.Status.WITHDRAWN:
            return buttons
        # Each version written and not yet in front of readers: a draft brief's, or the
        # Arabic awaiting approval of a public one.
        unreleased = [
            (code, name)
            for code, name in settings.LANGUAGES
            if brief.is_written_in(code) and not (brief.is_public and brief.has_version_in(code))
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

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if self.has_change_permission(request, obj):
            # The steps open from the saved state: a refused step has already set the
            # form's instance to the state it asked for.
            saved = Brief.objects.filter(pk=obj.pk).first() if obj and obj.pk else None
            context["workflow_buttons"] = self.workflow_buttons(request, saved or Brief())
        return super().render_change_form(request, context, add, change, form_url, obj)

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
        fieldsets = [
            (title, {**options, "fields": [f for f in options["fields"] if f not in left_out]})
            for title, options in fieldsets
            if [f for f in options["fields"] if f not in left_out]
        ]
        # A withdrawal asks for its reason, first on the form, once Withdraw was pressed.
        withdrawing = any(name in request.POST for name in WITHDRAWING)
        if withdrawing and self.has_publish_permission(request):
            fieldsets.insert(0, (_("Withdrawing"), {"fields": ["withdraw_reason"]}))
        return fieldsets

    @admin.display(description=_("state"), ordering="status")
    def state(self, brief):
        return format_html('<span class="brief-state-{}">{}</span>', brief.state, brief.state_label)

    @admin.display(description=_("Arabic version"), ordering="arabic_status")
    def arabic_state(self, brief):
        """The Arabic version's state, whether readers see it, and whether its translation
        is missing parts or outdated."""
        notes = [_("public")] if brief.is_public and brief.has_version_in("ar") else []
        if brief.arabic_written:
            notes.append(self.translation_status_label(brief))
        return format_html(
            '<span class="arabic-state-{}">{}</span>{}',
            brief.arabic_status,
            brief.arabic_state_label,
            format_html_join("", " · {}", ((note,) for note in notes if note)),
        )

    @admin.action(description=_("Publish the selected briefs"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        self._each(request, queryset, publishing.publish, _("Published: %(titles)s."))

    @admin.action(description=_("Withdraw the selected briefs"), permissions=["publish"])
    def withdraw_selected(self, request, queryset):
        """Asks first, with the reason the history keeps, as the form's Withdraw does."""
        form = WithdrawForm(request.POST if "post" in request.POST else None)
        if not form.is_valid():
            context = {
                **self.admin_site.each_context(request),
                "title": _("Withdraw the selected briefs"),
                "opts": self.model._meta,
                "queryset": queryset,
                "form": form,
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            }
            return TemplateResponse(
                request, "admin/briefs/brief/withdraw_selected_confirmation.html", context
            )
        reason = form.cleaned_data["reason"]
        self._each(
            request,
            queryset,
            lambda brief, user: publishing.withdraw(brief, user, reason),
            _("Withdrawn: %(titles)s."),
        )
        return None

    @admin.action(description=_("Send the selected briefs to review"), permissions=["change"])
    def send_to_review_selected(self, request, queryset):
        self._each(request, queryset, publishing.send_to_review, _("Sent to review: %(titles)s."))

    def _each(self, request, queryset, step, done_message):
        """Take each brief through `step`; say which were done and why any were not."""
        done = []
        for brief in queryset:
            if not self.has_change_permission(request, brief):
                self.message_user(
                    request,
                    _("Not changed: “%(title)s”: not yours to change.") % {"title": brief},
                    messages.WARNING,
                )
                continue
            try:
                step(brief, request.user)
            except ValidationError as refused:
                self.message_user(
                    request,
                    _("Not changed: “%(title)s”: %(reasons)s")
                    % {"title": brief, "reasons": " ".join(refused.messages)},
                    messages.WARNING,
                )
            else:
                done.append(f"“{brief}”")
        if done:
            self.message_user(request, done_message % {"titles": list_of(done)})

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
