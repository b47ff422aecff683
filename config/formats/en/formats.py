# "Nov 30, 2015", as the modelled site prints dates.
DATE_FORMAT = "M j, Y"
# The admin's: "7 December 2026, 14:30", a 24-hour clock for an institute's many zones.
DATETIME_FORMAT = "j F Y, H:i"
