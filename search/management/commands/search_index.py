"""Rebuild the search index: the database rows, and Elasticsearch when configured."""

from django.core.management.base import BaseCommand
from tqdm import tqdm

from catalogue.selectors import storefront_products
from search.indexing import index_rebuild


class Command(BaseCommand):
    help = "Rebuild the product search index (database, and Elasticsearch through an alias swap)."

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true", help="Rebuild every entry.")

    def handle(self, *args, **options):
        if not options["rebuild"]:
            self.stderr.write("Nothing to do: pass --rebuild.")
            return
        total = storefront_products().count()
        with tqdm(total=total, unit="product", disable=options["verbosity"] == 0) as bar:
            count = index_rebuild(progress=bar.update)
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} products."))
