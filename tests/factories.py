"""Plain functions that make valid objects; pass keyword arguments to change any field."""

import io
from datetime import datetime

from django.core.files.base import ContentFile
from django.utils import timezone, translation
from PIL import Image

from briefs.models import (
    Authorship,
    Brief,
    BriefRegion,
    BriefTopic,
    PublicationType,
    Recommendation,
)
from experts.models import Expert
from library.models import Image as LibraryImage
from taxonomy.models import Region, Topic

_counter = iter(range(1, 1_000_000))


def _unique(text):
    return f"{text} {next(_counter)}"


def make_topic(name=None, **fields):
    with translation.override("en"):
        fields.setdefault("name_en", name or _unique("Topic"))
        return Topic.objects.create(**fields)


def make_region(name=None, **fields):
    with translation.override("en"):
        fields.setdefault("name_en", name or _unique("Region"))
        return Region.objects.create(**fields)


def make_publication_type(name=None, **fields):
    with translation.override("en"):
        fields.setdefault("name_en", name or _unique("Type"))
        return PublicationType.objects.create(**fields)


def make_expert(name=None, **fields):
    with translation.override("en"):
        fields.setdefault("name_en", name or _unique("Expert Person"))
        return Expert.objects.create(**fields)


def make_image(name="picture.jpg", size=(1700, 1100), **fields):
    """A library image, with its renditions; alt text in English unless given."""
    buffer = io.BytesIO()
    Image.new("RGB", size, "#336699").save(buffer, format="JPEG")
    fields.setdefault("alt_en", "A picture")
    image = LibraryImage(**fields)
    image.file.save(name, ContentFile(buffer.getvalue()), save=False)
    image.save()
    return image


def make_brief(
    title=None,
    *,
    authors=(),
    topics=(),
    regions=(),
    recommendations=(),
    arabic=False,
    **fields,
):
    """A published English brief dated 2020-01-01; `arabic=True` adds an Arabic version.

    Arabic text given here is approved, as if an editor had approved it.
    """
    if "publication_type" not in fields:
        fields["publication_type"] = make_publication_type()
    fields.setdefault("status", Brief.Status.PUBLISHED)
    fields.setdefault("published_at", timezone.make_aware(datetime(2020, 1, 1, 12)))
    fields.setdefault("body_en", "<p>English body.</p>")
    if arabic:
        fields.setdefault("title_ar", "تحليل تجريبي")
        fields.setdefault("body_ar", "<p>نص عربي.</p>")
    if fields.get("title_ar") or fields.get("body_ar"):
        fields.setdefault("arabic_status", Brief.ArabicStatus.APPROVED)
    with translation.override("en"):
        fields.setdefault("title_en", title or _unique("Brief"))
        brief = Brief.objects.create(**fields)
    Authorship.objects.bulk_create(
        Authorship(brief=brief, expert=expert, position=position)
        for position, expert in enumerate(authors)
    )
    BriefTopic.objects.bulk_create(BriefTopic(brief=brief, topic=topic) for topic in topics)
    BriefRegion.objects.bulk_create(BriefRegion(brief=brief, region=region) for region in regions)
    Recommendation.objects.bulk_create(
        Recommendation(brief=brief, recommended=pick, position=position)
        for position, pick in enumerate(recommendations)
    )
    brief.sync_links()
    return brief
