"""What the shop must be able to show about personal data: each consent with the policy
version it was given to, and each copy or erasure of an account's data."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ConsentPurpose(models.TextChoices):
    # Holding an account: profile, address book, wish lists, alerts, reviews.
    ACCOUNT = "account", _("Holding an account")
    # An order: its parcels handed to producers and carriers, a card to the processor.
    ORDERS = "orders", _("Placing and delivering orders")
    # An application to sell here or to become a tourism partner: reviewing it, then working
    # with the business it names.
    APPLICATION = "application", _("Applying as a producer or partner")


class ConsentMethod(models.TextChoices):
    SIGNUP_FORM = "signup_form", _("Ticked on the sign-up form")
    CHECKOUT_FORM = "checkout_form", _("Ticked before placing the order")
    PRODUCER_FORM = "producer_form", _("Ticked on the producer application")
    PARTNER_FORM = "partner_form", _("Ticked on the tourism partner application")


class ConsentRecord(models.Model):
    """One consent: who gave it (an account, or a guest's address and order), to which
    version of the privacy policy, for what, when and how."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consents",
    )
    # A guest's address (an account's is read from the account); emptied on erasure.
    email = models.EmailField(_("e-mail"), blank=True)
    # The order the consent was given for (a guest's, or an account's first checkout under
    # this version); the number is reserved before the order exists.
    order_number = models.CharField(_("order number"), max_length=128, blank=True)
    purpose = models.CharField(_("purpose"), max_length=16, choices=ConsentPurpose.choices)
    policy_version = models.CharField(_("privacy policy version"), max_length=32)
    method = models.CharField(_("how it was given"), max_length=16, choices=ConsentMethod.choices)
    given_at = models.DateTimeField(_("given at"), auto_now_add=True)

    class Meta:
        ordering = ["-given_at", "-pk"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        indexes = [models.Index(fields=["user", "purpose", "policy_version"])]

    def __str__(self) -> str:
        return f"{self.purpose} v{self.policy_version} {self.given_at:%Y-%m-%d}"


class PrivacyAction(models.TextChoices):
    EXPORT = "export", _("Data copied")
    ERASE = "erase", _("Account erased")


class PrivacyAuditEntry(models.Model):
    """A copy or an erasure of someone's data, without any of that data: the subject is a
    keyed hash of the account's id, so the log itself names nobody."""

    action = models.CharField(_("action"), max_length=12, choices=PrivacyAction.choices)
    subject = models.CharField(_("account (keyed hash of its id)"), max_length=64, db_index=True)
    # Null when the account holder acted; else the member of staff who did, on request.
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member of staff"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Staff's reference of the request (a ticket number); never the requester's words.
    request_reference = models.CharField(_("request reference"), max_length=64, blank=True)
    detail = models.CharField(_("detail"), max_length=64, blank=True)
    at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("personal data audit entry")
        verbose_name_plural = _("personal data audit entries")

    def __str__(self) -> str:
        return f"{self.action} {self.subject[:12]} {self.at:%Y-%m-%d %H:%M}"
