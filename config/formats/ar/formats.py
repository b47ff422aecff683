# "30 نوفمبر 2015": day, Arabic month name, year; Western digits as on Arabic news sites.
DATE_FORMAT = "j F Y"
