"""Replace Wagtail's placeholder welcome page with the shop's home page."""

from django.db import migrations


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Locale = apps.get_model("wagtailcore.Locale")
    HomePage = apps.get_model("cms.HomePage")

    if HomePage.objects.exists():
        return
    Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()
    root = Page.objects.get(depth=1)
    locale = Locale.objects.order_by("pk").first()
    if locale is None:
        locale = Locale.objects.create(language_code="vi")
    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="cms")
    siblings = Page.objects.filter(depth=2).count()
    # Materialised path of the next child of the root (treebeard, 4 base-36 characters).
    step = siblings + 1
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    suffix = ""
    while step:
        step, digit = divmod(step, 36)
        suffix = alphabet[digit] + suffix
    home = HomePage.objects.create(
        title="Chợ OCOP",
        draft_title="Chợ OCOP",
        slug="home",
        content_type=content_type,
        path=root.path + suffix.rjust(4, "0"),
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=locale,
        live=True,
        hero_title="Đặc sản OCOP từ mọi miền quê Việt Nam",
        hero_text="Mua trực tiếp từ hợp tác xã và hộ sản xuất, có chứng nhận OCOP 3 đến 5 sao.",
        hero_cta_label="Xem sản phẩm",
        hero_cta_url="/catalogue/",
        featured_heading="Sản phẩm OCOP nổi bật",
        featured_count=8,
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page_id": home.pk, "site_name": "Chợ OCOP"},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_homepage, migrations.RunPython.noop)]
