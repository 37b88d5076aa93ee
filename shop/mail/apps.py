from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MailConfig(AppConfig):
    name = "shop.mail"
    label = "mail"
    verbose_name = _("Mails")
    default_auto_field = "django.db.models.BigAutoField"
