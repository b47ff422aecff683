"""Dates as readers read them, in each language's house style."""

import re

from django.conf import settings
from django.utils import formats, timezone, translation

# Month names as Arabic readers of the Levant and Iraq ("تشرين الثاني") and of Egypt and
# the Gulf ("نوفمبر") know them; the modelled site, like much of the Arab press, gives both.
LEVANTINE_MONTHS = (
    "كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران",
    "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول",
)  # fmt: skip
GREGORIAN_MONTHS = (
    "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
    "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
)  # fmt: skip
ARABIC_MONTH_STYLES = {
    "both": [
        f"{levant}/{gregorian}"
        for levant, gregorian in zip(LEVANTINE_MONTHS, GREGORIAN_MONTHS, strict=True)
    ],
    "levantine": list(LEVANTINE_MONTHS),
    "gregorian": list(GREGORIAN_MONTHS),
}
ARABIC_INDIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
# A number's decimal point and thousands comma, in Arabic-Indic digits' own separators.
ARABIC_INDIC_NUMBER = str.maketrans("0123456789.,", "٠١٢٣٤٥٦٧٨٩٫٬")
_NUMBER = re.compile(r"[0-9](?:[0-9.,]*[0-9])?")  # the separators inside a number only


def long_date(value, language=None):
    """A publication date as the page's language writes it: "Nov 30, 2015"; in Arabic, by
    the house style (settings.ARABIC_MONTH_NAMES, ARABIC_DIGITS), "30 تشرين الثاني/نوفمبر 2015"."""
    if not value:
        return ""
    language = language or translation.get_language()
    if hasattr(value, "tzinfo") and timezone.is_aware(value):
        value = timezone.localtime(value)
    if language != "ar":
        return formats.date_format(value, "DATE_FORMAT")
    month = ARABIC_MONTH_STYLES[settings.ARABIC_MONTH_NAMES][value.month - 1]
    return arabic_digits(f"{value.day} {month} {value.year}")


def arabic_digits(text):
    """`text` with the digits the house style wants on Arabic pages (settings.ARABIC_DIGITS)."""
    return text.translate(ARABIC_INDIC_DIGITS) if settings.ARABIC_DIGITS == "arabic-indic" else text


def arabic_number(text):
    """A number written in Western digits ("76.8 كيلوبايت", "1,000") as the house style wants
    it on Arabic pages: as it is, or in Arabic-Indic digits with their own decimal and
    thousands separators ("٧٦٫٨", "١٬٠٠٠")."""
    if settings.ARABIC_DIGITS != "arabic-indic":
        return text
    return _NUMBER.sub(lambda number: number.group().translate(ARABIC_INDIC_NUMBER), text)


def moment(value):
    """A moment to the minute in the site's time zone, naming the zone, as editors are
    told when something is scheduled: "7 December 2026, 14:30 (America/New_York)"."""
    local = timezone.localtime(value)
    return "{} ({})".format(
        formats.date_format(local, "DATETIME_FORMAT"), timezone.get_current_timezone_name()
    )
