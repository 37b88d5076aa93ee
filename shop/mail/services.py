"""One way to send a mail: a subject and a body template pair, rendered in the recipient's
language, sent at most once per `once_key`."""

import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation

from shop.mail.models import SentMail

logger = logging.getLogger(__name__)


def mail_render(*, template: str, context: dict, language: str = "") -> tuple[str, str]:
    """The subject (one line) and body of `<template>_subject.txt` / `<template>_body.txt`."""
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = render_to_string(f"{template}_subject.txt", context)
        body = render_to_string(f"{template}_body.txt", context)
    return " ".join(subject.split()), body


def mail_send(
    *,
    template: str,
    context: dict,
    to: Iterable[str],
    once_key: str = "",
    language: str = "",
) -> bool:
    """Send the mail; returns whether it went out.

    With a `once_key` the mail goes out at most once, ever: the key's row is written in the
    same transaction as the sending, so a second run (a task delivered twice, a concurrent
    worker) finds the row, while a mail that fails to send rolls the row back and can be
    tried again. Without a key every call sends (a sign-up link asked for twice)."""
    recipients = list(dict.fromkeys(address for address in to if address))
    if not recipients:
        logger.warning("Mail %s has no recipient", template)
        return False
    language = language or settings.LANGUAGE_CODE
    with transaction.atomic():
        if once_key:
            try:
                with transaction.atomic():
                    SentMail.objects.create(
                        once_key=once_key,
                        template=template,
                        recipients=", ".join(recipients),
                        language=language,
                    )
            except IntegrityError:
                logger.info("Mail %s already sent", once_key)
                return False
        subject, body = mail_render(template=template, context=context, language=language)
        EmailMessage(
            subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=recipients
        ).send()
    logger.info("Mail %s sent (%s)", template, once_key or "no key")
    return True


def mail_mark_sent(*, once_keys: Iterable[str], template: str) -> None:
    """Record mails as sent without sending them (made-up recipients of the demo)."""
    SentMail.objects.bulk_create(
        [
            SentMail(once_key=key, template=template, recipients="", language="")
            for key in once_keys
        ],
        ignore_conflicts=True,
    )
