"""A deleted brief whose author was deleted after it is recovered without what cannot come
back (the missing author), saying so, or refused with a message: never a 500."""

import re

import pytest

from briefs.models import Brief
from experts.models import Expert
from tests.briefs.test_history import save
from tests.browser_forms import form_data
from tests.factories import make_brief, make_expert, make_topic

pytestmark = pytest.mark.django_db


def test_a_brief_whose_author_is_gone_is_recovered_without_them(admin_client):
    kept, gone = make_expert("Anna Borshchevskaya"), make_expert("Leila Haddad")
    brief = make_brief("Gas Deals", authors=[kept, gone], topics=[make_topic("Energy")])
    save(admin_client, brief, summary_en="Saved once in the admin.")
    pk = brief.pk
    brief.delete()
    Expert.objects.filter(pk=gone.pk).delete()  # free to go once its brief is gone

    listing = admin_client.get("/admin/briefs/brief/recover/")
    assert listing.status_code == 200
    version = re.search(r'href="/admin/briefs/brief/recover/(\d+)/"', listing.content.decode())
    url = f"/admin/briefs/brief/recover/{version.group(1)}/"
    page = admin_client.get(url)
    assert page.status_code == 200
    assert "Leila Haddad" not in page.content.decode()
    assert "cannot come back" in page.content.decode()

    response = admin_client.post(url, form_data(page, "brief_form"))
    assert response.status_code in (200, 302)
    recovered = Brief.objects.get(pk=pk)
    assert [expert.name for expert in recovered.ordered_authors] == ["Anna Borshchevskaya"]
    assert recovered.summary_en == "Saved once in the admin."
