from django.conf import settings
from django.utils import translation
from django.views.generic import ListView
from django.views.generic.detail import SingleObjectMixin

from editorial.languages import LanguageVersionsMixin
from publishing.models import public_q

from . import seo
from .models import Expert


class ExpertListView(LanguageVersionsMixin, ListView):
    """/experts/: the institute's active experts, by surname."""

    context_object_name = "experts"

    def get_queryset(self):
        return Expert.objects.in_directory().in_language().select_related("portrait")


class ExpertDetailView(LanguageVersionsMixin, SingleObjectMixin, ListView):
    """An expert's page: their profile and their published briefs, newest first."""

    template_name = "experts/expert_detail.html"
    content_parameters = ("page",)

    def get_paginate_by(self, queryset):
        return settings.BRIEFS_PER_PAGE

    def get(self, request, *args, **kwargs):
        queryset = (
            Expert.objects.in_language()
            .select_related("portrait")
            .prefetch_related("topics", "regions")
        )
        self.object = self.get_object(queryset)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return self.object.briefs.live().for_listing()

    def get_paginator(self, queryset, per_page, **kwargs):
        paginator = super().get_paginator(queryset, per_page, **kwargs)
        # Counted on the authorships' copies of their brief's live flags, from their
        # partial index, rather than by joining every brief of the expert (22 ms of an
        # expert's page at 500,000 briefs).
        live = public_q(translation.get_language(), prefix="brief_")
        paginator.count = self.object.authorships.filter(live).count()
        return paginator

    def get_context_data(self, **kwargs):
        expert = self.object
        context = super().get_context_data(
            expert=expert,
            topics=[topic for topic in expert.topics.all() if topic.name],
            regions=[region for region in expert.regions.all() if region.name],
            structured_data={"@context": "https://schema.org", **seo.person(expert, self.request)},
            **kwargs,
        )
        context["briefs"] = context["object_list"]  # this page's briefs
        return context
