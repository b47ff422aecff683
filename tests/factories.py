"""Plain functions that make valid objects; pass keyword arguments to change any field."""

import io
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
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
from languages import registry
from library.models import Image as LibraryImage
from publishing.models import LanguageState, Status
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


def make_image(name="picture.jpg", size=(1700, 1100), *, renditions=False, **fields):
    """A library image; alt text in English unless given. Its 22 renditions are cut only
    with `renditions=True`, for a test that looks at the picture (pages show none of an
    image without them)."""
    buffer = io.BytesIO()
    Image.new("RGB", size, "#336699").save(buffer, format="JPEG")
    fields.setdefault("alt_en", "A picture")
    image = LibraryImage(**fields)
    image.file.save(name, ContentFile(buffer.getvalue()), save=False)
    if renditions:
        image.save()
    else:  # stored without save(), which cuts them
        image.width, image.height = size
        [image] = LibraryImage.objects.bulk_create([image])
    return image


def set_state(obj, language, status, **times):
    """Put `obj`'s `language` version in `status` (publishing.models.Status) as a test's
    starting point, as the publishing actions would have left it (its live flags too)."""
    LanguageState.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        language=language,
        defaults={"status": status, **times},
    )
    obj.forget_states()
    obj.save()
    return obj


def make_brief(
    title=None,
    *,
    authors=(),
    topics=(),
    regions=(),
    recommendations=(),
    arabic=False,
    state=Status.LIVE,
    arabic_state=None,
    **fields,
):
    """A published English brief dated 2020-01-01; `arabic=True` adds an Arabic version.

    `state` is the English version's state (scheduled for its date, as is a published one
    dated later); `arabic_state` the Arabic version's, where there is Arabic text: by
    default published with the English (approved, waiting for it, when it is not live).
    """
    if "publication_type" not in fields:
        fields["publication_type"] = make_publication_type()
    fields.setdefault("published_at", timezone.make_aware(datetime(2020, 1, 1, 12)))
    fields.setdefault("body_en", "<p>English body.</p>")
    if arabic:
        fields.setdefault("title_ar", "تحليل تجريبي")
        fields.setdefault("body_ar", "<p>نص عربي.</p>")
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
    if state == Status.LIVE and brief.published_at > timezone.now():
        state = Status.SCHEDULED
    if (brief.title_ar or brief.body_ar) and arabic_state is None:
        # As an editor could: a version missing its title or body cannot be approved.
        arabic_state = Status.DRAFT
        if brief.is_written_in("ar"):
            arabic_state = Status.LIVE if state == Status.LIVE else Status.APPROVED
    times = {}
    if state == Status.LIVE:
        times = {"first_published_at": brief.published_at, "last_published_at": brief.published_at}
    if state == Status.SCHEDULED:
        times = {"go_live_at": brief.published_at}
    set_state(brief, "en", state, **times)
    if arabic_state is not None:
        set_state(brief, "ar", arabic_state)
    for language in registry.LANGUAGE_CODES[2:]:  # after English and Arabic, as Arabic's
        if brief.is_written_in(language):
            set_state(brief, language, Status.LIVE if state == Status.LIVE else Status.APPROVED)
        elif getattr(brief, f"title_{language}") or getattr(brief, f"body_{language}"):
            set_state(brief, language, Status.DRAFT)
    return brief


def state_of(obj, language="en"):
    """The state the database holds for `obj`'s `language` version, or None."""
    states = LanguageState.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk, language=language
    )
    return states.values_list("status", flat=True).first()
