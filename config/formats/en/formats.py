# "Nov 30, 2015", as the modelled site prints dates.
DATE_FORMAT = "M j, Y"
