"""What makes every kept anonymous page stale: the changes the search index already hears of
(products, stock and prices, certificates, categories, images, producers, quality marks,
buyers' ratings, harvest seasons), the index updates themselves, reviews, published or
withdrawn Wagtail pages, and the partners' widgets."""

from celery.signals import task_postrun
from django.db.models.signals import m2m_changed, post_delete, post_save
from oscar.core.loading import get_model
from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from catalogue.models import (
    Category,
    Commune,
    OcopCertificate,
    Product,
    ProductCategory,
    ProductImage,
    ProductSeason,
    Province,
    QualityMark,
)
from catalogue.reviews.models import ProductReviewAnswer, ProductReviewPhoto
from catalogue.reviews.signals import buyer_rating_changed
from cms.models.mentions import StoryProducer, StoryProduct
from shop.page_cache import pages_changed
from shop.tourism.models import TourismPartner, Widget
from vendors.models import Vendor

# Celery tasks whose work changes pages without a model signal: the search index (listings,
# facet counts) is written by a worker after the commit that queued it, and certificates
# that ended are processed with a conditional UPDATE.
TASKS = {"search.index_products", "search.index_sweep", "catalogue.certificates_expire"}


def _changed(sender, **kwargs) -> None:
    if kwargs.get("raw"):
        return  # fixtures being loaded: nothing is served meanwhile
    pages_changed()


def _task_done(sender=None, **kwargs) -> None:
    if getattr(sender, "name", None) in TASKS:
        pages_changed()


def connect() -> None:
    StockRecord = get_model("partner", "StockRecord")
    ProductReview = get_model("reviews", "ProductReview")
    models = (
        Product,
        StockRecord,
        OcopCertificate,
        ProductCategory,
        ProductImage,
        ProductSeason,
        Category,
        QualityMark,
        Province,
        Commune,
        Vendor,
        ProductReview,
        ProductReviewAnswer,
        ProductReviewPhoto,
        StoryProduct,
        StoryProducer,
        TourismPartner,
        Widget,
    )
    for model in models:
        for signal, verb in ((post_save, "saved"), (post_delete, "deleted")):
            signal.connect(
                _changed,
                sender=model,
                dispatch_uid=f"page_cache.{model._meta.label_lower}_{verb}",
                weak=False,
            )
    m2m_changed.connect(
        _changed,
        sender=Product.quality_marks.through,
        dispatch_uid="page_cache.product_marks_changed",
        weak=False,
    )
    # The buyers' average is written with an UPDATE; the reviews service announces it.
    buyer_rating_changed.connect(
        _changed, dispatch_uid="page_cache.buyer_rating_changed", weak=False
    )
    # Wagtail: stories, regions and the home page published, withdrawn, moved or renamed.
    for signal, name in (
        (page_published, "published"),
        (page_unpublished, "unpublished"),
        (page_slug_changed, "slug_changed"),
        (post_page_move, "moved"),
    ):
        signal.connect(_changed, dispatch_uid=f"page_cache.page_{name}", weak=False)
    post_delete.connect(_changed, sender=Page, dispatch_uid="page_cache.page_deleted", weak=False)
    task_postrun.connect(_task_done, dispatch_uid="page_cache.task_done", weak=False)
