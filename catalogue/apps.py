"""Oscar's catalogue, forked to carry the OCOP domain: places, certificates and stars."""

import oscar.apps.catalogue.apps as oscar_apps
from django.utils.translation import gettext_lazy as _


def stars_class(value) -> str:
    """The CSS class of a rating ("Four"), empty for anything that is not a rating."""
    try:
        stars = round(float(value or 0))
    except (TypeError, ValueError, OverflowError):
        return ""
    return STAR_CLASSES.get(stars, "")


STAR_CLASSES = {1: "One", 2: "Two", 3: "Three", 4: "Four", 5: "Five"}


class CatalogueConfig(oscar_apps.CatalogueConfig):
    name = "catalogue"
    verbose_name = _("Catalogue")

    def ready(self):
        super().ready()
        from catalogue import receivers

        receivers.connect()
        # Oscar's `as_stars` rounds whatever it gets: a review form sent back with a score
        # that is not a number was a 500. Rebound on Oscar's own library, for its templates.
        from oscar.templatetags import reviews_tags

        reviews_tags.register.filter("as_stars", stars_class)
