"""Django admin (superusers only): producers' answers and review photos, so staff can take
down an answer or a photo that breaks the rules without deleting the buyer's review."""

from django.contrib import admin

from catalogue.reviews.models import ProductReviewAnswer, ProductReviewPhoto


@admin.register(ProductReviewAnswer)
class ProductReviewAnswerAdmin(admin.ModelAdmin):
    list_display = ("review", "vendor", "created_at")
    list_select_related = ("review", "vendor")
    search_fields = ("body", "vendor__legal_name")
    readonly_fields = ("review", "vendor", "author", "created_at")

    def has_add_permission(self, request) -> bool:
        return False  # answers come from the producer's dashboard


@admin.register(ProductReviewPhoto)
class ProductReviewPhotoAdmin(admin.ModelAdmin):
    list_display = ("review", "position", "image")
    list_select_related = ("review",)
    readonly_fields = ("review", "position", "image")

    def has_add_permission(self, request) -> bool:
        return False
