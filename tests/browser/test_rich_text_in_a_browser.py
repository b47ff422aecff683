"""Writing a brief in the rich-text editor, and translating it in the Arabic editor, in
Chromium on the demo site."""

import contextlib
import re

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect
from selectolax.lexbor import LexborHTMLParser

from briefs.models import Brief
from editorial.diff import plain_blocks
from experts.models import Expert
from library.figures import WITH_FIGURES
from library.models import Image

from .pages import log_in, write_rich_text

SEED = "/policy-analysis/netanyahu-and-putin-rendezvous-paris"


def test_an_editor_writes_in_the_editor_and_a_translator_in_the_arabic_one(
    browser, demo_site, screenshot
):
    figure = Image.objects.get(credit_en="Chart made for the demo")  # the seed's timeline
    editor = log_in(browser, demo_site, "admin")
    editor.goto(f"{demo_site}/admin/briefs/brief/add/")
    arabic_editor = editor.locator(".prose-editor:has(#id_body_ar) .ProseMirror[contenteditable]")
    arabic_editor.wait_for(state="attached")
    # In the English admin, left to right, the Arabic tab's editor runs right to left.
    assert editor.locator("html").get_attribute("dir") == "ltr"
    assert arabic_editor.evaluate("e => getComputedStyle(e).direction") == "rtl"
    # The browser checks the spelling of each editor in its field's language.
    english_editor = editor.locator(".prose-editor:has(#id_body_en) .ProseMirror[contenteditable]")
    language = "e => [e.spellcheck, e.closest('[lang]').lang]"
    assert arabic_editor.evaluate(language) == [True, "ar"]
    assert english_editor.evaluate(language) == [True, "en"]
    editor.fill("#id_title_en", "Gas Deals in the Eastern Mediterranean")
    editor.select_option("#id_publication_type", index=1)
    anna = Expert.objects.get(slug="anna-borshchevskaya")
    editor.locator("#id_authorships-0-expert").evaluate(  # as the autocomplete would
        "(select, id) => { select.add(new Option('Anna', id, true, true)); }", str(anna.pk)
    )
    body = write_rich_text(editor, "id_body_en", "## Background\n")
    body.press_sequentially("- Leviathan\nTamar\n\n")
    body.press_sequentially("Read the report")
    editor.keyboard.press("Shift+Home")
    menu = editor.locator(".prose-editor:has(#id_body_en) .prose-menubar")
    menu.locator("button[title='insert link']").click()
    editor.fill(".prose-editor-dialog[open] input[name=href]", "https://example.org/report")
    editor.click(".prose-editor-dialog[open] button[type=submit]")
    body.locator("a[href='https://example.org/report']").wait_for()
    # Back in the text, after the words: typing makes the editor read where the caret is
    # (a bare Enter could still act on the selection the link was made from).
    body.locator("p:has(a)").click(position={"x": 400, "y": 5})
    editor.keyboard.type(".")
    editor.keyboard.press("Enter")
    body.press_sequentially("See also")
    editor.keyboard.press("Shift+Home")
    link_to_a_page_of_the_site(editor, menu, "Putin Rendezvous")
    body.locator(f"a[href='{SEED}']").wait_for()
    body.locator(f"p:has(a[href='{SEED}'])").click(position={"x": 400, "y": 5})
    editor.keyboard.type(".")
    editor.keyboard.press("Enter")
    insert_figure(editor, menu, "Chart made")
    menu.locator("button[title='Insert table']").click()
    editor.click(".prose-editor-dialog[open] button[type=submit]")  # 3 × 3, as offered
    editor.keyboard.type("2022")
    screenshot(editor, "editor-writes-rich-text")
    editor.click("input[name=_publish]")
    # A table without a header row: the content check refuses, with a link to the field.
    faults = editor.locator(".errorlist.nonfield")
    assert "A table without a header row" in faults.inner_text()
    editor.wait_for_load_state("load")  # the page has set its focus (on the message)
    editor.evaluate("() => new Promise(requestAnimationFrame)")
    assert editor.evaluate("document.activeElement.classList.contains('errornote')")
    faults.locator("a.content-fault-link[href='#id_body_en']").click()
    focused = "document.activeElement.closest('.prose-editor')?.querySelector('textarea')?.id"
    assert editor.evaluate(focused) == "id_body_en"
    # The editor makes the table again, with a header row this time.
    body = editor.locator(".prose-editor:has(#id_body_en) .ProseMirror[contenteditable]")
    body.locator("table").click()
    menu.locator("button[title='Delete table']").click()
    menu.locator("button[title='Insert table']").click()
    editor.select_option(".prose-editor-dialog[open] select[name=withHeaderRow]", "Yes")
    editor.click(".prose-editor-dialog[open] button[type=submit]")
    editor.keyboard.type("2022")
    editor.click("input[name=_publish]")
    assert "is now: Published" in editor.locator(".messagelist .success").inner_text()
    stored = editor.locator("#id_body_en").input_value()
    for made in ["<h2>Background</h2>", "<li><p>Leviathan</p></li>",
                 'href="https://example.org/report"', "<table>", "<th>", "2022",
                 f'data-file="{figure.pk}"', "<figcaption", f'<a href="{SEED}"']:  # fmt: skip
        assert made in stored, stored
    editor.close()

    reader = browser.new_page()
    page = reader.goto(f"{demo_site}/policy-analysis/gas-deals-eastern-mediterranean")
    article = LexborHTMLParser(page.text()).css_first(".brief__body")
    assert article.css_first("h2").text() == "Background"
    assert [li.text(strip=True) for li in article.css("li")] == ["Leviathan", "Tamar"]
    assert article.css_first("a").attributes["href"] == "https://example.org/report"
    assert article.css_first("table") is not None
    drawn = article.css_first("figure picture img")  # the library's renditions, uncropped
    assert drawn.attributes["alt"] == figure.alt_en
    assert (drawn.attributes["width"], drawn.attributes["height"]) == ("1600", "500")
    assert figure.credit_en in article.css_first("figure figcaption").text()
    reader.close()

    translator = log_in(browser, demo_site, "translator")
    translator.goto(f"{demo_site}/ar/admin/briefs/brief/?q=Gas+Deals")
    translator.locator("#result_list tbody th a").first.click()
    shown = translator.locator(".field-body_en .readonly")
    assert shown.locator("h2").inner_text() == "Background"  # as readers see it, not HTML
    translator.fill("#id_title_ar", "صفقات الغاز في شرق المتوسط")
    arabic = write_rich_text(translator, "id_body_ar", "## خلفية\n")
    wrapper = "e => [e.closest('.prose-editor').dir, e.closest('.prose-editor').lang]"
    assert arabic.evaluate(wrapper) == ["rtl", "ar"]
    arabic.press_sequentially("- ليفياثان\nتمار\n\n")
    arabic.press_sequentially("نص الترجمة.\n")
    # The toolbar speaks Arabic, the block type chosen where the caret is included.
    arabic_menu = translator.locator(".prose-editor:has(#id_body_ar) .prose-menubar")
    names = "bs => bs.map((b) => b.getAttribute('aria-label') || b.textContent.trim())"
    toolbar = arabic_menu.locator("button").evaluate_all(names)
    assert "غامق" in toolbar and "عنوان من المستوى الثاني" in toolbar, toolbar
    assert not [name for name in toolbar if re.search("[A-Za-z]", name)], toolbar
    arabic.locator("h2").click()
    chosen = arabic_menu.locator(".prose-menubar__selected button")
    expect(chosen).to_have_attribute("aria-label", "عنوان من المستوى الثاني")
    arabic.locator("p").last.click()  # back to the empty line after the text
    insert_figure(translator, arabic_menu, "رسم بياني", tool="شكل")
    screenshot(translator, "translator-writes-arabic-rich-text")
    translator.click("input[name=_send_to_review_ar]")
    translator.locator(".messagelist .success").wait_for()
    translator.close()

    editor = log_in(browser, demo_site, "admin")
    editor.goto(f"{demo_site}/admin/briefs/brief/?q=Gas+Deals")
    editor.locator("#result_list tbody th a").first.click()
    editor.click("input[name=_approve_ar]")
    editor.locator(".messagelist .success").wait_for()
    editor.close()
    reader = browser.new_page()
    page = reader.goto(f"{demo_site}/ar/policy-analysis/sfqat-alghaz-fy-shrq-almtwst")
    assert page.status == 200
    article = LexborHTMLParser(page.text()).css_first(".brief__body")
    assert article.css_first("h2").text() == "خلفية"
    assert [li.text(strip=True) for li in article.css("li")] == ["ليفياثان", "تمار"]
    arabic_figure = article.css_first("figure")
    assert arabic_figure.css_first("img").attributes["alt"] == figure.alt_ar
    assert arabic_figure.css_first("figcaption").text(strip=True).startswith(figure.caption_ar)
    reader.close()


def choose_from_the_dialog(page, menu, tool, search, choice):
    """Open the editor's `tool` dialog (the toolbar's button of that name), find `search`
    in its chooser window, take the first `choice` there, and confirm the dialog with
    what the chooser filled in."""
    menu.get_by_role("button", name=tool, exact=True).click()
    dialog = page.locator(".prose-editor-dialog[open]")
    with page.expect_popup() as opened:
        dialog.locator(".prose-editor-field-with-picker button").click()
    chooser = opened.value
    chooser.fill("input[name=q]", search)
    chooser.press("input[name=q]", "Enter")
    chooser.wait_for_url("**q=**")
    # Choosing closes the window, which may end the click before Playwright has.
    with chooser.expect_event("close"), contextlib.suppress(PlaywrightError):
        chooser.locator(choice).first.click(no_wait_after=True)
    dialog.locator("button[type=submit]").click()


def link_to_a_page_of_the_site(page, menu, search):
    """Link the selected words to the page found by `search` in the link chooser."""
    choose_from_the_dialog(page, menu, "insert link", search, "[data-link-target]")


def insert_figure(page, menu, search, tool="figure"):
    """Insert the library image found by `search` with the figure tool and its chooser."""
    choose_from_the_dialog(page, menu, tool, search, "[data-choose-image]")
    page.locator(".ProseMirror figure img").first.wait_for()


WORD_FRAGMENT = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><body>
<p class=MsoTitle style='mso-style-name:x'><span style='font-size:14pt'>Report<o:p></o:p></span></p>
<h2 style='mso-margin-top-alt:auto'><span lang=EN-US>Findings</span></h2>
<ul><li class=MsoListParagraph style='mso-list:l0 level1 lfo1'>First point</li>
<li>Second point</li></ul>
<p class=MsoNormal>See <a href="https://example.org/report">the report</a>.<o:p></o:p></p>
<table class=MsoTableGrid border=1 style='border-collapse:collapse'><tr>
<td width=100 style='border:solid windowtext 1.0pt'><p class=MsoNormal>2022</p></td>
<td><p class=MsoNormal>400</p></td></tr></table>
<p class=MsoNormal><img width=100 src="file:///C:/Users/x/image001.png"><sup>1</sup></p>
</body></html>"""


def test_text_pasted_from_word_comes_out_clean(browser, demo_site):
    editor = log_in(browser, demo_site, "admin")
    editor.goto(f"{demo_site}/admin/briefs/brief/add/")
    body = write_rich_text(editor, "id_body_en", "")
    body.evaluate(
        """(element, html) => {
            const data = new DataTransfer();
            data.setData("text/html", html);
            data.setData("text/plain", "Report");
            element.dispatchEvent(new ClipboardEvent("paste", {
                clipboardData: data, bubbles: true, cancelable: true,
            }));
        }""",
        WORD_FRAGMENT,
    )
    pasted = editor.locator("#id_body_en").input_value()
    editor.close()
    for kept in ["<p>Report</p>", "<h2>Findings</h2>", "<li><p>First point</p></li>",
                 '<a href="https://example.org/report"', "<td><p>2022</p></td><td><p>400</p></td>",
                 "<sup>1</sup>"]:  # fmt: skip
        assert kept in pasted, pasted
    for gone in ["class=", "style=", "<span", "<o:p", "Mso", "lang="]:
        assert gone not in pasted, pasted
    # The picture Word pasted is on the author's disk, not in the library: saving says so.
    assert '<img src="file:///C:/Users/x/image001.png"' in pasted
    assert "<img>" in WITH_FIGURES.removed(pasted)


LEGACY_BODY = (
    "<h2>Findings</h2><p>One <b>bold</b> and <i>italic</i> word, a "
    '<a href="https://example.org/r">link</a> and a note<sup>1</sup>.<br>A second line.</p>'
    "<ul><li>first</li><li>second</li></ul><ol><li>one</li></ol>"
    "<blockquote><p>Quoted.</p></blockquote><hr>"
    "<table><tbody><tr><th>Year</th><th>Tons</th></tr><tr><td>2022</td><td>400</td></tr>"
    "</tbody></table>"
)


def test_a_body_written_before_the_editor_opens_in_it_unchanged(browser, demo_site):
    slug = "libyas-renewed-legitimacy-crisis"
    Brief.objects.filter(slug_en=slug).update(body_en=LEGACY_BODY)  # as an import wrote it
    brief = Brief.objects.get(slug_en=slug)
    editor = log_in(browser, demo_site, "admin")
    editor.goto(f"{demo_site}/admin/briefs/brief/{brief.pk}/change/")
    body = editor.locator(".prose-editor:has(#id_body_en) .ProseMirror[contenteditable=true]")
    body.locator("table").wait_for(state="attached")
    # The editor shows every element as what it is, the old <b> and <i> included.
    assert body.locator("strong").inner_text() == "bold"
    assert body.locator("em").inner_text() == "italic"
    assert body.locator("ul li").all_inner_texts() == ["first", "second"]
    assert body.locator("th").all_inner_texts() == ["Year", "Tons"]
    editor.click("input[name=_continue]")  # saved as it opened, nothing touched
    assert "was changed successfully" in editor.locator(".messagelist .success").inner_text()
    # The brief is live: what was saved is its unpublished changes, which the form opens on.
    stored = editor.locator("#id_body_en").input_value()
    editor.close()
    assert plain_blocks(stored) == plain_blocks(LEGACY_BODY)  # every word, in its blocks
    for kept in ["<h2>Findings</h2>", "<strong>bold</strong>", "<em>italic</em>",
                 '<a href="https://example.org/r"', "<sup>1</sup>", "<br>",
                 "<li>first</li>", "<ol>", "<blockquote><p>Quoted.</p></blockquote>",
                 "<hr>", "<th>Year</th>", "<td>400</td>"]:  # fmt: skip
        assert kept in stored, stored
