"""What a translated object shows of other translated objects: a brief's topics, regions,
PDFs and lead image. Its version in a language is whole only when they have that language
too, so approving it lists those that have not, and a batch for an agency carries them.

A model names these relations in its translation options: `dependents = ("topics", …)`,
each a forward or reverse relation to a translated model.
"""

from dataclasses import dataclass

from modeltranslation.translator import NotRegistered, translator

from .status import MISSING, field_statuses, with_status


@dataclass(frozen=True)
class Untranslated:
    """A dependent with no translation into the language for some of its fields."""

    relation: str  # the relation it is reached by: "topics"
    obj: object
    fields: tuple  # ("name",)


def dependent_relations(model):
    """The names of the relations of `model` its translation options call dependents."""
    try:
        return tuple(getattr(translator.get_options_for_model(model), "dependents", ()))
    except NotRegistered:
        return ()


def untranslated_dependents(obj, language):
    """Each object `obj` shows that has text in the source language and none in
    `language`, with the fields missing, relation by relation."""
    found = []
    for relation in dependent_relations(type(obj)):
        for dependent in _related(obj, relation):
            statuses = field_statuses(dependent, language)
            missing = tuple(
                field for field, (status, _record) in statuses.items() if status == MISSING
            )
            if missing:
                found.append(Untranslated(relation, dependent, missing))
    return found


def dependents_of(queryset, language):
    """{model: queryset} of the objects the objects of `queryset` show that wait for a
    translation into `language`, worked out by the database (no ids held in memory)."""
    found = {}
    for relation in dependent_relations(queryset.model):
        model = queryset.model._meta.get_field(relation).related_model
        pending = with_status(model._default_manager.all(), language, MISSING)
        shown = pending.filter(pk__in=queryset.values(relation))
        found[model] = found[model] | shown if model in found else shown
    return found


def _related(obj, relation):
    value = getattr(obj, relation)
    if value is None:
        return []
    if hasattr(value, "all"):  # a many-to-many or reverse relation's manager
        return list(value.all())
    return [value]
