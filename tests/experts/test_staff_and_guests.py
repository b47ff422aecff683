"""Fellows are in the experts directory; guest contributors have a page and a byline, not a
place in the directory. An authorship's part in a brief is shown after the name."""

import pytest

from briefs.models import Authorship
from experts.models import Expert
from tests.factories import make_brief, make_expert

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    fellow = make_expert("Anna Borshchevskaya", name_ar="آنا بورشيفسكايا")
    guest = make_expert("Leila Haddad", name_ar="ليلى حداد", kind=Expert.Kind.GUEST)
    brief = make_brief("A Panel on Syria", arabic=True, authors=[fellow, guest])
    Authorship.objects.filter(expert=guest).update(role=Authorship.Role.SPEAKER)
    Authorship.objects.filter(expert=fellow).update(role=Authorship.Role.MODERATOR)
    return fellow, guest, brief


def test_the_directory_lists_staff_only_and_guests_keep_their_pages(client, people):
    fellow, guest, _brief = people
    for prefix, language in (("", "en"), ("/ar", "ar")):
        directory = client.get(f"{prefix}/experts/").content.decode()
        assert fellow.url_in(language) in directory
        assert guest.url_in(language) not in directory
        assert client.get(guest.url_in(language)).status_code == 200


def test_the_byline_names_each_part_in_the_readers_language(client, people):
    fellow, guest, brief = people
    english = client.get(brief.url_in("en")).content.decode()
    assert (
        f'<a href="/experts/{fellow.slug}"><bdi>Anna Borshchevskaya</bdi></a> (moderator) and '
        f'<a href="/experts/{guest.slug}"><bdi>Leila Haddad</bdi></a> (speaker)'
    ) in english
    arabic = client.get(brief.url_in("ar")).content.decode()
    assert "آنا بورشيفسكايا</bdi></a> (مدير الجلسة)" in arabic
    assert "ليلى حداد</bdi></a> (متحدث)" in arabic
    assert "(speaker)" not in arabic


def test_an_author_is_named_without_a_part(client):
    brief = make_brief("Plain", authors=[make_expert("Simon Henderson")])
    assert "<bdi>Simon Henderson</bdi></a></p>" in client.get(brief.url_in("en")).content.decode()
