"""Persian in a real browser, on the demo data: the seed article read on a phone and a
desktop, and the Persian translator's day in the admin."""

import pytest
from playwright.sync_api import expect

from .pages import log_in, write_rich_text

SEED_FA = "/fa/policy-analysis/dydar-ntanyahw-w-pwtyn-dr-parys"
DRONES = "Translated: Iranian Drones over Ukraine, as Seen from Israel"


@pytest.mark.parametrize("width", [390, 1280])
def test_the_persian_seed_article_reads_right_to_left_at_every_width(
    browser, demo_site, screenshot, width
):
    page = browser.new_page(viewport={"width": width, "height": 900})
    assert page.goto(f"{demo_site}{SEED_FA}").status == 200
    html = page.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("fa", "rtl")
    assert page.locator("h1").inner_text() == "دیدار نتانیاهو و پوتین در پاریس"
    assert "۹ آذر ۱۳۹۴" in page.locator("main").inner_text()  # Nov 30, 2015, Solar Hijri
    # Nothing runs off the side of a phone's screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # The text is set in the Arabic-script face the page preloads, not a fallback.
    family = page.locator(".brief__body p:not(.type-label)").first.evaluate(
        "e => getComputedStyle(e).fontFamily"
    )
    assert family.startswith('"Noto Naskh Arabic"')
    assert page.evaluate("document.fonts.check('16px \"Noto Naskh Arabic\"', 'دیدار')")
    screenshot(page, f"persian-seed-{width}")
    page.close()


def test_the_persian_translators_day(browser, demo_site, screenshot):
    translator = log_in(browser, demo_site, "translator-fa")
    queue = translator.locator(".translation-queue")
    assert "Translation queue (Persian)" in queue.inner_text()
    assert "Translation queue (Arabic)" not in queue.inner_text()
    queue.get_by_role("link", name=DRONES).click()
    persian_title = translator.locator("#id_title_fa")
    expect(persian_title).to_be_visible()
    assert (persian_title.get_attribute("lang"), persian_title.get_attribute("dir")) == (
        "fa",
        "rtl",
    )
    for other in ("en", "ar"):
        assert translator.locator(f"#id_title_{other}").count() == 0  # shown, not editable
        assert translator.locator(f"input[name=_send_to_review_{other}]").count() == 0
    persian_title.fill("پهپادهای ایرانی در آسمان اوکراین از نگاه اسرائیل")
    write_rich_text(translator, "id_body_fa", "متن ترجمهٔ فارسی.")
    screenshot(translator, "persian-translator-form")
    translator.click("input[name=_send_to_review_fa]")
    message = translator.locator(".messagelist .success").inner_text()
    assert "Persian: In review" in message
    translator.close()

    editor = log_in(browser, demo_site, "admin")
    editor.goto(f"{demo_site}/admin/briefs/brief/?state_fa=review")
    waiting = editor.locator("#result_list tbody tr")
    assert waiting.count() == 1 and DRONES in waiting.inner_text()
    # An editor's tabs open on the brief's own language, not on the admin's (Arabic here).
    change_form = editor.get_by_role("link", name=DRONES).get_attribute("href")
    editor.goto(f"{demo_site}/ar{change_form}")
    expect(editor.locator("#id_title_en")).to_be_visible()
    expect(editor.locator("#id_title_ar")).to_be_hidden()
    editor.click("input[name=_approve_fa]")
    # Its topic, region, PDF and picture have no Persian yet: the content check says so,
    # and the editor publishes despite it, as the form offers.
    assert "no Persian" in editor.locator(".errornote, .errorlist").first.inner_text() or (
        editor.locator("#id_publish_despite_faults").count() == 1
    )
    editor.check("#id_publish_despite_faults")
    editor.click("input[name=_approve_fa]")
    editor.wait_for_selector(".messagelist .success")
    reader = browser.new_page()
    reader.goto(f"{demo_site}/fa/policy-analysis/")
    assert "پهپادهای ایرانی در آسمان اوکراین" in reader.locator("main").inner_text()
    reader.close()
    editor.close()
