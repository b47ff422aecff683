"""The link chooser: what the rich-text editor's link dialog finds on the site."""

from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _

RESULTS_PER_KIND = 10


def link_chooser(request):
    """Briefs and experts (`RICH_TEXT_LINK_TARGETS`) whose name holds the query, in the
    language of the text being written, each with its address in that language."""
    languages = dict(settings.LANGUAGES)
    # The language of the text being written, which may not be the admin's.
    language = request.GET.get("language")
    if language not in languages:
        language = translation.get_language()
    query = request.GET.get("q", "").strip()[:200]
    groups = []
    for label in settings.RICH_TEXT_LINK_TARGETS:
        model = apps.get_model(label)
        if not query or not request.user.has_perm(
            f"{model._meta.app_label}.view_{model._meta.model_name}"
        ):
            continue
        with translation.override(language):  # names and addresses in the text's language
            targets = [
                (obj, str(obj), obj.get_absolute_url())
                for obj in model.objects.link_targets(query, language)[:RESULTS_PER_KIND]
            ]
        # Notes in the admin's language.
        found = [
            {"name": name, "url": url, "note": obj.link_target_note(language)}
            for obj, name, url in targets
        ]
        groups.append((model._meta.verbose_name_plural, found))
    context = {
        **admin.site.each_context(request),
        "is_popup": True,
        "title": _("Link to a page of the site"),
        "query": query,
        "language": language,
        "language_name": languages[language],
        "groups": groups,
        "found_any": any(found for _kind, found in groups),
    }
    return TemplateResponse(request, "admin/editorial/link_chooser.html", context)
