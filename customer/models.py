from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.customer.abstract_models import AbstractProductAlert


class ProductAlert(AbstractProductAlert):
    # The language the buyer read the site in when asking: the "back in stock" mail, sent
    # later by a worker with no request, is written in it. Blank: the site's default.
    language = models.CharField(_("Language"), max_length=10, blank=True, default="")


from oscar.apps.customer.models import *  # noqa: E402,F403
