from django.conf import settings
from django.http import Http404
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.views.generic import DetailView, ListView
from django.views.generic.detail import SingleObjectMixin

from editorial.languages import LanguageVersionsMixin
from taxonomy.models import Region, Topic

from . import seo
from .forms import BriefFilterForm
from .listing import LinkedBriefs
from .models import Brief
from .rail import rail_for


class BriefPagesMixin:
    content_parameters = ("page",)

    def get_paginate_by(self, queryset):
        return settings.BRIEFS_PER_PAGE


class BriefListView(LanguageVersionsMixin, BriefPagesMixin, ListView):
    """/policy-analysis/: every published brief, newest first, with the listing's filters."""

    template_name = "briefs/brief_list.html"
    context_object_name = "briefs"
    content_parameters = (*BriefFilterForm.base_fields, "page")

    def get_queryset(self):
        self.filters = BriefFilterForm(self.request.GET, Brief.objects.published().in_language())
        return self.filters.filtered().for_listing()

    def get_context_data(self, **kwargs):
        chosen_type = self.filters.cleaned_data.get("type") if self.filters.is_valid() else None
        return super().get_context_data(filters=self.filters, chosen_type=chosen_type, **kwargs)


class BriefDetailView(LanguageVersionsMixin, DetailView):
    """A brief in the active language; staff may also preview drafts and scheduled briefs."""

    template_name = "briefs/brief_detail.html"
    context_object_name = "brief"

    def get_queryset(self):
        briefs = Brief.objects.in_language().for_detail()
        return briefs if self.request.user.is_staff else briefs.published()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            authors=self.object.ordered_authors,
            recommendations=[pick.brief for pick in rail_for(self.object)],
            **kwargs,
        )
        context["structured_data"] = seo.article(self.object, self.request)
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if not self.object.is_public:
            add_never_cache_headers(response)
        return response


class TermDetailView(LanguageVersionsMixin, BriefPagesMixin, SingleObjectMixin, ListView):
    """A topic's or region's page: its name, description and published briefs."""

    template_name = "briefs/term_detail.html"

    def get(self, request, *args, **kwargs):
        self.object = self.get_object(self.model.objects.in_language())
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


brief_detail = BriefDetailView.as_view()
topic_detail = TermDetailView.as_view(model=Topic)
region_detail = TermDetailView.as_view(model=Region)


def policy_analysis_page(request, slug):
    """Briefs, topics and regions share /policy-analysis/<slug>; a brief answers first."""
    for view in (brief_detail, topic_detail, region_detail):
        try:
            return view(request, slug=slug)
        except Http404:
            continue
    raise Http404
