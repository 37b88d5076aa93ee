"""Two "Place order" posts at once on a SQLite file, run in a process of its own (settings
from shop.settings.test with DATABASE_URL naming the file); prints what each post answered
and how many orders were written, as JSON.

Run by test_sqlite_double_click.py. The two posts meet just before placing the order (up to
a few seconds), so both are inside their request's transaction at the same moment, as a
double click on a busy server would have them.
"""

import json
import os
import sys
import threading

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings.test")
django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from oscar.core.loading import get_model  # noqa: E402

import shop.checkout.mixins as checkout_mixins  # noqa: E402
from tests.factories import ProductFactory  # noqa: E402
from tests.shop.checkout.helpers import address_form_data  # noqa: E402

Order = get_model("order", "Order")
MEET_SECONDS = 3


def main() -> None:
    from catalogue.models import Commune
    from catalogue.services import places_sync
    from tests.factories import vietnam_ensure

    # The copied test database lost its reference data if a test before flushed it.
    if not Commune.objects.exists():
        places_sync()
    vietnam_ensure()
    product = ProductFactory(title="Miến dong Bình Liêu")
    buyer = Client(raise_request_exception=False)
    assert buyer.post(f"/basket/add/{product.pk}/", {"quantity": 2}).status_code == 302
    buyer.post("/checkout/", {"username": "khach@example.vn", "options": "anonymous"})
    assert buyer.post("/checkout/shipping-address/", address_form_data()).status_code == 302
    buyer.get("/checkout/shipping-method/")
    assert buyer.post("/checkout/payment-method/", {"method": "cod"}).status_code == 302
    assert buyer.get("/checkout/preview/").status_code == 200
    # The same browser clicks twice: both posts carry its cookies.
    second = Client(raise_request_exception=False)
    second.cookies = buyer.cookies
    connection.close()

    meet = threading.Barrier(2)
    place = checkout_mixins.order_place

    def order_place_when_both_are_in(**kwargs):
        try:
            meet.wait(timeout=MEET_SECONDS)
        except threading.BrokenBarrierError:
            pass  # the other post is waiting for the database: go on alone
        return place(**kwargs)

    checkout_mixins.order_place = order_place_when_both_are_in
    answers: dict[int, object] = {}

    def click(number: int, client: Client) -> None:
        try:
            response = client.post(
                "/checkout/preview/", {"action": "place_order", "privacy_consent": "on"}
            )
            answers[number] = [response.status_code, response.get("Location", "")]
        except Exception as error:  # noqa: BLE001 - reported to the test as it is
            answers[number] = [0, repr(error)]
        finally:
            connection.close()

    threads = [threading.Thread(target=click, args=(n, c)) for n, c in enumerate((buyer, second))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    print(json.dumps({"answers": sorted(answers.values()), "orders": Order.objects.count()}))


if __name__ == "__main__":
    main()
    sys.exit(0)
