"""Editors saving at the same moment, over real connections to a live server, on the
database the suite runs on: no server error, no lost save, no duplicate slug.

Each round, two editors load their forms, wait at a barrier, and submit together.
"""

import threading
from functools import partial
from http.cookiejar import CookieJar
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, HTTPRedirectHandler, Request, build_opener

import pytest
from django.test import Client

from briefs.models import Brief
from taxonomy.models import Topic
from tests.browser_forms import form_fields
from tests.factories import make_brief, make_expert, make_publication_type

pytestmark = pytest.mark.django_db(transaction=True)

ROUNDS = 20


class _NoRedirects(HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Editor:
    """A logged-in editor's browser: a session cookie, forms read and posted over HTTP."""

    def __init__(self, live_server, user):
        client = Client()
        client.force_login(user)
        self.base = live_server.url
        self.cookies = CookieJar()
        self.opener = build_opener(HTTPCookieProcessor(self.cookies), _NoRedirects())
        self.session = client.cookies["sessionid"].value

    def _open(self, path, data=None):
        request = Request(self.base + path, data=data)
        request.add_header("Cookie", f"sessionid={self.session}; {self._csrf_cookie()}")
        request.add_header("Referer", self.base + path)
        try:
            response = self.opener.open(request, timeout=60)
        except HTTPError as error:  # 3xx (not followed), 4xx and 5xx
            return error.code, error.read().decode()
        return response.status, response.read().decode()

    def _csrf_cookie(self):
        tokens = [cookie.value for cookie in self.cookies if cookie.name == "csrftoken"]
        return f"csrftoken={tokens[-1]}" if tokens else ""

    def form(self, path, form_id, **changes):
        status, html = self._open(path)
        assert status == 200, (path, status)
        data = form_fields(html, form_id)
        data.update(changes)
        return path, data

    def submit(self, form):
        path, data = form
        return self._open(path, urlencode(data).encode())


def together(*submissions):
    """Run the submissions at the same moment, one thread each; their (status, body)."""
    barrier = threading.Barrier(len(submissions))
    results = [None] * len(submissions)

    def run(index, submit):
        barrier.wait()
        results[index] = submit()

    threads = [
        threading.Thread(target=run, args=(index, submit))
        for index, submit in enumerate(submissions)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def submitting(editors, forms):
    return [partial(editor.submit, form) for editor, form in zip(editors, forms, strict=True)]


@pytest.fixture
def editors(live_server, django_user_model):
    users = [
        django_user_model.objects.create_superuser(f"editor{n}", password="pw") for n in (1, 2)
    ]
    return [Editor(live_server, user) for user in users]


def test_two_editors_saving_different_briefs_at_once(editors):
    expert = make_expert()
    briefs = [make_brief(f"Brief {n}", authors=[expert]) for n in (1, 2)]
    failures = []
    for round_number in range(ROUNDS):
        forms = [
            editor.form(
                f"/admin/briefs/brief/{brief.pk}/change/",
                "brief_form",
                summary_en=f"Round {round_number} by editor {n}",
                _publish="pressed",  # live briefs: published at once, not kept as changes
            )
            for n, (editor, brief) in enumerate(zip(editors, briefs, strict=True), start=1)
        ]
        results = together(*submitting(editors, forms))
        failures += [(round_number, status) for status, _body in results if status != 302]
        summaries = [Brief.objects.get(pk=brief.pk).summary_en for brief in briefs]
        assert summaries == [f"Round {round_number} by editor {n}" for n in (1, 2)]
    assert failures == []


def test_two_editors_adding_briefs_with_the_same_title_at_once(editors):
    kind = make_publication_type()
    expert = make_expert()
    failures = []
    for round_number in range(ROUNDS):
        title = f"Gas Deals in the Levant {round_number}"
        forms = [
            editor.form(
                "/admin/briefs/brief/add/",
                "brief_form",
                title_en=title,
                publication_type=str(kind.pk),
                body_en="<p>Body.</p>",
                **{"authorships-0-expert": str(expert.pk)},
            )
            for editor in editors
        ]
        results = together(*submitting(editors, forms))
        failures += [(round_number, status) for status, _body in results if status != 302]
        slugs = sorted(Brief.objects.filter(title_en=title).values_list("slug_en", flat=True))
        base = f"gas-deals-levant-{round_number}"
        assert slugs == [base, f"{base}-2"]
    assert failures == []


def test_two_editors_adding_topics_with_the_same_name_at_once(editors):
    failures = []
    for round_number in range(ROUNDS):
        name = f"Energy {round_number}"
        forms = [
            editor.form("/admin/taxonomy/topic/add/", "topic_form", name_en=name)
            for editor in editors
        ]
        results = together(*submitting(editors, forms))
        failures += [(round_number, status) for status, _body in results if status != 302]
        slugs = sorted(Topic.objects.filter(name_en=name).values_list("slug", flat=True))
        assert slugs == [f"energy-{round_number}", f"energy-{round_number}-2"]
    assert failures == []
