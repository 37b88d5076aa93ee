"""A real Celery worker on a real Redis broker mails a stock alert once when the product comes
back, even when the restock's task is delivered twice."""

import time

import pytest
from oscar.core.loading import get_model
from oscar.test.factories import UserFactory

from catalogue.models import Commune
from catalogue.services import ocop_categories_sync, places_sync
from customer.tasks import product_alerts_send
from tests.factories import ProductFactory, VendorFactory
from tests.services import _stop
from tests.shop.payments.test_celery_worker import tasks_to_redis, worker_with_mail_files

ProductAlert = get_model("customer", "ProductAlert")

pytestmark = pytest.mark.integration


@pytest.mark.django_db(transaction=True)
def test_the_worker_mails_a_restocked_alert_once(redis_url, tmp_path, request):
    if not Commune.objects.exists():  # an earlier committed test emptied the database
        places_sync()
        ocop_categories_sync()
    tasks_to_redis(redis_url, request)
    product = ProductFactory(vendor=VendorFactory(), stock=("85000", 0))
    ProductAlert.objects.create(product=product, user=UserFactory(email="cho@example.vn"))
    record = product.stockrecords.get()
    record.num_in_stock = 6
    record.save()  # committed: the restock's task goes to Redis
    product_alerts_send.delay(product.pk)  # the same task delivered a second time

    worker, mail_dir = worker_with_mail_files(tmp_path, redis_url)
    log_path = tmp_path / "worker.log"
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and worker.poll() is None:
            if log_path.read_text(errors="replace").count(f"Product {product.pk} back in") >= 2:
                break
            time.sleep(0.5)
    finally:
        _stop(worker)
    log = log_path.read_text(errors="replace")
    assert log.count(f"Product {product.pk} back in") == 2, log[-3000:]
    mails = "".join(path.read_text(errors="replace") for path in mail_dir.glob("*.log"))
    assert mails.count("To: cho@example.vn") == 1, log[-3000:]
