"""Putting the seed's curated picks in order by moving rows, in Chromium on the demo site."""

from .pages import log_in

SEED = "/policy-analysis/netanyahu-and-putin-rendezvous-paris"


def rail(page):
    return page.locator(".rail .teaser__title a").all_inner_texts()


def test_an_editor_moves_the_last_pick_to_the_top_of_the_rail(browser, demo_site, screenshot):
    reader = browser.new_page()
    reader.goto(f"{demo_site}{SEED}")
    before = rail(reader)
    assert len(before) == 3

    editor = log_in(browser, demo_site, "admin")
    editor.goto(f"{demo_site}/admin/briefs/brief/?q=Netanyahu")
    # django-admin-sortable2 binds its buttons on the window's load event: a click before
    # it would land on a button that does nothing yet.
    with editor.expect_navigation(wait_until="load"):
        editor.locator("#result_list tbody th a").first.click()
    picks = editor.locator("#recommendations-group tbody tr.has_original")
    assert picks.count() == 3
    moved = picks.nth(2).locator("td.field-recommended").inner_text()
    picks.nth(2).locator(".move-begin").click()  # the keyboard-and-mouse alternative to a drag
    # The row is moved, and the positions renumbered, before the form is saved.
    editor.wait_for_function(
        "text => document.querySelector('#recommendations-group tbody tr.has_original')"
        ".querySelector('td.field-recommended').innerText === text",
        arg=moved,
    )
    screenshot(editor, "editor-reorders-picks")
    editor.click("input[name=_publish]")  # the seed is live: its picks change as published
    editor.locator(".messagelist .success").wait_for()
    editor.close()

    reader.goto(f"{demo_site}{SEED}")
    assert rail(reader) == [before[2], before[0], before[1]]
    reader.close()
