import io
from datetime import datetime, time, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone, translation
from django.utils.html import format_html
from PIL import Image, ImageDraw, ImageFont

from briefs.models import (
    Attachment,
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
from library.pictures import picture_url
from publishing import actions
from taxonomy.models import Region, Topic
from translations import exports
from translations.batches import Selection
from translations.models import TranslationExport
from translations.roles import TRANSLATORS, WRITERS, give_role, setup_roles
from website import demo_content as demo

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "briefing-room"
TRANSLATOR_USERNAME = "translator"  # Arabic
PERSIAN_TRANSLATOR_USERNAME = "translator-fa"
WRITER_USERNAME = "writer"
NOON = time(12, 0)
ACTOR = "load_demo"  # who took the demo's steps that no demo user took
# The suffixes of the translated fields in the demo's data: "_en", "_ar", "_fa".
TRANSLATED = tuple(f"_{code}" for code in registry.LANGUAGE_CODES)


class Command(BaseCommand):
    help = "Create (or bring back up to date) the demo content built from the seed article."

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            default="",
            help="Printed before the addresses, e.g. http://127.0.0.1:8000",
        )
        parser.add_argument(
            "--demo-accounts",
            action="store_true",
            help="Create the demo logins even with DEBUG off (they are made with DEBUG on).",
        )

    @transaction.atomic
    def handle(self, *args, base_url, demo_accounts, **options):
        # Well-known passwords have no place on a site that may be public.
        with_accounts = settings.DEBUG or demo_accounts
        with translation.override("en"):
            types = self._upsert(PublicationType, demo.PUBLICATION_TYPES)
            topics = self._upsert(Topic, demo.TOPICS)
            regions = self._upsert(Region, demo.REGIONS)
            experts = {}
            for data in demo.EXPERTS:
                fields = {k: v for k, v in data.items() if k not in ("slug", "topics", "regions")}
                expert, _created = Expert.objects.update_or_create(
                    slug=data["slug"], defaults=fields
                )
                expert.topics.set([topics[slug] for slug in data.get("topics", [])])
                expert.regions.set([regions[slug] for slug in data.get("regions", [])])
                if expert.portrait is None:
                    expert.portrait = self._portrait(expert)
                    expert.save(update_fields=["portrait"])
                experts[expert.slug] = expert

            if with_accounts:
                self._ensure_users()
            briefs = {}
            seed_data = self._with_figure(demo.SEED_ARTICLE, self._seed_figure())
            for data in [*demo.RECOMMENDED_BRIEFS, seed_data]:
                brief = self._upsert_brief(data, types, experts, topics, regions)
                if not brief.is_public:  # new: taken through the publishing actions
                    if data is seed_data:
                        self._add_seed_revisions(brief)
                    self._release(brief, data)
                briefs[brief.slug_en] = brief
            seed = briefs[demo.SEED_ARTICLE["slug_en"]]
            if seed.lead_image is None:
                seed.lead_image = self._lead_image()
                seed.save(update_fields=["lead_image"])
            if not seed.attachments.exists():
                summary = Attachment(brief=seed, **demo.SEED_DOCUMENT)
                summary.file.save("one-page-summary.pdf", _summary_pdf(seed), save=False)
                summary.save()
            seed.recommendations.all().delete()
            Recommendation.objects.bulk_create(
                Recommendation(brief=seed, recommended=briefs[slug], position=position)
                for position, slug in enumerate(demo.SEED_ARTICLE["recommendations"])
            )
            self._add_workflow_examples(types["brief-analysis"], experts, topics, regions, briefs)
            arabic_first = self._add_arabic_first(types, experts, topics)
            self._send_to_an_agency()

        self.stdout.write(self.style.SUCCESS("Demo content ready."))
        for label, language in [("Article", "en"), ("Arabic", "ar"), ("Persian", "fa")]:
            self.stdout.write(f"  {label + ':':9}{base_url}{seed.url_in(language)}")
        self.stdout.write(
            f"  Written in Arabic first (its English awaits approval): "
            f"{base_url}{arabic_first.url_in('ar')}"
        )
        if not with_accounts:
            self.stdout.write(
                self.style.WARNING(
                    "  No demo logins made: DEBUG is off. Use createsuperuser, "
                    "or --demo-accounts to make the demo's well-known logins anyway."
                )
            )
            return
        self.stdout.write(
            f"  Admin:   {base_url}/admin/  user: {ADMIN_USERNAME}  password: {ADMIN_PASSWORD}"
        )
        self.stdout.write(
            f"  Writer (drafts, review): user: {WRITER_USERNAME}  password: {ADMIN_PASSWORD}"
        )
        self.stdout.write(
            f"  Translator (Arabic only): user: {TRANSLATOR_USERNAME}  password: {ADMIN_PASSWORD}"
        )
        self.stdout.write(
            f"  Translator (Persian only): user: {PERSIAN_TRANSLATOR_USERNAME}  "
            f"password: {ADMIN_PASSWORD}"
        )

    def _portrait(self, expert):
        """A placeholder portrait: the seed page has no photos to use."""
        image = LibraryImage(
            alt_en=f"{expert.name_en}: initials in place of a photo",
            alt_ar=f"{expert.name_ar}: الحرفان الأولان من الاسم بدلاً من الصورة",
            alt_fa=f"{expert.name_fa}: حروف نخست نام به جای عکس" if expert.name_fa else "",
        )
        image.file.save(f"{expert.slug}.png", _monogram(expert.name_en), save=False)
        image.save()
        return image

    def _lead_image(self):
        image = LibraryImage(**demo.SEED_LEAD_IMAGE)
        image.file.save("netanyahu-putin-paris.jpg", _illustration(), save=False)
        image.save()
        return image

    def _seed_figure(self):
        image = LibraryImage.objects.filter(alt_en=demo.SEED_FIGURE["alt_en"]).first()
        if image is None:
            image = LibraryImage(**demo.SEED_FIGURE)
            image.file.save("contacts-timeline.png", _timeline(), save=False)
            image.save()
        return image

    def _with_figure(self, data, image):
        """The seed's text with its figure after the second paragraph, in each language,
        as the editor's figure tool writes it."""
        data = dict(data)
        for code in (code for code in registry.LANGUAGE_CODES if f"body_{code}" in data):
            figure = format_html(
                '<figure class="figure"><img src="{}" alt="{}" data-file="{}">'
                '<figcaption class="figure-caption">{}</figcaption></figure>',
                picture_url(image, "natural"),
                getattr(image, f"alt_{code}"),
                image.pk,
                getattr(image, f"caption_{code}"),
            )
            first, second, rest = data[f"body_{code}"].split("</p>\n", 2)
            data[f"body_{code}"] = f"{first}</p>\n{second}</p>\n{figure}\n{rest}"
        return data

    def _upsert(self, model, rows):
        objects = {}
        for data in rows:
            fields = {k: v for k, v in data.items() if k != "slug"}
            obj, _created = model.objects.update_or_create(slug=data["slug"], defaults=fields)
            objects[obj.slug] = obj
        return objects

    def _upsert_brief(self, data, types, experts, topics, regions):
        fields = {k: v for k, v in data.items() if k.endswith(TRANSLATED) and k != "slug_en"}
        fields.update(publication_type=types[data["type"]])
        brief, _created = Brief.objects.update_or_create(slug_en=data["slug_en"], defaults=fields)
        brief.authorships.all().delete()
        Authorship.objects.bulk_create(
            Authorship(brief=brief, expert=experts[slug], position=position)
            for position, slug in enumerate(data["authors"])
        )
        BriefTopic.objects.filter(brief=brief).delete()
        BriefTopic.objects.bulk_create(
            BriefTopic(brief=brief, topic=topics[slug]) for slug in data.get("topics", [])
        )
        BriefRegion.objects.filter(brief=brief).delete()
        BriefRegion.objects.bulk_create(
            BriefRegion(brief=brief, region=regions[slug]) for slug in data.get("regions", [])
        )
        brief.sync_links()  # bulk_create() skipped the links' copies
        return brief

    def _release(self, brief, data):
        """Publish a seed brief at its date, and approve its translations."""
        day = datetime.fromisoformat(data["date"]).date()
        at = timezone.make_aware(datetime.combine(day, NOON))
        actions.Publish(brief, at=at, actor=ACTOR).run()
        for language in registry.LANGUAGE_CODES:
            if language != brief.source_language and brief.is_written_in(language):
                actions.Publish(brief, language=language, actor=ACTOR).run()

    def _add_workflow_examples(self, kind, experts, topics, regions, briefs):
        """A draft and a brief in review (the demo writer's), a scheduled one and an Arabic
        translation awaiting approval, each taken there by the path."""
        User = get_user_model()
        translator = User.objects.filter(username=TRANSLATOR_USERNAME).first()
        writer = User.objects.filter(username=WRITER_USERNAME).first()

        def translated(brief, user, day):
            at = timezone.make_aware(datetime.combine(day, NOON))
            actions.Publish(brief, user, at=at, actor=ACTOR).run()
            actions.SendToReview(brief, translator, "ar", actor=ACTOR).run()

        def withdrawn(brief, user, day):
            at = timezone.make_aware(datetime.combine(day, NOON))
            actions.Publish(brief, user, at=at, actor=ACTOR).run()
            actions.Withdraw(brief, user, actor=ACTOR).run()

        steps = {
            "draft": lambda brief, user, day: actions.BackToDraft(brief, user, actor=ACTOR).run(),
            "review": lambda brief, user, day: actions.SendToReview(brief, user, actor=ACTOR).run(),
            "schedule": lambda brief, user, day: actions.Publish(
                brief, user, at=timezone.now() + timedelta(days=3), actor=ACTOR
            ).run(),
            "arabic_review": translated,
            "withdraw": withdrawn,
        }
        for data in demo.WORKFLOW_BRIEFS:
            fields = {key: value for key, value in data.items() if key.endswith(TRANSLATED)}
            author = writer if data.get("by_writer") else None
            brief, created = Brief.objects.get_or_create(
                slug_en=data["slug_en"],
                defaults={
                    **fields,
                    "publication_type": kind,
                    "body_en": demo.WORKFLOW_BODY_EN,
                    "created_by": author,
                },
            )
            if not created:
                continue
            Authorship.objects.create(brief=brief, expert=experts[data["author"]])
            if "guest" in data:
                guest, role = data["guest"]
                Authorship.objects.create(brief=brief, expert=experts[guest], role=role, position=1)
            for slug in data.get("topics", []):
                BriefTopic.objects.create(brief=brief, topic=topics[slug])
            for slug in data.get("regions", []):
                BriefRegion.objects.create(brief=brief, region=regions[slug])
            for position, slug in enumerate(data.get("picks", [])):
                Recommendation.objects.create(
                    brief=brief, recommended=briefs[slug], position=position
                )
            if "lead_image" in data:
                brief.lead_image = LibraryImage(**data["lead_image"])
                brief.lead_image.file.save(f"{brief.slug_en}.jpg", _drone_sketch(), save=False)
                brief.lead_image.save()
            if "document" in data:
                report = Attachment(brief=brief, **data["document"])
                report.file.save(f"{brief.slug_en}.pdf", _summary_pdf(brief), save=False)
                report.save()
            day = datetime.fromisoformat(data["date"]).date() if "date" in data else None
            steps[data["step"]](brief, author, day)

    def _add_arabic_first(self, types, experts, topics):
        """A brief written and published in Arabic alone, its English translation sent to
        review: on Arabic pages only until an editor approves the English."""
        data = demo.ARABIC_FIRST_BRIEF
        arabic = {key: value for key, value in data.items() if key.endswith("_ar")}
        brief, created = Brief.objects.get_or_create(
            slug_ar=data["slug_ar"],
            defaults={**arabic, "source_language": "ar", "publication_type": types[data["type"]]},
        )
        if not created:
            return brief
        Authorship.objects.create(brief=brief, expert=experts[data["author"]])
        for slug in data["topics"]:
            BriefTopic.objects.create(brief=brief, topic=topics[slug])
        day = datetime.fromisoformat(data["date"]).date()
        at = timezone.make_aware(datetime.combine(day, NOON))
        actions.Publish(brief, at=at, actor=ACTOR).run()
        for key, value in data.items():
            if key.endswith("_en"):
                setattr(brief, key, value)
        actions.SendToReview(brief, language="en", actor=ACTOR).run()
        return brief

    def _send_to_an_agency(self):
        """A batch of what waits for Arabic, prepared for an agency and not back yet, as
        the translation queue shows it ("sent to an agency on …")."""
        editor = get_user_model().objects.filter(username=ADMIN_USERNAME).first()
        if TranslationExport.objects.exists():
            return
        untranslated = Topic.objects.filter(slug__in=[t["slug"] for t in demo.TOPICS])
        selection = Selection(
            "ar", objects={"taxonomy.topic": list(untranslated.values_list("pk", flat=True))}
        )
        export = TranslationExport.objects.create(
            language="ar", created_by=editor, selection=selection.as_dict()
        )
        exports.prepare.call(
            export.pk, settings.XLIFF_FILE_MAX_UNITS, settings.XLIFF_FILE_MAX_WORDS
        )

    def _add_seed_revisions(self, seed):
        """Two drafts of the seed to compare in its history, before it is published: an
        earlier summary, then the final one."""
        editor = get_user_model().objects.filter(username=ADMIN_USERNAME).first()
        final = seed.summary_en
        for summary, comment in [
            (demo.SEED_FIRST_SUMMARY_EN, "First draft of the summary"),
            (final, "Summary: named the topics of the meeting"),
        ]:
            seed.summary_en = summary
            actions.Save(seed, editor, edited=["en"], actor=ACTOR, comment=comment).run()

    def _ensure_users(self):
        User = get_user_model()
        if not User.objects.filter(username=ADMIN_USERNAME).exists():
            User.objects.create_superuser(ADMIN_USERNAME, password=ADMIN_PASSWORD)
        setup_roles()
        for username, group, languages in [
            (TRANSLATOR_USERNAME, TRANSLATORS, ["ar"]),
            (PERSIAN_TRANSLATOR_USERNAME, TRANSLATORS, ["fa"]),
            (WRITER_USERNAME, WRITERS, None),
        ]:
            member, created = User.objects.get_or_create(
                username=username, defaults={"is_staff": True}
            )
            if created:
                member.set_password(ADMIN_PASSWORD)
                member.save()
                give_role(member, group, languages)


def _illustration(width=1600, height=1000):
    """The seed's lead image: a street grid, the Seine, and two circles meeting."""
    image = Image.new("RGB", (width, height), "#e9eef3")
    draw = ImageDraw.Draw(image)
    for x in range(0, width, 120):
        draw.line([(x, 0), (x + 200, height)], fill="#cfd8e2", width=6)
    for y in range(0, height, 110):
        draw.line([(0, y), (width, y - 150)], fill="#cfd8e2", width=6)
    draw.line(
        [(0, 620), (500, 520), (900, 610), (1300, 500), (width, 560)], fill="#8fb3d9", width=40
    )
    draw.ellipse([(430, 230), (830, 630)], fill="#0b4f8a")  # Israel
    draw.ellipse([(760, 260), (1160, 660)], fill="#b03a2e")  # Russia
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=90)
    return ContentFile(buffer.getvalue())


def _timeline(width=1600, height=500):
    """The seed's figure: the dates its text names, on a line from September to December."""
    image = Image.new("RGB", (width, height), "#ffffff")
    draw = ImageDraw.Draw(image)
    first_day, last_day, left, right = 244, 365, 100, width - 100  # September 1 to December 31

    def x(day):
        return left + (day - first_day) * (right - left) / (last_day - first_day)

    draw.line([(left, 250), (right, 250)], fill="#5b6670", width=6)
    for month_start in (244, 274, 305, 335):
        draw.line([(x(month_start), 230), (x(month_start), 270)], fill="#5b6670", width=4)
    font = ImageFont.load_default(size=34)
    for number, (day, label) in enumerate(demo.SEED_FIGURE_DATES):
        above = number % 2 == 0
        draw.ellipse([(x(day) - 22, 228), (x(day) + 22, 272)], fill="#0b4f8a")
        draw.line(
            [(x(day), 200 if above else 300), (x(day), 228 if above else 272)],
            fill="#0b4f8a",
            width=4,
        )
        draw.text((x(day), 170 if above else 330), label, fill="#111111", font=font, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return ContentFile(buffer.getvalue())


def _drone_sketch(width=1600, height=1000):
    """The translated example's lead image: a drone's outline against a night sky."""
    image = Image.new("RGB", (width, height), "#14213d")
    draw = ImageDraw.Draw(image)
    for x, y in [(180, 140), (420, 90), (1250, 180), (1420, 420), (300, 700), (1100, 820)]:
        draw.ellipse([(x, y), (x + 8, y + 8)], fill="#e5e5e5")
    draw.polygon([(800, 380), (560, 560), (800, 520), (1040, 560)], fill="#fca311")
    draw.rectangle([(780, 330), (820, 560)], fill="#fca311")
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=90)
    return ContentFile(buffer.getvalue())


def _summary_pdf(brief):
    """A one-page PDF made for the demo: the brief's title over its illustration."""
    page = Image.new("RGB", (1240, 1754), "#ffffff")  # A4 at 150 dpi
    draw = ImageDraw.Draw(page)
    draw.text((100, 120), brief.title_en, fill="#111111", font=ImageFont.load_default(size=48))
    draw.text(
        (100, 200),
        "A one-page summary made for the demo.",
        fill="#555555",
        font=ImageFont.load_default(size=30),
    )
    with brief.lead_image.file.open("rb") as stored, Image.open(stored) as picture:
        page.paste(picture.convert("RGB").resize((1040, 650)), (100, 300))
    buffer = io.BytesIO()
    page.save(buffer, format="PDF", resolution=150)
    return ContentFile(buffer.getvalue())


def _monogram(name, size=240):
    """A placeholder portrait, the expert's initials on a plain square: the seed has no photos."""
    initials = "".join(part[0] for part in name.split()[:2]).upper()
    image = Image.new("RGB", (size, size), "#0b4f8a")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=size // 3)
    draw.text((size / 2, size / 2), initials, fill="#ffffff", font=font, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return ContentFile(buffer.getvalue())
