"""Live text kept apart from drafts, as Wagtail keeps a page's live row and its latest
revision: the object's row (and the rows that go with it, its authors, topics, PDFs) holds
what readers see in each live language; an edit to a live language is kept as a draft
revision (django-reversion's), named by that language's LanguageState.draft_revision,
until someone who may publish publishes it.

An object's content is divided into one part per language: a translation's part is its
`_xx` columns, on the object and on the rows that go with it; the source language's part
is everything else its editors fill in, and which rows go with it. A save changes the row
for every part (the admin's form and Django's saving know no other way); settle() then
puts back the part of each language readers see, or will see without another approval
(live, or approved and waiting for its source), and of each language that already has
changes apart, keeping the change as its draft. Only the step that publishes or approves
a language takes its changes in (Outcome.accepted); taking a version down keeps them
apart, for whoever publishes it again.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from modeltranslation.translator import NotRegistered, translator
from reversion.models import Version
from reversion.revisions import _get_options, is_registered

from .models import LanguageState, Status

# Not content: which language the object is written in, and who saved it.
KEPT_OUT = {"source_language", "created_by", "updated_by"}


# The statuses whose text is kept in the rows while changes wait apart.
KEPT_APART = (Status.LIVE, Status.APPROVED)


class Outcome:
    """What the steps of one save did to an object's language versions: whose changes
    they published or approved (`accepted`), which they sent to review (`sent`)."""

    def __init__(self):
        self.accepted, self.sent = set(), set()


# The objects whose rows hold their unpublished changes for a form being saved (the
# admin's, PublishingAdmin), with the Outcome its steps add to: it settles them after.
_opened = ContextVar("publishing_drafts_opened", default=None)


def _key(obj):
    return (obj._meta.label_lower, obj.pk)


@contextmanager
def opened(obj):
    """Within this block, `obj`'s rows hold its unpublished changes (open_drafts()), and
    whoever opened them settles them after (Before.settle) with the Outcome it gives."""
    outcome = Outcome()
    token = _opened.set({**(_opened.get() or {}), _key(obj): outcome})
    try:
        yield outcome
    finally:
        _opened.reset(token)


def outcome_of(obj):
    """The Outcome of the caller who opened `obj`'s changes, or None."""
    return (_opened.get() or {}).get(_key(obj)) if obj.pk is not None else None


def _columns(model):
    """({translation column: its language}, {translated field whose own column mirrors
    one of them})."""
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return {}, set()
    columns = {
        column.name: column.language for fields in options.all_fields.values() for column in fields
    }
    return columns, set(options.all_fields)


def _relations(model):
    """[(accessor, related model, its key to `model`)] of the rows that go with an object
    of `model`: those its revisions keep with it."""
    if not is_registered(model):
        return []
    found = []
    for name in _get_options(model).follow:
        relation = getattr(getattr(model, name, None), "rel", None)
        if relation is not None and relation.one_to_many:
            found.append((name, relation.related_model, relation.field.name))
    return found


def _part_fields(model, language, source_language, parent_key=None, compared=True):
    """The fields of `model` that hold `language`'s part (see the module's docstring);
    `compared=False` adds the translated fields' own columns (they mirror the default
    language's, and are put back with it)."""
    columns, mirrors = _columns(model)
    names = []
    for field in model._meta.concrete_fields:
        if field.primary_key or not field.editable or field.name == parent_key:
            continue
        if field.name in KEPT_OUT:
            continue
        if field.name in mirrors:
            if not compared and language == settings.LANGUAGE_CODE:
                names.append(field)
            continue
        if columns.get(field.name, source_language) == language:
            names.append(field)
    return names


class Copy:
    """An object and the rows that go with it, as model instances: as the database holds
    them now, or as a revision kept them."""

    def __init__(self, obj, rows):
        self.obj = obj
        self.rows = rows  # {related model: {pk: instance}}

    @classmethod
    def of(cls, obj):
        model = type(obj)
        stored = model._default_manager.get(pk=obj.pk)
        rows = {
            related: {row.pk: row for row in related._default_manager.filter(**{key: obj.pk})}
            for _name, related, key in _relations(model)
        }
        return cls(stored, rows)

    @classmethod
    def of_revision(cls, revision, obj):
        model = type(obj)
        rows = {related: {} for _name, related, _key in _relations(model)}
        stored = None
        for version in revision.version_set.all():
            instance = version._object_version.object
            if type(instance) is model and instance.pk == obj.pk:
                stored = instance
            elif type(instance) in rows:
                rows[type(instance)][instance.pk] = instance
        return cls(stored, rows) if stored is not None else None

    def part(self, language):
        """`language`'s part of this copy, as values to compare."""
        source = self.obj.source_language
        model = type(self.obj)
        values = [_values(self.obj, _part_fields(model, language, source))]
        for _name, related, key in _relations(model):
            fields = _part_fields(related, language, source, key)
            rows = self.rows[related]
            if language == source:
                values.append(sorted(rows))
            values.append([_values(rows[pk], fields) for pk in sorted(rows)])
        return values

    def put_back(self, obj, language):
        """Write `language`'s part of this copy to `obj`'s rows in the database (and to
        `obj`). Written as they were, not saved again: to what follows saves (the
        translations' records) this is no edit; obj.sync_copies() then brings the copies
        kept elsewhere into line."""
        source = obj.source_language
        model = type(obj)
        values = {
            field.attname: getattr(self.obj, field.attname)
            for field in _part_fields(model, language, source, compared=False)
        }
        for name, value in values.items():
            setattr(obj, name, value)
        model._default_manager.filter(pk=obj.pk).update(**values)
        for _name, related, key in _relations(model):
            fields = _part_fields(related, language, source, key)
            kept = self.rows[related]
            current = {row.pk: row for row in related._default_manager.filter(**{key: obj.pk})}
            if language == source:
                gone = current.keys() - kept.keys()
                related._default_manager.filter(pk__in=gone).delete()
                missing = [kept[pk] for pk in kept.keys() - current.keys()]
                for row in missing:
                    setattr(row, key, obj)
                related._default_manager.bulk_create(missing)
            for pk in kept.keys() & current.keys():
                if _values(current[pk], fields) != _values(kept[pk], fields):
                    related._default_manager.filter(pk=pk).update(
                        **{field.attname: getattr(kept[pk], field.attname) for field in fields}
                    )
        obj.sync_copies()


def _values(instance, fields):
    # An empty text is one however stored: a form saves "" where an import left NULL.
    return [
        "" if field.value_from_object(instance) in (None, "") else field.value_to_string(instance)
        for field in fields
    ]


def latest_revision(obj):
    version = Version.objects.get_for_object(obj).select_related("revision").first()
    return version.revision if version else None


def states_of(obj):
    return {
        state.language: state
        for state in LanguageState.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
        ).select_related("draft_revision")
    }


class Before:
    """What readers saw of an object before a save: its copy and its states."""

    def __init__(self, obj):
        states = states_of(obj)
        self.live = {code for code, state in states.items() if state.status == Status.LIVE}
        self.apart = {code for code, state in states.items() if state.draft_revision_id}
        kept = self.apart or any(state.status in KEPT_APART for state in states.values())
        # Nothing readers see, and no changes apart: a save has nothing to put back.
        self.copy = Copy.of(obj) if kept else None

    def settle(self, obj, revision, outcome, opened=None):
        """After a save of `obj` kept as `revision`, whose steps came to `outcome`: each
        language whose changes a step accepted has `revision` as its published one; each
        other language whose text readers see (KEPT_APART) or whose changes were already
        apart, and which the save changed, gets its part back as it was, the change kept
        as its draft (`revision`), in review if a step sent it. `opened`: the drafts the
        save began from ({language: Copy}, the admin's form), a language whose part is
        still its draft keeping it as it was, one whose part is as the rows hold it
        having none left. Returns whether what readers see changed: a language published,
        approved live, or taken down."""
        after = Copy.of(obj) if self.copy is not None else None
        put_back = False
        states = states_of(obj)
        live = {code for code, state in states.items() if state.status == Status.LIVE}
        public = live != self.live
        for code, state in states.items():
            kept = (state.draft_revision_id, state.live_revision_id, state.draft_in_review)
            changed = after is not None and self.copy.part(code) != after.part(code)
            draft = (opened or {}).get(code)
            if code in outcome.accepted:
                state.draft_revision, state.draft_in_review = None, False
                if state.status == Status.LIVE:
                    state.live_revision, public = revision, True
            elif changed and draft is not None and draft.part(code) == after.part(code):
                self.copy.put_back(obj, code)  # the draft as it was, saved again
                put_back = True
                state.draft_in_review = state.draft_in_review or code in outcome.sent
            elif changed and (state.status in KEPT_APART or code in self.apart):
                if revision is None:
                    raise RuntimeError(
                        f"An edit to live text of {obj!r} inside a revision that keeps it "
                        "nowhere: save it outside reversion.create_revision()."
                    )
                self.copy.put_back(obj, code)
                put_back = True
                state.draft_revision = revision
                state.draft_in_review = code in outcome.sent or (
                    opened is None and state.draft_in_review
                )
            elif not changed and opened is not None:
                state.draft_revision, state.draft_in_review = None, False
            if kept != (state.draft_revision_id, state.live_revision_id, state.draft_in_review):
                state.save(update_fields=["draft_revision", "live_revision", "draft_in_review"])
        if put_back:
            obj.refresh_from_db()
        obj.forget_states()
        return public


def open_drafts(obj):
    """Write each language's draft into the object's rows, as its form shows them (inside a
    transaction the caller rolls back, or saves through, settle() keeping them apart).
    Returns the drafts opened, {language: Copy}."""
    drafts = [state for state in states_of(obj).values() if state.draft_revision_id]
    opened = {}
    for state in sorted(drafts, key=lambda state: state.draft_revision_id):
        copy = Copy.of_revision(state.draft_revision, obj)
        if copy is not None:
            copy.put_back(obj, state.language)
            opened[state.language] = copy
    return opened
