import pytest

from catalogue.models import Commune
from catalogue.services import ocop_categories_sync, places_sync


@pytest.fixture
def reference_data(transactional_db):
    """Places and OCOP groups again: an earlier committed test emptied the database."""
    if not Commune.objects.exists():
        places_sync()
        ocop_categories_sync()
