from django.http import Http404
from django.utils.cache import add_never_cache_headers
from django.views.generic import DetailView

from taxonomy.models import Region, Topic

from .models import Brief


class BriefDetailView(DetailView):
    """A brief in the active language; staff may also preview drafts and scheduled briefs."""

    template_name = "briefs/brief_detail.html"
    context_object_name = "brief"

    def get_queryset(self):
        briefs = Brief.objects.in_language().for_detail()
        return briefs if self.request.user.is_staff else briefs.published()

    def get_context_data(self, **kwargs):
        brief = self.object
        return super().get_context_data(
            authors=brief.ordered_authors,
            recommendations=brief.curated_recommendations(),
            other_versions=brief.other_versions(),
            **kwargs,
        )

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if not self.object.is_public:
            add_never_cache_headers(response)
        return response


class TermDetailView(DetailView):
    """The page of a topic or region: its name and description."""

    template_name = "briefs/term_detail.html"
    context_object_name = "term"


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
