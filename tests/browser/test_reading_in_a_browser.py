"""A reader's view, in a real browser: each page type, both languages, phone and desktop."""

from urllib.parse import urlparse

import pytest

PAGES = {
    "article": (
        "/policy-analysis/netanyahu-and-putin-rendezvous-paris",
        "Netanyahu and Putin Rendezvous in Paris",
        "/ar/policy-analysis/lqa-ntnyahw-wbwty-nfy-barys",
        "لقاء نتنياهو وبوتين في باريس",
    ),
    "expert": (
        "/experts/anna-borshchevskaya",
        "Anna Borshchevskaya",
        "/ar/experts/anna-borshchevskaya",
        "آنا بورشيفسكايا",
    ),
    "topic": (
        "/policy-analysis/military-security",
        "Military & Security",
        "/ar/policy-analysis/military-security",
        "الشؤون العسكرية والأمنية",
    ),
    "listing": ("/policy-analysis/", "Policy Analysis", "/ar/policy-analysis/", "تحليلات السياسات"),
    "search": (
        "/search/?q=Russia+Syria",
        "Search the analysis",
        "/ar/search/?q=روسيا+وسوريا",
        "البحث في التحليلات",
    ),
}
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


def cases():
    for name, (en_path, en_heading, ar_path, ar_heading) in PAGES.items():
        yield pytest.param(name, "en", en_path, en_heading, id=f"{name}-en")
        yield pytest.param(name, "ar", ar_path, ar_heading, id=f"{name}-ar")


def serious_violations(page, axe):
    # Evaluated by the browser's tooling, not added to the page: the page's CSP forbids
    # inline scripts, and must stay on while axe looks.
    page.evaluate(axe)
    results = page.evaluate("async () => await axe.run(document)")
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(node["target"][0] for node in violation["nodes"][:3])
        for violation in results["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize(("name", "language", "path", "heading"), list(cases()))
def test_reader_sees_the_page(browser, demo_site, axe, screenshot, name, language, path, heading):
    """On a phone and on a desktop: the page in its language and direction, one heading,
    nothing wider than the screen (no sideways scrolling), and axe finds nothing serious."""
    for viewport, size in VIEWPORTS.items():
        page = browser.new_page(viewport=size, locale=language)
        response = page.goto(demo_site + path)
        assert response.status == 200

        html = page.locator("html")
        assert html.get_attribute("lang") == language
        assert html.get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
        assert page.locator("h1").count() == 1
        assert page.locator("h1").inner_text().strip().lower() == heading.lower()
        direction = page.evaluate("getComputedStyle(document.body).direction")
        assert direction == html.get_attribute("dir")
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= size["width"], viewport

        screenshot(page, f"{name}-{language}-{viewport}")
        assert serious_violations(page, axe) == [], viewport
        page.close()


@pytest.mark.parametrize("name", PAGES)
def test_every_link_on_the_page_works(browser, demo_site, name):
    en_path, _h, ar_path, _a = PAGES[name]
    page = browser.new_page()
    host = urlparse(demo_site).netloc
    for path in (en_path, ar_path):
        page.goto(demo_site + path)
        hrefs = page.eval_on_selector_all("a[href]", "links => links.map(link => link.href)")
        local = sorted({href.split("#")[0] for href in hrefs if urlparse(href).netloc == host})
        assert local, path
        broken = [href for href in local if page.request.get(href).status != 200]
        assert broken == [], path
    page.close()


def test_rtl_mirrors_the_article_layout(browser, demo_site):
    page = browser.new_page(viewport=VIEWPORTS["desktop"])
    positions = {}
    for language, path in [("en", PAGES["article"][0]), ("ar", PAGES["article"][2])]:
        page.goto(demo_site + path)
        article = page.locator("article.brief").bounding_box()
        aside = page.locator("aside.article-aside").bounding_box()
        positions[language] = article["x"] < aside["x"]
    assert positions == {"en": True, "ar": False}  # the rail sits at the end of the line
    page.close()


def test_reader_follows_the_byline_and_switches_language(browser, demo_site):
    page = browser.new_page()
    page.goto(demo_site + PAGES["article"][0])
    page.get_by_role("link", name="العربية").first.click()
    page.wait_for_url("**/ar/policy-analysis/lqa-ntnyahw-wbwty-nfy-barys")
    page.locator(".byline a").click()
    page.wait_for_url("**/ar/experts/anna-borshchevskaya")
    assert page.locator("h1").inner_text() == "آنا بورشيفسكايا"
    page.close()


@pytest.mark.parametrize("version", [0, 2], ids=["en", "ar"])
def test_skip_link_is_hidden_until_focused_then_first_and_visible(browser, demo_site, version):
    page = browser.new_page()
    page.goto(demo_site + PAGES["article"][version])
    page.evaluate("document.fonts.ready")  # the Naskh face is taller than the fallback
    hidden = page.locator(".skip-link").bounding_box()
    assert hidden["y"] + hidden["height"] <= 0  # wholly above the page, not a bar atop it
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    box = page.locator(".skip-link").bounding_box()
    assert box["y"] >= 0
    page.close()


def test_arabic_pages_are_set_in_the_served_naskh_face(browser, demo_site):
    page = browser.new_page(viewport=VIEWPORTS["phone"])
    fonts = []
    page.on("response", lambda r: fonts.append((r.url, r.status)) if ".woff2" in r.url else None)
    page.goto(demo_site + PAGES["article"][2])
    page.evaluate("document.fonts.ready")
    loaded = page.evaluate(
        "[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family + ' ' + f.weight)"
    )
    assert '"Noto Naskh Arabic" 400' in loaded or "Noto Naskh Arabic 400" in loaded
    assert any("/static/fonts/noto-naskh-arabic/" in url and status == 200 for url, status in fonts)
    assert page.evaluate("getComputedStyle(document.querySelector('h1')).fontFamily").startswith(
        '"Noto Naskh Arabic"'
    )
    assert page.evaluate("document.fonts.check('700 20px \"Noto Naskh Arabic\"', 'نص')")
    page.close()


def test_reader_searches_from_the_header_in_arabic(browser, demo_site):
    page = browser.new_page(viewport=VIEWPORTS["phone"])
    page.goto(demo_site + "/ar/")
    page.get_by_role("searchbox", name="البحث في التحليلات").fill("الرُّوسية")  # with a damma
    page.get_by_role("searchbox", name="البحث في التحليلات").press("Enter")
    page.wait_for_url("**/ar/search/?q=*")
    first = page.locator(".search-results__list li").first
    assert first.locator(".teaser__title").inner_text() == "لقاء نتنياهو وبوتين في باريس"
    assert first.locator("mark").count() >= 1
    page.close()
