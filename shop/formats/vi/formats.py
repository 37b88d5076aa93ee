# Django's Vietnamese dates are spelt out ("Ngày 30 tháng 11 năm 2026"); a shop, its mails and
# its papers write them with slashes.
DATE_FORMAT = "d/m/Y"
SHORT_DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "H:i d/m/Y"
SHORT_DATETIME_FORMAT = "H:i d/m/Y"
