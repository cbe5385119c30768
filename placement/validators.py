"""Values with a shape of their own: the NIB of a business, a regency code."""

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

#: Nomor Induk Berusaha: 13 digits, issued through OSS.
NIB = RegexValidator(r"^\d{13}\Z", _("An NIB has exactly 13 digits."))
#: A regency or city as BPS codes it: province (2 digits) and regency (2 digits), e.g. 3325 for Kabupaten Batang.
REGENCY_CODE = RegexValidator(r"^\d{4}\Z", _("A regency code has 4 digits, e.g. 3325 for Kabupaten Batang."))
#: A calendar quarter as "2027-Q1".
QUARTER = RegexValidator(r"^20\d\d-Q[1-4]\Z", _("Write the quarter as YEAR-Q1 to YEAR-Q4, e.g. 2027-Q1."))
