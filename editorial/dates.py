"""Dates as readers read them, in each language's house style."""

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
