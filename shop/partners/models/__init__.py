"""Only for shop/partners/demo.py until the demo data has its own app: the tourism partner
models live in shop.tourism.models. Delete this file when demo.py leaves this folder."""

from shop.tourism.models import TourismPartner, Widget

__all__ = ["TourismPartner", "Widget"]
