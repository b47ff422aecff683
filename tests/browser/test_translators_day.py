"""A translator's day in the admin, on the demo data, in a real browser."""

import re

from .pages import log_in

LIBYA = "Libya's Renewed Legitimacy Crisis"


def test_editor_changes_english_and_the_translator_catches_up(browser, demo_site, screenshot):
    editor = log_in(browser, demo_site, "admin")
    editor.goto(f"{demo_site}/admin/briefs/brief/?q=Libya")
    editor.get_by_role("link", name=LIBYA).click()
    editor.fill("#id_title_en", f"{LIBYA} Deepens")
    editor.click("input[name=_save]")
    editor.wait_for_selector(".messagelist .success")
    editor.close()

    translator = log_in(browser, demo_site, "translator")
    queue = translator.locator(".translation-queue")
    # The demo's draft, in-review and scheduled briefs have no Arabic yet.
    assert "Briefs — 3 to translate, 1 outdated" in queue.inner_text()
    screenshot(translator, "translator-home")
    queue.get_by_role("link", name=f"{LIBYA} Deepens").click()

    diff = translator.locator(".translation-diff").first
    assert diff.locator("ins").inner_text() == "Deepens"
    assert translator.locator("#id_title_en").count() == 0  # English is read-only
    arabic_title = translator.locator("#id_title_ar")
    assert arabic_title.get_attribute("dir") == "rtl"
    assert arabic_title.get_attribute("lang") == "ar"
    assert translator.locator("#id_status").count() == 0
    screenshot(translator, "translator-form")

    arabic_title.fill("أزمة الشرعية المتجددة في ليبيا تتعمّق")
    translator.click("input[name=_save]")
    translator.wait_for_selector(".messagelist .success")
    row = translator.locator("#result_list tr", has_text=f"{LIBYA} Deepens")
    assert re.search(r"complete", row.inner_text())
    translator.goto(f"{demo_site}/admin/")
    assert "Briefs — 3 to translate, 0 outdated" in (
        translator.locator(".translation-queue").inner_text()
    )
    translator.close()


def test_admin_prefills_slugs_by_the_sites_rules(browser, demo_site):
    editor = log_in(browser, demo_site, "admin")
    editor.goto(f"{demo_site}/admin/briefs/brief/add/")
    editor.locator("#id_title_en").press_sequentially(
        "How to Make Russia Pay in Ukraine: Study Syria"
    )
    assert editor.locator("#id_slug_en").input_value() == "how-make-russia-pay-ukraine-study-syria"
    editor.locator("#id_title_en").fill("")
    editor.locator("#id_slug_en").fill("")
    editor.locator("#id_title_en").press_sequentially("A Contest of Wills–and Wagers")
    assert editor.locator("#id_slug_en").input_value() == "contest-wills-and-wagers"
    editor.get_by_role("tab", name="AR").first.click()  # the Arabic tab of the title
    editor.locator("#id_title_ar").press_sequentially("لقاء نتنياهو وبوتين في باريس")
    assert editor.locator("#id_slug_ar").input_value() == "lqa-ntnyahw-wbwtyn-fy-barys"
    editor.close()
