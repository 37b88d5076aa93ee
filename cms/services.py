"""Write-side operations of the editorial site."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.apps import apps as global_apps
from django.apps.registry import Apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from cms.models import (
    HomePage,
    RegionIndexPage,
    StoryIndexPage,
    StoryPage,
    StoryProducer,
    StoryProduct,
)

HOME_DEFAULTS = {
    "title": "Chợ OCOP",
    "hero_title": "Đặc sản OCOP từ mọi miền quê Việt Nam",
    "hero_text": ("Mua trực tiếp từ hợp tác xã và hộ sản xuất, có chứng nhận OCOP 3 đến 5 sao."),
    "hero_cta_label": "Xem sản phẩm",
    "hero_cta_url": "/catalogue/",
    "featured_heading": "Sản phẩm OCOP nổi bật",
}
EDITORS = "Editors"
MODERATORS = "Moderators"
WORKFLOW_NAME = "Moderators approval"


@transaction.atomic
def home_page_ensure() -> HomePage:
    """The site's home page, created with the default site if the tree has none."""
    home = HomePage.objects.filter(locale__language_code="vi").first() or HomePage.objects.first()
    if home is None:
        Locale.objects.get_or_create(language_code="vi")
        root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
        home = root.add_child(instance=HomePage(slug="home", **HOME_DEFAULTS))
    hostname, port = _wagtail_host_and_port()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": hostname,
            "port": port,
            "root_page": home,
            "site_name": settings.OSCAR_SHOP_NAME,
        },
    )
    site_address_sync()
    return home


def _wagtail_host_and_port() -> tuple[str, int]:
    # Wagtail builds a page's address from hostname and port alone: 443 means https, 80 http.
    parts = urlsplit(settings.SITE_URL)
    return parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)


def site_address_sync(*, apps: Apps = global_apps) -> None:
    """Write SITE_URL into django.contrib.sites' Site (mail links of Oscar and Django) and
    Wagtail's default Site (page addresses, feeds, sitemap). Safe to run any number of times;
    a table not migrated yet is skipped. `apps` is the migration state when called from
    post_migrate."""
    netloc = urlsplit(settings.SITE_URL).netloc
    try:
        DjangoSite = apps.get_model("sites", "Site")
    except LookupError:
        DjangoSite = None
    if DjangoSite is not None:
        DjangoSite.objects.update_or_create(
            pk=settings.SITE_ID, defaults={"domain": netloc, "name": settings.OSCAR_SHOP_NAME}
        )
    try:
        WagtailSite = apps.get_model("wagtailcore", "Site")
    except LookupError:
        return
    hostname, port = _wagtail_host_and_port()
    # The default site is created with the home page (migration cms 0002, home_page_ensure).
    WagtailSite.objects.filter(is_default_site=True).exclude(hostname=hostname, port=port).update(
        hostname=hostname, port=port
    )


@transaction.atomic
def section_pages_ensure(*, home: HomePage) -> tuple[StoryIndexPage, RegionIndexPage]:
    """The /stories/ and /regions/ pages under the home page, created once."""
    stories = StoryIndexPage.objects.child_of(home).first()
    if stories is None:
        stories = home.add_child(
            instance=StoryIndexPage(title="Câu chuyện vùng miền", slug="stories")
        )
    regions = RegionIndexPage.objects.child_of(home).first()
    if regions is None:
        regions = home.add_child(instance=RegionIndexPage(title="Vùng miền", slug="regions"))
    return stories, regions


def _mentioned_ids(story: StoryPage) -> tuple[set[int], set[int]]:
    products: set[int] = set()
    vendors: set[int] = set()
    for block in story.body:
        if block.block_type == "products":
            products.update(p.pk for p in block.value["products"] if p is not None)
        elif block.block_type == "producer" and block.value["producer"] is not None:
            vendors.add(block.value["producer"].pk)
    return products, vendors


@transaction.atomic
def story_mentions_sync(*, story: StoryPage) -> None:
    """Rewrite the rows of the products and producers the story's body shows; running it
    twice writes the same rows."""
    products, vendors = _mentioned_ids(story)
    from catalogue.models import Product
    from vendors.models import Vendor

    # A chosen row deleted since the body was written is skipped, not a broken foreign key.
    products = set(Product.objects.filter(pk__in=products).values_list("pk", flat=True))
    vendors = set(Vendor.objects.filter(pk__in=vendors).values_list("pk", flat=True))
    StoryProduct.objects.filter(story=story).exclude(product_id__in=products).delete()
    StoryProducer.objects.filter(story=story).exclude(vendor_id__in=vendors).delete()
    have = set(StoryProduct.objects.filter(story=story).values_list("product_id", flat=True))
    StoryProduct.objects.bulk_create(
        [StoryProduct(story=story, product_id=pk) for pk in products - have]
    )
    have = set(StoryProducer.objects.filter(story=story).values_list("vendor_id", flat=True))
    StoryProducer.objects.bulk_create(
        [StoryProducer(story=story, vendor_id=pk) for pk in vendors - have]
    )


@transaction.atomic
def editorial_groups_ensure(*, home: HomePage | None = None) -> tuple[Group, Group]:
    """Editors write and submit pages; Moderators also publish. Both reach only Wagtail's
    admin (never Oscar's dashboard), and pages under the home page go through Wagtail's
    default "Moderators approval" workflow. Safe to run again."""
    home = home or home_page_ensure()
    root = Page.get_first_root_node()
    admin_access = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    image_perms = Permission.objects.filter(
        content_type__app_label="wagtailimages", codename__in=["add_image", "choose_image"]
    )
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    for group, page_codenames in (
        (editors, ["add_page", "change_page"]),
        (moderators, ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]),
    ):
        group.permissions.add(admin_access, *image_perms)
        for codename in page_codenames:
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            )
            GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=WORKFLOW_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=WORKFLOW_NAME)
    task.groups.add(moderators)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    if not WorkflowPage.objects.filter(page=root).exists():
        WorkflowPage.objects.create(workflow=workflow, page=root)
    return editors, moderators
