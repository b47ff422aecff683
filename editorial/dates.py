"""Dates as readers read them, in each language's house style."""

import re

import jdatetime
from django.conf import settings
from django.utils import formats, timezone, translation

from languages import registry

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
SOLAR_HIJRI_MONTHS = (
    "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
    "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
)  # fmt: skip
_NUMBER = re.compile(r"[0-9](?:[0-9.,]*[0-9])?")  # the separators inside a number only


def long_date(value, language=None):
    """A publication date as the page's language writes it (the registry's `date_style` and
    `digits`): "Nov 30, 2015"; in Arabic, by the house style's month names
    (settings.ARABIC_MONTH_NAMES), "30 تشرين الثاني/نوفمبر 2015"; in the Solar Hijri
    calendar, "۹ آذر ۱۳۹۴"."""
    if not value:
        return ""
    language = language or translation.get_language()
    if hasattr(value, "tzinfo") and timezone.is_aware(value):
        value = timezone.localtime(value)
    match registry.get(language).date_style:
        case "arabic-months":
            month = ARABIC_MONTH_STYLES[settings.ARABIC_MONTH_NAMES][value.month - 1]
            text = f"{value.day} {month} {value.year}"
        case "solar-hijri":
            day = jdatetime.date.fromgregorian(year=value.year, month=value.month, day=value.day)
            text = f"{day.day} {SOLAR_HIJRI_MONTHS[day.month - 1]} {day.year}"
        case _:
            text = formats.date_format(value, "DATE_FORMAT")
    return local_digits(text, language)


def local_digits(text, language=None):
    """`text` with its Western digits in those the house style wants on `language`'s pages
    (the registry's `digits`; default: the active language)."""
    digits = registry.DIGIT_STYLES[registry.get(language or translation.get_language()).digits]
    return text.translate(str.maketrans("0123456789", digits))


def local_number(text, language=None):
    """A number written in Western digits ("76.8 كيلوبايت", "1,000") as the house style wants
    it on `language`'s pages: as it is, or in Arabic-Indic or Persian digits with their own
    decimal and thousands separators ("٧٦٫٨", "١٬٠٠٠")."""
    digits = registry.DIGIT_STYLES[registry.get(language or translation.get_language()).digits]
    if digits == registry.DIGIT_STYLES["western"]:
        return text
    table = str.maketrans("0123456789.,", f"{digits}٫٬")
    return _NUMBER.sub(lambda number: number.group().translate(table), text)


def moment(value):
    """A moment to the minute in the site's time zone, naming the zone, as editors are
    told when something is scheduled: "7 December 2026, 14:30 (America/New_York)"."""
    local = timezone.localtime(value)
    return "{} ({})".format(
        formats.date_format(local, "DATETIME_FORMAT"), timezone.get_current_timezone_name()
    )
