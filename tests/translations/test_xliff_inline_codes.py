"""XLIFF batches in every direction (en→ar, ar→en, en→fa), rich text as inline codes an
agency's tool shows as tags, files valid by OASIS's strict schema, and codes a file
cannot use to bring markup of its own."""

import re
from datetime import datetime
from xml.etree import ElementTree

import pytest
from django.utils import timezone

from briefs.models import Brief
from publishing.models import Status
from tests.factories import make_publication_type, set_state
from translations import xliff

pytestmark = pytest.mark.django_db
XLIFF = "urn:oasis:names:tc:xliff:document:1.2"
NS = {"x": XLIFF}

BODIES = {
    "en": '<p>Russia\'s <strong>build-up</strong> in <a href="/policy-analysis/syria">Syria</a>'
    "</p><p>Hezbollah<br>and Israel</p>",
    "ar": '<p>الحشد <strong>العسكري</strong> الروسي في <a href="/ar/policy-analysis/syria">سوريا'
    "</a></p><p>حزب الله<br>وإسرائيل</p>",
}
TRANSLATED = {  # each body's text in the other language, word for word by code
    "ar": ["الحشد ", "العسكري", " الروسي في ", "سوريا", "حزب الله", "وإسرائيل"],
    "en": ["Russia's ", "build-up", " in ", "Syria", "Hezbollah", "and Israel"],
    "fa": ["تقویت ", "نظامی", " روسیه در ", "سوریه", "حزب‌الله", "و اسرائیل"],
}
DIRECTIONS = [("en", "ar"), ("ar", "en"), ("en", "fa")]


def written_in(language):
    named = {"name_en": "Brief Analysis", "name_ar": "تحليل موجز", "name_fa": "تحلیل کوتاه"}
    brief = Brief.objects.create(
        publication_type=make_publication_type(**named),
        source_language=language,
        **{f"title_{language}": {"en": "Gas Deals", "ar": "صفقات الغاز"}[language]},
        **{f"body_{language}": BODIES[language]},
        published_at=timezone.make_aware(datetime(2024, 5, 1, 12)),
    )
    set_state(brief, language, Status.LIVE)
    brief.refresh_from_db()  # as stored: links carry rel="noopener noreferrer"
    return brief


def tags(html):
    """The start tags of `html`, in order."""
    return re.findall(r"<[a-z][^>]*>", html)


def units_of(document):
    root = ElementTree.fromstring(document)
    return root, {unit.get("id"): unit for unit in root.iterfind(".//x:trans-unit", NS)}


def translate_as_a_tool_would(unit, words):
    """The target as a translation tool writes it: the source's codes, in their places,
    around the translated text."""
    source, target = unit.find("x:source", NS), unit.find("x:target", NS)
    target.clear()
    target.set("state", "translated")
    target.text = source.text
    target.extend(ElementTree.fromstring(ElementTree.tostring(code)) for code in source)
    texts = iter(words)
    for element in target.iter():
        if element is not target and element.text:
            element.text = next(texts)
        if element is not target and element.tail:
            element.tail = next(texts)


@pytest.mark.parametrize(("source", "target"), DIRECTIONS)
def test_a_batch_round_trips_in_every_direction_with_its_tags(
    source, target, admin_user, xliff_schema
):
    brief = written_in(source)
    original = getattr(brief, f"body_{source}")
    document = xliff.export(target)
    assert xliff_schema(document) == []
    root, units = units_of(document)
    [file] = [file for file in root.findall("x:file", NS) if file.get("original") == "briefs.brief"]
    assert (file.get("source-language"), file.get("target-language")) == (source, target)
    body = units[f"briefs.brief.{brief.pk}.body"]
    codes = list(body.find("x:source", NS))
    # Tags are codes, not text to translate: no "<p>" among the words.
    assert [code.tag.rpartition("}")[2] for code in codes] == ["g", "g"]
    assert "<" not in "".join(body.find("x:source", NS).itertext())
    ctypes = [code.get("ctype") for code in body.find("x:source", NS).iter() if code.get("ctype")]
    assert ctypes == ["x-html-p", "bold", "link", "x-html-p", "lb"]
    translate_as_a_tool_would(body, TRANSLATED[target])
    title = units[f"briefs.brief.{brief.pk}.title"]
    title.find("x:target", NS).text = {"en": "Gas Deals", "ar": "صفقات الغاز", "fa": "گاز"}[target]
    back = ElementTree.tostring(root, encoding="utf-8")
    assert xliff_schema(back) == []
    assert xliff.import_file(back, admin_user) == 2
    brief.refresh_from_db()
    link = tags(getattr(brief, f"body_{source}"))[2]  # the source's <a …>, as stored
    words = TRANSLATED[target]
    assert getattr(brief, f"body_{target}") == (
        f"<p>{words[0]}<strong>{words[1]}</strong>{words[2]}{link}{words[3]}</a>"
        f"</p><p>{words[4]}<br>{words[5]}</p>"
    )
    assert brief.status_in(target) == Status.REVIEW
    assert getattr(brief, f"body_{source}") == original  # the source untouched


def test_a_translation_can_move_codes_as_its_grammar_wants(admin_user):
    brief = written_in("en")
    root, units = units_of(xliff.export("ar"))
    target = units[f"briefs.brief.{brief.pk}.body"].find("x:target", NS)
    # The link before the bold, nested differently from the English.
    target.append(
        ElementTree.fromstring(
            f'<g xmlns="{XLIFF}" id="1"><g id="3">سوريا</g> و<g id="2">الحشد</g></g>'
        )
    )
    units[f"briefs.brief.{brief.pk}.title"].find("x:target", NS).text = "صفقات الغاز"
    xliff.import_file(ElementTree.tostring(root, encoding="utf-8"), admin_user)
    brief.refresh_from_db()
    assert brief.body_ar == (f"<p>{tags(brief.body_en)[2]}سوريا</a> و<strong>الحشد</strong></p>")


HOSTILE_TARGETS = {
    "a code the source has not": ('<g id="99">نص</g>', "does not have: <g id='99'>"),
    "a container code as a placeholder": ('<x id="1"/>', "does not have: <x id='1'>"),
    "a placeholder as a container": ('<g id="5">نص</g>', "does not have: <g id='5'>"),
    "a code used twice": ('<g id="1">أ</g><g id="1">ب</g>', "used twice: <g id='1'>"),
    "a code of another kind": ("<bpt id='1'>&lt;script&gt;</bpt>", "did not write: <bpt>"),
}


@pytest.mark.parametrize("name", HOSTILE_TARGETS)
def test_a_file_cannot_bring_markup_through_codes(name, admin_user):
    brief = written_in("en")
    root, units = units_of(xliff.export("ar"))
    inline, said = HOSTILE_TARGETS[name]
    target = units[f"briefs.brief.{brief.pk}.body"].find("x:target", NS)
    wrapper = ElementTree.fromstring(f'<target xmlns="{XLIFF}">{inline}</target>')
    target.extend(list(wrapper))
    with pytest.raises(xliff.ImportRefused) as refused:
        xliff.import_file(ElementTree.tostring(root, encoding="utf-8"), admin_user)
    assert any(said in problem for problem in refused.value.problems), refused.value.problems
    brief.refresh_from_db()
    assert brief.body_ar in ("", None)


def test_a_codes_attributes_in_a_file_are_not_the_tags(admin_user):
    """Whatever a file writes on a code (an address, a script type), the tag is the
    source's."""
    brief = written_in("en")
    root, units = units_of(xliff.export("ar"))
    target = units[f"briefs.brief.{brief.pk}.body"].find("x:target", NS)
    target.append(
        ElementTree.fromstring(
            f'<g xmlns="{XLIFF}" id="1" ctype="x-html-script" href="javascript:alert(1)">'
            f'<g id="3" ctype="x-html-iframe">&lt;img src=x onerror=alert(1)&gt;</g></g>'
        )
    )
    units[f"briefs.brief.{brief.pk}.title"].find("x:target", NS).text = "صفقات الغاز"
    xliff.import_file(ElementTree.tostring(root, encoding="utf-8"), admin_user)
    brief.refresh_from_db()
    assert brief.body_ar == (
        f"<p>{tags(brief.body_en)[2]}&lt;img src=x onerror=alert(1)&gt;</a></p>"
    )


def test_a_file_exported_before_inline_codes_still_comes_back(admin_user):
    """Batches out with an agency when this changed carry rich text as escaped HTML."""
    brief = written_in("en")
    root, units = units_of(xliff.export("ar"))
    for unit in units.values():
        if not unit.get("id").startswith("briefs.brief."):
            continue
        source = unit.find("x:source", NS)
        html = getattr(brief, f"{unit.get('id').rsplit('.', 1)[1]}_en")
        source.clear()
        source.text = html  # as the old export wrote it: the HTML, escaped
        unit.find("x:target", NS).text = "<p>ترجمة</p>" if "<" in html else "صفقات الغاز"
    xliff.import_file(ElementTree.tostring(root, encoding="utf-8"), admin_user)
    brief.refresh_from_db()
    assert (brief.title_ar, brief.body_ar) == ("صفقات الغاز", "<p>ترجمة</p>")
