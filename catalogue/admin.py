"""Django admin (superusers only) for Oscar's catalogue and the OCOP additions."""

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.admin import *  # noqa: F403
from oscar.apps.catalogue.admin import ProductAdmin as OscarProductAdmin

from catalogue.models import Commune, OcopCertificate, Product, Province, QualityMark

admin.site.unregister(Product)


@admin.register(Product)
class ProductAdmin(OscarProductAdmin):
    def get_readonly_fields(self, request, obj=None):
        fields = tuple(super().get_readonly_fields(request, obj))
        # Who sells a listing is changed in the dashboard, whose form asks for its stock
        # records' new partner at the same time; here they would stay with the old producer.
        return (*fields, "vendor") if obj is not None and obj.pk else fields


@admin.register(Province)
class ProvinceAdmin(admin.ModelAdmin):
    list_display = ("code", "short_name", "name", "is_city")
    search_fields = ("name", "short_name", "code")


@admin.register(Commune)
class CommuneAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "province", "kind")
    list_filter = ("kind", "province")
    search_fields = ("name", "short_name", "code")
    list_select_related = ("province",)


@admin.register(OcopCertificate)
class OcopCertificateAdmin(admin.ModelAdmin):
    list_display = (
        "certificate_number",
        "product",
        "stars",
        "issuer_name",
        "issued_on",
        "valid_until",
        "status_today",
    )
    list_filter = ("stars", "issuer_kind", "is_revoked")
    search_fields = ("certificate_number", "decision_number", "product__title")
    raw_id_fields = ("product",)
    date_hierarchy = "issued_on"

    readonly_fields = ("verified_at", "verified_by", "rejected_at", "rejected_by")

    def save_model(self, request, obj, form, change):
        # A certificate entered by staff here is checked by them: it counts at once.
        if not change and obj.verified_at is None and obj.rejected_at is None:
            obj.verified_at = timezone.now()
            obj.verified_by = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description=_("status today"))
    def status_today(self, certificate: OcopCertificate) -> str:
        return certificate.get_status_display()


@admin.register(QualityMark)
class QualityMarkAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "holder", "registration_number", "is_registered")
    list_filter = ("kind", "is_registered")
