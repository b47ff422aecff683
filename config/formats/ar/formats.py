# Arabic formats in the house style: month names by settings.ARABIC_MONTH_NAMES (through
# LOCALE_PATHS), the point and the comma of Western digits (76.8, 1,000), never Django's
# "76,8"; editorial.dates.local_number writes ٧٦٫٨ where the registry asks for those digits.

# "30 تشرين الثاني/نوفمبر 2015": day, month name, year, as on Arabic news sites.
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y، H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "Y/m/d"
SHORT_DATETIME_FORMAT = "Y/m/d H:i"
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
