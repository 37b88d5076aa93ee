"""Oscar's catalogue, forked to carry the OCOP domain: places, certificates and stars."""

import oscar.apps.catalogue.apps as oscar_apps
from django.utils.translation import gettext_lazy as _


class CatalogueConfig(oscar_apps.CatalogueConfig):
    name = "catalogue"
    verbose_name = _("Catalogue")

    def ready(self):
        super().ready()
        from django.urls import register_converter

        from catalogue import receivers
        from catalogue.numbers import IdConverter

        # Before any URL module is imported: our patterns take ids as `<id:pk>`.
        register_converter(IdConverter, "id")

        receivers.connect()
