"""StreamField blocks of stories and region pages, in one place.

Product and producer blocks store only the chosen row's id: price, stars and stock are read
when the page is shown, so a story never goes stale, and a product that is gone or no longer
sold simply drops out of the card list.
"""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from catalogue.text import vietnamese_sorted
from cms.choosers import producer_chooser_viewset, product_chooser_viewset
from cms.richtext import CleanRichTextBlock

ProductChooserBlock = product_chooser_viewset.get_block_class(
    name="ProductChooserBlock", module_path="cms.blocks"
)
ProducerChooserBlock = producer_chooser_viewset.get_block_class(
    name="ProducerChooserBlock", module_path="cms.blocks"
)

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3"]
STAR_CHOICES = [("3", "3★"), ("4", "4★"), ("5", "5★")]


def province_choices() -> list[tuple[str, str]]:
    """Provinces by official code, in Vietnamese order of their names, read when the editor's
    form is built."""
    from catalogue.models import Province

    provinces = vietnamese_sorted(Province.objects.all(), key=lambda p: p.short_name)
    return [(p.code, p.short_name) for p in provinces]


class ProvinceChoiceBlock(blocks.ChoiceBlock):
    """A province by its code. The stored code is taken as it is when a page is read:
    Wagtail would match it against the whole list, a query on every story shown; the
    editor's form still offers and checks the list."""

    def to_python(self, value):
        return value


class ImageBlock(blocks.StructBlock):
    """An image with the text a screen reader reads instead: alt text is required."""

    image = ImageChooserBlock(label=_("image"))
    alt = blocks.CharBlock(
        label=_("alternative text"),
        max_length=255,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=255)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "cms/blocks/image.html"


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), required=False, max_length=128)
    images = blocks.ListBlock(ImageBlock(), min_num=2, label=_("images"))

    class Meta:
        icon = "image"
        label = _("Gallery")
        template = "cms/blocks/gallery.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quotation"))
    attribution = blocks.CharBlock(label=_("who said it"), required=False, max_length=128)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "cms/blocks/quote.html"


class FactBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("figure"), max_length=64, help_text=_("e.g. 1,200 ha"))
    label = blocks.CharBlock(label=_("what it measures"), max_length=128)


class FactsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), required=False, max_length=128)
    facts = blocks.ListBlock(FactBlock(), min_num=1, label=_("facts"))

    class Meta:
        icon = "list-ul"
        label = _("Facts box")
        template = "cms/blocks/facts.html"


class ProductCardsBlock(blocks.StructBlock):
    """Cards of catalogue products, drawn with live price, stars and stock."""

    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=128)
    products = blocks.ListBlock(ProductChooserBlock(), min_num=1, label=_("products"))

    class Meta:
        icon = "tag"
        label = _("Product cards")
        template = "cms/blocks/product_cards.html"

    def get_context(self, value, parent_context=None):
        from cms.selectors import products_on_sale

        context = super().get_context(value, parent_context=parent_context)
        chosen = [product.pk for product in value["products"] if product is not None]
        context["products"] = products_on_sale(product_ids=chosen)
        return context


class ProducerCardBlock(blocks.StructBlock):
    producer = ProducerChooserBlock(label=_("producer"))
    note = blocks.TextBlock(label=_("note"), required=False)

    class Meta:
        icon = "group"
        label = _("Producer card")
        template = "cms/blocks/producer_card.html"

    def get_context(self, value, parent_context=None):
        from cms.selectors import producer_for_card

        context = super().get_context(value, parent_context=parent_context)
        context["producer"] = producer_for_card(vendor=value["producer"])
        return context


class CallToActionBlock(blocks.StructBlock):
    """A button to a search with filters, e.g. 4★ honey from Điện Biên."""

    label = blocks.CharBlock(label=_("button label"), max_length=96)
    text = blocks.CharBlock(label=_("search words"), required=False, max_length=96)
    stars = blocks.ChoiceBlock(label=_("at least"), choices=STAR_CHOICES, required=False)
    province = ProvinceChoiceBlock(label=_("province"), choices=province_choices, required=False)

    class Meta:
        icon = "search"
        label = _("Call to action (search)")
        template = "cms/blocks/call_to_action.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        params = {
            key: value[name]
            for key, name in (("q", "text"), ("stars", "stars"), ("province", "province"))
            if value.get(name)
        }
        context["url"] = reverse("search:search") + ("?" + urlencode(params) if params else "")
        return context


class StoryBodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("Heading"),
        max_length=128,
        form_classname="title",
        template="cms/blocks/heading.html",
    )
    paragraph = CleanRichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)
    image = ImageBlock()
    gallery = GalleryBlock()
    quote = QuoteBlock()
    facts = FactsBlock()
    products = ProductCardsBlock()
    producer = ProducerCardBlock()
    call_to_action = CallToActionBlock()


class SeasonalHighlightBlock(blocks.StructBlock):
    """Something worth a trip or a purchase at a time of year (the Ban flower, new noodles)."""

    months = blocks.CharBlock(label=_("when"), max_length=64, help_text=_("e.g. March–April"))
    title = blocks.CharBlock(label=_("title"), max_length=128)
    text = blocks.TextBlock(label=_("text"))

    class Meta:
        icon = "date"
        label = _("Seasonal highlight")
        template = "cms/blocks/seasonal.html"
