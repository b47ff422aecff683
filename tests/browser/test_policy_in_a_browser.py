"""The Content-Security-Policy as a browser applies it: an injected inline script does not
run, and the browser's report of it reaches the site's log."""

import pytest

from tests.factories import make_brief, make_expert


@pytest.mark.django_db(transaction=True)
def test_an_injected_inline_script_is_blocked_and_reported(browser, live_server, caplog):
    brief = make_brief("Gas Deals", authors=[make_expert()])
    page = browser.new_page()
    page.goto(f"{live_server.url}{brief.url_in('en')}")
    with page.expect_request("**/csp-report") as reported:
        page.evaluate(
            """() => {
                const script = document.createElement("script");
                script.textContent = "window.injected = true";
                document.body.append(script);
            }"""
        )
    assert reported.value.method == "POST"
    assert page.evaluate("() => window.injected") is None  # it never ran
    page.wait_for_timeout(200)  # the report is answered after the request is seen
    page.close()
    logged = [r.getMessage() for r in caplog.records if r.name == "website.csp"]
    assert len(logged) == 1 and "inline" in logged[0] and "script-src" in logged[0], logged
