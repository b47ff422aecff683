"""What briefs use cannot be deleted from under them: the delete is refused, never cascaded."""

import pytest
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError
from pytest_django.asserts import assertContains

from briefs.models import Brief, PublicationType
from experts.models import Expert
from taxonomy.models import Region, Topic
from tests.factories import make_brief, make_expert, make_region, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def brief():
    return make_brief(
        "Kept Brief",
        authors=[make_expert("Anna Borshchevskaya")],
        topics=[make_topic("Energy")],
        regions=[make_region("Syria")],
    )


@pytest.mark.parametrize(
    "get_used",
    [
        lambda brief: brief.authors.get(),
        lambda brief: brief.publication_type,
        lambda brief: brief.topics.get(),
        lambda brief: brief.regions.get(),
    ],
    ids=["expert", "publication type", "topic", "region"],
)
def test_deleting_what_a_brief_uses_is_refused(brief, get_used):
    used = get_used(brief)
    with pytest.raises(ProtectedError):
        used.delete()
    assert type(used).objects.filter(pk=used.pk).exists()
    assert Brief.objects.filter(pk=brief.pk).exists()


@pytest.mark.parametrize(
    ("model", "url"),
    [
        (Expert, "/admin/experts/expert/{pk}/delete/"),
        (PublicationType, "/admin/briefs/publicationtype/{pk}/delete/"),
        (Topic, "/admin/taxonomy/topic/{pk}/delete/"),
        (Region, "/admin/taxonomy/region/{pk}/delete/"),
    ],
)
def test_admin_explains_why_it_cannot_delete(editor_client, brief, model, url):
    used = model.objects.get()
    page = editor_client.get(url.format(pk=used.pk))
    assertContains(page, "would require deleting the following protected related objects")
    assertContains(page, "Kept Brief")
    response = editor_client.post(url.format(pk=used.pk), {"post": "yes"})
    assert response.status_code == 200
    assert model.objects.filter(pk=used.pk).exists()


def test_deleting_a_brief_removes_only_its_own_links(brief):
    brief.delete()
    assert Expert.objects.count() == Topic.objects.count() == Region.objects.count() == 1


def test_region_with_countries_cannot_be_deleted():
    middle_east = make_region("Middle East")
    make_region("Syria", parent=middle_east)
    with pytest.raises(ProtectedError):
        middle_east.delete()


def test_region_cannot_be_its_own_ancestor():
    levant = make_region("Levant")
    syria = make_region("Syria", parent=levant)
    levant.parent = syria
    with pytest.raises(ValidationError):
        levant.full_clean()
