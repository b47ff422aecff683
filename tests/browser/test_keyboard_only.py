"""An editor writes, previews and publishes a brief with the keyboard alone: no clicks."""

import contextlib

from playwright.sync_api import Error as PlaywrightError

from briefs.models import Brief

TITLE = "Gas Deals in the Eastern Mediterranean"


def tab_to(page, test, *, backwards=False, most=150):
    """Press Tab (Shift+Tab) until `test`, a JavaScript expression about the focused
    element `e`, holds; fail if it never does, as a keyboard user would be stuck."""
    for _ in range(most):
        if page.evaluate(f"(() => {{ const e = document.activeElement; return !!({test}); }})()"):
            return
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
    raise AssertionError(f"never reached by Tab: {test}")


def focused(page, expression):
    return page.evaluate(f"(() => {{ const e = document.activeElement; return {expression}; }})()")


def test_an_editor_writes_previews_and_publishes_by_keyboard(browser, demo_site, screenshot):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{demo_site}/admin/login/")
    assert focused(page, "e.id") == "id_username"  # the form starts where typing does
    page.keyboard.type("admin")
    page.keyboard.press("Tab")
    page.keyboard.type("briefing-room")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{demo_site}/admin/")

    page.goto(f"{demo_site}/admin/briefs/brief/add/")
    page.wait_for_load_state("load")
    # Publishing an empty form is refused, and focus goes to the first field at fault.
    tab_to(page, "e.name === '_publish'")
    page.keyboard.press("Enter")
    page.wait_for_load_state("load")
    page.wait_for_function("document.activeElement.id === 'id_title_en'")
    assert focused(page, "getComputedStyle(e).outlineStyle") != "none"  # focus is visible
    page.keyboard.type(TITLE)

    tab_to(page, "e.id === 'id_publication_type'")
    page.keyboard.press("ArrowDown")
    assert focused(page, "e.value") != ""

    # The body, in its rich-text editor: a heading, a paragraph, and a link made from the
    # toolbar, reached by Shift+Tab from the text and left by Tab.
    tab_to(page, "e.closest('.prose-editor') && e.isContentEditable && "
                 "e.closest('.prose-editor').querySelector('#id_body_en')")  # fmt: skip
    page.keyboard.type("## Background\n")
    page.keyboard.type("Read the report")
    page.keyboard.press("Shift+Home")
    tab_to(page, "e.title === 'insert link'", backwards=True)
    page.keyboard.press("Enter")
    page.wait_for_selector(".prose-editor-dialog[open]")
    tab_to(page, "e.name === 'href'")
    page.keyboard.type("https://example.org/report")
    page.keyboard.press("Enter")
    body = page.locator(".prose-editor:has(#id_body_en) .ProseMirror")
    body.locator("a[href='https://example.org/report']").wait_for()

    # The first author, by the autocomplete: open it, type, take the first match.
    tab_to(page, "e.closest('#authorships-group') && e.getAttribute('role') === 'combobox'")
    page.keyboard.press("Enter")
    page.keyboard.type("Borshchevskaya")
    page.wait_for_selector(".select2-results__option--highlighted:has-text('Borshchevskaya')")
    page.keyboard.press("Enter")
    assert page.locator("#id_authorships-0-expert").input_value() != ""

    # A topic, the same way.
    tab_to(page, "e.closest('#brieftopic_set-group') && e.getAttribute('role') === 'combobox'")
    page.keyboard.press("Enter")
    page.keyboard.type("Russia")
    page.wait_for_selector(".select2-results__option--highlighted")
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
    page.keyboard.press("Enter")
    assert "is now: Published" in page.locator(".messagelist .success").inner_text()
    brief = Brief.objects.get(title_en=TITLE)
    assert brief.status == Brief.Status.PUBLISHED
    assert brief.authors.get().slug == "anna-borshchevskaya"
    assert '<a href="https://example.org/report">Read the report</a>' in brief.body_en
    with contextlib.suppress(PlaywrightError):
        page.close()


def test_language_tabs_are_reached_and_chosen_by_keyboard(browser, demo_site):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{demo_site}/admin/login/")
    page.keyboard.type("admin")
    page.keyboard.press("Tab")
    page.keyboard.type("briefing-room")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{demo_site}/admin/")
    page.goto(f"{demo_site}/admin/briefs/brief/add/")
    tab_to(
        page,
        "e.getAttribute('role') === 'tab' && e.getAttribute('aria-controls') === 'tab_id_title_en'",
    )
    assert focused(page, "e.getAttribute('aria-label')") == "English"
    page.keyboard.press("ArrowRight")  # the next language: jQuery UI's tabs, by arrow keys
    page.wait_for_function("document.activeElement.getAttribute('aria-label') === 'Arabic'")
    page.keyboard.press("Enter")
    assert page.locator("#id_title_ar").is_visible()
