"""Wagtail page types: home, stories and regions. Pages stay thin: context comes from
cms.selectors, and catalogue data (price, stars, stock) is read live, never copied."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page
from wagtail.search import index

from catalogue.html import validate_link
from catalogue.numbers import page_parse
from catalogue.selectors import featured_products, ocop_groups_of_request
from cms.blocks import ProductChooserBlock, SeasonalHighlightBlock, StoryBodyBlock
from cms.richtext import clean_rich_text

STORIES_PER_PAGE = 12


class _CleanIntroMixin:
    """The page's rich text introduction is kept to the sanitiser's allow-list, however the
    page is written (the editor, an import, a script)."""

    def save(self, *args, **kwargs):
        self.intro = clean_rich_text(self.intro)
        return super().save(*args, **kwargs)


class _HeroImageMixin(models.Model):
    """A page's lead image: the image block's rule holds here too, no image without alt text."""

    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("lead image"),
    )
    hero_image_alt = models.CharField(
        _("lead image alternative text"),
        max_length=255,
        blank=True,
        help_text=_("What the image shows, for readers who cannot see it."),
    )

    class Meta:
        abstract = True

    def hero_image_load(self) -> None:
        """The lead image with every size made of it, in two queries: the page shows it in two
        sizes and its link preview in a third, each otherwise a query of its own."""
        if self.hero_image_id:
            prefetch_related_objects([self], "hero_image__renditions")

    def clean(self):
        super().clean()
        if self.hero_image_id and not self.hero_image_alt.strip():
            raise ValidationError(
                {"hero_image_alt": _("Describe the lead image for readers who cannot see it.")}
            )


class HomePage(_CleanIntroMixin, Page):
    """The site's front page: hero, featured regions and products, latest stories."""

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
    hero_cta_url = models.CharField(
        _("button link"),
        max_length=255,
        blank=True,
        validators=[validate_link],
        help_text=_("A path of this site, e.g. /catalogue/, or an address starting with https://."),
    )
    intro = RichTextField(_("introduction"), blank=True)
    featured_heading = models.CharField(_("featured products heading"), max_length=128, blank=True)
    featured_count = models.PositiveSmallIntegerField(_("number of featured products"), default=8)
    featured_products = StreamField(
        [("product", ProductChooserBlock(label=_("product")))],
        blank=True,
        verbose_name=_("chosen products"),
        help_text=_("Leave empty to show the best-rated products in stock."),
    )
    featured_regions = StreamField(
        [("region", blocks.PageChooserBlock(page_type="cms.RegionPage", label=_("region")))],
        blank=True,
        verbose_name=_("featured regions"),
    )
    stories_heading = models.CharField(_("stories heading"), max_length=128, blank=True)
    stories_count = models.PositiveSmallIntegerField(_("number of latest stories"), default=3)

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
        FieldPanel("featured_regions"),
        MultiFieldPanel(
            [
                FieldPanel("featured_heading"),
                FieldPanel("featured_count"),
                FieldPanel("featured_products"),
            ],
            heading=_("Featured products"),
        ),
        MultiFieldPanel(
            [FieldPanel("stories_heading"), FieldPanel("stories_count")],
            heading=_("Latest stories"),
        ),
    ]

    # One home page per language: the English one is a translation of the Vietnamese.
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["cms.StoryIndexPage", "cms.RegionIndexPage"]

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """A page not yet translated is served in its original language, not as a 404."""
        try:
            return super().route(request, path_components)
        except Http404:
            default = Locale.get_default()
            if self.locale_id == default.pk:
                raise
            original = self.get_translation_or_none(default)
            if original is None:
                raise
            return original.specific.route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from cms import selectors

        context = super().get_context(request, *args, **kwargs)
        chosen = [block.value.pk for block in self.featured_products if block.value is not None]
        context["featured_products"] = (
            selectors.products_on_sale(product_ids=chosen)
            if chosen
            else featured_products(limit=self.featured_count)
        )
        context["featured_regions"] = selectors.live_pages(
            pages=[block.value for block in self.featured_regions]
        )
        context["latest_stories"] = selectors.latest_stories(limit=self.stories_count)
        # Read when the tiles' fragment is rendered, with the header menu's six rows.
        context["ocop_groups"] = SimpleLazyObject(lambda: ocop_groups_of_request(request=request))
        return context


class _SectionIndexPage(_CleanIntroMixin, Page):
    """A section of the home page (/stories/, /regions/): an introduction above a list."""

    intro = RichTextField(_("introduction"), blank=True)

    def child_pages(self) -> models.QuerySet | None:
        """The index's one type of child page, with the rows its page shows."""
        return None

    def route(self, request, path_components):
        """A child is read as its own type with its locale, province and lead image, in one
        query. Wagtail reads the generic page, then the specific one, then each relation
        as the template reaches it (four queries more on a story)."""
        children = self.child_pages() if path_components else None
        if children is not None:
            child = (
                children.child_of(self)
                .select_related("locale")
                .filter(slug=path_components[0])
                .first()
            )
            if child is not None:
                child._cached_parent_obj = self  # as Wagtail does: get_parent() needs no query
                return child.route(request, path_components[1:])
        # Anything else (no such slug, a page of another type) takes Wagtail's way.
        return super().route(request, path_components)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True


class StoryIndexPage(_SectionIndexPage):
    """/stories/: every published story, filtered by region and tag, newest first."""

    subpage_types = ["cms.StoryPage"]

    class Meta:
        verbose_name = _("story index")

    def child_pages(self):
        return StoryPage.objects.select_related("region", "hero_image")

    def get_context(self, request, *args, **kwargs):
        from cms import selectors

        context = super().get_context(request, *args, **kwargs)
        region = request.GET.get("region", "")
        tag = request.GET.get("tag", "")
        every = selectors.stories_of_index(index=self)
        stories = selectors.stories_filtered(index=self, region=region, tag=tag, stories=every)
        page = Paginator(stories, STORIES_PER_PAGE).get_page(page_parse(request.GET.get("page")))
        context.update(
            stories=page.object_list,
            page_obj=page,
            regions=selectors.story_regions(index=self, stories=every),
            tags=selectors.story_tags(index=self, stories=every),
            current_region=region,
            current_tag=tag,
        )
        return context


class StoryPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "cms.StoryPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class StoryPage(_HeroImageMixin, Page):
    """A story about a place, its people and their products, leading to products to buy."""

    date = models.DateField(_("story date"), default=timezone.localdate)
    intro = models.TextField(_("summary"), max_length=400)
    region = models.ForeignKey(
        "catalogue.Province",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="stories",
        verbose_name=_("province"),
    )
    author = models.CharField(_("author"), max_length=128, blank=True)
    tags = ClusterTaggableManager(through="cms.StoryPageTag", blank=True, verbose_name=_("tags"))
    body = StreamField(StoryBodyBlock(), verbose_name=_("body"))

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("author"), FieldPanel("region"), FieldPanel("tags")],
            heading=_("About this story"),
        ),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading=_("Lead image")
        ),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["cms.StoryIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # A draft of a live story only touches bookkeeping columns (update_fields): the
        # index keeps describing the published body until the draft itself is published.
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "body" in update_fields:
            from cms.services import story_mentions_sync

            story_mentions_sync(story=self)

    def get_context(self, request, *args, **kwargs):
        from cms import selectors

        context = super().get_context(request, *args, **kwargs)
        related = selectors.related_stories(story=self, limit=3, pictures=False)
        selectors.story_pictures_load(story=self, cards=related)
        context["related_stories"] = related
        if self.region_id:
            context["region_text"], context["region_lang"] = selectors.region_label(
                province=self.region
            )
        context["json_ld"] = selectors.story_json_ld(story=self, request=request)
        return context


class RegionIndexPage(_SectionIndexPage):
    """/regions/: the provinces the stories come from."""

    subpage_types = ["cms.RegionPage"]

    class Meta:
        verbose_name = _("region index")

    def child_pages(self):
        return RegionPage.objects.select_related("province", "hero_image")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from cms import selectors

        context["regions"] = selectors.region_pages(index=self)
        return context


class RegionPage(_CleanIntroMixin, _HeroImageMixin, Page):
    """A province: its introduction, stories, producers, OCOP products and seasons."""

    province = models.ForeignKey(
        "catalogue.Province",
        on_delete=models.PROTECT,
        related_name="region_pages",
        verbose_name=_("province"),
    )
    intro = RichTextField(_("introduction"), features=["bold", "italic", "link", "ol", "ul"])
    seasonal_highlights = StreamField(
        [("highlight", SeasonalHighlightBlock())],
        blank=True,
        verbose_name=_("seasonal highlights"),
    )
    products_count = models.PositiveSmallIntegerField(_("number of products shown"), default=8)

    content_panels = Page.content_panels + [
        FieldPanel("province"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading=_("Lead image")
        ),
        FieldPanel("intro"),
        FieldPanel("seasonal_highlights"),
        FieldPanel("products_count"),
    ]
    parent_page_types = ["cms.RegionIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("region")

    def __str__(self) -> str:
        return self.title

    def get_context(self, request, *args, **kwargs):
        from cms import selectors

        context = super().get_context(request, *args, **kwargs)
        self.hero_image_load()
        context["stories"] = selectors.stories_for_region(province=self.province, limit=6)
        context["producers"] = selectors.producers_for_region(province=self.province)
        context["products"] = selectors.products_for_region(
            province=self.province, limit=self.products_count
        )
        context["search_url"] = selectors.region_search_url(province=self.province)
        context["season_calendar"] = selectors.season_calendar_for_region(province=self.province)
        return context
