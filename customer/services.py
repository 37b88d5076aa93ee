"""Accounts opened by a sign-up form (the storefront's, /sell/, /partners/join/).

A sign-up never tells whether its address already has an account: a new address gets an
inactive account and a link that confirms it; an address with an account gets nothing
written and a mail telling its holder. Both answer with the same page.
"""

from __future__ import annotations

import logging

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import AbstractUser
from django.db import transaction
from oscar.apps.customer.forms import generate_username
from oscar.apps.customer.utils import normalise_email

logger = logging.getLogger(__name__)


@transaction.atomic
def account_signup(
    *, email: str, password: str, next_url: str = "", language: str = ""
) -> AbstractUser | None:
    """The new, inactive account for `email`, or None when the address already has one.

    Either way a mail goes to the address after commit: the link confirming the new account
    (which then leads to `next_url`), or a notice to the holder of the existing one.
    """
    User = get_user_model()
    email = normalise_email(email)
    existing = User.objects.filter(email__iexact=email).order_by("pk").first()
    if existing is not None:
        # Hash the password anyway, so both answers take about as long.
        make_password(password)
        _mail_after_commit(user=existing, kind="account_exists", next_url="", language=language)
        logger.info("Sign-up with the address of account %s: its holder is told", existing.pk)
        return None
    user = User(username=generate_username(), email=email, is_active=False)
    user.set_password(password)
    user.save()
    _mail_after_commit(user=user, kind="confirm", next_url=next_url, language=language)
    return user


def account_confirm(*, user: AbstractUser) -> None:
    """The owner of the address opened the link: the account may sign in from now on."""
    if not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])


def _mail_after_commit(*, user: AbstractUser, kind: str, next_url: str, language: str) -> None:
    from customer.tasks import account_signup_mail

    # Robust, as the order mails are: with the queue down the account is still opened and
    # the person still sees "check your inbox" (signing up again sends a new link); the
    # failure is logged.
    transaction.on_commit(
        lambda: account_signup_mail.delay(user.pk, kind, next_url=next_url, language=language),
        robust=True,
    )
