from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.paginator import InvalidPage, Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.views.generic import DetailView, ListView
from django.views.generic.detail import SingleObjectMixin

from editorial.languages import LanguageVersionsMixin
from editorial.pagination import UncountedPaginator
from publishing.models import Status
from search.snippets import highlight
from search.text import plain_text
from taxonomy.models import Region, Topic

from . import seo
from .addresses import answering_at
from .forms import BriefFilterForm, SearchForm
from .listing import LinkedBriefs
from .models import Attachment, Brief
from .rail import rail_for
from .search import SearchResults, reader_query


class BriefPagesMixin:
    content_parameters = ("page",)
    paginator_class = UncountedPaginator

    def get_paginate_by(self, queryset):
        return settings.BRIEFS_PER_PAGE


class BriefListView(LanguageVersionsMixin, BriefPagesMixin, ListView):
    """/policy-analysis/: every published brief, newest first, with the listing's filters."""

    template_name = "briefs/brief_list.html"
    context_object_name = "briefs"
    content_parameters = (*BriefFilterForm.base_fields, "page")

    def get_queryset(self):
        self.filters = BriefFilterForm(self.request.GET, Brief.objects.live())
        return self.filters.filtered().for_listing()

    def get_context_data(self, **kwargs):
        chosen_type = self.filters.cleaned_data.get("type") if self.filters.is_valid() else None
        return super().get_context_data(filters=self.filters, chosen_type=chosen_type, **kwargs)

    def query_is_canonical(self, context):
        return self.filters.is_valid() and super().query_is_canonical(context)


class BriefDetailView(LanguageVersionsMixin, DetailView):
    """A brief in the active language; staff may also preview drafts and scheduled briefs."""

    template_name = "briefs/brief_detail.html"
    context_object_name = "brief"

    def get_object(self, queryset=None):
        return self.kwargs["found"]  # by policy_analysis_page

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**article_context(self.object), **kwargs)
        context["structured_data"] = seo.article(self.object, self.request)
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if not self.object.is_live(translation.get_language()):
            add_never_cache_headers(response)
        return response


def article_context(brief, *, authors=None, topics=None, regions=None):
    """What the article template shows beside the brief itself: its byline, terms, rail
    and documents.

    A preview passes the authors, topics and regions of a form not yet saved.
    """
    saved = brief.pk is not None  # an unsaved brief has no links to fall back on
    if topics is None:
        topics = list(brief.topics.all()) if saved else []
    if regions is None:
        regions = list(brief.regions.all()) if saved else []
    language = translation.get_language()
    return {
        "brief": brief,
        "authors": authors if authors is not None else brief.ordered_authors if saved else [],
        # A term or a document without a name in the page's language is left out, with
        # its link, rather than shown as an empty label (docs/decisions.md).
        "topics": [topic for topic in topics if topic.has_version_in(language)],
        "regions": [region for region in regions if region.has_version_in(language)],
        "recommendations": [pick.brief for pick in rail_for(brief)] if brief.pk else [],
        "attachments": [doc for doc in brief.attachments.all() if doc.title] if saved else [],
    }


def render_preview(request, brief, language, **links):
    """`brief` as readers would see it in `language`, marked PREVIEW, never indexed or cached.

    Its language links are left out: they would lead to pages that may not exist yet.
    """
    with translation.override(language):
        context = {**article_context(brief, **links), "preview": True, "language_versions": {}}
        response = TemplateResponse(request, BriefDetailView.template_name, context)
        response.render()
    response["X-Robots-Tag"] = "noindex, nofollow"
    add_never_cache_headers(response)
    return response


def shared_preview(request, token):
    """A draft, in-review or scheduled brief, or an Arabic version awaiting approval,
    opened from a share link without an account."""
    brief_id = read_share_token(token)
    brief = Brief.objects.for_detail().filter(pk=brief_id).first() if brief_id else None
    if brief is None or brief.status_in(brief.source_language) == Status.WITHDRAWN:
        response = TemplateResponse(
            request, "briefs/preview_link_invalid.html", {"language_versions": {}}, status=404
        )
        add_never_cache_headers(response)
        return response
    language = translation.get_language()
    if brief.is_live(language):
        return redirect(brief.get_absolute_url())
    return render_preview(request, brief, language)


SHARE_SALT = "briefs.shared-preview"


def share_token(brief):
    """A signed token naming `brief`, good for PREVIEW_LINK_DAYS from now."""
    return signing.TimestampSigner(salt=SHARE_SALT).sign(str(brief.pk))


def read_share_token(token):
    """The brief id a valid, unexpired token names, or None."""
    max_age = timedelta(days=settings.PREVIEW_LINK_DAYS)
    try:
        value = signing.TimestampSigner(salt=SHARE_SALT).unsign(token, max_age=max_age)
    except signing.BadSignature:  # tampered with, or expired
        return None
    return int(value) if value.isdigit() else None


def attachment(request, slug, pk):
    """A public brief's PDF, under a name made from the brief's slug."""
    document = get_object_or_404(
        Attachment.objects.select_related("brief"),
        pk=pk,
        brief__in=Brief.objects.live().filter(slug=slug),
    )
    return FileResponse(
        document.file.open("rb"),
        content_type="application/pdf",
        as_attachment=False,
        filename=document.download_name(),
    )


class TermDetailView(LanguageVersionsMixin, BriefPagesMixin, SingleObjectMixin, ListView):
    """A topic's or region's page: its name, description and published briefs."""

    template_name = "briefs/term_detail.html"

    def get(self, request, *args, **kwargs):
        self.object = self.kwargs["found"]  # by policy_analysis_page
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        language = translation.get_language()
        if isinstance(self.object, Region):
            return LinkedBriefs.in_region(self.object, language)
        return LinkedBriefs.about_topic(self.object, language)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            term=self.object, term_kind=self.object._meta.verbose_name, **kwargs
        )
        context["briefs"] = context["object_list"]  # this page's briefs
        return context


PAGES = {
    Brief: BriefDetailView.as_view(),
    Topic: TermDetailView.as_view(model=Topic),
    Region: TermDetailView.as_view(model=Region),
}


def policy_analysis_page(request, slug):
    """Briefs, topics and regions share /policy-analysis/<slug> (briefs.addresses); the
    page of whichever answers."""
    found = answering_at(slug, previews=request.user.is_staff)
    if found is None:
        raise Http404
    return PAGES[type(found)](request, slug=slug, found=found)


# What any of them may read; the page that answers says what it did (the page cache).
policy_analysis_page.content_parameters = TermDetailView.content_parameters


class SearchView(LanguageVersionsMixin, BriefPagesMixin, ListView):
    """/search/?q=…: the published briefs whose version in the page's language holds the
    words, most relevant (or newest) first, with the listing's filters and a date range."""

    template_name = "briefs/search.html"
    context_object_name = "briefs"
    paginator_class = Paginator  # its matches are read once, and counted by len()

    def get_paginate_by(self, queryset):
        return settings.SEARCH_RESULTS_PER_PAGE

    content_parameters = (*SearchForm.base_fields, "page")

    page_missing = False

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        try:
            page = paginator.page(self.request.GET.get(self.page_kwarg) or 1)
        except InvalidPage:  # past the last page, or not a number: said on the page
            self.page_missing = True
            return paginator, None, [], False
        return paginator, page, page.object_list, page.has_other_pages()

    def get_queryset(self):
        language = translation.get_language()
        self.form = SearchForm(self.request.GET, Brief.objects.live(language))
        self.query = reader_query(self.form.data.get("q", ""), language)
        if not self.query or not self.form.is_valid():
            return Brief.objects.none()
        newest_first = self.form.cleaned_data["sort"] == SearchForm.NEWEST
        filed_under = self.form.filed_under()
        return SearchResults(
            self.form.filtered(), self.query, self.form.published_span, newest_first, filed_under
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(form=self.form, query=self.query, **kwargs)
        context["page_missing"] = self.page_missing  # known once the page was looked for
        for brief in context["object_list"]:
            brief.snippet = highlight(plain_text(brief.summary + " " + brief.body), self.query)
        if self.query and not context["object_list"] and self.form.is_filtered:
            everywhere = Brief.objects.live().matching(self.query)
            context["found_without_filters"] = everywhere.exists()
        return context

    def render_to_response(self, context, **response_kwargs):
        status = 404 if self.page_missing else 200
        return super().render_to_response(context, status=status, **response_kwargs)

    def query_is_canonical(self, context):
        return self.form.is_valid() and super().query_is_canonical(context)
