"""Read-side queries of the editorial site: stories, regions, live product cards, the stories
that mention a product or producer, and structured data for search engines."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Case, Q, QuerySet, Value, When, prefetch_related_objects
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation
from taggit.models import Tag
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.images.models import AbstractImage, AbstractRendition, SourceImageIOError
from wagtail.models import Page

from catalogue.models import Product, Province, reader_reads_english
from catalogue.selectors import SeasonCalendar, season_calendar, storefront_products
from catalogue.text import vietnamese_sorted
from catalogue.thumbnails import media_file_known_missing, media_file_missing_note
from cms.models import RegionIndexPage, RegionPage, StoryIndexPage, StoryPage
from search.query import SearchQuery
from search.service import search_products
from shop.site import site_url
from vendors.models import Vendor


def _in_reader_language(pages: QuerySet) -> QuerySet:
    """Pages in the active language, plus originals not yet translated into it.

    Locales are matched by their language code in the same query: looking the two Locale
    rows up first cost two queries each time a list of pages was built."""
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    active = get_supported_content_language_variant(translation.get_language() or default)
    if active == default:
        return pages.filter(locale__language_code=default)
    translated = pages.filter(locale__language_code=active).values("translation_key")
    return pages.filter(
        Q(locale__language_code=active)
        | (Q(locale__language_code=default) & ~Q(translation_key__in=translated))
    )


def page_translations_all(*, page: Page) -> list[Page]:
    """The page and its translations, published or not, each with its locale: read once for
    the page object, as its list of stories and its language switch both need them. The
    page's own row also gives it its locale, which its template shows."""
    found = page.__dict__.get("_translations_all")
    if found is None:
        found = list(page.get_translations(inclusive=True).select_related("locale"))
        page._translations_all = found
        if not page._meta.get_field("locale").is_cached(page):
            for translation_ in found:
                if translation_.pk == page.pk:
                    page.locale = translation_.locale
    return found


def _under(pages: QuerySet, index: Page) -> QuerySet:
    """Pages below the index or below any of its translations: an English index also lists
    the Vietnamese stories not translated yet."""
    branches = Q()
    for branch in page_translations_all(page=index):
        branches |= Q(path__startswith=branch.path, depth__gt=branch.depth)
    return pages.filter(branches)


def _filtered(stories: QuerySet, *, region: str, tag: str) -> QuerySet:
    """Stories of a province and topic, by slug. A NUL character (which PostgreSQL refuses in
    a query) can be in no slug: such a value matches nothing, as any unknown one does."""
    if "\x00" in region or "\x00" in tag:
        return stories.none()
    if region:
        stories = stories.filter(region__slug=region)
    if tag:
        stories = stories.filter(tags__slug=tag).distinct()
    return stories


def stories_live() -> QuerySet[StoryPage]:
    """Published, public stories in the reader's language, newest first."""
    # Each card's image renditions come with the list (one query), not one query per card.
    stories = (
        StoryPage.objects.live()
        .public()
        .select_related("region", "hero_image")
        .prefetch_related("hero_image__renditions")
    )
    return _in_reader_language(stories).order_by("-date", "-pk")


def stories_published(*, region: str = "", tag: str = "") -> QuerySet[StoryPage]:
    """Live stories of the whole site, for the public API; an unknown region or tag matches
    nothing."""
    return _filtered(
        stories_live().prefetch_related("tags", "product_mentions"), region=region, tag=tag
    )


def latest_stories(*, limit: int = 3) -> list[StoryPage]:
    return list(stories_live()[:limit])


def stories_filtered(
    *, index: StoryIndexPage, region: str = "", tag: str = "", stories: QuerySet | None = None
) -> QuerySet:
    """An index's stories; an unknown region or tag simply matches nothing."""
    base = stories if stories is not None else stories_of_index(index=index)
    return _filtered(base, region=region, tag=tag)


def stories_of_index(*, index: StoryIndexPage) -> QuerySet[StoryPage]:
    """Every live story of an index, unfiltered: built once, it serves the list and both
    filters (each build asks Wagtail for the site's view restrictions)."""
    return _under(stories_live(), index)


def story_regions(*, index: StoryIndexPage, stories: QuerySet | None = None) -> list[Province]:
    """Provinces that have a published story, for the index's filter, in Vietnamese order."""
    ids = (stories if stories is not None else stories_of_index(index=index)).values("region_id")
    return vietnamese_sorted(Province.objects.filter(pk__in=ids), key=lambda p: p.short_name)


def region_pages(*, index: RegionIndexPage) -> list[RegionPage]:
    """The live regions under /regions/, in Vietnamese order of their provinces."""
    regions = (
        RegionPage.objects.child_of(index)
        .live()
        .select_related("province", "hero_image")
        .prefetch_related("hero_image__renditions")
    )
    return vietnamese_sorted(regions, key=lambda region: region.province.short_name)


def story_tags(*, index: StoryIndexPage, stories: QuerySet | None = None) -> QuerySet[Tag]:
    ids = (stories if stories is not None else stories_of_index(index=index)).values("pk")
    return (
        Tag.objects.filter(cms_storypagetag_items__content_object__in=ids)
        .distinct()
        .order_by("name")
    )


def related_stories(*, story: StoryPage, limit: int = 3, pictures: bool = True) -> list[StoryPage]:
    """Other stories of the same province, else the latest ones; with ``pictures=False``
    their lead pictures' sizes are left for the caller to read with others."""
    others = stories_live().exclude(translation_key=story.translation_key)
    if not pictures:
        others = others.prefetch_related(None)
    if not story.region_id:
        return list(others[:limit])
    # One query: the province's stories first, each group newest first.
    same_place = Case(When(region_id=story.region_id, then=Value(0)), default=Value(1))
    return list(others.order_by(same_place, "-date", "-pk")[:limit])


def region_label(*, province: Province) -> tuple[str, str]:
    """How a story names its province, and the lang that text needs ("" for the page's).

    The English site uses the title of the province's English region page ("Quảng Ninh
    province"); without one it shows the Vietnamese name ("Tỉnh Quảng Ninh"), marked "vi"."""
    if not reader_reads_english():
        return province.name, ""
    english = (
        RegionPage.objects.live()
        .filter(province=province, locale__language_code="en")
        .values_list("title", flat=True)
        .first()
    )
    return (english, "") if english else (province.name, "vi")


def stories_for_region(*, province: Province, limit: int = 6) -> list[StoryPage]:
    return list(stories_live().filter(region=province)[:limit])


def stories_for_product(*, product: Product, limit: int = 6) -> list[StoryPage]:
    """Published stories whose body shows the product's card."""
    return list(stories_live().filter(product_mentions__product=product).distinct()[:limit])


def stories_for_vendor(*, vendor: Vendor, limit: int = 6) -> list[StoryPage]:
    """Published stories that show the producer's card or one of its products."""
    mentioned = Q(producer_mentions__vendor=vendor) | Q(product_mentions__product__vendor=vendor)
    return list(stories_live().filter(mentioned).distinct()[:limit])


def products_on_sale(*, product_ids: Iterable[int]) -> list[Product]:
    """The products still on sale among those chosen, in the editor's order.

    A product deleted, unpublished, held back by staff or from a suspended producer is left
    out: its card disappears and the page still renders.
    """
    ids = list(dict.fromkeys(product_ids))
    if not ids:
        return []
    found = {p.pk: p for p in storefront_products().filter(pk__in=ids)}
    return [found[pk] for pk in ids if pk in found]


def producer_for_card(*, vendor: Vendor | None) -> Vendor | None:
    """The producer if it is still approved: a suspended producer has no public page."""
    if vendor is None or vendor.status != Vendor.Status.APPROVED:
        return None
    return vendor


def producers_for_region(*, province: Province) -> QuerySet[Vendor]:
    return (
        Vendor.objects.filter(status=Vendor.Status.APPROVED, commune__province=province)
        .select_related("commune")
        .order_by("legal_name")
    )


def products_for_region(*, province: Province, limit: int = 8) -> list[Product]:
    """The province's OCOP products, best rated first, as the search service ranks them;
    the cards then read price and stock live."""
    result = search_products(
        query=SearchQuery(province=province.code, sort="stars", page_size=limit), facets=False
    )
    return products_on_sale(product_ids=[hit.product_id for hit in result.hits])


def season_calendar_for_region(*, province: Province) -> SeasonCalendar:
    """The month-by-month harvest calendar of the province's seasonal products."""
    return season_calendar(province=province)


def region_search_url(*, province: Province) -> str:
    return reverse("search:search") + "?" + urlencode({"province": province.code})


def live_pages(*, pages: Iterable[Page | None]) -> list[Page]:
    """Chosen pages that still exist and are published, as their specific type, each in the
    reader's language when it has a live translation (an editor chooses the Vietnamese page,
    and a translated home page keeps that choice)."""
    chosen = [page.specific for page in pages if page is not None and page.live]
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    active = get_supported_content_language_variant(translation.get_language() or default)
    if not chosen or active == default:
        return _with_hero_images(chosen)
    translated = {
        page.translation_key: page
        for page in Page.objects.live()
        .filter(
            locale__language_code=active,
            translation_key__in=[page.translation_key for page in chosen],
        )
        .specific()
    }
    return _with_hero_images([translated.get(page.translation_key, page) for page in chosen])


def _with_hero_images(pages: list[Page]) -> list[Page]:
    """The pages' cards show their hero picture: the pictures and their sizes are loaded for
    all the cards at once (two queries per page type) rather than two queries per card."""
    by_type: dict[type, list[Page]] = {}
    for page in pages:
        if getattr(page, "hero_image_id", None):
            by_type.setdefault(type(page), []).append(page)
    for same_type in by_type.values():
        prefetch_related_objects(same_type, "hero_image__renditions")
    return pages


def region_page_for(*, province: Province | None) -> RegionPage | None:
    if province is None:
        return None
    pages = _in_reader_language(RegionPage.objects.live().filter(province=province))
    return pages.first()


def _absolute(request: HttpRequest | None, url: str) -> str:
    # On the public address, not the host this request came in on (shared links, crawlers).
    return site_url(url)


def story_json_ld(*, story: StoryPage, request: HttpRequest | None) -> dict[str, Any]:
    """schema.org Article for a story."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": story.title,
        "description": story.intro,
        "datePublished": story.date.isoformat(),
        "inLanguage": story.locale.language_code,
        "mainEntityOfPage": _absolute(request, story.url or ""),
        "publisher": {"@type": "Organization", "name": settings.OSCAR_SHOP_NAME},
        "author": (
            {"@type": "Person", "name": story.author}
            if story.author
            else {"@type": "Organization", "name": settings.OSCAR_SHOP_NAME}
        ),
    }
    if story.last_published_at:
        data["dateModified"] = story.last_published_at.isoformat()
    if story.hero_image_id and (url := _share_image_url(story.hero_image)):
        data["image"] = _absolute(request, url)
    if story.region_id:
        data["contentLocation"] = {"@type": "Place", "name": story.region.name}
    return data


def story_image_url(*, story: Page, request: HttpRequest | None) -> str:
    image = getattr(story, "hero_image", None)
    url = _share_image_url(image) if image is not None else ""
    return _absolute(request, url) if url else ""


def image_renditions(*, image: AbstractImage, specs: Iterable[str]) -> dict[str, AbstractRendition]:
    """An editor's picture in the given sizes, keyed by spec; empty when its original file is
    gone from storage (deleted by hand, a media folder not restored), so the page is shown
    without the picture instead of failing. Wagtail's own tags would print an image pointing
    at a "not-found" file, which is a broken picture and leaves no trace in the logs."""
    if media_file_known_missing(name=image.file.name):
        return {}
    try:
        return image.get_renditions(*specs)
    except SourceImageIOError:
        media_file_missing_note(name=image.file.name, what=f"Picture {image.pk}")
        return {}


def story_pictures_load(*, story: StoryPage, cards: Iterable[StoryPage] = ()) -> None:
    """Every size of a story's lead picture, of the pictures in its body and of the lead
    pictures of the story cards under it, in one query: each picture's sizes were otherwise
    read as the template reached it, one query apiece."""
    images = [page.hero_image for page in (story, *cards) if page.hero_image_id]
    for block in story.body:
        if block.block_type == "image":
            images.append(block.value["image"])
        elif block.block_type == "gallery":
            images.extend(item["image"] for item in block.value["images"])
    prefetch_related_objects([image for image in images if image is not None], "renditions")


def _share_image_url(image: AbstractImage) -> str:
    """The URL of the size search engines and link previews take, or "" without a file."""
    rendition = image_renditions(image=image, specs=["fill-1200x630"]).get("fill-1200x630")
    return rendition.url if rendition is not None else ""
