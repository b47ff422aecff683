"""A redirect that would loop is refused with the reason, not reported as saved and
silently dropped."""

import pytest

from addresses.models import Redirect

pytestmark = pytest.mark.django_db


def test_a_redirect_that_would_loop_is_refused_in_the_admin_and_says_why(admin_client):
    Redirect.objects.create(old_path="/b", new_path="/c")
    Redirect.objects.create(old_path="/c", new_path="/a")
    response = admin_client.post(
        "/admin/addresses/redirect/add/", {"old_path": "/a", "new_path": "/b", "_save": "Save"}
    )
    assert response.status_code == 200  # the form again, not "added successfully"
    assert "leads back to “/a” through other redirects" in response.content.decode()
    assert not Redirect.objects.filter(old_path="/a").exists()


@pytest.mark.parametrize(
    ("old", "new"),
    [("/loop-e", "/loop-%65"), ("/loop-q", "/loop-q?x=1"), ("/loop-f", "/loop-f#top")],
)
def test_a_loop_spelled_otherwise_is_refused_too(admin_client, old, new):
    response = admin_client.post(
        "/admin/addresses/redirect/add/", {"old_path": old, "new_path": new, "_save": "Save"}
    )
    assert response.status_code == 200
    assert not Redirect.objects.exists()


def test_a_redirect_keeps_a_query_of_its_own(client):
    Redirect.objects.create(old_path="/old-search", new_path="/search/?q=gas")
    response = client.get("/old-search", {"utm_source": "x"})
    assert response["Location"] == "/search/?q=gas"


def test_a_csv_of_rows_that_loop_is_refused_whole_with_the_lines(admin_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    rows = b"/csv-a,/csv-b\n/csv-b,/csv-a\n/csv-h,/csv-%68\n"
    response = admin_client.post(
        "/admin/addresses/redirect/import/", {"file": SimpleUploadedFile("r.csv", rows)}
    )
    page = response.content.decode()
    assert response.status_code == 200 and "line 2" in page and "line 3" in page
    assert not Redirect.objects.exists()


@pytest.mark.parametrize(
    ("rows", "said"),
    [
        ("".join(f"/a{n},/b{n}\n" for n in range(1_002)).encode(), "Split it"),
        (b"/a," + b"x" * 200_000 + b"\n", "not readable CSV"),
    ],
    ids=["too many rows", "a cell too long"],
)
def test_a_csv_too_big_for_a_request_is_refused_with_a_message(admin_client, rows, said):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = admin_client.post(
        "/admin/addresses/redirect/import/", {"file": SimpleUploadedFile("r.csv", rows)}
    )
    assert response.status_code == 200 and said in response.content.decode()
