"""Report stock records held by a partner other than their product's producer's, and with
--repair move them to it (what the migration did once, for rows written since by hand)."""

from django.core.management.base import BaseCommand, CommandError

from vendors.selectors import product_producer, stockrecords_not_with_producer
from vendors.services import stockrecords_follow_producer


class Command(BaseCommand):
    help = (
        "List stock records whose partner is not their product's producer's (parcels and "
        "ledger would go to another producer than the dashboard and search show). Exits "
        "with an error when there are any; --repair moves those of products with a producer."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--repair",
            action="store_true",
            help="Give each such record its product's producer's partner first.",
        )

    def handle(self, *args, repair: bool = False, **options):
        if repair:
            moved = stockrecords_follow_producer()
            self.stdout.write(f"{moved} stock records moved to their product's producer.")
        rows = list(stockrecords_not_with_producer())
        for record in rows:
            producer = product_producer(product=record.product)
            should_be = (
                f"its producer {producer.legal_name} (partner #{producer.partner_id})"
                if producer
                else "no producer's: the product has none, choose it in the dashboard"
            )
            self.stdout.write(
                f"Stock record #{record.pk} (SKU {record.partner_sku}) of product "
                f"#{record.product_id} “{record.product.get_title()}”: held by partner "
                f"#{record.partner_id} {record.partner.name}, should be {should_be}."
            )
        if rows:
            raise CommandError(f"{len(rows)} stock records are not held by their producer.")
        self.stdout.write(self.style.SUCCESS("Every stock record is held by its producer."))
