"""Which language versions of an object exist, and where each one lives.

The version in the language an object is written in always exists: its `source_language`
where the model has one (publishing's content types), else the site's default. Another
language's version exists once the fields named in the model's `version_fields` are
filled in that language.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.http import QueryDict
from django.urls import translate_url
from django.utils import translation


class LanguageVersionsQuerySet(models.QuerySet):
    def in_language(self, language=None):
        """Rows that have a version in `language` (default: the active language)."""
        language = language or translation.get_language()
        filled = Q(**{f"{field}_{language}__gt": "" for field in self.model.version_fields})
        if chooses_source(self.model):
            return self.filter(Q(source_language=language) | filled)
        if language == settings.LANGUAGE_CODE:
            return self
        return self.filter(filled)

    def link_targets(self, query, language):
        """Rows to offer as the target of a link in text written in `language`: those
        written in it, public or not yet, whose name there holds `query`."""
        name = f"{self.model.version_fields[0]}_{language}"
        written = {f"{field}_{language}__gt": "" for field in self.model.version_fields}
        return self.filter(**written, **{f"{name}__icontains": query})


def chooses_source(model):
    """Whether each object of `model` says which language it is written in (a
    `source_language`, as publishing's content types have)."""
    return any(field.name == "source_language" for field in model._meta.concrete_fields)


class LanguageVersionsModel(models.Model):
    """Mixin for translated models: `version_fields` say when a language version exists."""

    version_fields = ("name",)

    class Meta:
        abstract = True

    def has_version_in(self, language):
        if language == getattr(self, "source_language", settings.LANGUAGE_CODE):
            return True
        return all(getattr(self, f"{field}_{language}") for field in self.version_fields)

    def url_in(self, language):
        """This object's page in `language`, or None where it has no version in it."""
        if not self.has_version_in(language):
            return None
        with translation.override(language):
            return self.get_absolute_url()

    def link_target_note(self, language):
        """What an author linking to this object in `language` should know ("not public
        yet"), or ""."""
        return ""

    def language_versions(self):
        """{language code: address} of every version of this object, the active one included."""
        urls = {code: self.url_in(code) for code, _name in settings.LANGUAGES}
        return {code: url for code, url in urls.items() if url}


class LanguageVersionsMixin:
    """Gives the template `language_versions`: {language code: this page's address in it}.

    An object's page exists in the languages it has a version in; any other page exists
    in every language, at the same address under the language's prefix. The addresses
    keep only the query parameters named in `content_parameters`, those that change what
    the page shows (filters, page number); tracking tags and the like are left out, so
    that the canonical address is one per content.
    """

    content_parameters = ()

    def content_query(self):
        kept = QueryDict(mutable=True)
        for name in self.content_parameters:
            if values := self.request.GET.getlist(name):
                kept.setlist(name, values)
        return kept.urlencode()

    def get_language_versions(self):
        obj = getattr(self, "object", None)
        if obj is None:
            path = self.request.path
            urls = {code: translate_url(path, code) for code, _name in settings.LANGUAGES}
        else:
            urls = obj.language_versions()
        query = self.content_query()
        return {code: f"{url}?{query}" if query else url for code, url in urls.items()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(language_versions=self.get_language_versions(), **kwargs)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        # What the page cache keys on, and whether it may keep this answer.
        response.content_parameters = self.content_parameters
        response.cacheable = self.query_is_canonical(context)
        return response

    def query_is_canonical(self, context):
        """Whether the query asks for this page as the page's own links would: a page for
        `?page=01`, `?page=1&page=2` or (see the views) `?type=no-such-type` is answered,
        but not kept as a page of its own."""
        if any(len(self.request.GET.getlist(name)) > 1 for name in self.content_parameters):
            return False
        page = self.request.GET.get(self.page_kwarg) if hasattr(self, "page_kwarg") else None
        page_obj = context.get("page_obj")
        return page is None or (page_obj is not None and page == str(page_obj.number))
