# The English site is read by visitors from everywhere: the month is written as a word and
# comes after the day, so "30 November 2026" cannot be read as the 11th of a 30th month.
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j F"
