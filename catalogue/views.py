"""Catalogue views of the fork: Oscar's, with the producer's standing taken into account."""

from oscar.apps.catalogue.views import ProductDetailView as OscarProductDetailView

from catalogue.selectors import product_is_on_sale, user_manages_product


class ProductDetailView(OscarProductDetailView):
    def is_viewable(self, product, request):
        # A suspended or unapproved producer's products disappear for shoppers, but the
        # producer and the platform's staff can still open them.
        listed = product.parent if product.is_child else product
        if product_is_on_sale(product=listed) and (not product.is_child or product.is_public):
            return True
        return user_manages_product(user=request.user, product=listed)
