"""Oscar's review views; writing a review needs an account, and the review waits for staff.

Oscar loads these through the catalogue fork (`get_class("catalogue.reviews.views", …)`).
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.utils.translation import gettext as _
from oscar.apps.catalogue.reviews import views as oscar_views
from oscar.apps.catalogue.reviews.views import *  # noqa: F403


class CreateProductReview(LoginRequiredMixin, oscar_views.CreateProductReview):
    """A visitor without an account is sent to sign in (and back) instead of being told no."""

    def get_success_url(self):
        if not settings.OSCAR_MODERATE_REVIEWS:
            return super().get_success_url()
        messages.success(
            self.request,
            _("Thank you for your review. It will appear once our team has checked it."),
        )
        return self.product.get_absolute_url()
