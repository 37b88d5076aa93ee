from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TourismConfig(AppConfig):
    name = "shop.tourism"
    # The label stays "partners": it names the tables, the migration history, the content
    # types and the permissions of every existing database (docs/decisions.md).
    label = "partners"
    verbose_name = _("Tourism partners")
