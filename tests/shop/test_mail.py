"""The one mail service: each mail rendered in its recipient's language and sent at most once
per key, a record that outlives the cache, and no other way to send a mail in the code."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.utils import timezone

from catalogue.services import product_hide
from catalogue.tasks import product_hidden_notify
from shop.mail.models import SentMail
from shop.mail.services import mail_send
from tests.factories import ProductFactory, VendorFactory, placed_order
from tests.source_imports import imports_of_file, project_sources

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden_product(django_capture_on_commit_callbacks):
    product = ProductFactory(title="Mật ong bạc hà", vendor=VendorFactory(email="htx@example.vn"))
    with django_capture_on_commit_callbacks(execute=False):
        product_hide(product=product, reason="Thu hồi lô 12", by=None)
    product.refresh_from_db()
    return product


def test_a_producer_told_of_a_hidden_product_once_even_after_the_cache_is_emptied(
    hidden_product,
):
    assert product_hidden_notify(hidden_product.pk) is True
    cache.clear()
    assert product_hidden_notify(hidden_product.pk) is False

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["htx@example.vn"]
    assert message.subject == "Sản phẩm “Mật ong bạc hà” của bạn đã bị ẩn khỏi sàn"
    assert "Lý do: Thu hồi lô 12" in message.body


def test_a_second_hold_of_the_same_product_is_a_new_mail(hidden_product):
    product_hidden_notify(hidden_product.pk)
    hidden_product.hidden_at = timezone.now() + timezone.timedelta(days=1)
    hidden_product.save(update_fields=["hidden_at"])

    assert product_hidden_notify(hidden_product.pk) is True
    assert len(mail.outbox) == 2


def test_a_mail_that_fails_to_send_is_not_recorded_and_goes_out_on_the_next_try(
    hidden_product, monkeypatch
):
    def smtp_down(self, fail_silently=False):
        raise ConnectionRefusedError("smtp down")

    with monkeypatch.context() as patch:
        patch.setattr(EmailMessage, "send", smtp_down)
        with pytest.raises(ConnectionRefusedError):
            product_hidden_notify(hidden_product.pk)
    assert not SentMail.objects.exists()

    assert product_hidden_notify(hidden_product.pk) is True
    assert len(mail.outbox) == 1
    assert SentMail.objects.get().recipients == "htx@example.vn"


def test_the_order_confirmation_speaks_the_language_the_order_was_placed_in():
    from shop.checkout.tasks import order_confirmation_send

    order = placed_order([(ProductFactory(title="Miến dong"), 1)], email="guest@example.com")

    assert order_confirmation_send(order.pk, language="en") is True
    assert order_confirmation_send(order.pk) is False  # once, whatever the language

    (message,) = mail.outbox
    assert message.to == ["guest@example.com"]
    assert f"Thank you for your order {order.number}." in message.body
    assert "Cảm ơn" not in message.body


def test_the_same_mail_in_vietnamese_by_default():
    from shop.checkout.tasks import order_confirmation_send

    order = placed_order([(ProductFactory(title="Miến dong"), 1)], email="khach@example.vn")

    assert order_confirmation_send(order.pk) is True
    assert "Miến dong" in mail.outbox[0].body
    assert f"Cảm ơn bạn đã đặt đơn hàng {order.number}." in mail.outbox[0].body


def test_mails_without_recipients_send_nothing():
    assert mail_send(template="checkout/emails/order_placed", context={}, to=["", ""]) is False
    assert mail.outbox == []


def test_no_module_sends_mail_but_the_mail_service():
    offenders = sorted(
        module
        for path, module in project_sources()
        if not module.startswith("shop.mail")
        and any(
            name == "django.core.mail" or name.startswith("django.core.mail.")
            for name in imports_of_file(path, module)
        )
    )
    assert offenders == []


def test_a_silent_smtp_server_gives_up_instead_of_holding_the_mail_transaction():
    from django.core.mail.backends.smtp import EmailBackend

    assert 0 < EmailBackend().timeout <= 60
