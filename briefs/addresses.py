"""The /policy-analysis/<slug> address space, which briefs, topics and regions share: one
resolver says what answers at a slug, for the pages and the feeds alike."""

from django.utils import translation

from taxonomy.models import Region, Topic

from .models import Brief


def answering_at(slug, *, previews=False):
    """The brief, topic or region that answers at /policy-analysis/<slug> in the active
    language (a brief first), or None; a brief read with everything its page shows.
    `previews`: staff's, who also open a brief not live yet in the language it is written
    in."""
    language = translation.get_language()
    briefs = Brief.objects.previewable() if previews else Brief.objects.live()
    for candidates in (
        briefs.for_detail(),
        Topic.objects.in_language(language),
        Region.objects.in_language(language),
    ):
        found = candidates.filter(slug=slug).first()
        if found is not None:
            return found
    return None
