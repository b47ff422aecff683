"""The briefs' search index, kept current by the publishing path's announcements.

Each brief live in some language has a document per language it is live in; a scheduled
brief is indexed as the scheduled job makes it live, which announces it. Whether a brief
is live, and in which languages, is asked of the QuerySet, never worked out here.
"""

import functools
import math

from django.conf import settings
from django.dispatch import receiver
from django.utils.functional import cached_property

from experts.models import Expert
from languages import registry
from publishing.signals import public_content_changed
from search import documents
from search.query import SearchQuery
from search.text import plain_text

from .models import Authorship, Brief, SearchEntry

BATCH = 500
# What finding the newest matches costs, in microseconds, measured on PostgreSQL at
# 500,000 briefs: per brief walked past (not among those chosen by the filters); per brief
# walked whose document is unpacked and looked in (one word in 2.5 % of briefs: 107 ms
# walked; two words together in 0.5 %: 414 ms); per match read from the words' GIN index
# and its entry read (30,000 matches of one word: 4.5 ms and 31–51 ms); per entry of the
# latest stretch of months read from the same index.
WALK_PAST, WALK_AND_READ = 1.5, 13.0
INDEX_POSTING, FROM_INDEX, STRETCH_ENTRY = 0.15, 1.5, 0.02
# How much longer a stretch of the archive is read than the one that should hold enough.
STRETCH_MARGIN = 3
# How many of the newest entries read from the index are checked per match needed: an
# entry's copies of its brief's date and links are those of the brief, so only briefs
# scheduled for later, or changed a moment ago, fail the check.
CANDIDATES_PER_MATCH = 1.25
LANGUAGES = registry.LANGUAGE_CODES


@receiver(public_content_changed, dispatch_uid="briefs:search-index")
def follow_public_changes(change, **kwargs):
    """Index again the briefs the change touched: the briefs themselves, and the briefs of
    an expert whose name changed."""
    brief_ids = {pk for label, pk in change.objects if label == Brief._meta.label_lower}
    expert_ids = {pk for label, pk in change.objects if label == Expert._meta.label_lower}
    if expert_ids:
        bylines = Authorship.objects.filter(expert_id__in=expert_ids)
        brief_ids.update(bylines.values_list("brief_id", flat=True))
    index(sorted(brief_ids), change.languages)


class SearchResults:
    """What a search found among `briefs`, for a Paginator: the SEARCH_RANKED_MATCHES
    newest matches, then their relevance, and each page of them most relevant (or
    newest) first. `filed_under` names the type, topic, region and expert that `briefs`
    were narrowed to (see Brief.objects.matching()); `published_span`, the first and last
    dates of the language's published briefs before any filter, as the search form read them.

    Relevance ranks only those: a word found in half the archive would otherwise have
    every one of its documents read and ranked, on every page. The results say when
    there were more (`capped`), so that the reader can add words or filters.
    """

    def __init__(self, briefs, query, published_span, newest_first=False, filed_under=None):
        self.briefs, self.query, self.newest_first = briefs, query, newest_first
        self.published_span, self.filed_under = published_span, filed_under

    @cached_property
    def ids(self):
        """The matches' ids in the order asked for."""
        newest = self._newest_matches()
        found = Brief.objects.filter(pk__in=newest).with_relevance(self.query)
        found = found.order_by().values_list("relevance", "published_at", "pk")
        if self.newest_first:
            order = sorted(found, key=lambda match: match[1:], reverse=True)
        else:
            order = sorted(found, reverse=True)  # most relevant, then newest
        return [pk for _relevance, _published_at, pk in order]

    def _newest_matches(self):
        """The newest SEARCH_RANKED_MATCHES matches' ids, found whichever way the database's
        statistics say reads less. Walk the chosen briefs newest first, looking in each
        one's document, and stop at the last match needed: for words most briefs hold.
        Or read the matches from the words' index, which also holds each entry's copy of
        its brief's date, and sort them: for words fewer briefs hold, and then only the
        matches of the latest stretch of the archive that should hold enough of them.

        PostgreSQL's planner counts a walk's rows but not the unpacking of each document
        it reads, so left to itself it walked 70,000 briefs (400 ms) for two words found
        together in 0.5 % of 500,000; and no index can walk the entries by date, so it
        cannot take that way instead of the one chosen here."""
        needed = settings.SEARCH_RANKED_MATCHES
        way, since = self._cheapest_way(needed)
        if way == "walk":
            matches = self.briefs.matching(self.query, self.filed_under)
            return _first(matches.order_by("-published_at", "-pk"), needed)
        # The newest matching entries are read from the index and sorted, and only they
        # are checked against their briefs (public now, the filters): checking every
        # match before the sort took longer than finding them. Should too few of them
        # pass, every match is checked.
        entries = SearchEntry.objects.matching(self.query).filed_under(self.filed_under)
        if since is not None:
            month = SearchEntry.month_of(since)
            recent = _first_passing(
                self.briefs, entries.filter(brief_published_month__gte=month), needed
            )
            if len(recent) == needed:
                return recent
        return _first_passing(self.briefs, entries, needed)

    def _cheapest_way(self, needed):
        """("walk", None), or ("index", the date from which the latest stretch of the
        archive should hold enough matches, or None to read them all)."""
        estimate = documents.estimated_count
        # Those that do not depend on the words are the same for the next search.
        remembered = functools.partial(estimate, remember=True)
        documents_in_language = SearchEntry.objects.in_language(self.query.language)
        archive = remembered(documents_in_language)
        if not archive:
            return "walk", None  # SQLite: its words table finds the matches, then sorted
        in_index = documents_in_language.matching(self.query)
        matches = estimate(in_index)  # the words' entries in the index
        filed, found = 0, matches  # the chosen links' entries; both together
        if SearchEntry.lookups_filed_under(self.filed_under):
            filed = remembered(documents_in_language.filed_under(self.filed_under))
            found = estimate(in_index.filed_under(self.filed_under))
        chosen = remembered(self.briefs)
        words_share, chosen_share = matches / archive, min(1.0, chosen / archive)
        least = 1 / archive
        walked = min(archive, needed / max(words_share * chosen_share, least))
        read = min(archive * chosen_share, needed / max(words_share, least))
        walking = walked * WALK_PAST + read * WALK_AND_READ
        # What the index found, checked against the briefs' filters until enough pass.
        passing = min(1.0, chosen / (filed or archive))
        checked = min(found, needed / max(passing, least))

        def reading(share):
            """Reading the matches of the latest `share` of the archive from the index: by
            the postings of the words and the chosen links; or, for words more common than
            the links, by the links' postings and a look in each one's document, which
            PostgreSQL does when the words' postings would cost more."""
            by_words = (matches + filed) * INDEX_POSTING + found * share * FROM_INDEX
            by_links = filed * INDEX_POSTING + filed * share * WALK_AND_READ
            months = archive * share * STRETCH_ENTRY if share < 1 else 0
            read = min(by_words, by_links) if filed else by_words
            return read + months + min(found * share, checked) * WALK_PAST

        stretch = min(1.0, walked * STRETCH_MARGIN / archive)
        whole, latest = reading(1.0), reading(stretch)
        if walking <= min(whole, latest):
            return "walk", None
        if latest < whole:
            return "index", self._start_of_latest(stretch)
        return "index", None

    def _start_of_latest(self, share):
        """The date from which the latest `share` of the archive was published, supposing
        it was published at an even pace (a stretch holding too few is read again whole)."""
        first, last = self.published_span["first"], self.published_span["last"]
        if last is None:  # the statistics were out of date: nothing is public
            return None
        return last - (last - first) * share

    @property
    def capped(self):
        return len(self.ids) >= settings.SEARCH_RANKED_MATCHES

    def count(self):
        return len(self.ids)

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, window):
        ids = self.ids[window]
        shown = Brief.objects.for_listing().defer(None)  # the bodies, for the passages
        found = shown.in_bulk(ids)
        return [found[pk] for pk in ids if pk in found]


def reader_query(text, language):
    """What a reader typed, as a query in `language` in which a word spelled like a word of
    an expert's name also finds that name as the expert spells it."""
    query = SearchQuery.parse(text, language)
    names = [term for term in query.terms if len(term) >= 4]
    alternatives = Expert.objects.name_words_like(names, language)
    return query.with_alternatives(alternatives)


def index(brief_ids, languages=LANGUAGES):
    """Bring the documents of `brief_ids` in `languages` into line with the briefs."""
    for start in range(0, len(brief_ids), BATCH):
        _index_batch(brief_ids[start : start + BATCH], languages)


def needs_building():
    """Whether live briefs exist but the index holds nothing (a database from before
    search, or restored without it)."""
    return Brief.objects.live_anywhere().exists() and not SearchEntry.objects.exists()


def rebuild(progress=None):
    """Index every brief again, in batches; `progress(done, total)` after each."""
    SearchEntry.objects.all().delete()
    ids = list(Brief.objects.live_anywhere().order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        index(ids[start : start + BATCH])
        if progress:
            progress(min(start + BATCH, len(ids)), len(ids))
    return len(ids)


def _index_batch(brief_ids, languages):
    live = Brief.objects.live_anywhere().filter(pk__in=brief_ids)
    readable = {
        language: set(live.live(language).values_list("pk", flat=True)) for language in languages
    }
    fields = [
        f"{field}_{language}" for field in ("title", "summary", "body") for language in languages
    ]
    briefs = live.only("published_at", "publication_type_id", *fields).prefetch_related(
        "authorships__expert", "brieftopic_set", "briefregion_set"
    )
    rows = [
        (
            brief.pk,
            {
                language: _parts(brief, language) if brief.pk in readable[language] else None
                for language in languages
            },
            {
                "brief_published_at": brief.published_at,
                "brief_published_month": SearchEntry.month_of(brief.published_at),
                **SearchEntry.filed_under_copies(brief),
            },
        )
        for brief in briefs
    ]
    gone = set(brief_ids) - {brief.pk for brief in briefs}
    rows += [(pk, dict.fromkeys(languages), {}) for pk in gone]
    documents.write(SearchEntry, rows, languages)


def _parts(brief, language):
    names = [
        getattr(a.expert, f"name_{language}") or a.expert.name_en for a in brief.authorships.all()
    ]
    return {
        "title": getattr(brief, f"title_{language}") or "",
        "names": " ".join(names),
        "summary": getattr(brief, f"summary_{language}") or "",
        "body": plain_text(getattr(brief, f"body_{language}")),
    }


def _first_passing(briefs, entries, count):
    """The ids of the `count` newest of `briefs` among `entries`, checking the newest
    entries first: a few more than needed; then, should too few of those pass, all."""
    limit = math.ceil(count * CANDIDATES_PER_MATCH)
    newest = entries.order_by("-brief_published_at", "-brief_id").values_list("brief_id", flat=True)
    candidates = list(newest[:limit])
    newest_first = ("-published_at", "-pk")
    found = _first(briefs.filter(pk__in=candidates).order_by(*newest_first), count)
    if len(found) == count or len(candidates) < limit:
        return found
    return _first(briefs.filter(pk__in=newest).order_by(*newest_first), count)


def _first(briefs, count):
    return list(briefs.values_list("pk", flat=True)[:count])
