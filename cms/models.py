"""Wagtail pages. The home page shows featured products read live from the catalogue."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from catalogue.selectors import featured_products, ocop_groups


class HomePage(Page):
    """The site's front page: a hero, the OCOP groups and featured certified products."""

    hero_title = models.CharField(_("hero title"), max_length=160)
    hero_text = models.TextField(_("hero text"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
    )
    hero_cta_label = models.CharField(_("button label"), max_length=64, blank=True)
    hero_cta_url = models.CharField(_("button link"), max_length=255, blank=True)
    intro = RichTextField(_("introduction"), blank=True)
    featured_heading = models.CharField(_("featured products heading"), max_length=128, blank=True)
    featured_count = models.PositiveSmallIntegerField(_("number of featured products"), default=8)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_cta_label"),
                FieldPanel("hero_cta_url"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("featured_heading"), FieldPanel("featured_count")],
            heading=_("Featured products"),
        ),
    ]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured_products"] = featured_products(limit=self.featured_count)
        context["ocop_groups"] = ocop_groups()
        return context
