"""Stripe's signed webhook: the one payments page that is no step of the checkout. It keeps the
address Stripe was given, /checkout/stripe/webhook/, from the checkout app's URLs."""

import logging

from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from shop.payments import gateway as stripe_gateway
from shop.payments import services

logger = logging.getLogger(__name__)


@csrf_exempt
@require_POST
def stripe_webhook(request):
    try:
        outcome = services.stripe_event_handle(
            payload=request.body, signature=request.headers.get("Stripe-Signature", "")
        )
    except (stripe_gateway.SignatureVerificationError, ValueError):
        logger.warning("Stripe webhook with a bad signature or body refused")
        return HttpResponse(status=400)
    except stripe_gateway.GatewayNotConfigured:
        return HttpResponse(status=503)
    except stripe_gateway.StripeError:
        # Stripe will deliver the event again later; it was not recorded as handled.
        logger.exception("Stripe unreachable while handling a webhook event")
        return HttpResponse(status=503)
    return HttpResponse(outcome, content_type="text/plain")
