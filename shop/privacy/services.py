"""Writing personal data: consents, the audit of copies and erasures, and the erasure of an
account (its personal data removed, its orders kept for accounting with the buyer
anonymised)."""

from __future__ import annotations

import logging
import re

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import salted_hmac
from oscar.core.loading import get_model

from shop.mail.models import SentMail
from shop.payments.models import PaymentAttempt
from shop.privacy.models import (
    ConsentMethod,
    ConsentPurpose,
    ConsentRecord,
    PrivacyAction,
    PrivacyAuditEntry,
)
from shop.privacy.selectors import alerts_of, erasure_refusals, orders_of
from vendors.models import Fulfilment, ParcelEvent

logger = logging.getLogger(__name__)

Order = get_model("order", "Order")
ProductReview = get_model("reviews", "ProductReview")
ShippingAddress = get_model("order", "ShippingAddress")
BillingAddress = get_model("order", "BillingAddress")
OrderNote = get_model("order", "OrderNote")
ShippingEvent = get_model("order", "ShippingEvent")
WishListSharedEmail = get_model("wishlists", "WishListSharedEmail")


class ErasureRefused(Exception):
    """The account cannot be erased now; `reasons` say why, in its holder's words."""

    def __init__(self, reasons: list[str]):
        super().__init__("; ".join(reasons))
        self.reasons = reasons


def consent_give(
    *,
    purpose: str,
    method: str,
    user: AbstractBaseUser | None = None,
    email: str = "",
    order_number: str = "",
) -> ConsentRecord:
    """Record a consent to the policy now in force. A guest is known by the address and
    the order it was given for; an account by itself (its address is not copied)."""
    if user is None and not email:
        raise ValueError("A consent belongs to an account or to a guest's address.")
    return ConsentRecord.objects.create(
        user=user,
        email="" if user is not None else email,
        order_number=order_number,
        purpose=ConsentPurpose(purpose),
        method=ConsentMethod(method),
        policy_version=settings.PRIVACY_POLICY_VERSION,
    )


def subject_hash(*, user_id: int) -> str:
    """The audit's name for an account: a keyed hash of its id. Whoever holds the secret key
    can check whether an account id was copied or erased; the log alone names nobody."""
    return salted_hmac("shop.privacy.audit", str(user_id), algorithm="sha256").hexdigest()


def privacy_audit(
    *,
    action: str,
    user_id: int,
    staff: AbstractBaseUser | None = None,
    request_reference: str = "",
    detail: str = "",
) -> PrivacyAuditEntry:
    return PrivacyAuditEntry.objects.create(
        action=PrivacyAction(action),
        subject=subject_hash(user_id=user_id),
        staff=staff,
        request_reference=request_reference[:64],
        detail=detail[:64],
    )


def data_export_audit(
    *, user: AbstractBaseUser, data_format: str, staff=None, request_reference: str = ""
) -> None:
    privacy_audit(
        action=PrivacyAction.EXPORT,
        user_id=user.pk,
        staff=staff,
        request_reference=request_reference,
        detail=data_format,
    )


def _identifiers(*, user, orders) -> list[str]:
    """The strings that name the buyer in free text staff or producers wrote about their
    orders (notes, reasons): the address, the names and phones given on the account and in
    its orders, longest first so a full name goes before its parts."""
    found = {user.email, user.get_full_name(), user.first_name, user.last_name}
    addresses = list(ShippingAddress.objects.filter(order__in=orders)) + list(
        BillingAddress.objects.filter(order__in=orders)
    )
    addresses += list(user.addresses.all())
    for address in addresses:
        found.add(" ".join(p for p in (address.first_name, address.last_name) if p))
        found.update({address.first_name, address.last_name, address.line1, address.line2})
        phone = getattr(address, "phone_number", None)
        if phone:
            found.add(str(phone))
            national = getattr(phone, "national_number", None)
            if national:
                found.update({f"0{national}", str(national)})
    for order in orders:
        found.add(order.guest_email)
    # Two letters or fewer would blank out unrelated words.
    return sorted((s.strip() for s in found if s and len(s.strip()) > 2), key=len, reverse=True)


def _scrub(text: str, identifiers: list[str]) -> str:
    for identifier in identifiers:
        text = re.sub(re.escape(identifier), "…", text, flags=re.IGNORECASE)
    return text


def _scrub_rows(queryset, field: str, identifiers: list[str]) -> None:
    for row in queryset.only("pk", field):
        value = getattr(row, field) or ""
        cleaned = _scrub(value, identifiers)
        if cleaned != value:
            type(row).objects.filter(pk=row.pk).update(**{field: cleaned})


def _sessions_end(*, user_id: int) -> int:
    """Delete the account's sessions (and what they hold: a checkout's address), wherever
    it is signed in. Sessions live in the database and are not indexed by account, so each
    live one is read; erasures are rare."""
    ended = 0
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(user_id):
            session.delete()
            ended += 1
    return ended


_EMPTY_ADDRESS = {
    "title": "",
    "first_name": "",
    "last_name": "",
    "line1": "",
    "line2": "",
    "postcode": "",
    "search_text": "",
}


@transaction.atomic
def account_erase(
    *,
    user: AbstractBaseUser,
    staff: AbstractBaseUser | None = None,
    request_reference: str = "",
) -> None:
    """Erase the account: its personal data deleted, or anonymised where the shop must keep
    the record (orders, parcels and ledgers for accounting; approved reviews as a buyer's
    opinion). Refused, with the reasons, while `erasure_refusals` names any.

    Kept, without the person: orders (number, lines, amounts, status, the commune and
    province they went to), parcels and their timelines, ledger entries, reviews (author
    removed), consent records (version and time, no longer tied to anyone), the audit entry.
    """
    User = get_user_model()
    locked = User.objects.select_for_update().filter(pk=user.pk).first()
    if locked is None:
        # Already erased: a double click's second request (or staff and the holder at once)
        # waited on the lock above and finds nothing left to do.
        return
    user = locked
    reasons = erasure_refusals(user=user)
    if reasons:
        raise ErasureRefused(reasons)
    user_id, email = user.pk, (user.email or "").strip()

    orders = list(orders_of(user=user).select_for_update(of=("self",)))
    identifiers = _identifiers(user=user, orders=orders)
    order_ids = [order.pk for order in orders]

    # Orders: the buyer's name, address and phone go; the place (commune, province) stays.
    ShippingAddress.objects.filter(order__in=order_ids).update(
        **_EMPTY_ADDRESS, phone_number="", notes=""
    )
    BillingAddress.objects.filter(order__in=order_ids).update(**_EMPTY_ADDRESS)
    Order._default_manager.filter(pk__in=order_ids).update(user=None, guest_email="")
    # Free text written about these orders by staff, producers or the card processor.
    _scrub_rows(OrderNote.objects.filter(order__in=order_ids), "message", identifiers)
    _scrub_rows(ShippingEvent.objects.filter(order__in=order_ids), "notes", identifiers)
    _scrub_rows(Fulfilment.objects.filter(order__in=order_ids), "cancel_reason", identifiers)
    _scrub_rows(ParcelEvent.objects.filter(fulfilment__order__in=order_ids), "note", identifiers)
    attempts = PaymentAttempt.objects.filter(
        Q(user=user) | Q(order_number__in=[order.number for order in orders])
    )
    attempts.update(user=None, checkout_data={})
    _scrub_rows(attempts, "last_error", identifiers)

    # Reviews stay as a buyer's opinion of a product, by nobody in particular.
    mine = Q(user=user) | (Q(email__iexact=email) if email else Q(pk__in=[]))
    ProductReview._default_manager.filter(mine).update(user=None, name="", email="", homepage="")

    alerts_of(user=user).delete()
    if email:
        WishListSharedEmail._default_manager.filter(email__iexact=email).delete()
        for mail in SentMail.objects.filter(recipients__icontains=email):
            mail.recipients = _scrub(mail.recipients, [email])
            mail.save(update_fields=["recipients"])
        _login_records_delete(email=email)

    # Consents stay as proof of what was agreed, no longer tied to anyone.
    ConsentRecord.objects.filter(mine).update(user=None, email="")
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(User), object_id=str(user_id)
    ).delete()

    _sessions_end(user_id=user_id)
    # The account itself, with what hangs on it: address book, baskets, wish lists, votes,
    # Oscar's mail history and notifications, browsing history, saved cards.
    user.delete()
    privacy_audit(
        action=PrivacyAction.ERASE,
        user_id=user_id,
        staff=staff,
        request_reference=request_reference,
        detail=f"orders:{len(order_ids)}",
    )
    logger.info("Account erased (%d orders anonymised)", len(order_ids))


def _login_records_delete(*, email: str) -> None:
    """django-axes keeps failed and successful logins by the typed address."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username__iexact=email).delete()
