"""Django admin for producers."""

from django.contrib import admin

from vendors.models import Vendor


@admin.register(Vendor)
class VendorAdmin(admin.ModelAdmin):
    list_display = ("legal_name", "kind", "tax_code", "commune", "status", "commission_rate")
    list_filter = ("kind", "status", "commune__province")
    search_fields = ("legal_name", "tax_code", "email")
    raw_id_fields = ("partner", "commune")
    prepopulated_fields = {"slug": ("legal_name",)}
