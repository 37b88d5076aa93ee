"""Staff take a listing off the storefront with a reason, or put it back."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View

from catalogue.models import Product
from catalogue.services import product_hide, product_show


class ProductHideView(View):
    def post(self, request, pk):
        product = get_object_or_404(Product.objects.exclude(structure=Product.CHILD), pk=pk)
        try:
            product_hide(product=product, reason=request.POST.get("reason", ""), by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("“%(title)s” is hidden from the storefront.") % {"title": product.title}
            )
        return redirect("dashboard:catalogue-product", pk=product.pk)


class ProductShowView(View):
    def post(self, request, pk):
        product = get_object_or_404(Product, pk=pk)
        product_show(product=product, by=request.user)
        messages.success(
            request, _("“%(title)s” is back on the storefront.") % {"title": product.title}
        )
        return redirect("dashboard:catalogue-product", pk=product.pk)
