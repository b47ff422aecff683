"""Every public surface a brief can be on, and which of them show it."""

from django.core.files.base import ContentFile
from django.utils import translation

from briefs.models import Attachment
from languages import registry
from tests.factories import make_brief, make_expert, make_region, make_topic

TITLE = "Gas Deals in the Eastern Mediterranean"
TITLES = {"ar": "صفقات الغاز في شرق المتوسط", "fa": "قراردادهای گاز در شرق مدیترانه"}
SEARCHED = {"en": "Gas", "ar": "الغاز", "fa": "گاز"}  # a word of the title, in each language


def make_site():
    """A public brief on every surface in every language, beside another brief whose rail
    could show it."""
    expert = make_expert("Anna Borshchevskaya", name_ar="آنا بورشفسكايا", name_fa="آنا بورشفسکایا")
    topic = make_topic("Energy", name_ar="الطاقة", name_fa="انرژی")
    levant = make_region("Levant", name_ar="بلاد الشام", name_fa="شامات")
    syria = make_region("Syria", name_ar="سوريا", name_fa="سوریه", parent=levant)
    links = {"authors": [expert], "topics": [topic], "regions": [syria], "arabic": True}
    persian = {"title_fa": TITLES["fa"], "body_fa": "<p>متن فارسی.</p>"}
    brief = make_brief(TITLE, title_ar=TITLES["ar"], **persian, **links)
    document = Attachment(
        brief=brief, title_en="Full report", title_ar="التقرير الكامل", title_fa="گزارش کامل"
    )
    document.file.save("report.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    document.save()
    neighbour = make_brief(
        "Neighbour",
        published_at=brief.published_at,
        title_fa="همسایه",
        body_fa="<p>متن فارسی.</p>",
        **links,
    )
    return brief, neighbour, expert, topic, levant, syria


def surfaces(site):
    _brief, neighbour, expert, topic, levant, syria = site
    pages = []
    for language in registry.LANGUAGE_CODES:
        prefix = "" if language == registry.LANGUAGE_CODES[0] else f"/{language}"
        with translation.override(language):
            pages += [
                f"{prefix}/",
                f"{prefix}/policy-analysis/",
                neighbour.get_absolute_url(),  # its rail
                expert.get_absolute_url(),
                topic.get_absolute_url(),
                syria.get_absolute_url(),
                levant.get_absolute_url(),  # the region group holding Syria
                f"{prefix}/policy-analysis/feed/",
                f"{prefix}/policy-analysis/{topic.slug}/feed/atom/",
                f"{prefix}/experts/{expert.slug}/feed/",
                f"{prefix}/search/?q={SEARCHED[language]}",
            ]
    return pages


def shown_on(client, site):
    """The surfaces, among all, that show the brief: its page answering, or its title."""
    brief = site[0]
    own = [brief.url_in(language) for language in registry.LANGUAGE_CODES]
    for document in Attachment.objects.filter(brief=brief):
        for language in registry.LANGUAGE_CODES:
            with translation.override(language):
                own.append(document.get_absolute_url())
    shown = [url for url in own if client.get(url).status_code == 200]
    for url in surfaces(site):
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        if brief.slug_en in text or any(title in text for title in [TITLE, *TITLES.values()]):
            shown.append(url)
    sitemap = client.get("/sitemap-briefs.xml")
    if sitemap.status_code == 200 and brief.slug_en in sitemap.content.decode():
        shown.append("/sitemap-briefs.xml")
    return shown
