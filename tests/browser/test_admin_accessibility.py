"""The admin passes axe-core (no serious or critical violations) on every page editors,
writers and translators use, in English and Arabic, at desktop and tablet widths; and
works by keyboard alone."""

import pytest

from briefs.models import Brief
from experts.models import Expert
from library.models import Image
from taxonomy.models import Region, Topic

from .pages import log_in
from .test_reading_in_a_browser import serious_violations

WIDTHS = {"desktop": 1280, "tablet": 820}
# Built, and named by editorial/static/editorial/admin-accessibility.js, which follows the
# editors' toolbars as they are drawn: an icon button's ligature hidden from screen readers.
EDITORS_BUILT = """() => [...document.querySelectorAll("textarea")]
    .filter((t) => [...t.attributes].some((a) => a.name.startsWith("data-django-prose-editor")))
    .filter((t) => !t.closest(".empty-form"))
    .every((t) => t.closest(".prose-editor")?.querySelector(".ProseMirror"))
  && [...document.querySelectorAll(".prose-menubar button.material-icons")]
    .every((b) => b.firstChild?.nodeType !== Node.TEXT_NODE || !b.firstChild.textContent.trim())"""


def editor_pages():
    brief = Brief.objects.live("en").first().pk
    return [
        "/admin/",
        "/admin/briefs/brief/",
        "/admin/briefs/brief/?status=published&arabic=missing",
        "/admin/briefs/brief/add/",
        f"/admin/briefs/brief/{brief}/change/",
        f"/admin/briefs/brief/{brief}/history/",
        f"/admin/briefs/brief/{brief}/history/compare/",
        f"/admin/briefs/brief/{brief}/preview/",
        "/admin/experts/expert/",
        f"/admin/experts/expert/{Expert.objects.first().pk}/change/",
        f"/admin/taxonomy/topic/{Topic.objects.first().pk}/change/",
        f"/admin/taxonomy/region/{Region.objects.first().pk}/change/",
        "/admin/library/image/",
        f"/admin/library/image/{Image.objects.first().pk}/change/",
        "/admin/library/image/choose/",
        "/admin/link-chooser/",
        "/admin/translations/translationexport/add/",
        "/admin/translations/import/",
    ]


def faults_on(page, base, paths, width, axe):
    page.set_viewport_size({"width": width, "height": 1000})
    faults = {}
    for path in paths:
        assert page.goto(base + path).status == 200, path  # loaded: the widgets are built
        page.wait_for_function(EDITORS_BUILT)  # the rich-text editors too
        found = serious_violations(page, axe)
        if found:
            faults[f"{path} at {width}px"] = found
    return faults


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_the_editors_admin_passes_axe(browser, demo_site, axe, prefix):
    page = log_in(browser, demo_site, "admin")
    paths = [prefix + path for path in editor_pages()]
    faults = faults_on(page, demo_site, paths, WIDTHS["desktop"], axe)
    # At a tablet's width, the pages whose layout changes most: the forms and the index.
    narrow = [path for path in paths if path.endswith(("/change/", "/admin/"))]
    faults.update(faults_on(page, demo_site, narrow, WIDTHS["tablet"], axe))
    assert faults == {}


def test_the_translators_and_writers_admin_passes_axe(browser, demo_site, axe):
    brief = Brief.objects.live("en").first().pk
    translator = log_in(browser, demo_site, "translator")
    paths = ["/ar/admin/", f"/ar/admin/briefs/brief/{brief}/change/", "/admin/"]
    faults = faults_on(translator, demo_site, paths, WIDTHS["tablet"], axe)
    writer = log_in(browser, demo_site, "writer")
    faults.update(faults_on(writer, demo_site, ["/admin/briefs/brief/add/"], 1280, axe))
    assert faults == {}
