"""A translator's day in the admin, on the demo data, in a real browser."""

from .pages import log_in

LIBYA = "Libya's Renewed Legitimacy Crisis"


def test_editor_changes_english_the_translator_catches_up_and_the_editor_approves(
    browser, demo_site, screenshot
):
    editor = log_in(browser, demo_site, "admin")
    editor.goto(f"{demo_site}/admin/briefs/brief/?q=Libya")
    editor.get_by_role("link", name=LIBYA).click()
    editor.fill("#id_title_en", f"{LIBYA} Deepens")
    editor.click("input[name=_publish]")  # the English change, published
    editor.wait_for_selector(".messagelist .success")
    editor.goto(f"{demo_site}/admin/briefs/brief/?q=Libya")
    libya = editor.locator("#result_list tr", has_text=f"{LIBYA} Deepens")
    assert "outdated" in libya.inner_text()  # flagged to editors; the Arabic stays public
    arabic_address = "/ar/policy-analysis/azmt-alshryt-almtjddt-fy-lybya"
    assert editor.goto(f"{demo_site}{arabic_address}").status == 200
    editor.close()

    translator = log_in(browser, demo_site, "translator")
    queue = translator.locator(".translation-queue")
    # The demo's draft, in-review, scheduled and withdrawn briefs have no Arabic yet.
    assert "Briefs — 4 to translate, 1 outdated" in queue.inner_text()
    screenshot(translator, "translator-home")
    queue.get_by_role("link", name=f"{LIBYA} Deepens").click()

    diff = translator.locator(".translation-diff").first
    assert diff.locator("ins").inner_text() == "Deepens"
    assert translator.locator("#id_title_en").count() == 0  # English is read-only
    arabic_title = translator.locator("#id_title_ar")
    assert arabic_title.get_attribute("dir") == "rtl"
    assert arabic_title.get_attribute("lang") == "ar"
    assert translator.locator("#id_status").count() == 0
    for step in ("_publish", "_approve_ar", "_withdraw_ar"):
        assert translator.locator(f"input[name={step}]").count() == 0
    screenshot(translator, "translator-form")

    arabic_title.fill("أزمة الشرعية المتجددة في ليبيا تتعمّق")
    translator.click("input[name=_send_to_review_ar]")
    message = translator.locator(".messagelist .success").inner_text()
    assert "Arabic: Published; changes in review" in message  # the Arabic stays public
    translator.goto(f"{demo_site}/admin/")
    assert "Briefs — 4 to translate, 0 outdated" in (
        translator.locator(".translation-queue").inner_text()
    )
    translator.close()

    editor = log_in(browser, demo_site, "admin")
    editor.goto(f"{demo_site}/admin/briefs/brief/")
    arabic_filter = editor.locator("#changelist-filter details", has_text="Arabic version")
    arabic_filter.get_by_role("link", name="In review").click()
    editor.wait_for_url("**state_ar=review")
    waiting = editor.locator("#result_list tbody tr")
    assert waiting.count() == 2  # this one, and the demo's translation awaiting approval
    screenshot(editor, "editor-arabic-awaiting-approval")
    editor.get_by_role("link", name=f"{LIBYA} Deepens").click()
    with editor.expect_popup() as popup:
        editor.get_by_role("button", name="Preview in Arabic").click()
    preview = popup.value
    preview.wait_for_load_state()
    assert "أزمة الشرعية المتجددة في ليبيا تتعمّق" in preview.locator("h1").inner_text()
    assert preview.locator("html").get_attribute("dir") == "rtl"
    preview.close()
    editor.click("input[name=_approve_ar]")
    assert "Arabic: Published" in editor.locator(".messagelist .success").inner_text()
    assert editor.locator("input[name=_withdraw_ar]").count() == 1
    editor.close()

    reader = browser.new_page()
    new_arabic = "/ar/policy-analysis/azmt-alshryt-almtjddt-fy-lybya"
    assert reader.goto(f"{demo_site}{new_arabic}").status == 200
    assert reader.locator("h1").inner_text() == "أزمة الشرعية المتجددة في ليبيا تتعمّق"
    assert reader.locator("html").get_attribute("lang") == "ar"
    reader.close()


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
