"""Oscar's review views; writing a review needs an account and a delivered parcel with the
product, and the review waits for staff.

Oscar loads these through the catalogue fork (`get_class("catalogue.reviews.views", …)`).
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from oscar.apps.catalogue.reviews import views as oscar_views
from oscar.apps.catalogue.reviews.views import *  # noqa: F403

from catalogue.models import Product
from catalogue.reviews.forms import NOT_RECEIVED, ProductReviewForm
from catalogue.reviews.selectors import reviews_shown
from catalogue.reviews.services import review_photos_add
from vendors.selectors import delivered_lines


class CreateProductReview(LoginRequiredMixin, oscar_views.CreateProductReview):
    """A visitor without an account is sent to sign in (and back) instead of being told no;
    a signed-in person who has not received the product is told why, and nothing is saved."""

    form_class = ProductReviewForm

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_authenticated:
            product = get_object_or_404(Product, pk=kwargs["product_pk"], is_public=True)
            # A second review of the same product is Oscar's own refusal (the view below).
            if (
                not product.has_review_by(user)
                and not delivered_lines(user=user, product=product).exists()
            ):
                return TemplateResponse(
                    request,
                    "oscar/catalogue/reviews/review_refused.html",
                    {"product": product, "reason": NOT_RECEIVED},
                    status=403,
                )
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        # Two clicks on "Submit" can both pass Oscar's "already reviewed?" check before either
        # is saved; the database's one-review-per-buyer rule then refuses the second. That
        # click gets Oscar's own answer to a second review instead of an error page.
        try:
            with transaction.atomic():
                response = super().form_valid(form)
                review_photos_add(review=self.object, photos=form.cleaned_data.get("photos", []))
                return response
        except IntegrityError:
            if not self.product.has_review_by(self.request.user):
                raise
            messages.warning(self.request, _("You have already reviewed this product!"))
            return redirect(self.product.get_absolute_url())

    def get_success_url(self):
        if not settings.OSCAR_MODERATE_REVIEWS:
            return super().get_success_url()
        messages.success(
            self.request,
            _("Thank you for your review. It will appear once our team has checked it."),
        )
        return self.product.get_absolute_url()


class ProductReviewDetail(oscar_views.ProductReviewDetail):
    """A review's own page: approved reviews of this product only. Oscar's answered any
    review id, so a review waiting for staff (or refused) could be read by its address."""

    def get_queryset(self):
        return reviews_shown(product_id=self.kwargs["product_pk"])


class ProductReviewList(oscar_views.ProductReviewList):
    def get_queryset(self):
        # Photos, answers and reviewers for the whole page at once.
        return (
            super()
            .get_queryset()
            .select_related("user", "answer", "answer__vendor")
            .prefetch_related("photos")
        )


class AddVoteView(oscar_views.AddVoteView):
    """Votes only on a published review of this product."""

    def post(self, request, *args, **kwargs):
        get_object_or_404(reviews_shown(product_id=kwargs["product_pk"]), pk=kwargs["pk"])
        return super().post(request, *args, **kwargs)
