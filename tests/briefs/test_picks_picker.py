"""The curated-picks picker offers other briefs only, and says which are not public."""

import pytest

from briefs.models import Recommendation
from publishing.models import Status
from tests.browser_forms import form_data
from tests.factories import make_brief, make_expert

pytestmark = pytest.mark.django_db


def search(client, term, editing=None):
    params = {
        "term": term,
        "app_label": "briefs",
        "model_name": "recommendation",
        "field_name": "recommended",
    }
    if editing is not None:
        params["exclude"] = editing
    response = client.get("/admin/briefs/brief/pick-search/", params)
    assert response.status_code == 200
    return [result["text"] for result in response.json()["results"]]


def test_the_picker_leaves_out_the_brief_itself_and_marks_drafts_and_withdrawn(
    admin_client, django_capture_on_commit_callbacks
):
    # Committed: released briefs are found through the search index, which follows commits.
    with django_capture_on_commit_callbacks(execute=True):
        brief = make_brief("Gas Deals", authors=[make_expert()])
        make_brief("Gas Pipelines")
        make_brief("Gas Draft", state=Status.DRAFT)
        make_brief("Gas Withdrawn", state=Status.WITHDRAWN)
    found = search(admin_client, "Gas", editing=brief.pk)
    assert sorted(found) == [
        "Gas Draft — Draft",
        "Gas Pipelines",
        "Gas Withdrawn — Withdrawn",
    ]
    form = admin_client.get(f"/admin/briefs/brief/{brief.pk}/change/").content.decode()
    assert f'data-ajax--url="/admin/briefs/brief/pick-search/?exclude={brief.pk}"' in form
    assert "Gas Deals" in search(admin_client, "Gas")  # a new brief: nothing to leave out
    assert len(search(admin_client, "Gas", editing="x' OR 1=1")) == 4  # bad input ignored


def test_picking_the_brief_itself_by_a_forged_post_is_a_form_error(admin_client):
    brief = make_brief("Gas Deals", authors=[make_expert()])
    url = f"/admin/briefs/brief/{brief.pk}/change/"
    data = form_data(admin_client.get(url), "brief_form")
    data.update({"recommendations-0-recommended": str(brief.pk), "recommendations-0-position": "0"})
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not Recommendation.objects.exists()


def test_the_picker_is_for_staff_only(client):
    response = client.get(
        "/admin/briefs/brief/pick-search/",
        {
            "term": "a",
            "app_label": "briefs",
            "model_name": "recommendation",
            "field_name": "recommended",
        },
    )
    assert response.status_code == 302  # to the login page


def test_the_picker_pages_without_counting_and_says_when_more_follow(
    admin_client, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    with django_capture_on_commit_callbacks(execute=True):
        kind = make_brief("Oil 0").publication_type
        for number in range(1, 25):
            make_brief(f"Oil {number}", publication_type=kind)
    params = {
        "term": "Oil",
        "app_label": "briefs",
        "model_name": "recommendation",
        "field_name": "recommended",
    }
    with django_assert_max_num_queries(12) as queries:
        first = admin_client.get("/admin/briefs/brief/pick-search/", params).json()
    assert not any("COUNT(" in query["sql"].upper() for query in queries.captured_queries)
    assert len(first["results"]) == 20 and first["pagination"]["more"] is True
    second = admin_client.get("/admin/briefs/brief/pick-search/", {**params, "page": 2}).json()
    assert len(second["results"]) == 5 and second["pagination"]["more"] is False
    shown = {result["text"] for result in first["results"] + second["results"]}
    assert len(shown) == 25
