"""Payment steps, mounted under /checkout/ before Oscar's checkout so they take its place for
the method choice, the preview and the confirmation."""

from django.urls import path

from shop.payments import views

app_name = "payments"

# Oscar's URL names (checkout:preview...) keep resolving to these paths.
checkout_overrides = [
    path("payment-method/", views.PaymentMethodView.as_view(), name="method"),
    path("payment-details/", views.PaymentDetailsView.as_view(), name="details"),
    path("preview/", views.PaymentDetailsView.as_view(preview=True), name="preview"),
    path("thank-you/", views.ThankYouView.as_view(), name="thank-you"),
]

urlpatterns = [
    *checkout_overrides,
    path("card/", views.CardPaymentView.as_view(), name="card"),
    path("card/pay/", views.card_pay, name="card-pay"),
    path("stripe/webhook/", views.stripe_webhook, name="stripe-webhook"),
]
