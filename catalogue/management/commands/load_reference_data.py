"""Load the reference data every installation needs: places and the OCOP groups."""

from django.core.management.base import BaseCommand

from catalogue.services import ocop_categories_sync, places_sync


class Command(BaseCommand):
    help = "Create or update the 34 provinces, their communes and the OCOP product groups."

    def handle(self, *args, **options):
        provinces, communes = places_sync()
        categories = ocop_categories_sync()
        self.stdout.write(
            self.style.SUCCESS(
                f"{provinces} provinces, {communes} communes, {categories} OCOP categories."
            )
        )
