"""`seed_bulk`, the benchmark's archive, publishes through the publishing path's bulk
import: every brief public, its links' copies right, each publication recorded."""

from io import StringIO

import pytest
from django.core.management import call_command

from briefs.models import Authorship, Brief, BriefTopic
from publishing.models import PublishingRecord, Status

pytestmark = pytest.mark.django_db


def test_the_synthetic_archive_is_published_by_the_path(
    client, announcements, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_bulk", briefs=40, stdout=StringIO())

    briefs = Brief.objects.filter(slug_en__startswith="bulk-")
    assert briefs.count() == briefs.live("en").count() == briefs.in_state(Status.LIVE).count() == 40
    arabic = briefs.live("ar")
    assert 0 < arabic.count() < 40
    assert arabic.count() == briefs.in_state(Status.LIVE, "ar").count()
    assert not Authorship.objects.filter(brief_live_en=False).exists()
    assert BriefTopic.objects.filter(brief_live_ar=True).count() == (
        BriefTopic.objects.filter(brief__in=arabic).count()
    )
    assert PublishingRecord.objects.filter(action="publish", language="en").count() == 40
    assert PublishingRecord.objects.filter(action="approve", language="ar").count() == (
        arabic.count()
    )
    announced_ids = {
        pk for change in announcements for label, pk in change.objects if label == "briefs.brief"
    }
    assert announced_ids == set(briefs.values_list("pk", flat=True))

    newest = briefs.first()
    assert client.get(newest.get_absolute_url()).status_code == 200
    listing = client.get("/ar/policy-analysis/").content.decode()
    assert arabic.first().title_ar in listing

    call_command("seed_bulk", briefs=40, stdout=StringIO())  # the same number adds nothing
    assert briefs.count() == 40
