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
from datetime import UTC, datetime

from django.conf import settings
from django.db import connection
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from editorial.lists import clauses
from experts.models import Expert
from languages import registry
from publishing.models import live_field

from .models import Authorship, Brief, BriefRegion, BriefTopic, PublicationType

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
            _published_at, shared = found.setdefault(brief_id, (_aware(published_at), []))
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
    """One UNION query: the newest live briefs of each link, and the newest overall.

    Written as SQL rather than built with the ORM: at 100,000 briefs the ORM's UNION of a
    dozen querysets and its teasers took the rail from 2.1 to 7.6 ms, and the article page
    from 15.9 to 20.4 ms (docs/performance.md). The live flag is public_q()'s column
    (publishing.models.live_field), written into the SQL rather than passed as a parameter,
    so that a prepared statement's generic plan can still prove the partial indexes apply.
    """
    flag = live_field(language)
    parts, params = [], []
    for kind, term_id in names:
        link_model, target = LINK_MODELS[kind]
        table, column = link_model._meta.db_table, link_model._meta.get_field(target).column
        alias = f"link_{len(parts)}"
        parts.append(
            f"SELECT {alias}.brief_id, {alias}.brief_published_at, %s, %s FROM ("
            f"SELECT brief_id, brief_published_at FROM {table} WHERE {column} = %s"
            f" AND brief_{flag} AND brief_id <> %s"
            f" ORDER BY brief_published_at DESC LIMIT {CANDIDATES_PER_LINK}) AS {alias}"
        )
        params += [kind, term_id, term_id, brief.pk]
    parts.append(
        "SELECT recent.id, recent.published_at, %s, %s FROM ("
        f"SELECT id, published_at FROM {Brief._meta.db_table}"
        f" WHERE {flag} AND id <> %s"
        f" ORDER BY published_at DESC, id DESC LIMIT {int(limit_recent)}) AS recent"
    )
    params += ["recent", 0, brief.pk]
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        return cursor.fetchall()


def _teasers(ids, language):
    """{id: Brief} with what a teaser shows (title, slug, date, type, authors), in one query,
    for those of `ids` live in `language`: the candidates came from the links' copies, and
    the briefs themselves have the last word.

    The rail's hottest query: loading the same through the ORM's prefetching took twice
    as long, so the rows are read here and turned into model instances with from_db().
    """
    if not ids:
        return {}
    languages = registry.LANGUAGE_CODES
    brief_fields = _in_model_order(
        Brief,
        ["id", "publication_type_id", "published_at", *(live_field(c) for c in languages)]
        + [f"{name}_{code}" for name in ("title", "slug") for code in languages],
    )
    type_fields = _in_model_order(
        PublicationType, ["id", "slug", *[f"name_{c}" for c in languages]]
    )
    expert_fields = _in_model_order(Expert, ["id", "slug", *[f"name_{c}" for c in languages]])
    published_at = brief_fields.index("published_at")
    flags = [brief_fields.index(live_field(code)) for code in languages]
    columns = (
        [f"b.{name}" for name in brief_fields]
        + [f"t.{name}" for name in type_fields]
        + [f"e.{name}" for name in expert_fields]
    )
    sql = (
        f"SELECT {', '.join(columns)} FROM {Brief._meta.db_table} b"
        f" JOIN {PublicationType._meta.db_table} t ON t.id = b.publication_type_id"
        f" LEFT JOIN {Authorship._meta.db_table} a ON a.brief_id = b.id"
        f" LEFT JOIN {Expert._meta.db_table} e ON e.id = a.expert_id"
        f" WHERE b.id IN ({', '.join(['%s'] * len(ids))})"
        f" AND b.{live_field(language)}"
        " ORDER BY b.id, a.position"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, ids)
        rows = cursor.fetchall()
    briefs = {}
    db = connection.alias
    for row in rows:
        brief_values = list(row[: len(brief_fields)])
        type_values = row[len(brief_fields) : len(brief_fields) + len(type_fields)]
        expert_values = row[len(brief_fields) + len(type_fields) :]
        if brief_values[0] not in briefs:  # "id" leads, as in every model
            brief_values[published_at] = _aware(brief_values[published_at])
            for index in flags:  # SQLite hands back 0 and 1
                brief_values[index] = bool(brief_values[index])
            brief = Brief.from_db(db, brief_fields, brief_values)
            brief.publication_type = PublicationType.from_db(db, type_fields, type_values)
            brief.ordered_authors = []
            briefs[brief.pk] = brief
        if expert_values[0] is not None:
            briefs[brief_values[0]].ordered_authors.append(
                Expert.from_db(db, expert_fields, expert_values)
            )
    return briefs


def _in_model_order(model, attnames):
    # from_db() takes values in the order of the model's fields.
    return [field.attname for field in model._meta.concrete_fields if field.attname in attnames]


def _aware(value):
    # SQLite hands back strings or naive datetimes from raw SQL.
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if timezone.is_aware(value) else timezone.make_aware(value, UTC)
