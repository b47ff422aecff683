"""The RECOMMENDED rail beside an article: the editor's picks, then related briefs.

Related briefs share at least one author, topic or region with the article. Each is scored

    score = (3 × shared authors + 2 × shared regions + 1 × shared topics) / (1 + age / 30 days)

where age is the time since the candidate was published, so a close match keeps its place
for a month or two and then yields to newer work. Ties go to the newer brief, then to the
higher id. When fewer than the rail's size are related, the newest other public briefs fill
the rest, so the rail is never empty.

Candidates are the newest CANDIDATES_PER_LINK public briefs of each of the article's
authors, topics and regions, read in one query from the links' copies of their brief's
date and live flags (see BriefLink) and their partial indexes: the cost depends on the
article's links, not on the size of the archive.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import connections
from django.db.models import F, Value, Window
from django.db.models.functions import RowNumber
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from editorial.lists import clauses
from publishing.models import public_q

from .models import Authorship, Brief, BriefRegion, BriefTopic

WEIGHTS = {"author": 3, "region": 2, "topic": 1}
LINK_MODELS = {"author": (Authorship, "expert"), "topic": (BriefTopic, "topic"),
               "region": (BriefRegion, "region")}  # fmt: skip
RECENCY_DAYS = 30
CANDIDATES_PER_LINK = 10


@dataclass
class Pick:
    """A brief on the rail, and why it is there."""

    brief: Brief
    curated: bool = False
    shared: list = field(default_factory=list)  # [(kind, name)], e.g. [("author", "Anna …")]

    @property
    def reason(self):
        if self.curated:
            return _("editor’s pick")
        if not self.shared:
            return _("newest analysis")
        labels = {
            "author": pgettext("shared with the article", "author"),
            "topic": pgettext("shared with the article", "topic"),
            "region": pgettext("shared with the article", "region"),
        }
        return _("shares %(links)s") % {
            "links": clauses(f"{labels[kind]} {name}" for kind, name in self.shared)
        }


def score(shared_kinds, published_at, now):
    age_days = max((now - published_at).total_seconds() / 86400, 0)
    weight = sum(WEIGHTS[kind] for kind in shared_kinds)
    return weight / (1 + age_days / RECENCY_DAYS)


def rail_for(brief, language=None, size=None):
    """The rail the public sees beside `brief` in `language`: a list of Picks, in order.

    Uses the brief's prefetched authors, topics, regions and curated picks where
    Brief.objects.for_detail() loaded them.
    """
    language = language or translation.get_language()
    with translation.override(language):
        return _rail(brief, language, size or settings.RAIL_SIZE)


def _rail(brief, language, size):
    curated = [Pick(pick, curated=True) for pick in brief.curated_recommendations()][:size]
    taken = {brief.pk, *(pick.brief.pk for pick in curated)}
    wanted = size - len(curated)
    if wanted <= 0:
        return curated

    names = _link_names(brief)
    now = timezone.now()
    found = {}  # brief id -> (published_at, [(kind, term id), …])
    rows = _candidate_rows(brief, names, language, limit_recent=wanted + len(taken))
    for brief_id, published_at, kind, term_id in rows:
        if brief_id not in taken:
            _published_at, shared = found.setdefault(brief_id, (published_at, []))
            if kind != "recent":
                shared.append((kind, term_id))

    def rank(item):
        brief_id, (published_at, shared) = item
        kinds = [kind for kind, _id in shared]
        return (bool(shared), score(kinds, published_at, now), published_at, brief_id)

    chosen = sorted(found.items(), key=rank, reverse=True)[:wanted]
    by_id = _teasers([brief_id for brief_id, _entry in chosen], language)
    automatic = [
        Pick(
            by_id[brief_id],
            shared=[(kind, names[kind, term_id]) for kind, term_id in shared],
        )
        for brief_id, (_published_at, shared) in chosen
        if brief_id in by_id
    ]
    return curated + automatic


def _link_names(brief):
    """{(kind, id): name} of the brief's authors, topics and regions, in the active language."""
    names = {("author", a.expert_id): a.expert.name for a in brief.authorships.all()}
    names.update({("topic", topic.pk): topic.name for topic in brief.topics.all()})
    names.update({("region", region.pk): region.name for region in brief.regions.all()})
    return names


def _candidate_rows(brief, names, language, limit_recent):
    """The newest live briefs of each link, and the newest overall, as (brief id, date,
    kind, term id) rows: on PostgreSQL in one UNION query, each part a LIMIT read from
    its partial index; SQLite allows no LIMIT in a compound query's parts, and ranks the
    links of each kind with a window function instead (a query per kind)."""
    live = public_q(language, prefix="brief_")
    recent = Brief.objects.live(language).exclude(pk=brief.pk).order_by("-published_at", "-pk")
    # (Not rewritten by modeltranslation, which would put the annotations first.)
    recent = recent.rewrite(False).annotate(kind=Value("recent"), term=Value(0))
    recent = recent.values_list("id", "published_at", "kind", "term")[:limit_recent]
    if not connections[recent.db].features.supports_slicing_ordering_in_compound:
        return [*_ranked_links(brief, names, live), *recent]
    parts = []
    for kind, term_id in names:
        link_model, target = LINK_MODELS[kind]
        links = link_model.objects.filter(live, **{target: term_id}).exclude(brief_id=brief.pk)
        links = links.order_by("-brief_published_at", "-brief_id")
        links = links.annotate(kind=Value(kind), term=Value(term_id))
        row = ("brief_id", "brief_published_at", "kind", "term")
        parts.append(links.values_list(*row)[:CANDIDATES_PER_LINK])
    return list(recent.union(*parts, all=True))


def _ranked_links(brief, names, live):
    rows = []
    for kind, (link_model, target) in LINK_MODELS.items():
        term_ids = [term_id for named_kind, term_id in names if named_kind == kind]
        if not term_ids:
            continue
        rank = Window(
            RowNumber(),
            partition_by=[F(target)],
            order_by=[F("brief_published_at").desc(), F("brief_id").desc()],
        )
        links = link_model.objects.filter(live, **{f"{target}__in": term_ids})
        links = links.exclude(brief_id=brief.pk).annotate(rank=rank).order_by()
        ranked = links.filter(rank__lte=CANDIDATES_PER_LINK)
        for brief_id, published_at, term_id in ranked.values_list(
            "brief_id", "brief_published_at", target
        ):
            rows.append((brief_id, published_at, kind, term_id))
    return rows


def _teasers(ids, language):
    """{id: Brief} with what a teaser shows, for those of `ids` live in `language`: the
    candidates came from the links' copies, and the briefs themselves have the last word."""
    if not ids:
        return {}
    return Brief.objects.live(language).filter(pk__in=ids).for_listing().in_bulk()
