"""Load the demo catalogue (real OCOP producers and products) and the demo accounts."""

import logging
import sys
import time
from contextlib import contextmanager

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from catalogue.services import (
    ocop_categories_sync,
    places_sync,
    product_class_ensure,
    trace_codes_backfill,
)
from search.indexing import index_rebuild
from shop.demo import loader, synthetic
from shop.demo.data import PRODUCTS, VENDORS
from shop.demo.editorial import MODERATOR, editorial_demo_ensure
from shop.demo.gifts import demo_gift_box_ensure
from shop.demo.orders import demo_orders_ensure, demo_shipping_rules_ensure
from shop.demo.tourism import demo_partner_ensure
from shop.demo.vouchers import demo_vouchers_ensure

# Per-row INFO lines (new producers, Oscar's stock alerts) would break up the progress bars.
CHATTY_LOGGERS = ("oscar.alerts", "vendors.services")


@contextmanager
def _quieter(loggers: tuple[str, ...], *, enabled: bool):
    saved = {name: logging.getLogger(name).level for name in loggers}
    if enabled:
        for name in loggers:
            logging.getLogger(name).setLevel(logging.WARNING)
    try:
        yield
    finally:
        for name, level in saved.items():
            logging.getLogger(name).setLevel(level)


class Command(BaseCommand):
    help = (
        "Load a believable demo catalogue: places, OCOP groups, producers, products with "
        "stock, certificates, quality marks, batches, trace codes and packshots, and three demo "
        "accounts. Safe to run again: rows that exist are left as they are."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--products",
            type=int,
            default=0,
            metavar="N",
            help="Also create N synthetic products (UPC SYN-000001...) for scale work.",
        )
        parser.add_argument(
            "--producers",
            type=int,
            default=0,
            metavar="N",
            help="With --products: spread them over N synthetic producers (default: about 50, "
            "one or two per province).",
        )
        parser.add_argument(
            "--no-images",
            action="store_true",
            help="Skip drawing packshots and logos (faster; products get no image).",
        )

    def handle(self, *args, products: int, producers: int, no_images: bool, **options) -> None:
        if products < 0:
            raise CommandError("--products takes a number of products, 0 or more.")
        if producers < 0:
            raise CommandError("--producers takes a number of producers, 0 or more.")
        with _quieter(CHATTY_LOGGERS, enabled=options["verbosity"] < 2):
            self._seed(products=products, producers=producers, draw=not no_images, **options)

    def _seed(self, *, products: int, producers: int, draw: bool, **options) -> None:
        started = time.monotonic()
        # Progress goes to stderr, so the summary and the account table stay clean on stdout.
        bar_file = options.get("stderr") or sys.stderr
        quiet = options["verbosity"] == 0

        steps = 4 + len(VENDORS) + len(PRODUCTS)
        with tqdm(
            total=steps, desc="Demo catalogue", unit="step", file=bar_file, disable=quiet
        ) as bar:
            places_sync()
            ocop_categories_sync()
            bar.update(1)
            product_class = product_class_ensure()
            categories = loader.categories_by_code()
            marks = loader.marks_ensure()
            bar.update(1)

            vendors = {}
            for spec in VENDORS:
                vendors[spec.slug] = loader.vendor_from_spec(spec, draw_logo=draw)
                bar.update(1)
            vendor_specs = {spec.slug: spec for spec in VENDORS}

            created = 0
            for spec in PRODUCTS:
                created += loader.product_from_spec(
                    spec,
                    vendor=vendors[spec.vendor],
                    vendor_spec=vendor_specs[spec.vendor],
                    product_class=product_class,
                    categories=categories,
                    marks=marks,
                    draw_images=draw,
                )
                bar.update(1)

            accounts = loader.accounts_ensure()
            bar.update(1)
            loader.home_page_hero_ensure()
            bar.update(1)

        self.stdout.write(
            f"Real catalogue: {len(VENDORS)} producers, {len(PRODUCTS)} products ({created} new)."
        )
        # Rules first: the demo orders are charged the shipping their producers ask.
        self.stdout.write(f"Demo shipping rules: {demo_shipping_rules_ensure()} new.")
        self.stdout.write(f"Demo orders: {demo_orders_ensure()} new.")

        if products > 0:
            synthetic_vendors = synthetic.synthetic_vendors_ensure(draw_logos=draw, count=producers)
            image_paths = synthetic.shared_images_ensure() if draw else None
            with tqdm(
                total=products,
                desc="Synthetic products",
                unit="product",
                file=bar_file,
                disable=quiet,
            ) as bar:
                new = synthetic.synthetic_products_create(
                    count=products,
                    product_class=product_class,
                    categories=categories,
                    vendors=synthetic_vendors,
                    image_paths=image_paths,
                    progress=bar.update,
                )
            self.stdout.write(
                f"Synthetic catalogue: {len(synthetic_vendors)} producers, {products} products "
                f"({new} new)."
            )

        # The gift box holds the demo products above; indexed with the rest just below.
        box = demo_gift_box_ensure()
        if box is not None:
            self.stdout.write(f"Gift box: {box.title}.")

        # Bulk-created products send no signals: give them trace codes and index the whole
        # catalogue once.
        trace_codes_backfill()
        indexed = index_rebuild()
        self.stdout.write(f"Search index: {indexed} products.")

        # After the catalogue: stories show its products and region pages list its producers.
        regions, stories = editorial_demo_ensure()
        self.stdout.write(f"Editorial pages: {regions} new regions, {stories} new stories.")

        accounts = (*accounts, demo_partner_ensure())

        codes = demo_vouchers_ensure()
        self.stdout.write(f"Voucher codes for the Tết campaign: {', '.join(codes)}.")

        self._print_accounts(accounts)
        self.stdout.write(self.style.SUCCESS(f"Done in {time.monotonic() - started:.1f} s."))

    def _print_accounts(self, accounts: tuple[loader.DemoAccount, ...]) -> None:
        rows = [("Role", "E-mail (log in with)", "Password", "Where")]
        rows += [(a.role, a.email, a.password, a.where) for a in accounts]
        rows.append(("moderator", MODERATOR[1], MODERATOR[2], "/cms-admin/ (publishes)"))
        self.stdout.write("\nDemo accounts:")
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        for index, row in enumerate(rows):
            cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
            self.stdout.write(("  " + "  ".join(cells)).rstrip())
            if index == 0:
                self.stdout.write("  " + "  ".join("-" * w for w in widths))
