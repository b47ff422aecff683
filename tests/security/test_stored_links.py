"""An address stored around the form (an import, a raw write) is linked only when it is a
web page's: a javascript: or data: outlet address is shown as its name, not a link."""

import pytest
from selectolax.lexbor import LexborHTMLParser

from briefs.models import Brief
from tests.factories import make_brief, make_expert

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "stored",
    [
        "javascript:alert(document.domain)",
        " JavaScript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//evil.example/x",
    ],
)
def test_an_outlet_address_that_is_no_web_page_is_not_a_link(client, stored):
    brief = make_brief("Gas Deals", authors=[make_expert()], original_outlet_name_en="Outlet")
    Brief.objects.filter(pk=brief.pk).update(original_outlet_url=stored)
    page = LexborHTMLParser(client.get(brief.get_absolute_url()).content.decode())
    hrefs = [link.attributes.get("href") or "" for link in page.css("a")]
    assert not [
        href
        for href in hrefs
        if href.strip().lower().startswith(("javascript", "data", "vbscript"))
    ]
    assert "Outlet" in page.css_first("main").text()


def test_a_web_address_is_linked(client):
    brief = make_brief(
        "Gas Deals",
        authors=[make_expert()],
        original_outlet_name_en="Outlet",
        original_outlet_url="https://outlet.example/piece",
    )
    page = LexborHTMLParser(client.get(brief.get_absolute_url()).content.decode())
    assert page.css_first("a[href='https://outlet.example/piece']").text() == "Outlet"
