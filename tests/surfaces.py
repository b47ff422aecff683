"""Every public surface a brief can be on, and which of them show it."""

from django.core.files.base import ContentFile
from django.utils import translation

from briefs.models import Attachment
from tests.factories import make_brief, make_expert, make_region, make_topic

TITLE = "Gas Deals in the Eastern Mediterranean"


def make_site():
    """A public brief on every surface, beside another brief whose rail could show it."""
    expert = make_expert("Anna Borshchevskaya", name_ar="آنا بورشفسكايا")
    topic = make_topic("Energy", name_ar="الطاقة")
    levant = make_region("Levant", name_ar="بلاد الشام")
    syria = make_region("Syria", name_ar="سوريا", parent=levant)
    links = {"authors": [expert], "topics": [topic], "regions": [syria], "arabic": True}
    brief = make_brief(TITLE, title_ar="صفقات الغاز في شرق المتوسط", **links)
    document = Attachment(brief=brief, title_en="Full report", title_ar="التقرير الكامل")
    document.file.save("report.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    document.save()
    neighbour = make_brief("Neighbour", published_at=brief.published_at, **links)
    return brief, neighbour, expert, topic, levant, syria


def surfaces(site):
    _brief, neighbour, expert, topic, levant, syria = site
    pages = []
    for prefix, language in (("", "en"), ("/ar", "ar")):
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
                f"{prefix}/search/?q=" + ("Gas" if language == "en" else "الغاز"),
            ]
    return pages


def shown_on(client, site):
    """The surfaces, among all, that show the brief: its page answering, or its title."""
    brief = site[0]
    own = [brief.url_in("en"), brief.url_in("ar")]
    for document in Attachment.objects.filter(brief=brief):
        for language in ("en", "ar"):
            with translation.override(language):
                own.append(document.get_absolute_url())
    shown = [url for url in own if client.get(url).status_code == 200]
    for url in surfaces(site):
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        if brief.title_en in text or brief.title_ar in text or brief.slug_en in text:
            shown.append(url)
    sitemap = client.get("/sitemap-briefs.xml")
    if sitemap.status_code == 200 and brief.slug_en in sitemap.content.decode():
        shown.append("/sitemap-briefs.xml")
    return shown
