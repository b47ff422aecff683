"""The admin side of the publishing core, for any publishable model: its state in each
language on the form and the changelist, the steps it may take as buttons, and bulk
actions; every step and every save goes through publishing.actions, which check who may
take them.

A publishable model's admin names PublishingAdmin among its bases, its form derives from
PublishingAdminForm; a system check (publishing.E001) holds it to that.
"""

import json

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.models import LogEntry
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AdminSplitDateTime
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.html import format_html_join
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.translator import NotRegistered, translator
from reversion.models import Version

from editorial.lists import list_of
from languages import registry

from . import actions, drafts, policy, signals
from .models import LANGUAGE_CODES, PublishingRecord, Status


def language_name(code):
    return registry.get(code).name


class Step:
    """A button of the change form: the action it takes, in which language (None: the
    object's source language)."""

    def __init__(self, name, action, language=None, label="", **options):
        self.name, self.action, self.language = name, action, language
        self.label, self.options = label, options

    def make(self, obj, user, **options):
        return self.action(obj, user, self.language, **{**self.options, **options})

    @property
    def publishes(self):
        return issubclass(self.action, actions.Publish)

    @property
    def withdraws(self):
        return issubclass(self.action, actions.Withdraw)

    @property
    def schedules(self):
        return self.name == "_schedule"


def source_steps():
    return [
        Step("_save_draft", actions.BackToDraft, label=gettext_lazy("Save draft")),
        Step("_send_to_review", actions.SendToReview, label=gettext_lazy("Send to review")),
        Step("_publish", actions.Publish, label=gettext_lazy("Publish now")),
        Step("_schedule", actions.Publish, label=gettext_lazy("Schedule for the date above")),
        Step("_withdraw", actions.Withdraw, label=gettext_lazy("Withdraw")),
    ]


def translation_steps(language):
    name = language_name(language)
    return [
        Step(
            f"_send_to_review_{language}",
            actions.SendToReview,
            language,
            _("Send %(language)s to review") % {"language": name},
        ),
        Step(
            f"_approve_{language}",
            actions.Publish,
            language,
            _("Approve %(language)s") % {"language": name},
        ),
        Step(
            f"_withdraw_{language}",
            actions.Withdraw,
            language,
            _("Withdraw %(language)s") % {"language": name},
        ),
    ]


def all_steps(obj, model):
    """Every step the change form of `obj` (None: a new one) may offer."""
    source = obj.source_language if obj else model._meta.get_field("source_language").default
    steps = source_steps()
    for code in LANGUAGE_CODES:
        if code != source:
            steps += translation_steps(code)
    return steps


def pressed_step(data, obj, model):
    """The step whose button the posted `data` presses, or None (a plain save)."""
    for step in all_steps(obj, model):
        if step.name in data:
            return step
    return None


class PublishingAdminForm(forms.ModelForm):
    """A publishable object's form, validated for the step its pressed button asks for:
    "Publish" checks what a published version needs before anything is saved, "Schedule"
    a later time, "Withdraw" a reason. (Like every change form of the admin, it refuses a
    save made stale by another: editorial.locking.)"""

    schedule_field = "published_at"  # the field holding the time "Schedule" publishes at

    take_down_at = forms.SplitDateTimeField(
        label=gettext_lazy("Take down at"),
        required=False,
        widget=AdminSplitDateTime,
        help_text=gettext_lazy(
            "At this time it is taken off the site by itself, in every language: an "
            "embargo's end, a time-limited page. Empty: it stays up."
        ),
    )
    withdraw_reason = forms.CharField(
        label=gettext_lazy("Why it is withdrawn"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("Kept in the history with who withdrew it and when."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and "take_down_at" in self.fields:
            state = self.instance.state_in(self.instance.source_language)
            self.fields["take_down_at"].initial = state.expire_at

    @property
    def step(self):
        saved = self.instance if self.instance.pk else None
        return pressed_step(self.data, saved, self._meta.model)

    def clean(self):
        cleaned = super().clean()
        take_down_at = cleaned.get("take_down_at")
        if "take_down_at" in self.changed_data and take_down_at:
            going_live = cleaned.get(self.schedule_field) or timezone.now()
            if take_down_at <= max(going_live, timezone.now()):
                self.add_error(
                    "take_down_at", _("Take it down later than it goes live, and than now.")
                )
        step = self.step
        if step is None:
            return cleaned
        if step.withdraws and not cleaned.get("withdraw_reason"):
            if step.language:
                question = _(
                    "Withdraw the %(language)s version of “%(title)s”? Its readers will no "
                    "longer see it; the other languages stay. Say why below and press "
                    "Withdraw %(language)s again."
                ) % {"language": language_name(step.language), "title": self.instance}
            else:
                question = _(
                    "Withdraw “%(title)s”? Readers will no longer see it; its address is kept "
                    "for publishing again. Say why below and press Withdraw again."
                ) % {"title": self.instance}
            field = "withdraw_reason" if "withdraw_reason" in self.fields else None
            self.add_error(field, question)
        when = cleaned.get(self.schedule_field)
        if step.schedules and (when is None or when <= timezone.now()):
            self.add_error(self.schedule_field, _("To schedule it, give it a later date."))
        if step.name == "_publish" and when and when > timezone.now():
            cleaned[self.schedule_field] = timezone.now()  # "Publish now" publishes now
        return cleaned

    def _post_clean(self):
        super()._post_clean()
        step = self.step
        if self.errors or step is None or not step.publishes:
            return
        language = step.language or self.instance.source_language
        problems = self.instance.publishing_problems(language, relations=False)
        if problems:
            self.add_error(None, problems)
        else:
            self.check_before_publishing(language)

    def check_before_publishing(self, language):
        """A model's further checks of the text as typed, before it is published in
        `language` (add_error() to refuse)."""


class StateFilter(admin.SimpleListFilter):
    """The state of each object's source language version: draft, in review, scheduled,
    published (live) or withdrawn."""

    title = gettext_lazy("state")
    parameter_name = "state"
    language = None  # each object's source language

    def lookups(self, request, model_admin):
        states = [(status, label) for status, label in Status.choices if status != Status.APPROVED]
        return [*states, ("changes", _("Published, with unpublished changes"))]

    def queryset(self, request, queryset):
        if self.value() == "changes":
            return queryset.with_unpublished_changes()
        if self.value() == Status.LIVE and self.language is None:
            return queryset.live_in_own_language()
        if self.value() == Status.REVIEW:  # and live versions' changes sent to review
            return queryset.in_review(self.language)
        if self.value() in Status.values:
            return queryset.in_state(self.value(), self.language)
        return queryset


class TranslationStateFilter(StateFilter):
    """The state of the objects' version in `language` (translation_state_filter())."""

    def lookups(self, request, model_admin):
        return [
            ("none", _("Not written yet")),
            *[(status, label) for status, label in Status.choices if status != Status.SCHEDULED],
        ]

    def queryset(self, request, queryset):
        if self.value() == "none":
            return queryset.without_state(self.language)
        return super().queryset(request, queryset)


def translation_state_filter(language):
    """A TranslationStateFilter for `language`: none written yet, draft, in review,
    approved (waiting for its source), published, withdrawn."""
    attributes = {
        # Named in the admin's language of each request, not in the one it was built in.
        "title": format_lazy(gettext_lazy("{} version"), lazy(language_name, str)(language)),
        "parameter_name": f"{StateFilter.parameter_name}_{language}",
        "language": language,
    }
    return type(f"TranslationStateFilter_{language}", (TranslationStateFilter,), attributes)


class WithdrawForm(forms.Form):
    """The bulk withdrawal's question: why (the history keeps it)."""

    reason = forms.CharField(
        label=gettext_lazy("Why they are withdrawn"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("Kept in each one's history with who withdrew it and when."),
    )


def _after(fields, schedule_field):
    """`fields` with the take-down time after the schedule field, where they hold it."""
    if schedule_field not in fields or "take_down_at" in fields:
        return fields
    at = fields.index(schedule_field) + 1
    return [*fields[:at], "take_down_at", *fields[at:]]


class _Undo(Exception):
    """Leaves the transaction of a form shown on its unpublished changes, with its page."""

    def __init__(self, response):
        self.response = response


class PublishingAdmin:
    """ModelAdmin mixin for a publishable model: the state of each language version, the
    steps each user may take as buttons, bulk actions; each step and each save an action
    that checks (publishing.actions, publishing.policy)."""

    form = PublishingAdminForm
    change_form_template = "admin/publishing/change_form.html"

    # Who may do what: publishing.policy.

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if obj is None or not allowed:
            return allowed
        return policy.may_edit(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        if obj is None or not allowed:
            return allowed
        return policy.may_delete(request.user, obj)

    def has_publish_permission(self, request):
        return policy.may_publish(request.user, self.model)

    def filtered_by_state(self, request):
        """Whether the changelist is filtered by a language version's state."""
        names = [StateFilter.parameter_name]
        names += [f"{StateFilter.parameter_name}_{code}" for code in LANGUAGE_CODES]
        return any(request.GET.get(name) for name in names)

    # The steps offered.

    def offered_steps(self, request, obj):
        """The steps the change form offers this user on `obj` (saved, or None)."""
        user = request.user
        publisher = policy.may_publish(user, self.model)
        writer = policy.writes_without_publishing(user, self.model)
        if obj is None:
            names = ["_save_draft", "_send_to_review"]
            if publisher:
                names = ["_save_draft", "_publish", "_schedule"]
            return [step for step in source_steps() if step.name in names]
        offered = []
        status = obj.status_in(obj.source_language)
        for step in all_steps(obj, self.model):
            if step.language is None:
                if (publisher or writer) and self._offers_source(step, status, publisher):
                    offered.append(step)
            elif self._offers_translation(step, obj, user, publisher):
                offered.append(step)
        return offered

    def _offers_source(self, step, status, publisher):
        out = status in (Status.LIVE, Status.SCHEDULED)
        if step.name == "_save_draft":
            return not out
        if step.name == "_send_to_review":
            return status == Status.DRAFT if publisher else status != Status.REVIEW
        if step.name in ("_publish", "_schedule"):
            return publisher
        return publisher and out  # withdraw

    def _offers_translation(self, step, obj, user, publisher):
        status = obj.status_in(step.language)
        if step.action is actions.SendToReview:
            return not publisher and policy.may_edit(user, obj, step.language)
        if not publisher or not obj.is_written_in(step.language):
            return False
        if step.publishes:  # a version not yet approved, or the changes to a live one
            changed = obj.state_in(step.language).has_unpublished_changes
            return status not in (Status.LIVE, Status.APPROVED) or changed
        return status in (Status.LIVE, Status.APPROVED)

    # The form, opened on the unpublished changes, and saved apart from the live text.

    def change_view(self, request, object_id, form_url="", extra_context=None):
        return self._apart_from_live(
            request, object_id, super().change_view, request, object_id, form_url, extra_context
        )

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """A revision restored is saved as unpublished changes to what is live (as
        actions.Restore does, through reversion's form, which may be edited first)."""
        obj = self.get_object(request, unquote(object_id))
        restoring = request.method == "POST" and obj is not None
        if restoring:
            action = actions.Restore(obj, request.user)
            action.check_permission()
        response = self._apart_from_live(
            request, object_id, super().revision_view, request, object_id, version_id, extra_context
        )
        if restoring and response.status_code == 302:
            action.keep_records((PublishingRecord.Action.RESTORE, obj.source_language))
        return response

    def recover_view(self, request, version_id, extra_context=None):
        """A deleted object brought back, as a draft in every language (actions.Recover)."""
        if request.method != "POST":
            return super().recover_view(request, version_id, extra_context)
        version = Version.objects.filter(pk=version_id).first() if _is_id(version_id) else None
        if version is not None:
            actions.Recover(self.model(), request.user).check_permission()
        response = super().recover_view(request, version_id, extra_context)
        if version is not None and response.status_code == 302:
            recovered = self.model._default_manager.filter(pk=version.object_id).first()
            if recovered is not None:  # brought back by reversion's form, as a draft
                action = actions.Recover(recovered, request.user)
                action.keep_records((PublishingRecord.Action.RECOVER, recovered.source_language))
        return response

    def delete_model(self, request, obj):
        actions.Delete(obj, request.user).run()

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            actions.Delete(obj, request.user).run()

    def _apart_from_live(self, request, object_id, view, *args):
        """Run the change form's `view` on the object's rows with every language's
        unpublished changes in them (publishing.drafts.open_drafts); then, if it saved,
        put back what readers see of each live language the save did not publish, the
        save kept as its unpublished changes; if it did not, leave the rows as they were."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return view(*args)
        try:
            with (
                transaction.atomic(),
                drafts.opened(obj) as outcome,
                signals.holding() as announcements,
            ):
                posted = request.method == "POST"
                before = drafts.Before(obj) if posted else None
                opened = drafts.open_drafts(obj)
                response = view(*args)
                saved = posted and response.status_code == 302
                if not saved and opened:
                    if hasattr(response, "render"):
                        response.render()  # while the rows hold the changes it shows
                    raise _Undo(response)
                if saved:
                    revision = drafts.latest_revision(obj)
                    if not before.settle(obj, revision, outcome, opened):
                        announcements.clear()  # nothing readers see changed
                    self._tell_state(request, obj)
                signals.send(announcements)
        except _Undo as undo:
            return undo.response
        return response

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # A step the user may not take is refused before the form is read: a forged
        # "Publish" from a writer or a translator is a 403, never a saved change.
        if request.method == "POST":
            obj = self.get_object(request, object_id) if object_id else None
            step = pressed_step(request.POST, obj, self.model)
            if step is not None:
                step.make(obj or self.model(), request.user).check_permission()
        return super().changeform_view(request, object_id, form_url, extra_context)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if self.has_publish_permission(request):  # the take-down time beside the go-live one
            fieldsets = [
                (title, {**options, "fields": _after(options["fields"], self.form.schedule_field)})
                for title, options in fieldsets
            ]
        # A withdrawal asks for its reason, first on the form, once Withdraw was pressed.
        step = pressed_step(request.POST, obj, self.model) if request.method == "POST" else None
        if step is not None and step.withdraws and self.has_publish_permission(request):
            fieldsets = [(_("Withdrawing"), {"fields": ["withdraw_reason"]}), *fieldsets]
        return fieldsets

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is None or self.has_change_permission(request, obj):
            # The steps open from the saved state: a refused step's form is not saved.
            saved = None
            if obj is not None and obj.pk is not None:
                saved = self.model._default_manager.with_states().filter(pk=obj.pk).first()
            context["workflow_buttons"] = [
                (step.name, step.label) for step in self.offered_steps(request, saved)
            ]
        if obj is not None and obj.pk is not None:
            context["unpublished_changes"] = [
                (language_name(code), in_review) for code, in_review in obj.unpublished_changes()
            ]
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        """Save the edit through publishing.actions.Save, which knows what an edit to a
        live version by someone who may not publish it does."""
        step = form.step
        stepping = (step.language or obj.source_language) if step else None
        edited = [code for code in self.edited_languages(obj, form) if code != stepping]
        form.steps_taken = actions.Save(obj, request.user, edited=edited).run()

    def edited_languages(self, obj, form):
        """The languages whose content the form changed: a translated field's language, or
        the source language for any other field of the model (not the form's own boxes)."""
        try:
            translated = translator.get_options_for_model(self.model).all_fields
        except NotRegistered:
            translated = {}
        columns = {
            column.name: column.language for fields in translated.values() for column in fields
        }
        model_fields = {field.name for field in self.model._meta.get_fields()}
        return {
            columns.get(name, obj.source_language)
            for name in form.changed_data
            if name in model_fields
        }

    def save_related(self, request, form, formsets, change):
        """The pressed step, once the object and its inline rows (its authors) are saved."""
        super().save_related(request, form, formsets, change)
        step = form.step
        if step is None:
            self._set_take_down_time(request, form)
            return
        options = {"note": form.cleaned_data.get("withdraw_reason", "")}
        if step.publishes and step.language is None:
            options["at"] = form.cleaned_data.get(form.schedule_field) if step.schedules else None
        action = step.make(form.instance, request.user, **options)
        try:
            form.steps_taken = action.run()
        except ValidationError as refused:  # what the form's own checks could not see
            self.message_user(request, " ".join(refused.messages), messages.ERROR)
        else:
            form.step_description = action.description()
        self._set_take_down_time(request, form)

    def _set_take_down_time(self, request, form):
        if "take_down_at" not in form.changed_data:
            return
        at = form.cleaned_data.get("take_down_at")
        action = actions.SetExpiry(form.instance, request.user, at=at)
        action.run()
        said = getattr(form, "step_description", "")
        form.step_description = f"{said}; {action.description()}" if said else action.description()

    def construct_change_message(self, request, form, formsets, add=False):
        """The history's line for a save: the step it took, if any ("Sent to review",
        "Scheduled for …", "Withdrawn: why"), then the fields it changed."""
        changed = super().construct_change_message(request, form, formsets, add)
        said = getattr(form, "step_description", "")
        if not said:
            return changed
        fields = LogEntry(change_message=json.dumps(changed)).get_change_message()
        return f"{said}. {fields}" if changed else f"{said}."

    def response_add(self, request, obj, post_url_continue=None):
        redirect = self._after_step(request, obj)
        if redirect is not None:
            self._tell_state(request, obj)
        return redirect or super().response_add(request, obj)

    def response_change(self, request, obj):
        # What became of it is told once its changes are settled (_apart_from_live).
        return self._after_step(request, obj) or super().response_change(request, obj)

    def _after_step(self, request, obj):
        """After a workflow button, the editor stays on the object."""
        if pressed_step(request.POST, obj, self.model) is None:
            return None
        opts = self.model._meta
        return HttpResponseRedirect(
            reverse(
                f"admin:{opts.app_label}_{opts.model_name}_change",
                args=[obj.pk],
                current_app=self.admin_site.name,
            )
        )

    def _tell_state(self, request, obj):
        """Tell what became of `obj`: its states after a workflow button; after a plain
        save that left changes apart, that readers do not see them yet."""
        obj = self.model._default_manager.with_states().get(pk=obj.pk)
        if pressed_step(request.POST, obj, self.model) is not None:
            said = _("“%(title)s” is now: %(states)s.") % {
                "title": obj,
                "states": self.states_said(obj),
            }
            self.message_user(request, said, messages.SUCCESS)
        elif obj.unpublished_changes():
            said = _(
                "Readers still see the published version: the changes are kept until "
                "someone who may publish publishes them."
            )
            self.message_user(request, said, messages.INFO)

    def states_said(self, obj):
        """The state of each language version begun, in a sentence ("Published", or
        "English: Published, Arabic: In review")."""
        begun = obj.begun_languages()
        if len(begun) == 1:
            return obj.state_label(begun[0])
        return list_of(f"{language_name(code)}: {obj.state_label(code)}" for code in begun)

    # Displays.

    @admin.display(description=gettext_lazy("state"))
    def publishing_state(self, obj):
        """Each written language version's state, on the form and the changelist."""
        if obj is None or obj.pk is None:
            return _("Not saved yet")
        rows = (
            (obj.status_in(code), language_name(code), obj.state_label(code))
            for code in obj.begun_languages()
        )
        return format_html_join(
            " · ", '<span class="publishing-state publishing-state-{}">{}: {}</span>', rows
        )

    # Bulk actions.

    def get_actions(self, request):
        found = super().get_actions(request)
        names = ["send_to_review_selected"]
        if self.has_publish_permission(request):
            names += ["publish_selected", "withdraw_selected"]
        if self.has_change_permission(request):
            for name in names:
                func, action_name, description = self.get_action(name)
                found[action_name] = (func, action_name, description)
        return found

    @admin.action(description=gettext_lazy("Publish the selected %(verbose_name_plural)s"))
    def publish_selected(self, request, queryset):
        self._each(request, queryset, actions.Publish, _("Published: %(titles)s."))

    @admin.action(description=gettext_lazy("Send the selected %(verbose_name_plural)s to review"))
    def send_to_review_selected(self, request, queryset):
        self._each(request, queryset, actions.SendToReview, _("Sent to review: %(titles)s."))

    @admin.action(description=gettext_lazy("Withdraw the selected %(verbose_name_plural)s"))
    def withdraw_selected(self, request, queryset):
        """Asks first, with the reason the history keeps, as the form's Withdraw does."""
        form = WithdrawForm(request.POST if "post" in request.POST else None)
        if not form.is_valid():
            context = {
                **self.admin_site.each_context(request),
                "title": _("Withdraw the selected %(verbose_name_plural)s")
                % {"verbose_name_plural": self.model._meta.verbose_name_plural},
                "opts": self.model._meta,
                "queryset": queryset,
                "form": form,
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            }
            return TemplateResponse(request, "admin/publishing/withdraw_selected.html", context)
        reason = form.cleaned_data["reason"]
        self._each(request, queryset, actions.Withdraw, _("Withdrawn: %(titles)s."), note=reason)
        return None

    def _each(self, request, queryset, action_class, done_message, **options):
        """Take each object through the action; say which were done and why any were not."""
        done = []
        for obj in queryset:
            try:
                action_class(obj, request.user, **options).run()
            except PermissionDenied:
                refusal = _("Not changed: “%(title)s”: not yours to change.") % {"title": obj}
            except ValidationError as refused:
                refusal = _("Not changed: “%(title)s”: %(reasons)s") % {
                    "title": obj,
                    "reasons": " ".join(refused.messages),
                }
            else:
                done.append(f"“{obj}”")
                continue
            self.message_user(request, refusal, messages.WARNING)
        if done:
            self.message_user(request, done_message % {"titles": list_of(done)})


def _is_id(text):
    text = str(text)
    return text.isascii() and text.isdigit() and len(text) <= 18
