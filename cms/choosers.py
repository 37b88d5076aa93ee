"""Wagtail admin choosers for catalogue products and producers, used by the story blocks."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet


class _TitleSearchForm(BaseFilterForm):
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


class _ProducerSearchForm(_TitleSearchForm):
    lookup = "legal_name__icontains"


class _ProductChooseView(ChooseView):
    filter_form_class = _TitleSearchForm
    ordering = ["title", "pk"]


class _ProductChooseResultsView(ChooseResultsView):
    filter_form_class = _TitleSearchForm
    ordering = ["title", "pk"]


class _ProducerChooseView(ChooseView):
    filter_form_class = _ProducerSearchForm
    ordering = ["legal_name", "pk"]


class _ProducerChooseResultsView(ChooseResultsView):
    filter_form_class = _ProducerSearchForm
    ordering = ["legal_name", "pk"]


class ProductChooserViewSet(ChooserViewSet):
    model = "catalogue.Product"
    icon = "tag"
    choose_one_text = _("Choose a product")
    choose_another_text = _("Choose another product")
    edit_item_text = _("Edit product")
    choose_view_class = _ProductChooseView
    choose_results_view_class = _ProductChooseResultsView
    per_page = 20

    def get_object_list(self):
        from catalogue.models import Product

        # Variants are sold through their parent; cards show the parent's page.
        return Product.objects.exclude(structure=Product.CHILD).select_related("vendor")


class ProducerChooserViewSet(ChooserViewSet):
    model = "vendors.Vendor"
    icon = "group"
    choose_one_text = _("Choose a producer")
    choose_another_text = _("Choose another producer")
    edit_item_text = _("Edit producer")
    choose_view_class = _ProducerChooseView
    choose_results_view_class = _ProducerChooseResultsView
    per_page = 20


product_chooser_viewset = ProductChooserViewSet("product_chooser", url_prefix="product-chooser")
producer_chooser_viewset = ProducerChooserViewSet("producer_chooser", url_prefix="producer-chooser")
