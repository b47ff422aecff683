"""Build a large synthetic archive, deterministically, for the benchmark.

The shape follows a real institute's: ~250 experts, ~40 topics, ~120 regions (countries
inside region groups), 1–3 authors, topics and regions per brief, a 600-word body, and an
Arabic version for about 40 % of briefs and a Persian one for about 15 %. The words are
used as a language uses them (Zipf's law: a few words in nearly every brief, most words in
few), so that searching the archive costs what searching a real one does. Running it
again with a larger --briefs adds the difference; the same number gives the same archive.
"""

import itertools
import random
import time
from datetime import UTC, datetime, timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation

from briefs.models import Authorship, Brief, BriefRegion, BriefTopic, PublicationType
from experts.models import Expert
from taxonomy.models import Region, Topic

SEED = 20151130
EXPERTS, TOPICS, REGION_GROUPS, COUNTRIES = 250, 40, 12, 108
PARAGRAPH_WORDS, BODY_PARAGRAPHS, PARAGRAPHS = 75, 8, 2000
LEXICON_SIZE = 6000
ARABIC_SHARE = 0.4
PERSIAN_SHARE = 0.15
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
                PublicationType.objects.create(name_en=name, name_ar=arabic, name_fa=persian)
                for name, arabic, persian in [
                    ("Brief Analysis", "تحليل موجز", "تحلیل کوتاه"),
                    ("PolicyWatch", "المرصد السياسي", "دیده‌بان سیاست"),
                ]
            ]
        experts = self._ensure(Expert, EXPERTS, lambda i: {
            "name_en": f"Bulk Expert {i}", "name_ar": f"خبير {i}", "name_fa": f"کارشناس {i}",
            "slug": f"bulk-expert-{i}",
            "sort_name_en": f"Expert {i:04d}", "sort_name_ar": f"خبير {i:04d}",
        })  # fmt: skip
        topics = self._ensure(Topic, TOPICS, lambda i: {
            "name_en": f"Bulk Topic {i}", "name_ar": f"موضوع {i}", "name_fa": f"موضوع {i}",
            "slug": f"bulk-topic-{i}",
        })  # fmt: skip
        groups = self._ensure(Region, REGION_GROUPS, lambda i: {
            "name_en": f"Bulk Region {i}", "name_ar": f"منطقة {i}", "name_fa": f"منطقه {i}",
            "slug": f"bulk-region-{i}",
        })  # fmt: skip
        countries = self._ensure(Region, COUNTRIES, lambda i: {
            "name_en": f"Bulk Country {i}", "name_ar": f"دولة {i}", "name_fa": f"کشور {i}",
            "slug": f"bulk-country-{i}",
            "parent": groups[i % REGION_GROUPS],
        })  # fmt: skip
        english = [ENGLISH.paragraph(rng, PARAGRAPH_WORDS) for _ in range(PARAGRAPHS)]
        arabic = [ARABIC.paragraph(rng, PARAGRAPH_WORDS) for _ in range(PARAGRAPHS)]
        persian = [PERSIAN.paragraph(rng, PARAGRAPH_WORDS) for _ in range(PARAGRAPHS)]
        return types, experts, topics, groups + countries, english, arabic, persian

    def _ensure(self, model, count, fields):
        prefix = fields(0)["slug"].rsplit("-", 1)[0] + "-"
        have = {obj.slug: obj for obj in model.objects.filter(slug__startswith=prefix)}
        missing = [model(**fields(i)) for i in range(count) if fields(i)["slug"] not in have]
        model.objects.bulk_create(missing)
        return list(model.objects.filter(slug__startswith=prefix).order_by("pk"))

    def _add_briefs(self, start, stop, vocabulary):
        types, experts, topics, regions, english, arabic, persian = vocabulary
        new = []
        for number in range(start, stop):
            rng = random.Random(SEED + number)  # each brief the same, however the run is split
            translated = rng.random() < ARABIC_SHARE
            # Its own draws, so that the English and Arabic are as they were without it.
            persian_rng = random.Random(SEED * 7 + number)
            in_persian = persian_rng.random() < PERSIAN_SHARE
            words = ENGLISH.words(rng, 5)
            new.append(
                Brief(
                    title_en=" ".join(words).capitalize() + f" {number}",
                    slug_en=f"bulk-{number}-{'-'.join(words[:3])}",
                    title_ar=" ".join(ARABIC.words(rng, 5)) + f" {number}" if translated else "",
                    slug_ar=f"bulk-ar-{number}" if translated else None,
                    summary_en=" ".join(ENGLISH.words(rng, 20)).capitalize() + ".",
                    body_en=_body(rng, english),
                    body_ar=_body(rng, arabic) if translated else "",
                    title_fa=" ".join(PERSIAN.words(persian_rng, 5)) + f" {number}"
                    if in_persian
                    else "",
                    slug_fa=f"bulk-fa-{number}" if in_persian else None,
                    body_fa=_body(persian_rng, persian) if in_persian else "",
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

        Brief.objects.import_published(new, links_for, actor="seed_bulk")


class Lexicon:
    """A language's words, commonest first, used as Zipf's law has it: the n-th commonest
    word about 1/n as often as the commonest. Its head is the policy words above; its
    long tail is made up of the language's syllables."""

    def __init__(self, head, syllables, size, seed):
        rng = random.Random(seed)
        self.vocabulary = list(head)
        known = set(self.vocabulary)
        while len(self.vocabulary) < size:
            word = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
            if word not in known:
                known.add(word)
                self.vocabulary.append(word)
        self.cumulative = list(itertools.accumulate(1 / rank for rank in range(1, size + 1)))

    def words(self, rng, count):
        """`count` different words, each drawn as often as the language uses it."""
        chosen = []
        while len(chosen) < count:
            (word,) = rng.choices(self.vocabulary, cum_weights=self.cumulative)
            if word not in chosen:
                chosen.append(word)
        return chosen

    def paragraph(self, rng, count):
        words = rng.choices(self.vocabulary, cum_weights=self.cumulative, k=count)
        sentences, start = [], 0
        while start < count:
            stop = start + rng.randint(12, 24)
            sentences.append(" ".join(words[start:stop]).capitalize() + ".")
            start = stop
        return f"<p>{' '.join(sentences)}</p>"


PERSIAN_WORDS = [
    "امنیت", "سیاست", "منطقه", "درگیری", "دیپلماسی", "انرژی", "تحریم‌ها", "نظامی",
    "مذاکرات", "انتخابات", "مرز", "شبه‌نظامیان", "اتحاد", "آتش‌بس", "اقتصاد", "اصلاحات",
    "پناهجویان", "هسته‌ای", "بازدارندگی", "راهبرد", "دولت", "مجلس", "ائتلاف", "فشار",
    "نفوذ", "گفت‌وگو", "توافق", "بحران",
]  # fmt: skip
ENGLISH_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
ARABIC_SYLLABLES = [c + v for c in "بتجدرزسشعفقكلمنه" for v in ("ا", "و", "ي", "")]
ENGLISH = Lexicon(ENGLISH_WORDS, ENGLISH_SYLLABLES, LEXICON_SIZE, SEED)
ARABIC = Lexicon(ARABIC_WORDS, ARABIC_SYLLABLES, LEXICON_SIZE, SEED)
PERSIAN_SYLLABLES = [c + v for c in "بپتجچدرزژسشفکگلمنه" for v in ("ا", "و", "ی", "")]
PERSIAN = Lexicon(PERSIAN_WORDS, PERSIAN_SYLLABLES, LEXICON_SIZE, SEED)


def _body(rng, paragraphs):
    return "".join(rng.sample(paragraphs, BODY_PARAGRAPHS))
