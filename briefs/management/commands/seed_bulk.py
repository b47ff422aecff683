"""Build a large synthetic archive, deterministically, for the benchmark.

The shape follows a real institute's: ~250 experts, ~40 topics, ~120 regions (countries
inside region groups), 1–3 authors, topics and regions per brief, a 600-word body, and an
Arabic version for about 40 % of briefs. Running it again with a larger --briefs adds
the difference; the same number gives the same archive.
"""

import random
import time
from datetime import UTC, datetime, timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation

from briefs import publishing
from briefs.models import Authorship, Brief, BriefRegion, BriefTopic, PublicationType
from experts.models import Expert
from taxonomy.models import Region, Topic

SEED = 20151130
EXPERTS, TOPICS, REGION_GROUPS, COUNTRIES = 250, 40, 12, 108
BODY_WORDS = 600
ARABIC_SHARE = 0.4
BATCH = 2000
NEWEST = datetime(2026, 1, 1, tzinfo=UTC)

ENGLISH_WORDS = [
    "security",
    "policy",
    "region",
    "conflict",
    "diplomacy",
    "energy",
    "sanctions",
    "military",
    "talks",
    "election",
    "border",
    "militia",
    "alliance",
    "ceasefire",
    "economy",
    "reform",
    "refugees",
    "nuclear",
    "deterrence",
    "strategy",
    "government",
    "parliament",
    "coalition",
    "pressure",
    "influence",
    "negotiations",
    "agreement",
    "crisis",
]
ARABIC_WORDS = [
    "الأمن",
    "السياسة",
    "المنطقة",
    "النزاع",
    "الدبلوماسية",
    "الطاقة",
    "العقوبات",
    "العسكرية",
    "المحادثات",
    "الانتخابات",
    "الحدود",
    "التحالف",
    "وقف",
    "إطلاق",
    "النار",
    "الاقتصاد",
    "الإصلاح",
    "اللاجئين",
    "الردع",
    "الاستراتيجية",
    "الحكومة",
    "البرلمان",
    "الضغط",
    "النفوذ",
    "المفاوضات",
    "الاتفاق",
    "الأزمة",
]


class Command(BaseCommand):
    help = "Create a deterministic synthetic archive of --briefs published briefs (bulk inserts)."

    def add_arguments(self, parser):
        parser.add_argument("--briefs", type=int, required=True)

    def handle(self, *args, briefs, **options):
        started = time.monotonic()
        with translation.override("en"):
            vocabulary = self._vocabulary()
            existing = Brief.objects.filter(slug_en__startswith="bulk-").count()
            for start in range(existing, briefs, BATCH):
                self._add_briefs(start, min(start + BATCH, briefs), vocabulary)
        total = Brief.objects.filter(slug_en__startswith="bulk-").count()
        self.stdout.write(
            f"{total} synthetic briefs ({total - existing} added) "
            f"in {time.monotonic() - started:.0f} s"
        )

    @transaction.atomic
    def _vocabulary(self):
        rng = random.Random(SEED)
        types = list(PublicationType.objects.all())
        if not types:
            types = [
                PublicationType.objects.create(name_en=name, name_ar=arabic)
                for name, arabic in [
                    ("Brief Analysis", "تحليل موجز"),
                    ("PolicyWatch", "المرصد السياسي"),
                ]
            ]
        experts = self._ensure(Expert, EXPERTS, lambda i: {
            "name_en": f"Bulk Expert {i}", "name_ar": f"خبير {i}", "slug": f"bulk-expert-{i}",
            "sort_name_en": f"Expert {i:04d}", "sort_name_ar": f"خبير {i:04d}",
        })  # fmt: skip
        topics = self._ensure(Topic, TOPICS, lambda i: {
            "name_en": f"Bulk Topic {i}", "name_ar": f"موضوع {i}", "slug": f"bulk-topic-{i}",
        })  # fmt: skip
        groups = self._ensure(Region, REGION_GROUPS, lambda i: {
            "name_en": f"Bulk Region {i}", "name_ar": f"منطقة {i}", "slug": f"bulk-region-{i}",
        })  # fmt: skip
        countries = self._ensure(Region, COUNTRIES, lambda i: {
            "name_en": f"Bulk Country {i}", "name_ar": f"دولة {i}", "slug": f"bulk-country-{i}",
            "parent": groups[i % REGION_GROUPS],
        })  # fmt: skip
        english = [_text(rng, ENGLISH_WORDS, BODY_WORDS) for _ in range(32)]
        arabic = [_text(rng, ARABIC_WORDS, BODY_WORDS) for _ in range(16)]
        return types, experts, topics, groups + countries, english, arabic

    def _ensure(self, model, count, fields):
        prefix = fields(0)["slug"].rsplit("-", 1)[0] + "-"
        have = {obj.slug: obj for obj in model.objects.filter(slug__startswith=prefix)}
        missing = [model(**fields(i)) for i in range(count) if fields(i)["slug"] not in have]
        model.objects.bulk_create(missing)
        return list(model.objects.filter(slug__startswith=prefix).order_by("pk"))

    def _add_briefs(self, start, stop, vocabulary):
        types, experts, topics, regions, english, arabic = vocabulary
        new = []
        for number in range(start, stop):
            rng = random.Random(SEED + number)  # each brief the same, however the run is split
            in_arabic = rng.random() < ARABIC_SHARE
            words = rng.sample(ENGLISH_WORDS, 5)
            new.append(
                Brief(
                    title_en=" ".join(words).capitalize() + f" {number}",
                    slug_en=f"bulk-{number}-{'-'.join(words[:3])}",
                    title_ar=" ".join(rng.sample(ARABIC_WORDS, 5)) + f" {number}"
                    if in_arabic
                    else "",
                    slug_ar=f"bulk-ar-{number}" if in_arabic else None,
                    summary_en=" ".join(words),
                    body_en=english[number % len(english)],
                    body_ar=arabic[number % len(arabic)] if in_arabic else "",
                    published_at=NEWEST - timedelta(hours=number * 3 + rng.randrange(3)),
                    publication_type=types[number % len(types)],
                )
            )

        def links_for(brief):
            rng = random.Random(brief.slug_en)
            authors = rng.sample(experts, rng.randint(1, 3))
            chosen_topics = rng.sample(topics, rng.randint(1, 3))
            chosen_regions = rng.sample(regions, rng.randint(1, 3))
            return [
                *(Authorship(brief=brief, expert=e, position=i) for i, e in enumerate(authors)),
                *(BriefTopic(brief=brief, topic=topic) for topic in chosen_topics),
                *(BriefRegion(brief=brief, region=region) for region in chosen_regions),
            ]

        publishing.import_published(new, links_for)


def _text(rng, words, count):
    sentences, current = [], []
    for _ in range(count):
        current.append(rng.choice(words))
        if len(current) >= rng.randint(12, 24):
            sentences.append(" ".join(current).capitalize() + ".")
            current = []
    paragraphs = [" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5)]
    return "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
