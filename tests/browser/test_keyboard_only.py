"""An editor writes, previews and publishes a brief with the keyboard alone: no clicks."""

import contextlib

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from briefs.models import Brief
from publishing.models import Status
from tests.factories import state_of

TITLE = "Gas Deals in the Eastern Mediterranean"


def tab_to(page, test, *, backwards=False, most=150):
    """Press Tab (Shift+Tab) until `test`, a JavaScript expression about the focused
    element `e`, holds; fail if it never does, as a keyboard user would be stuck."""
    for _ in range(most):
        if focused(page, f"!!({test})"):
            return
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
    raise AssertionError(f"never reached by Tab: {test}")


def focused(page, expression):
    return page.evaluate(
        f"(() => {{ const e = document.activeElement; return e ? {expression} : null; }})()"
    )


def until(page, expression, seconds=10):
    """Wait until `expression` holds in the page (polled from here: the admin's
    Content-Security-Policy forbids the page the eval that wait_for_function uses)."""
    for _ in range(seconds * 10):
        if page.evaluate(f"!!({expression})"):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"never came to hold: {expression}")


def until_focused(page, test, seconds=10):
    until(page, f"(() => {{ const e = document.activeElement; return e && ({test}); }})()", seconds)


def log_in_by_keyboard(browser, base):
    """The editor's login, typed: the form starts where typing does."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{base}/admin/login/")
    assert focused(page, "e.id") == "id_username"
    page.keyboard.type("admin")
    page.keyboard.press("Tab")
    page.keyboard.type("briefing-room")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base}/admin/")
    return page


def test_an_editor_writes_previews_and_publishes_by_keyboard(browser, demo_site, screenshot):
    page = log_in_by_keyboard(browser, demo_site)

    page.goto(f"{demo_site}/admin/briefs/brief/add/")
    page.wait_for_load_state("load")
    # Publishing an empty form is refused, and focus goes to the first field at fault.
    tab_to(page, "e.name === '_publish'")
    with page.expect_navigation(wait_until="load"):
        page.keyboard.press("Enter")
    until_focused(page, "e.id === 'id_title_en'")
    assert focused(page, "getComputedStyle(e).outlineStyle") != "none"  # focus is visible
    page.keyboard.type(TITLE)

    tab_to(page, "e.id === 'id_publication_type'")
    page.keyboard.press("ArrowDown")
    assert focused(page, "e.value") != ""

    # The body, in its rich-text editor: a heading, a paragraph, and a link (Ctrl+K).
    tab_to(page, "e.closest('.prose-editor') && e.isContentEditable && "
                 "e.closest('.prose-editor').querySelector('#id_body_en')")  # fmt: skip
    page.keyboard.type("## Background\n")
    page.keyboard.type("Read the report")
    page.keyboard.press("Shift+Home")
    until(page, "getSelection().toString() === 'Read the report'")
    # The editor takes in a selection on the browser's next selectionchange event; on a
    # busy machine Ctrl+K can come first and find nothing to link. A person presses again.
    for _attempt in range(3):
        page.keyboard.press("Control+k")
        with contextlib.suppress(PlaywrightTimeoutError):
            page.wait_for_selector(".prose-editor-dialog[open]", timeout=5000)
            break
    page.wait_for_selector(".prose-editor-dialog[open]", timeout=1000)
    tab_to(page, "e.name === 'href'")
    page.keyboard.type("https://example.org/report")
    page.keyboard.press("Enter")
    body = page.locator(".prose-editor:has(#id_body_en) .ProseMirror")
    body.locator("a[href='https://example.org/report']").wait_for()

    # The first author, by the autocomplete: open it, type, take the first match.
    tab_to(page, "e.closest('#authorships-group') && e.getAttribute('role') === 'combobox'")
    page.keyboard.press("Enter")
    until_focused(page, "e.classList.contains('select2-search__field')")
    page.keyboard.type("Borshchevskaya")
    page.wait_for_selector(".select2-results__option--highlighted:has-text('Borshchevskaya')")
    page.keyboard.press("Enter")
    assert page.locator("#id_authorships-0-expert").input_value() != ""

    # A topic and a region, the same way.
    for group, name in (("brieftopic_set", "Military"), ("briefregion_set", "Syria")):
        tab_to(page, f"e.closest('#{group}-group') && e.getAttribute('role') === 'combobox'")
        page.keyboard.press("Enter")
        until_focused(page, "e.classList.contains('select2-search__field')")
        page.keyboard.type(name)
        page.wait_for_selector(f".select2-results__option--highlighted:has-text('{name}')")
        page.keyboard.press("Enter")

    # Preview in English: a new tab, by Enter on its button.
    tab_to(page, "e.name === '_preview' && e.formAction.includes('language=en')")
    with page.context.expect_page() as opened:
        page.keyboard.press("Enter")
    preview = opened.value
    preview.wait_for_load_state()
    assert TITLE in preview.locator("h1").inner_text()
    preview.close()

    tab_to(page, "e.name === '_publish'")
    screenshot(page, "keyboard-only-publish")
    with page.expect_navigation(wait_until="load"):
        page.keyboard.press("Enter")
    assert "is now: Published" in page.locator(".messagelist .success").inner_text()
    brief = Brief.objects.get(title_en=TITLE)
    assert state_of(brief) == Status.LIVE
    assert brief.authors.get().slug == "anna-borshchevskaya"
    assert [topic.name_en for topic in brief.topics.all()] == ["Military & Security"]
    assert [region.name_en for region in brief.regions.all()] == ["Syria"]
    assert '<a href="https://example.org/report"' in brief.body_en
    assert ">Read the report</a>" in brief.body_en
    with contextlib.suppress(PlaywrightError):
        page.close()


def test_language_tabs_are_reached_and_chosen_by_keyboard(browser, demo_site):
    page = log_in_by_keyboard(browser, demo_site)
    page.goto(f"{demo_site}/admin/briefs/brief/add/")
    tab_to(
        page,
        "e.getAttribute('role') === 'tab' && e.getAttribute('aria-controls') === 'tab_id_title_en'",
    )
    assert focused(page, "e.getAttribute('aria-label')") == "English"
    page.keyboard.press("ArrowRight")  # the next language: jQuery UI's tabs, by arrow keys
    until_focused(page, "e.getAttribute('aria-label') === 'Arabic'")
    page.keyboard.press("Enter")
    assert page.locator("#id_title_ar").is_visible()


def test_picks_are_put_in_order_by_keyboard(browser, demo_site):
    page = log_in_by_keyboard(browser, demo_site)
    seed = Brief.objects.get(slug_en="netanyahu-and-putin-rendezvous-paris")
    page.goto(f"{demo_site}/admin/briefs/brief/{seed.pk}/change/")
    page.wait_for_load_state("load")
    picks = page.locator("#recommendations-group tbody tr.has_original")
    last = picks.nth(2).locator("td.field-recommended").inner_text()
    # Tab to the last pick's "move to first position", then Enter.
    tab_to(page, "e.classList.contains('move-begin') && "
                 "e.closest('tr') === [...document.querySelectorAll("
                 "'#recommendations-group tbody tr.has_original')][2]")  # fmt: skip
    page.keyboard.press("Enter")
    assert picks.nth(0).locator("td.field-recommended").inner_text() == last
    tab_to(page, "e.name === '_publish'")  # the seed is live: its picks change as published
    with page.expect_navigation(wait_until="load"):
        page.keyboard.press("Enter")
    first = seed.recommendations.order_by("position").first().recommended
    assert first.title_en in last


def test_a_figure_is_inserted_by_keyboard(browser, demo_site):
    page = log_in_by_keyboard(browser, demo_site)
    page.goto(f"{demo_site}/admin/briefs/brief/add/")
    page.wait_for_load_state("load")
    tab_to(page, "e.isContentEditable && e.closest('.prose-editor').querySelector('#id_body_en')")
    page.keyboard.type("Text before the chart.")
    tab_to(page, "e.title === 'figure'", backwards=True)
    page.keyboard.press("Enter")
    page.wait_for_selector(".prose-editor-dialog[open]")
    tab_to(page, "e.closest('.prose-editor-field-with-picker') && e.tagName === 'BUTTON'")
    with page.expect_popup() as opened:
        page.keyboard.press("Enter")
    chooser = opened.value
    chooser.wait_for_load_state("load")
    tab_to(chooser, "e.name === 'q'")
    chooser.keyboard.type("Chart made")
    with chooser.expect_navigation(wait_until="load"):
        chooser.keyboard.press("Enter")
    tab_to(chooser, "e.matches('[data-choose-image]')")
    with chooser.expect_event("close"), contextlib.suppress(PlaywrightError):
        chooser.keyboard.press("Enter")
    until_focused(page, "e.closest('.prose-editor-dialog')")
    tab_to(page, "e.type === 'submit' && e.closest('.prose-editor-dialog')")
    page.keyboard.press("Enter")
    page.locator(".ProseMirror figure img").first.wait_for()
