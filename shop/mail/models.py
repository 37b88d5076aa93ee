"""The record of each mail that must go out once, kept in the database so that neither a
task delivered twice nor a cache flush sends it again."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SentMail(models.Model):
    # What the mail is about, e.g. "parcel-shipped:42": the unique index is the claim.
    once_key = models.CharField(_("once key"), max_length=200, unique=True)
    template = models.CharField(_("template"), max_length=120)
    recipients = models.TextField(_("recipients"))
    language = models.CharField(_("language"), max_length=10)
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("sent mail")
        verbose_name_plural = _("sent mails")

    def __str__(self) -> str:
        return self.once_key
