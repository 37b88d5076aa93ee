"""Wagtail admin choosers for catalogue products and producers, used by the story blocks."""

from django import forms
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.views.generic.chooser import ChosenView
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.blocks import ChooserBlock

from catalogue.numbers import id_parse


class _NameSearchForm(BaseFilterForm):
    """Products and producers are not in Wagtail's search index: match their names in SQL."""

    q = forms.CharField(
        label=_("Search term"),
        widget=forms.TextInput(attrs={"placeholder": _("Search")}),
        required=False,
    )
    lookup = "title__icontains"

    def filter(self, objects):
        objects = super().filter(objects)
        text = (self.cleaned_data.get("q") or "").strip()
        if text:
            objects = objects.filter(**{self.lookup: text})
            self.is_searching = True
            self.search_query = text
        return objects


class _ListedChooserBlock(ChooserBlock):
    """A chooser block that accepts and loads only what its chooser lists: an id of another
    kind (a variant, a made-up number) is refused in the editor's form, and loading a body
    reads every chosen row with what its card needs in one query."""

    chooser_queryset = None  # set by _NameChooserViewSet.get_block_class

    @cached_property
    def field(self):
        field = super().field
        field.queryset = self.chooser_queryset()
        return field

    def bulk_to_python(self, values):
        # Ids come from the JSON of the body: anything but a whole number matches no row.
        found = self.chooser_queryset().in_bulk(
            [number for number in map(id_parse, values) if number is not None]
        )
        return [found.get(id_parse(v)) for v in values]


class _IdChosenView(ChosenView):
    """The row an editor picked, by an id the parser accepts: anything else is a 404 (Wagtail
    looks the URL's text up as it comes, a ValueError and a 500 for "x")."""

    def get_object(self, pk):
        number = id_parse(pk)
        if number is None:
            raise self.model_class.DoesNotExist
        return super().get_object(number)


class _NameChooserViewSet(ChooserViewSet):
    """A chooser searched and ordered by one name column."""

    name_field = "title"
    chosen_view_class = _IdChosenView
    base_block_class = _ListedChooserBlock
    per_page = 20

    def get_common_view_kwargs(self, **kwargs):
        search_form = type(
            "NameSearchForm", (_NameSearchForm,), {"lookup": f"{self.name_field}__icontains"}
        )
        return super().get_common_view_kwargs(
            filter_form_class=search_form, ordering=[self.name_field, "pk"], **kwargs
        )

    def get_block_class(self, name=None, module_path=None):
        cls = super().get_block_class(name=name, module_path=module_path)
        cls.chooser_queryset = staticmethod(self.get_object_list)
        return cls


class ProductChooserViewSet(_NameChooserViewSet):
    model = "catalogue.Product"
    icon = "tag"
    choose_one_text = _("Choose a product")
    choose_another_text = _("Choose another product")
    edit_item_text = _("Edit product")

    def get_object_list(self):
        from catalogue.models import Product

        # Variants are sold through their parent; cards show the parent's page.
        return Product.objects.exclude(structure=Product.CHILD).select_related("vendor")


class ProducerChooserViewSet(_NameChooserViewSet):
    model = "vendors.Vendor"
    icon = "group"
    choose_one_text = _("Choose a producer")
    choose_another_text = _("Choose another producer")
    edit_item_text = _("Edit producer")
    name_field = "legal_name"

    def get_object_list(self):
        from vendors.models import Vendor

        # The producer card names the commune and province.
        return Vendor.objects.select_related("commune__province")


product_chooser_viewset = ProductChooserViewSet("product_chooser", url_prefix="product-chooser")
producer_chooser_viewset = ProducerChooserViewSet("producer_chooser", url_prefix="producer-chooser")
