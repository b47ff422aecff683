import snowballstemmer
from django.conf import settings
from django.core.checks import Error, register

from . import registry


@register()
def every_language_has_an_entry(app_configs, **kwargs):
    """A configured language the registry does not describe would fail on its first page
    or search; say so at start-up, with what is wrong in its entry."""
    errors = []
    fields = set(registry.Language.__dataclass_fields__) - {"code"}
    for code, _name in settings.LANGUAGES:
        entry = settings.LANGUAGE_REGISTRY.get(code)
        if entry is None:
            errors.append(
                Error(
                    f"The language {code!r} is in LANGUAGES but has no entry in LANGUAGE_REGISTRY.",
                    hint=f"Give it one with: {', '.join(sorted(fields))}.",
                    id="languages.E001",
                )
            )
            continue
        for problem in _problems(entry, fields):
            errors.append(Error(f"LANGUAGE_REGISTRY[{code!r}]: {problem}", id="languages.E002"))
    return errors


def _problems(entry, fields):
    if missing := fields - entry.keys():
        yield f"{', '.join(sorted(missing))} missing."
    if unknown := entry.keys() - fields:
        yield f"{', '.join(sorted(unknown))} not known."
    choices = {
        "script": registry.SCRIPTS,
        "normaliser": registry.NORMALISERS,
        "slug": registry.SLUG_STYLES,
        "digits": tuple(registry.DIGIT_STYLES),
        "date_style": registry.DATE_STYLES,
    }
    for name, allowed in choices.items():
        if name in entry and entry[name] not in allowed:
            yield f"{name}={entry[name]!r} is not one of {', '.join(allowed)}."
    stemmer = entry.get("stemmer")
    if stemmer is not None and stemmer not in snowballstemmer.algorithms():
        yield f"stemmer={stemmer!r} is not one of Snowball's algorithms."
