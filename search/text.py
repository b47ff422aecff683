"""Text as search sees it: plain words, in one spelling per word, in each language.

The same normaliser runs on what is indexed and on what readers type, so that the many
ways of writing one Arabic word meet. docs/decisions.md says what PostgreSQL's `arabic`
configuration already does on its own and what this adds.
"""

import html
import re
import unicodedata
from functools import lru_cache

import snowballstemmer

from languages import registry

# Tashkeel (harakat, tanwin, shadda, sukun, superscript alef) and Quranic annotation marks.
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_ZWNJ = "\u200c"  # Persian's half-space: می‌روند, typed as often without it
_LETTERS = str.maketrans(
    {
        "\u0640": None,  # tatweel
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ؤ": "ء",
        "ئ": "ء",
        "ی": "ي",  # Persian yeh
        "ک": "ك",  # Persian keheh
        **{chr(0x0660 + digit): str(digit) for digit in range(10)},  # Arabic-Indic
        **{chr(0x06F0 + digit): str(digit) for digit in range(10)},  # Persian
    }
)
# و or ف, then ب, ك or ل, before the article (والسياسة, وبالسياسة, كالسياسة); or ل before
# the article whose alef it swallows (للسياسة). Two letters at least must follow, so that
# words merely starting so (والد, بالغ, لله) keep their letters.
_ATTACHED_TO_ARTICLE = re.compile(r"\b(?:[وف]?[بكل]?(?=ال\w\w)|[وف]?ل(?=ل\w\w))")
# A word's final ه written as ة: readers type قمه for قمة. Lucene folds the other way
# (ة to ه), but the Snowball stemmers PostgreSQL runs take ة off as the feminine ending and
# then a ه only where no article came off (المدينه stems to مدينه, مدينه to مدين), so
# only ة makes the two spellings meet. A ه pronoun ending (كتابه) is taken off as ة is.
_FINAL_HAA = re.compile(r"(?<=\w\w)ه\b")
_TAGS = re.compile(r"<[^>]*>")
WORD = re.compile(r"\w+")


def normalise(text, language):
    """`text` in the one spelling search uses for `language`, by its registry entry's
    normaliser. In every language: no bidi controls, Western digits, compatibility forms
    folded (NFKC), no Arabic-script diacritics or tatweel, one alef, one yeh, one kaf, one
    hamza. "arabic": also a final ه as ة, and the conjunctions and prepositions attached
    to the article taken off (والسياسة -> السياسة). "persian": also no zero-width
    non-joiner, the parts it keeps apart written as one word (می‌روند -> میروند), and ؤ
    as و (مؤسسه, as often typed موسسه)."""
    normaliser = registry.get(language).normaliser
    text = unicodedata.normalize("NFKC", _BIDI_CONTROLS.sub("", text))
    text = _DIACRITICS.sub("", text)
    if normaliser == "persian":  # the hamza on a waw as readers drop it: مؤسسه, موسسه
        text = text.replace(_ZWNJ, "").replace("ؤ", "و")
    text = text.translate(_LETTERS)
    if normaliser == "arabic":
        text = _FINAL_HAA.sub("ة", _ATTACHED_TO_ARTICLE.sub(_article, text))
    return text


# Words a zero-width non-joiner holds together (حزب‌الله, نگرانی‌های).
_JOINED = re.compile(r"\w+(?:\u200c\w+)+")


def document_text(text, language):
    """`text` as a search document indexes it. Persian readers type the zero-width
    non-joiner, or nothing, or a space in its place (حزب‌الله, حزبالله, حزب الله): a word
    it holds together is indexed whole and as its parts, so that each typing finds it."""
    if registry.get(language).normaliser == "persian":
        text = _JOINED.sub(lambda word: f"{word.group()} {word.group().replace(_ZWNJ, ' ')}", text)
    return text


def _article(match):
    # ل before ل is the preposition on an article that lost its alef: put the alef back.
    return "ا" if match.group().endswith("ل") and match.string.startswith("ل", match.end()) else ""


def plain_text(markup):
    """The words of sanitised rich text (the allow-list leaves no comments or scripts, so
    dropping the tags is enough), entities decoded."""
    return html.unescape(_TAGS.sub(" ", markup or ""))


def words(text, language):
    """The normalised words of `text`, lower-cased, in order."""
    return WORD.findall(normalise(text, language).lower())


@lru_cache(maxsize=8)
def _stemmer(algorithm):
    return snowballstemmer.stemmer(algorithm)


def stems(text, language):
    """The stems of `text`'s words (Snowball's, as PostgreSQL's configurations use)."""
    return [stem(word, language) for word in words(text, language)]


@lru_cache(maxsize=65536)
def stem(word, language):
    """The stem of one normalised, lower-cased word: remembered, since a language has
    fewer words than its texts have. A language without a stemmer keeps its words whole."""
    algorithm = registry.get(language).stemmer
    return _stemmer(algorithm).stemWord(word) if algorithm else word


def trigrams(word):
    """pg_trgm's trigrams of one word: lower-cased, two spaces before and one after."""
    padded = f"  {word.lower()} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def similarity(a, b):
    """pg_trgm's similarity() of two words: shared trigrams over all their trigrams."""
    first, second = trigrams(a), trigrams(b)
    return len(first & second) / len(first | second) if first or second else 0.0
