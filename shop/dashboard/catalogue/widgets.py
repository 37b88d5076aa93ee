"""Oscar's product pickers, refusing values that are not product ids.

A form sent back with errors shows the products it was given; Oscar looks those values up as
they came, so "²" in a recommendation field raised ValueError (a 500) instead of the form.
"""

from oscar.apps.dashboard.catalogue import widgets as oscar_widgets

from catalogue.numbers import id_parse


class _IdsOnly:
    def optgroups(self, name, value, attrs=None):
        return super().optgroups(name, [v for v in value if id_parse(v) is not None], attrs)


class ProductSelect(_IdsOnly, oscar_widgets.ProductSelect):
    pass


class ProductSelectMultiple(_IdsOnly, oscar_widgets.ProductSelectMultiple):
    pass
