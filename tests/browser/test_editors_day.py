"""An editor's and a writer's day on the demo site, in a real browser: write, preview,
share, review, publish, fix, compare, restore, withdraw and schedule."""

import re
from datetime import timedelta

from django.utils import timezone

from .pages import log_in, write_rich_text

DRAFT = re.compile("Draft: The Gulf States")


def test_an_editors_day(browser, demo_site, screenshot):
    editor = log_in(browser, demo_site, "admin")
    editor.goto(f"{demo_site}/admin/briefs/brief/?state=draft")
    editor.get_by_role("link", name=DRAFT).click()
    editor.fill("#id_summary_en", "How Gulf money may shape Syria's rebuilding — a typo herre.")

    with editor.context.expect_page() as opened:
        editor.get_by_role("button", name="Preview in English").click()
    preview = opened.value
    preview.wait_for_load_state()
    assert "PREVIEW" in preview.locator(".preview-banner").inner_text()
    screenshot(preview, "editor-preview")
    preview.close()

    editor.click("input[name=_save_draft]")
    assert "is now: Draft" in editor.locator(".messagelist").inner_text()
    share = editor.locator("a[href*='/preview/']").first.get_attribute("href")
    outsider = browser.new_context().new_page()  # no account, no session
    outsider.goto(demo_site + share)
    assert "Draft: The Gulf States" in outsider.locator("h1").inner_text()
    screenshot(outsider, "shared-preview-logged-out")

    editor.click("input[name=_send_to_review]")
    assert "is now: In review" in editor.locator(".messagelist").inner_text()
    editor.click("input[name=_publish]")
    assert "is now: Published" in editor.locator(".messagelist").inner_text()
    address = f"{demo_site}/policy-analysis/{editor.input_value('#id_slug_en')}"
    assert outsider.goto(address).status == 200

    editor.fill("#id_summary_en", "How Gulf money may shape Syria's rebuilding — a typo here.")
    editor.click("input[name=_continue]")
    editor.goto(editor.url.replace("/change/", "/history/"))
    editor.click("input[value=Compare]")
    assert editor.locator(".compare-table del").first.inner_text() == "herre."
    screenshot(editor, "editor-compare")
    editor.go_back()
    editor.locator("#change-history a").nth(1).click()  # the version before the fix
    editor.click("input[name=_save]")
    assert outsider.goto(address).status == 200  # restored, and still public

    editor.goto(f"{demo_site}/admin/briefs/brief/?q=Gulf")
    editor.get_by_role("link", name=DRAFT).click()
    editor.click("input[name=_withdraw]")  # asks first, and why
    assert "Say why below" in editor.locator(".errorlist").first.inner_text()
    assert outsider.goto(address).status == 200
    editor.fill("#id_withdraw_reason", "The figures in it were superseded.")
    screenshot(editor, "editor-withdraws-with-a-reason")
    editor.click("input[name=_withdraw]")
    assert "is now: Withdrawn" in editor.locator(".messagelist").inner_text()
    assert outsider.goto(address).status == 404
    later = timezone.localtime() + timedelta(days=2)
    editor.fill("#id_published_at_0", later.strftime("%Y-%m-%d"))
    editor.click("input[name=_schedule]")
    assert "is now: Scheduled" in editor.locator(".messagelist").inner_text()
    assert outsider.goto(address).status == 404
    editor.close()


def test_a_writers_day(browser, demo_site, screenshot):
    writer = log_in(browser, demo_site, "writer")
    writer.goto(f"{demo_site}/admin/briefs/brief/add/")
    buttons = [b.get_attribute("name") for b in writer.locator(".workflow-row input").all()]
    assert buttons == ["_save_draft", "_send_to_review"]
    writer.fill("#id_title_en", "A Writer's First Brief")
    writer.select_option("#id_publication_type", index=1)
    write_rich_text(writer, "id_body_en", "Written by the writer.")
    writer.click("input[name=_send_to_review]")
    assert "is now: In review" in writer.locator(".messagelist").inner_text()
    screenshot(writer, "writer-in-review")
    writer.goto(f"{demo_site}/admin/briefs/brief/?q=Netanyahu")
    writer.get_by_role("link", name=re.compile("Netanyahu and Putin")).click()
    assert writer.locator("input[name=_save]").count() == 0  # others' published work: read only
    # Read as readers see it: the body rendered, not its HTML; no empty language switch
    # beside "View brief", no preview buttons with nothing to preview.
    body = writer.locator(".field-body_en .readonly")
    assert body.locator("p").first.inner_text().startswith("Israeli Prime Minister")
    assert "<p>" not in body.inner_text()
    assert writer.locator("select.modeltranslation-switch").count() == 0
    assert writer.locator("button[name=_preview]").count() == 0
    screenshot(writer, "writer-reads-someone-elses-brief")
    writer.close()
