from django.contrib import admin

from shop.mail.models import SentMail


@admin.register(SentMail)
class SentMailAdmin(admin.ModelAdmin):
    """Read-only: the record is what makes each mail go out once."""

    list_display = ["once_key", "template", "language", "sent_at"]
    search_fields = ["once_key", "recipients"]
    list_filter = ["template", "language"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
