"""RSS and Atom feeds of published briefs: all, or by topic, region, expert or type.

Each feed speaks the active language: under /ar/ it lists the briefs that have an
Arabic version, in Arabic.
"""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape, linebreaks
from django.utils.translation import gettext as _

from editorial.feeds import AtomFeed, RssFeed
from editorial.lists import list_of
from experts.models import Expert
from taxonomy.models import Region, Topic

from .addresses import answering_at
from .models import Brief, PublicationType

FEED_LENGTH = 30


class BriefsFeed(Feed):
    """The latest analysis, of every kind."""

    feed_type = RssFeed

    def get_object(self, request, *args, **kwargs):
        return None

    def title(self, obj):
        return _("Briefing Room: latest analysis")

    def description(self, obj):
        return _("Policy analysis by the institute’s experts.")

    def link(self, obj):
        return reverse("briefs:list")

    def feed_url(self, obj):
        return None

    def briefs(self, obj):
        return Brief.objects.all()

    def items(self, obj):
        briefs = self.briefs(obj).live().for_listing()
        return briefs.prefetch_related("topics", "regions")[:FEED_LENGTH]

    def as_text(self, text):
        """Plain text as this feed's readers take it: Atom declares its titles text, while
        RSS readers take markup-like titles for HTML, so RSS gets them escaped."""
        return text if issubclass(self.feed_type, Atom1Feed) else escape(text)

    def item_title(self, brief):
        return self.as_text(brief.title)

    def item_description(self, brief):
        # Readers take a description for HTML, so the plain-text summary goes out escaped.
        return linebreaks(brief.summary, autoescape=True)

    def item_pubdate(self, brief):
        return brief.published_at

    def item_updateddate(self, brief):
        return brief.updated_at

    def item_author_name(self, brief):
        return list_of(expert.byline_name for expert in brief.ordered_authors)

    def item_categories(self, brief):
        return [term.name for term in [*brief.topics.all(), *brief.regions.all()] if term.name]


class ScopedFeed(BriefsFeed):
    """The analysis of one expert, topic, region or type, found by slug in the language."""

    model = None

    def get_object(self, request, slug):
        return get_object_or_404(self.model.objects.in_language(), slug=slug)

    def title(self, obj):
        return self.as_text(_("Briefing Room: %(name)s") % {"name": obj.name})

    def link(self, obj):
        return obj.get_absolute_url()


class TermFeed(ScopedFeed):
    """A topic's or a region's analysis; they share /policy-analysis/<slug>."""

    def get_object(self, request, slug):
        found = answering_at(slug)
        if not isinstance(found, (Topic, Region)):  # a brief's address has no feed
            raise Http404
        return found

    def briefs(self, obj):
        if isinstance(obj, Region):
            return Brief.objects.in_region(obj)
        return Brief.objects.about_topic(obj)


class ExpertFeed(ScopedFeed):
    model = Expert

    def briefs(self, obj):
        return obj.briefs.all()


class PublicationTypeFeed(ScopedFeed):
    model = PublicationType

    def link(self, obj):
        return f"{reverse('briefs:list')}?type={obj.slug}"

    def briefs(self, obj):
        return Brief.objects.filter(publication_type=obj)


def atom(feed_class):
    """The same feed as Atom 1.0."""
    return type(f"Atom{feed_class.__name__}", (feed_class,), {"feed_type": AtomFeed})
