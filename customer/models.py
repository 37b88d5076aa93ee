"""Oscar's customer models; the product alert knows what it waits for and the language it
was asked in."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.customer.abstract_models import AbstractProductAlert


class ProductAlert(AbstractProductAlert):
    """An alert waits for the product to be back in stock (Oscar's alert) or for its harvest
    season to open; each is mailed once, by its own task (customer/alert_services.py)."""

    STOCK = "stock"
    SEASON = "season"
    KIND_CHOICES = ((STOCK, _("Back in stock")), (SEASON, _("Season opens")))

    kind = models.CharField(
        _("alert for"), max_length=8, choices=KIND_CHOICES, default=STOCK, db_index=True
    )
    # The language the buyer read the site in when asking: the mail, sent later by a worker
    # with no request, is written in it. Blank: the site's default.
    language = models.CharField(_("Language"), max_length=10, blank=True, default="")


from oscar.apps.customer.models import *  # noqa: E402,F403
