"""Pages of the public briefs filed under topics or regions, read off the links' index."""

from django.db import connections
from django.db.models import Max

from publishing.models import public_q

from .models import Brief, BriefRegion, BriefTopic


class LinkedBriefs:
    """The public briefs linked to any of `targets`, newest first, for a Paginator.

    Counting and paging run on the links' copies of their brief's date and live flags
    (BriefLink) and their partial indexes, so a page of a topic with thousands of briefs
    reads only that page's rows instead of joining every brief of the topic.
    """

    def __init__(self, link_model, target, target_ids, language):
        self.link_model, self.target, self.target_ids = link_model, target, list(target_ids)
        self.language = language

    @classmethod
    def about_topic(cls, topic, language):
        return cls(BriefTopic, "topic", [topic.pk], language)

    @classmethod
    def in_region(cls, region, language):
        """A region's briefs include those of the regions and countries inside it."""
        return cls(BriefRegion, "region", region.subtree_ids(), language)

    def _links(self, target_ids=None):
        return self.link_model.objects.filter(
            public_q(self.language, prefix="brief_"),
            **{f"{self.target}__in": target_ids or self.target_ids},
        )

    def count(self):
        if len(self.target_ids) == 1:
            return self._links().count()
        # A brief filed under a region and a country inside it counts once.
        return self._links().values("brief_id").distinct().count()

    def __getitem__(self, window):
        ids = self._newest_brief_ids(window)
        # The copies choose the page; the briefs themselves decide what may be shown.
        briefs = Brief.objects.live(self.language).filter(pk__in=ids)
        briefs = briefs.for_listing().in_bulk()
        return [briefs[pk] for pk in ids if pk in briefs]

    def _newest_brief_ids(self, window):
        newest_first = ("-brief_published_at", "-brief_id")
        if len(self.target_ids) == 1:
            rows = self._links().order_by(*newest_first).values_list("brief_id", flat=True)
            return list(rows[window])
        if connections[self._links().db].features.supports_slicing_ordering_in_compound:
            # Each region's newest links, read from its index and merged: the newest
            # briefs of a region group are among them. Grouping the links by brief would
            # read every link of every country in the group.
            per_target = [
                self._links([target])
                .order_by(*newest_first)
                .values_list("brief_published_at", "brief_id")[: window.stop]
                for target in self.target_ids
            ]
            rows = sorted(set(per_target[0].union(*per_target[1:], all=True)), reverse=True)
            return [brief_id for _published_at, brief_id in rows][window]
        # A brief filed under a region and a country inside it is listed once.
        rows = (
            self._links()
            .values("brief_id")
            .annotate(brief_published_at=Max("brief_published_at"))
            .order_by(*newest_first)
        )
        return list(rows.values_list("brief_id", flat=True)[window])
