"""Read side of the partner fork: may this product be sold now."""

from catalogue.selectors import product_is_on_sale


def product_sellable(*, product, stockrecord=None) -> bool:
    """On sale by the catalogue's rule (a variant also needs its parent on sale: staff hold
    back, and producers publish, the parent), and priced above zero when a record is given
    (a record without a price is Oscar's to refuse)."""
    if not product_is_on_sale(product=product):
        return False
    if product.parent_id and not product_is_on_sale(product=product.parent):
        return False
    return stockrecord is None or stockrecord.price is None or stockrecord.price > 0
