"""What search engines and social networks read about a brief: schema.org data."""

from django.utils import translation

from experts.seo import person
from library.pictures import picture_url


def article(brief, request):
    """schema.org NewsArticle for the brief's page in the active language."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": brief.title,
        "url": request.build_absolute_uri(brief.get_absolute_url()),
        "inLanguage": translation.get_language(),
        "datePublished": brief.published_at.isoformat(),
        "dateModified": brief.updated_at.isoformat(),
        "author": [person(expert, request) for expert in brief.ordered_authors],
        "keywords": [
            term.name for term in [*brief.topics.all(), *brief.regions.all()] if term.name
        ],
    }
    if brief.publication_type.name:
        data["articleSection"] = brief.publication_type.name
    if brief.summary:
        data["description"] = brief.summary
    if brief.lead_image and (url := picture_url(brief.lead_image)):
        data["image"] = request.build_absolute_uri(url)
    return data
