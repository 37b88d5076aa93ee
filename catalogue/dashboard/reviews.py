"""A producer's buyer reviews in the dashboard: the published reviews of its own products, and
its one public answer to each. Every query goes through the producer (`self.vendor`), so
another producer's review id answers 404."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView

from catalogue.reviews.forms import ReviewAnswerForm
from catalogue.reviews.selectors import reviews_for_producer
from catalogue.reviews.services import ALREADY_ANSWERED, review_answer_add
from vendors.dashboard.access import ProducerScopeMixin


class ProducerReviewListView(ProducerScopeMixin, ListView):
    template_name = "catalogue/dashboard/producer_review_list.html"
    context_object_name = "reviews"
    paginate_by = 20

    def get_queryset(self):
        return reviews_for_producer(vendor=self.vendor)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["vendor"] = self.vendor
        return context


class ProducerReviewAnswerView(ProducerScopeMixin, FormView):
    template_name = "catalogue/dashboard/producer_review_answer.html"
    form_class = ReviewAnswerForm

    def get_review(self):
        if not hasattr(self, "review"):
            self.review = get_object_or_404(
                reviews_for_producer(vendor=self.vendor), pk=self.kwargs["pk"]
            )
        return self.review

    def get(self, request, *args, **kwargs):
        self.get_review()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        review = self.get_review()
        if hasattr(review, "answer"):
            messages.error(request, str(ALREADY_ANSWERED))
            return redirect("dashboard:producer-buyer-reviews")
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["review"] = self.get_review()
        context["vendor"] = self.vendor
        return context

    def form_valid(self, form):
        try:
            review_answer_add(
                review=self.get_review(),
                vendor=self.vendor,
                author=self.request.user,
                body=form.cleaned_data["body"],
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Your answer is published under the review."))
        return redirect("dashboard:producer-buyer-reviews")
