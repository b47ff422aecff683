"""Feed addresses: each feed as RSS at …/feed/ and as Atom at …/feed/atom/."""

from django.urls import path

from .feeds import BriefsFeed, ExpertFeed, PublicationTypeFeed, TermFeed, atom

app_name = "feeds"


def rss_and_atom(prefix, feed_class, name):
    return [
        path(f"{prefix}feed/", feed_class(), name=name),
        path(f"{prefix}feed/atom/", atom(feed_class)(), name=f"{name}_atom"),
    ]


urlpatterns = [
    *rss_and_atom("policy-analysis/", BriefsFeed, "all"),
    *rss_and_atom("policy-analysis/types/<slug:slug>/", PublicationTypeFeed, "type"),
    *rss_and_atom("policy-analysis/<slug:slug>/", TermFeed, "term"),
    *rss_and_atom("experts/<slug:slug>/", ExpertFeed, "expert"),
]
