"""Write-side operations of the editorial site."""

from django.db import transaction
from wagtail.models import Locale, Page, Site

from cms.models import HomePage

HOME_DEFAULTS = {
    "title": "Chợ OCOP",
    "hero_title": "Đặc sản OCOP từ mọi miền quê Việt Nam",
    "hero_text": ("Mua trực tiếp từ hợp tác xã và hộ sản xuất, có chứng nhận OCOP 3 đến 5 sao."),
    "hero_cta_label": "Xem sản phẩm",
    "hero_cta_url": "/catalogue/",
    "featured_heading": "Sản phẩm OCOP nổi bật",
}


@transaction.atomic
def home_page_ensure() -> HomePage:
    """The site's home page, created with the default site if the tree has none."""
    home = HomePage.objects.first()
    if home is None:
        Locale.objects.get_or_create(language_code="vi")
        root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
        home = root.add_child(instance=HomePage(slug="home", **HOME_DEFAULTS))
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Chợ OCOP"},
    )
    return home
