"""Staff compose gift boxes in the Django admin (its model permissions decide who may); the
box's page explains how its price is shared among the producers."""

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from shop.gifts.models import GiftBox, GiftBoxItem
from shop.gifts.selectors import gift_box_boxes_available, gift_box_producer_shares
from shop.gifts.services import gift_box_components_error, gift_box_publish
from shop.money import vnd


class GiftBoxItemFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        items = [
            (form.cleaned_data["product"], form.cleaned_data.get("quantity") or 1)
            for form in self.forms
            if form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("product")
        ]
        # The box's own fields are already on the instance (the admin validates its form
        # first), so the packing producer is checked with the components.
        error = gift_box_components_error(items=items, packing_vendor=self.instance.packing_vendor)
        if error:
            raise ValidationError(error)


class GiftBoxItemInline(admin.TabularInline):
    model = GiftBoxItem
    formset = GiftBoxItemFormSet
    raw_id_fields = ("product",)
    extra = 3


@admin.register(GiftBox)
class GiftBoxAdmin(admin.ModelAdmin):
    list_display = ("title", "price", "packing_vendor", "is_public", "boxes_available")
    list_filter = ("is_public",)
    search_fields = ("title",)
    raw_id_fields = ("packing_vendor",)
    inlines = [GiftBoxItemInline]
    readonly_fields = ("storefront", "shares")
    fields = (
        "title",
        "description",
        "image",
        "price",
        "packing_vendor",
        "is_public",
        "storefront",
        "shares",
    )

    @admin.display(description=_("boxes available"))
    def boxes_available(self, box: GiftBox) -> int:
        return gift_box_boxes_available(box=box)

    @admin.display(description=_("storefront page"))
    def storefront(self, box: GiftBox) -> str:
        if box.product is None:
            return gettext("Published when the box is saved.")
        url = box.product.get_absolute_url()
        return format_html('<a href="{}">{}</a>', url, url)

    @admin.display(description=_("shares of the box price"))
    def shares(self, box: GiftBox) -> str:
        if not box.pk:
            return gettext("Shown once the box and its products are saved.")
        shares = gift_box_producer_shares(box=box)
        if not shares:
            return gettext("Add products to see how the price is shared.")
        intro = gettext(
            "The box price is shared among the producers in proportion to the retail value "
            "of their products in the box, in whole đồng; the rounding difference goes to "
            "the product worth most. Each share is recorded in its producer's ledger as a "
            "sale, less the platform's commission at the producer's rate, like any sale."
        )
        if box.packing_vendor:
            intro += " " + gettext(
                "This box has a packing producer, %(packer)s: it receives the other "
                "producers' goods and sends the box as one parcel, listing every item, and "
                "its ledger receives the shipping fee. Each producer's share is still "
                "recorded in that producer's own ledger, commission at its own rate, and "
                "cancelling the parcel reverses every share."
            ) % {"packer": box.packing_vendor}
        rows = format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            (
                (
                    share.vendor or "—",
                    "; ".join(
                        f"{item.quantity} × {item.product.get_title()}" for item in share.items
                    ),
                    vnd(share.retail),
                    vnd(share.share),
                    f"{(share.commission_rate * 100).normalize():f}% = {vnd(share.commission)}",
                    vnd(share.net),
                )
                for share in shares
            ),
        )
        return format_html(
            "<p>{}</p><table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th>"
            "<th>{}</th><th>{}</th></tr></thead><tbody>{}</tbody></table>",
            intro,
            gettext("Producer"),
            gettext("Products"),
            gettext("Retail value"),
            gettext("Share of the box price"),
            gettext("Commission"),
            gettext("Owed to the producer"),
            rows,
        )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        gift_box_publish(box=form.instance)
