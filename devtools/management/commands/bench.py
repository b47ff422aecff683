"""Measure the public pages on a synthetic archive: `make bench`.

For each archive size it grows the archive with seed_bulk, then requests each page type
through Django's test client with DEBUG off and nothing cached, and reports the median
and 95th-percentile time and the queries per page. Not a test: it prints a table and
writes it as JSON.
"""

import json
import os
import platform
import random
import statistics
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from briefs.models import Brief, PublicationType
from briefs.rail import rail_for
from devtools.management.commands.seed_bulk import (
    ARABIC,
    ARABIC_WORDS,
    ENGLISH,
    ENGLISH_WORDS,
    PERSIAN,
    PERSIAN_WORDS,
)
from experts.models import Expert
from taxonomy.models import Region, Topic

SAMPLE = 40  # different articles, topics and regions per page type
ROUNDS = 5  # requests of each sample


class Command(BaseCommand):
    help = "Benchmark the article page, the rail, and the topic, region, listing and expert pages."

    def add_arguments(self, parser):
        parser.add_argument("--sizes", default="10000,100000,500000")
        parser.add_argument("--output", default="bench-results/bench.json")
        parser.add_argument(
            "--admin", action="store_true", help="time the editors' admin pages instead"
        )
        parser.add_argument("--search", action="store_true", help="time the search pages only")

    def handle(self, *args, sizes, output, admin=False, search=False, **options):
        settings.DEBUG = False
        settings.PAGE_CACHE = False  # every page rendered: what the cache saves is measured
        settings.SECURE_SSL_REDIRECT = False  # the test client speaks plain HTTP
        results = {
            "database": f"{connection.vendor} {_server_version()}",
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}",
            "date": datetime.now(UTC).strftime("%Y-%m-%d"),
            "sizes": {},
        }
        for size in [int(size) for size in sizes.split(",")]:
            call_command("seed_bulk", briefs=size, stdout=self.stdout)
            if connection.vendor == "postgresql":
                # What autovacuum would soon do after a bulk load: statistics for the
                # planner, and the visibility map that index-only scans rely on.
                with connection.cursor() as cursor:
                    cursor.execute("VACUUM ANALYZE")
            if admin:
                results["sizes"][size] = self._measure_admin()
            elif search:
                results["sizes"][size] = self._measure_search()
            else:
                results["sizes"][size] = {**self._measure(), **self._measure_search()}
            self._print(size, results["sizes"][size])
        path = Path(output)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(results, indent=2, ensure_ascii=False))
        self.stdout.write(f"Written to {path}")

    def _measure(self):
        rng = random.Random(1)
        articles, arabic, persian, topics, regions = public_slugs(2000)
        experts = list(Expert.objects.values_list("slug", flat=True))
        pages = {
            "article": [f"/policy-analysis/{s}" for s in rng.sample(articles, SAMPLE)],
            "article (ar)": [f"/ar/policy-analysis/{s}" for s in rng.sample(arabic, SAMPLE)],
            "article (fa)": [f"/fa/policy-analysis/{s}" for s in rng.sample(persian, SAMPLE)],
            "topic": [f"/policy-analysis/{s}" for s in rng.choices(topics, k=SAMPLE)],
            "region": [f"/policy-analysis/{s}" for s in rng.choices(regions, k=SAMPLE)],
            "listing": ["/policy-analysis/"] * SAMPLE,
            "expert": [f"/experts/{s}" for s in rng.choices(experts, k=SAMPLE)],
        }
        client = Client(HTTP_HOST=settings.ALLOWED_HOSTS[0])
        measured = {name: self._time_pages(client, urls) for name, urls in pages.items()}
        measured["rail alone"] = self._time_rails(rng.sample(articles, SAMPLE))
        return measured

    def _measure_search(self):
        """Readers' searches of one, two and three words in each language, alone and with
        a type and a topic chosen, the words drawn as often as the archive uses them (so
        nearly half are words found in most briefs); and, apart, two of the commonest
        words together, the costliest search there is."""
        rng = random.Random(2)
        types = list(PublicationType.objects.values_list("slug", flat=True))
        topics = list(Topic.objects.values_list("slug", flat=True))
        pages = {}
        for language, prefix, lexicon, commonest in (
            ("en", "", ENGLISH, ENGLISH_WORDS),
            ("ar", "/ar", ARABIC, ARABIC_WORDS),
            ("fa", "/fa", PERSIAN, PERSIAN_WORDS),
        ):
            for words in (1, 2, 3):
                queries = [" ".join(lexicon.words(rng, words)) for _ in range(SAMPLE)]
                pages[f"search {language} {words}w"] = [
                    f"{prefix}/search/?{urlencode({'q': query})}" for query in queries
                ]
            pages[f"search {language} 2w+filters"] = [
                f"{prefix}/search/?"
                + urlencode(
                    {
                        "q": " ".join(lexicon.words(rng, 2)),
                        "type": rng.choice(types),
                        "topic": rng.choice(topics),
                    }
                )
                for _ in range(SAMPLE)
            ]
            pages[f"search {language} commonest 2w"] = [
                f"{prefix}/search/?{urlencode({'q': ' '.join(rng.sample(commonest, 2))})}"
                for _ in range(SAMPLE)
            ]
        client = Client(HTTP_HOST=settings.ALLOWED_HOSTS[0])
        return {name: self._time_pages(client, urls) for name, urls in pages.items()}

    def _measure_admin(self):
        """The pages an editor works in, as a superuser sees them."""
        from django.contrib.auth import get_user_model

        editor, _created = get_user_model().objects.get_or_create(
            username="bench-editor", defaults={"is_staff": True, "is_superuser": True}
        )
        client = Client(HTTP_HOST=settings.ALLOWED_HOSTS[0])
        client.force_login(editor)
        brief = Brief.objects.live("en").order_by("-published_at").first()
        topic, region = Topic.objects.first(), Region.objects.first()
        changelist = "/admin/briefs/brief/"
        pages = {
            "admin home": ["/admin/"],
            "changelist": [changelist],
            "filter: published": [f"{changelist}?state=live"],
            "filter: Arabic awaiting": [f"{changelist}?state_ar=review"],
            "filter: no Arabic": [f"{changelist}?state_ar=none"],
            "filter: outdated": [f"{changelist}?translation_ar=outdated"],
            "filter: topic": [f"{changelist}?topic={topic.pk}"],
            "filter: region": [f"{changelist}?regions__id__exact={region.pk}"],
            "filter: year": [f"{changelist}?year=2020"],
            "search": [f"{changelist}?q=security+policy"],
            "change form": [f"{changelist}{brief.pk}/change/"],
            "picks autocomplete": [
                f"/admin/briefs/brief/pick-search/?term=gulf&app_label=briefs"
                f"&model_name=recommendation&field_name=recommended&exclude={brief.pk}"
            ],
        }
        return {name: self._time_pages(client, urls) for name, urls in pages.items()}

    def _time_pages(self, client, urls):
        for url in urls:  # warm up, as a server that has been running a while is
            client.get(url)
        timings = []
        for _ in range(ROUNDS):
            for url in urls:
                started = time.perf_counter()
                response = client.get(url)
                timings.append(time.perf_counter() - started)
                assert response.status_code == 200, url
        with CaptureQueriesContext(connection) as captured:
            client.get(urls[0])
        return _summary(timings, len(captured))

    def _time_rails(self, slugs):
        with translation.override("en"):
            briefs = [Brief.objects.for_detail().get(slug_en=slug) for slug in slugs]
            for brief in briefs:
                rail_for(brief)
            timings = []
            for _ in range(ROUNDS):
                for brief in briefs:
                    started = time.perf_counter()
                    rail_for(brief)
                    timings.append(time.perf_counter() - started)
            with CaptureQueriesContext(connection) as captured:
                rail_for(briefs[0])
        return _summary(timings, len(captured))

    def _print(self, size, measured):
        self.stdout.write(f"\n{size:,} briefs ({connection.vendor})")
        self.stdout.write(f"{'page':<24}{'median ms':>10}{'p95 ms':>10}{'queries':>9}")
        for name, row in measured.items():
            self.stdout.write(
                f"{name:<24}{row['median_ms']:>10.2f}{row['p95_ms']:>10.2f}{row['queries']:>9}"
            )


def public_slugs(limit):
    """([English brief slugs], [Arabic brief slugs], [Persian brief slugs], [topic slugs],
    [region slugs]) to sample pages from: up to `limit` briefs in each language."""
    with translation.override("en"):
        english = list(Brief.objects.live("en").values_list("slug_en", flat=True)[:limit])
        arabic = list(Brief.objects.live("ar").values_list("slug_ar", flat=True)[:limit])
        persian = list(Brief.objects.live("fa").values_list("slug_fa", flat=True)[:limit])
    topics = list(Topic.objects.values_list("slug", flat=True))
    regions = list(Region.objects.values_list("slug", flat=True))
    return english, arabic, persian, topics, regions


def _summary(timings, queries):
    timings = sorted(timings)
    return {
        "median_ms": round(statistics.median(timings) * 1000, 2),
        "p95_ms": round(timings[int(len(timings) * 0.95) - 1] * 1000, 2),
        "requests": len(timings),
        "queries": queries,
    }


def _server_version():
    if connection.vendor != "postgresql":
        return ""
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return cursor.fetchone()[0].split()[0]
