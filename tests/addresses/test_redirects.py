"""A moved brief keeps its old addresses, in both languages, as one-hop permanent
redirects; editors add legacy addresses by hand or from a CSV file."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils import translation

from addresses.models import Redirect
from publishing.models import Status
from tests.browser_forms import form_data
from tests.factories import make_brief, make_expert

pytestmark = pytest.mark.django_db


def rename(client, brief, **slugs):
    url = f"/admin/briefs/brief/{brief.pk}/change/"
    data = form_data(client.get(url), "brief_form")
    data.update(slugs)
    assert client.post(url, data).status_code == 302


def assert_moved(client, old, new):
    response = client.get(old)
    assert response.status_code == 301, old
    assert response["Location"] == new
    assert client.get(new).status_code == 200


@pytest.fixture
def brief():
    return make_brief("Gas Deals", arabic=True, slug_ar="sfqat", authors=[make_expert()])


def test_a_changed_slug_leaves_a_permanent_redirect_in_each_language(admin_client, client, brief):
    rename(admin_client, brief, slug_en="gas-deals-levant", slug_ar="sfqat-alghaz")
    # Unpublished changes move nothing: readers keep the published address.
    assert client.get("/policy-analysis/gas-deals").status_code == 200
    assert client.get("/policy-analysis/gas-deals-levant").status_code == 404
    rename(admin_client, brief, _publish="pressed")
    rename(admin_client, brief, _approve_ar="pressed", publish_despite_faults="on")
    assert_moved(client, "/policy-analysis/gas-deals", "/policy-analysis/gas-deals-levant")
    assert_moved(client, "/ar/policy-analysis/sfqat", "/ar/policy-analysis/sfqat-alghaz")


def test_chains_collapse_into_one_hop_and_moving_back_makes_no_loop(admin_client, client, brief):
    rename(admin_client, brief, slug_en="second", _publish="pressed")
    rename(admin_client, brief, slug_en="third", _publish="pressed")
    assert_moved(client, "/policy-analysis/gas-deals", "/policy-analysis/third")
    assert_moved(client, "/policy-analysis/second", "/policy-analysis/third")
    rename(admin_client, brief, slug_en="gas-deals", _publish="pressed")
    assert client.get("/policy-analysis/gas-deals").status_code == 200
    assert_moved(client, "/policy-analysis/third", "/policy-analysis/gas-deals")
    assert not Redirect.objects.filter(old_path="/policy-analysis/gas-deals").exists()


def test_a_link_to_a_draft_survives_its_slug_changing_before_it_is_published(admin_client, client):
    draft = make_brief("Quiet Draft", state=Status.DRAFT, authors=[make_expert()])
    linking = make_brief(body_en=f'<p>See <a href="{draft.get_absolute_url()}">the draft</a>.</p>')
    rename(admin_client, draft, slug_en="still-quiet")
    rename(admin_client, draft, slug_en="quiet-no-more", _publish="pressed")
    page = client.get(linking.get_absolute_url()).content.decode()
    assert 'href="/policy-analysis/quiet-draft"' in page
    assert_moved(client, "/policy-analysis/quiet-draft", "/policy-analysis/quiet-no-more")


def test_an_editor_adds_a_legacy_address_by_hand(admin_client, client, brief):
    response = admin_client.post(
        "/admin/addresses/redirect/add/",
        {
            "old_path": "/policy-analysis/view/gas-deals",
            "new_path": "/policy-analysis/old",
        },
    )
    assert response.status_code == 302
    # A later move of the page it points at is followed, so it stays one hop.
    Redirect.objects.create(old_path="/policy-analysis/old", new_path=brief.get_absolute_url())
    admin_client.post(
        "/admin/addresses/redirect/add/",
        {
            "old_path": "/policy-analysis/view/x",
            "new_path": "/policy-analysis/view/gas-deals",
        },
    )
    assert_moved(client, "/policy-analysis/view/gas-deals", brief.get_absolute_url())
    assert_moved(client, "/policy-analysis/view/x", brief.get_absolute_url())


def test_a_redirect_never_shadows_a_live_page(client, brief):
    Redirect.objects.create(old_path=brief.get_absolute_url(), new_path="/experts/")
    assert client.get(brief.get_absolute_url()).status_code == 200


def test_a_redirect_that_would_loop_is_dropped():
    Redirect.objects.create(old_path="/a", new_path="/b")
    Redirect.objects.create(old_path="/b", new_path="/a")
    assert list(Redirect.objects.values_list("old_path", "new_path")) == [("/a", "/b")]


def test_redirects_come_in_from_a_csv_file_all_or_none(tmp_path, client, brief):
    good = tmp_path / "good.csv"
    good.write_text(
        "old,new\n/policy-analysis/view/gas-deals,/policy-analysis/gas-deals\n"
        "/ar/policy-analysis/view/sfqat,/ar/policy-analysis/sfqat\n"
    )
    call_command("import_redirects", str(good), stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert_moved(client, "/policy-analysis/view/gas-deals", "/policy-analysis/gas-deals")
    assert_moved(client, "/ar/policy-analysis/view/sfqat", "/ar/policy-analysis/sfqat")

    bad = tmp_path / "bad.csv"
    bad.write_text("/one,/two\nhttps://evil.example/,/x\n/three\n/" + "x" * 1100 + ",/y\n")
    with pytest.raises(CommandError) as refused:
        call_command("import_redirects", str(bad))
    report = str(refused.value)
    assert "line 2" in report and "line 3" in report and "line 4" in report
    assert not Redirect.objects.filter(old_path="/one").exists()


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/policy-analysis/view/x", "//evil.example/"),
        ("/policy-analysis/view/x", "https://evil.example/"),
        ("/policy-analysis/view/x", "javascript:alert(1)"),
        ("/policy-analysis/view/x", "/\\evil.example"),
        ("policy-analysis/view/x", "/experts/"),
        ("/a b", "/experts/"),
        ("/" + "x" * 1100, "/experts/"),
        ("/same", "/same"),
        ("", ""),
    ],
)
def test_the_admin_refuses_addresses_that_are_not_paths_here(admin_client, old, new):
    response = admin_client.post(
        "/admin/addresses/redirect/add/", {"old_path": old, "new_path": new}
    )
    assert response.status_code == 200
    assert 'class="errorlist' in response.content.decode()
    assert not Redirect.objects.exists()


def test_an_editor_imports_a_csv_in_the_admin_all_or_none(admin_client, client, brief):
    changelist = admin_client.get("/admin/addresses/redirect/").content.decode()
    assert 'href="/admin/addresses/redirect/import/"' in changelist
    good = SimpleUploadedFile(
        "old.csv", b"old,new\n/policy-analysis/view/gas-deals,/policy-analysis/gas-deals\n"
    )
    response = admin_client.post("/admin/addresses/redirect/import/", {"file": good})
    assert response.status_code == 302
    assert_moved(client, "/policy-analysis/view/gas-deals", "/policy-analysis/gas-deals")

    bad = SimpleUploadedFile("bad.csv", b"/one,/two\njavascript:alert(1),/x\n")
    response = admin_client.post("/admin/addresses/redirect/import/", {"file": bad})
    assert response.status_code == 200
    assert "line 2" in response.content.decode()
    assert not Redirect.objects.filter(old_path="/one").exists()
    binary = SimpleUploadedFile("photo.csv", b"\xff\xfe\x00\x00garbage")
    response = admin_client.post("/admin/addresses/redirect/import/", {"file": binary})
    assert response.status_code == 200 and "not UTF-8 text" in response.content.decode()


def test_the_command_reports_in_the_sites_language_whatever_a_request_left_active(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("/one\n")
    translation.activate("ar")  # as a request under /ar/ leaves the thread
    try:
        with pytest.raises(CommandError) as refused:
            call_command("import_redirects", str(bad))
    finally:
        translation.deactivate()
    assert "line 1: expected two columns" in str(refused.value)
