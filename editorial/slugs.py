"""Slug rules of the modelled site (Drupal's Pathauto with its defaults).

English: lower-case ASCII, punctuation dropped, common short words left out:
"How to Make Russia Pay in Ukraine: Study Syria" -> "how-make-russia-pay-ukraine-study-syria".
Arabic: each letter transliterated to Latin as Drupal's generic table for U+0600-U+06FF does,
then the same clean-up without the word list:
"لقاء نتنياهو وبوتين في باريس" -> "lqa-ntnyahw-wbwtyn-fy-barys".
"""

import re
import unicodedata

from django.db import IntegrityError, transaction
from django.db.models import Q

from languages import registry

MAX_LENGTH = 100

STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "as",
        "at",
        "before",
        "but",
        "by",
        "for",
        "from",
        "is",
        "in",
        "into",
        "like",
        "of",
        "off",
        "on",
        "onto",
        "per",
        "since",
        "than",
        "the",
        "this",
        "that",
        "to",
        "up",
        "via",
        "with",
    ]
)

# Arabic script to Latin, as Drupal's transliteration data for U+0600-U+06FF has it.
# Characters it maps to punctuation (the comma, ؟, ع -> "`") come out of the slug anyway,
# so they are listed here as dropped.
ARABIC_TO_LATIN = {
    "ء": "", "آ": "a", "أ": "a", "ؤ": "w", "إ": "a", "ئ": "y", "ا": "a", "ب": "b",
    "ة": "t", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
    "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "ع": "", "غ": "gh", "ـ": "", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m",
    "ن": "n", "ه": "h", "و": "w", "ى": "y", "ي": "y", "ٱ": "",
    # Vowel marks, when written: tanwin, short vowels, shadda (doubling) and sukun.
    "\u064b": "an", "\u064c": "un", "\u064d": "in", "\u064e": "a", "\u064f": "u",
    "\u0650": "i", "\u0651": "w", "\u0652": "", "\u0670": "",
    # Persian and Urdu letters met in names.
    "پ": "p", "چ": "ch", "ژ": "zh", "ک": "k", "گ": "g", "ی": "y",
    # Punctuation.
    "،": "", "؛": "", "؟": "", "٪": "", "٫": "", "٬": "", "٭": "",
}  # fmt: skip
ARABIC_TO_LATIN.update({chr(0x0660 + d): str(d) for d in range(10)})  # Arabic-Indic digits
ARABIC_TO_LATIN.update({chr(0x06F0 + d): str(d) for d in range(10)})  # Persian digits
_ARABIC_TABLE = str.maketrans(ARABIC_TO_LATIN)


# Dashes and other hyphens separate words as a hyphen does: "Wills–and Wagers".
_DASHES = re.compile(r"[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]")


def _words(text):
    """Lower-case ASCII words of `text`: accents folded, punctuation dropped."""
    text = _DASHES.sub("-", text)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"[^a-z0-9\s-]", "", ascii_text.lower())
    return [word for word in re.split(r"[\s-]+", ascii_text) if word]


def _join(words, max_length):
    slug = "-".join(words)
    if len(slug) > max_length:
        slug = slug[: max_length + 1].rsplit("-", 1)[0][:max_length]
    return slug


def english_slug(text, max_length=MAX_LENGTH):
    """The site's slug for an English title or name."""
    words = _words(text)
    kept = [word for word in words if word not in STOP_WORDS]
    return _join(kept or words, max_length)


def arabic_slug(text, max_length=MAX_LENGTH):
    """The site's Latin slug for an Arabic title: a letter-by-letter transliteration."""
    return _join(_words(text.translate(_ARABIC_TABLE)), max_length)


def latin_slug(text, language, max_length=MAX_LENGTH):
    """The site's Latin slug for a title or name written in `language`, by its registry
    entry's slug style: English's (stop words left out), any Latin script's, or a
    transliteration of the Arabic script's letters."""
    style = registry.get(language).slug
    if style == "english":
        return english_slug(text, max_length)
    if style == "arabic-script":
        return arabic_slug(text, max_length)
    return _join(_words(text), max_length)


def numbered(slug, number, max_length=MAX_LENGTH):
    """`slug` made distinct with a suffix: ("syria", 2) -> "syria-2"."""
    suffix = f"-{number}"
    return slug[: max_length - len(suffix)].rstrip("-") + suffix


def free_slug(instance, base, field="slug", also_taken=None):
    """`base`, or base-2, base-3, …: the first that no other row of `instance`'s model has
    in `field` and that `also_taken(slug)`, if given, does not claim.

    The numbered slugs already taken are read in one query, not tried one by one: a
    hundred briefs called "Weekly update" would otherwise cost a hundred queries each."""
    prefix = base[: MAX_LENGTH - 12]  # what every numbered() form of base starts with
    taken = set(
        type(instance)
        ._default_manager.exclude(pk=instance.pk)
        .filter(
            Q(**{field: base})
            | Q(**{f"{field}__startswith": prefix, f"{field}__regex": r"-[0-9]+$"})
        )
        .values_list(field, flat=True)
    )
    slug, number = base, 2
    while slug in taken or (also_taken and also_taken(slug)):
        slug, number = numbered(base, number), number + 1
    return slug


def save_claiming_slugs(instance, save, bases, also_taken=None, attempts=5):
    """Run `save()`, with each empty slug field in `bases` ({field: base}) given the first
    free slug made from its base.

    Two editors may save the same title at once: both find "base" free, and the database's
    unique constraint refuses the second row. That save then takes the next free slug
    ("base-2") and tries again, so neither editor meets a server error.
    """
    for field, base in bases.items():
        if not getattr(instance, field):
            setattr(instance, field, free_slug(instance, base, field, also_taken))
    for attempt in range(1, attempts + 1):
        try:
            with transaction.atomic():
                return save()
        except IntegrityError:
            others = type(instance)._default_manager.exclude(pk=instance.pk)
            claimed = [
                field
                for field in bases
                if getattr(instance, field)
                and others.filter(**{field: getattr(instance, field)}).exists()
            ]
            if not claimed or attempt == attempts:
                raise
            for field in claimed:
                setattr(instance, field, free_slug(instance, bases[field], field, also_taken))
