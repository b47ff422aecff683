"""Run by `manage.py shell` in the copy of test_fourth_language.py, with the fourth
language configured and migrated: a brief with a Klingon version, read as a reader, a
searcher and an editor would; prints what each saw, as JSON."""

import json

from django.contrib.auth import get_user_model
from django.test import Client
from django.test.utils import setup_test_environment

from briefs.models import Brief
from tests.factories import make_brief, make_expert

setup_test_environment()
expert = make_expert("Worf", name_tlh="wo'rIv")
brief = make_brief(
    "Honour in Diplomacy",
    authors=[expert],
    body_en="<p>Honour guides the envoy.</p>",
    title_tlh="quv ghojmoHmeH",
    body_tlh="<p>quv Daqawlu'taH.</p>",
)
brief = Brief.objects.get(pk=brief.pk)
client = Client()
article = client.get(f"/tlh/policy-analysis/{brief.slug_tlh}")
english = client.get(brief.url_in("en")).content.decode()
found = client.get("/tlh/search/", {"q": "ghojmoHmeH"}).content.decode()
listing = client.get("/tlh/policy-analysis/").content.decode()
home = client.get("/tlh/").content.decode()
client.force_login(get_user_model().objects.create_superuser("operator", password="x"))
form = client.get(f"/admin/briefs/brief/{brief.pk}/change/").content.decode()
print(
    json.dumps(
        {
            "slug": brief.slug_tlh,
            "article": article.status_code,
            "lang": 'lang="tlh" dir="ltr"' in article.content.decode(),
            "title": "quv ghojmoHmeH" in article.content.decode(),
            "byline": "wo&#x27;rIv" in article.content.decode(),
            "hreflang": f'hreflang="tlh" href="http://testserver/tlh/policy-analysis/{brief.slug_tlh}"'
            in english,
            "switch": "tlhIngan Hol" in english,
            "search": "quv ghojmoHmeH" in found,
            "listing": "quv ghojmoHmeH" in listing,
            "catalogue": "nej" in home,  # "Search", from locale/tlh
            "admin": 'name="title_tlh"' in form and 'name="body_tlh"' in form,
        }
    )
)
