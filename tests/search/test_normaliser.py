"""The normaliser both the index and readers' queries go through."""

import pytest

from search.query import SearchQuery
from search.snippets import highlight
from search.text import normalise, similarity, stems

POLITICS = "السياسة"


@pytest.mark.parametrize(
    "written",
    [
        "السياسة",
        "السِّيَاسَةُ",  # with tashkeel
        "الســياســة",  # with tatweel
        "\u202bالسياسة\u202c",  # wrapped in bidi controls
        "والسياسة",  # and the
        "فالسياسة",  # so the
        "بالسياسة",  # with the
        "وبالسياسة",  # and with the
        "للسياسة",  # for the: ل + ال, the alef dropped
        "وللسياسة",
        "كالسياسة",  # like the
    ],
)
def test_spellings_of_one_arabic_word_meet(written):
    assert normalise(written, "ar") == normalise(POLITICS, "ar")


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("أمن", "امن"),
        ("إصلاح", "اصلاح"),
        ("آثار", "اثار"),
        ("ٱلأمن", "الامن"),
        ("مستشفى", "مستشفي"),
        ("مسؤول", "مسءول"),
        ("رئيس", "رءيس"),
        ("ایران", "ايران"),  # Persian yeh
        ("کتاب", "كتاب"),  # Persian keheh
        ("٢٠١٥", "2015"),  # Arabic-Indic digits
        ("۲۰۱۵", "2015"),  # Persian digits
        ("قمه", "قمة"),  # a final haa for taa marbuta
        ("الحكومه", "الحكومة"),
        ("مصداقيه", "مصداقية"),
    ],
)
def test_arabic_variants_are_one_spelling(one, other):
    assert normalise(one, "ar") == normalise(other, "ar")


@pytest.mark.parametrize("word", ["والد", "بالغ", "لبنان", "فلسطين", "ولاية", "له"])
def test_words_that_merely_start_like_a_prefix_keep_their_letters(word):
    assert normalise(word, "ar") == word


@pytest.mark.parametrize(
    ("written", "typed"),
    [("المدينة", "مدينه"), ("مدينة", "المدينه"), ("السياسة", "سياسه"), ("قمة", "قمه")],
)
def test_taa_marbuta_and_a_final_haa_stem_alike_with_or_without_the_article(written, typed):
    assert stems(written, "ar") == stems(typed, "ar")


def test_english_keeps_its_letters_and_loses_bidi_controls():
    assert normalise("\u200eIran’s 2015 deal\u200f", "en") == "Iran’s 2015 deal"


def test_a_query_is_words_never_syntax():
    query = SearchQuery.parse('"weapons" & !(Russia | -Iran) OR NEAR/2 <b>*', "en")
    assert query.terms == ("weapons", "russia", "iran", "or", "near", "2", "b")
    assert not SearchQuery.parse("?!… — «»", "en")
    assert not SearchQuery.parse("\x00\x00", "ar")
    assert len(SearchQuery.parse("word " * 500, "en").terms) == 1
    assert len(SearchQuery.parse(" ".join(f"w{i}" for i in range(100)), "en").terms) == 12


def test_name_spellings_are_alike_by_trigrams_as_pg_trgm_counts_them():
    assert similarity("borshchevskaya", "borschevskaya") > 0.5
    assert similarity("syria", "serious") < 0.2


def test_a_passage_marks_the_words_and_their_other_forms_and_escapes_the_rest():
    query = SearchQuery.parse("weapon", "en")
    passage = highlight("Talks <script>went</script> on; Russian weapons reached Hezbollah.", query)
    assert "<mark>weapons</mark>" in passage
    assert "<script>" not in passage and "&lt;script&gt;" in passage


def test_an_arabic_passage_marks_the_word_under_its_prefixes_and_diacritics():
    query = SearchQuery.parse("روسيا", "ar")
    passage = highlight("التقى نتنياهو وبوتين، ثم وقعت اشتباكات بين تركيا ورُوسيا.", query)
    assert "<mark>ورُوسيا</mark>" in passage


def _filler(count, start=0):
    return " ".join(f"word{i}" for i in range(start, start + count))


def test_a_passage_opens_a_few_words_before_the_closest_group_of_words_searched_for():
    query = SearchQuery.parse("sanctions iran", "en")
    text = f"{_filler(40)} sanctions {_filler(60, 40)} Iran sanctions Iran {_filler(60, 100)}."
    passage = highlight(text, query, length=20)
    assert passage.startswith("… ") and passage.endswith(" …")
    assert passage.count("<mark>") == 3  # the group of three, not the lone word before it
    before_first_mark = passage.split("<mark>")[0].split()[1:]
    assert 0 < len(before_first_mark) <= 7  # context, then the words: not the words last


def test_a_word_found_only_deep_in_a_long_text_is_shown_there_and_the_text_escaped():
    query = SearchQuery.parse("pipelines", "en")
    text = f"<b>{_filler(5000)}</b> & the pipelines & {_filler(50, 5000)}"
    passage = highlight(text, query, length=12)
    assert "<mark>pipelines</mark>" in passage
    assert passage.startswith("… ") and passage.endswith(" …")
    assert "&amp; the <mark>" in passage and "<b>" not in passage


def test_a_text_without_the_words_opens_the_passage_at_its_start():
    query = SearchQuery.parse("absent", "en")
    assert highlight(_filler(10), query, length=20) == _filler(10)
    assert highlight(_filler(50), query, length=20) == _filler(20) + " …"
    assert highlight("", query) == highlight("?! —", query) == ""


def test_a_persian_passage_never_cuts_a_word_at_its_zero_width_non_joiner():
    query = SearchQuery.parse("کرملین", "fa")
    words = ["واژه"] * 30 + ["گفت\u200cوگو", "نیز", "کنند", "کرملین"] + ["واژه"] * 30
    passage = highlight(" ".join(words), query, length=12)
    opening = passage.removeprefix("… ").split()[0]
    assert opening == "گفت\u200cوگو"  # the word whole, not its second part, "وگو"
    assert "<mark>کرملین</mark>" in passage
    assert " وگو " not in f" {passage} "
