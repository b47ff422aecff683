"""PDF attachments: checked on upload, listed on the article in the reader's language, and
served as PDFs named after the brief, for public briefs only."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from briefs.models import Attachment
from publishing import actions
from tests.browser_forms import form_data
from tests.factories import make_brief, make_expert
from translations.roles import TRANSLATORS, give_role, setup_roles

pytestmark = pytest.mark.django_db

PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"xref\n0 3\n0000000000 65535 f \ntrailer<</Size 3/Root 1 0 R>>\nstartxref\n60\n%%EOF\n"
)


def attach(client, brief, content, name="report.pdf"):
    """Attach a PDF through the form, and publish the brief with it."""
    url = f"/admin/briefs/brief/{brief.pk}/change/"
    data = form_data(client.get(url), "brief_form")
    data.update(
        {
            "_publish": "pressed",
            "attachments-TOTAL_FORMS": "1",
            "attachments-0-title_en": "Full report",
            "attachments-0-title_ar": "التقرير الكامل",
            "attachments-0-position": "0",
            "attachments-0-file": SimpleUploadedFile(name, content, "application/pdf"),
        }
    )
    return client.post(url, data)


@pytest.fixture
def brief():
    return make_brief("Gas Deals", arabic=True, authors=[make_expert()])


def test_a_pdf_is_listed_in_each_language_and_served_named_after_the_brief(
    admin_client, client, brief
):
    assert attach(admin_client, brief, PDF).status_code == 302
    document = Attachment.objects.get()
    english = client.get(brief.url_in("en")).content.decode()
    link = f'<a href="/policy-analysis/gas-deals/documents/{document.pk}" type="application/pdf">'
    assert f"{link}Full report</a> — Download PDF (" in english
    arabic = client.get(brief.url_in("ar")).content.decode()
    assert "التقرير الكامل</a> — تنزيل ملف «بي دي إف» (" in arabic
    response = client.get(f"/policy-analysis/gas-deals/documents/{document.pk}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="gas-deals-full-report.pdf"' in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == PDF


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<html><script>alert(1)</script></html>", "not one"),
        (b"MZ\x90\x00 a program named .pdf", "not one"),
        (PDF[:80], "could not be read whole"),
    ],
)
def test_what_is_not_a_whole_pdf_is_refused_and_nothing_stored(
    admin_client, brief, content, message
):
    response = attach(admin_client, brief, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Attachment.objects.exists()


def test_a_draft_briefs_documents_are_not_served(admin_client, client, brief):
    attach(admin_client, brief, PDF)
    document = Attachment.objects.get()
    actions.BackToDraft(brief, actor="test").run()
    assert client.get(f"/policy-analysis/gas-deals/documents/{document.pk}").status_code == 404
    assert client.get(f"/policy-analysis/other/documents/{document.pk}").status_code == 404


def test_a_translator_translates_a_documents_title_and_nothing_else(
    admin_client, client, brief, django_user_model
):
    attach(admin_client, brief, PDF)
    document = Attachment.objects.get()
    setup_roles()
    translator = django_user_model.objects.create_user("tariq", password="pw", is_staff=True)
    give_role(translator, TRANSLATORS)
    client.force_login(translator)
    url = f"/admin/briefs/brief/{brief.pk}/change/"
    data = form_data(client.get(url), "brief_form")
    assert "attachments-0-title_ar" in data and "attachments-0-title_en" not in data
    data.update(
        {
            "attachments-0-title_ar": "الملخص الكامل",
            "attachments-0-title_en": "Forged title",
            "attachments-0-file": SimpleUploadedFile("evil.pdf", b"<html>", "application/pdf"),
        }
    )
    assert client.post(url, data).status_code == 302
    document.refresh_from_db()  # the live Arabic is kept until the change is approved
    assert (document.title_ar, document.title_en) == ("التقرير الكامل", "Full report")
    assert form_data(client.get(url), "brief_form")["attachments-0-title_ar"] == "الملخص الكامل"
    approval = form_data(admin_client.get(url), "brief_form")
    approval.update({"_approve_ar": "pressed", "publish_despite_faults": "on"})
    assert admin_client.post(url, approval).status_code == 302
    document.refresh_from_db()
    assert (document.title_ar, document.title_en) == ("الملخص الكامل", "Full report")
    assert document.file.read() == PDF


@pytest.mark.parametrize("pk", ["0", "2147483648", "99999999999999999999"])
def test_a_document_address_out_of_range_is_a_404(client, brief, pk):
    assert client.get(f"/policy-analysis/gas-deals/documents/{pk}").status_code == 404
