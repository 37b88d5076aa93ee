"""Give every new product its trace code, whichever page or command created it."""

from django.db.models.signals import post_save

from catalogue.models import Product


def _product_saved(sender, instance: Product, created: bool, raw: bool = False, **kwargs) -> None:
    # Products are also created by Oscar's own dashboard, which calls none of our services;
    # variants are traced through their parent.
    if created and not raw and not instance.is_child:
        from catalogue.services import trace_code_ensure

        trace_code_ensure(product=instance)


def connect() -> None:
    post_save.connect(_product_saved, sender=Product, dispatch_uid="catalogue.product_trace_code")
