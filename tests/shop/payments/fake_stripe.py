"""A small HTTP server on loopback answering the Stripe API calls the shop's gateway makes, with
the JSON shapes Stripe documents (the PaymentIntent object, the error object of a declined
card), for the cases localstripe cannot play: an intent Stripe.js confirmed with a
PaymentMethod, an answer lost on the network, an intent of another amount or order.

Tests drive it as the buyer's browser and Stripe would: `browser_confirms(intent_id, ...)`
is what `stripe.confirmCardPayment` leaves on Stripe's side. Requests are recorded. For a
browser, it also serves at /v3/ a stand-in for Stripe.js with the two calls the card page
makes (a card element, `confirmCardPayment` with the element), answering with the result
shapes Stripe.js documents: `{paymentIntent}` or `{error}`.
"""

import hashlib
import hmac
import itertools
import json
import secrets
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# Card 4000 0000 0000 0002 is declined, as in Stripe's test cards; any other number pays.
STRIPE_JS = """
(function () {
  "use strict";
  const base = new URL(document.currentScript.src).origin;
  window.Stripe = function () {
    return {
      elements: function () {
        return {
          create: function () {
            return {
              mount: function (selector) {
                this.input = document.createElement("input");
                this.input.placeholder = "number";
                this.input.autocomplete = "cc-number";
                document.querySelector(selector).appendChild(this.input);
              },
            };
          },
        };
      },
      confirmCardPayment: async function (clientSecret, data) {
        const body = new URLSearchParams({
          client_secret: clientSecret,
          number: data.payment_method.card.input.value,
        });
        const response = await fetch(base + "/_js/confirm", {method: "POST", body: body});
        return response.json();
      },
    };
  };
})();
"""


def _form(body: bytes) -> dict:
    """stripe-python's form body with nested keys (metadata[order_number]) kept flat."""
    return dict(urllib.parse.parse_qsl(body.decode(), keep_blank_values=True))


DECLINE = {
    "type": "card_error",
    "code": "card_declined",
    "decline_code": "generic_decline",
    "message": "Your card was declined.",
    "doc_url": "https://stripe.com/docs/error-codes/card-declined",
}


class FakeStripe:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        with self.lock:
            self.intents: dict[str, dict] = {}
            self.requests: list[dict] = []
            self.answers_by_key: dict[str, tuple[int, dict]] = {}
            self.faults: list[dict] = []
            self.on_confirm = "succeeded"
            self.ids = itertools.count(1)

    # -- what tests arrange ------------------------------------------------------------------

    def fail(self, method: str, path_start: str, kind: str, *, times: int = 1) -> None:
        """The next `times` calls matching get `kind`: "drop" (the connection closes before
        Stripe handled it), "lost" (Stripe handled it, the answer never arrives) or "500"."""
        with self.lock:
            self.faults.append({"method": method, "path": path_start, "kind": kind, "times": times})

    def browser_confirms(self, intent_id: str, outcome: str = "succeeded") -> dict:
        """What stripe.confirmCardPayment leaves on Stripe: a PaymentMethod attached and the
        intent succeeded, waiting for 3-D Secure, or declined and waiting for another card."""
        with self.lock:
            intent = self.intents[intent_id]
            intent["payment_method"] = f"pm_fake_{next(self.ids)}"
            self._outcome(intent, outcome)
            return dict(intent)

    def change(self, intent_id: str, **fields) -> None:
        with self.lock:
            self.intents[intent_id].update(fields)

    def calls(self, method: str, path_start: str) -> list[dict]:
        return [
            r for r in self.requests if r["method"] == method and r["path"].startswith(path_start)
        ]

    # -- Stripe's side -----------------------------------------------------------------------

    def _id(self, prefix: str) -> str:
        return f"{prefix}_fake{next(self.ids)}{secrets.token_hex(4)}"

    def _outcome(self, intent: dict, outcome: str) -> None:
        intent["next_action"] = None
        intent["last_payment_error"] = None
        if outcome == "succeeded":
            intent["status"] = "succeeded"
            intent["amount_received"] = intent["amount"]
            intent["latest_charge"] = f"ch_fake_{next(self.ids)}"
        elif outcome == "requires_action":
            intent["status"] = "requires_action"
            intent["next_action"] = {
                "type": "use_stripe_sdk",
                "use_stripe_sdk": {"type": "three_d_secure_redirect", "stripe_js": ""},
            }
        elif outcome == "card_declined":
            intent["status"] = "requires_payment_method"
            intent["payment_method"] = None
            intent["last_payment_error"] = dict(DECLINE, charge=f"ch_fake_{next(self.ids)}")
        else:
            raise ValueError(outcome)

    def _intent(self, form: dict) -> dict:
        intent_id = self._id("pi")
        metadata = {
            key[len("metadata[") : -1]: value
            for key, value in form.items()
            if key.startswith("metadata[")
        }
        return {
            "id": intent_id,
            "object": "payment_intent",
            "amount": int(form["amount"]),
            "amount_capturable": 0,
            "amount_received": 0,
            "capture_method": "automatic",
            "client_secret": f"{intent_id}_secret_{secrets.token_hex(12)}",
            "confirmation_method": "automatic",
            "created": int(time.time()),
            "currency": form["currency"],
            "customer": form.get("customer"),
            "description": None,
            "last_payment_error": None,
            "latest_charge": None,
            "livemode": False,
            "metadata": metadata,
            "next_action": None,
            "payment_method": None,
            "payment_method_types": ["card"],
            "status": "requires_payment_method",
        }

    def handle(self, method: str, path: str, form: dict, key: str) -> tuple[int, dict]:
        parts = path.strip("/").split("/")
        if key and key in self.answers_by_key:
            # Stripe answers a repeated idempotency key with the first answer.
            return self.answers_by_key[key]
        answer = self._route(method, parts, form)
        if key and method == "POST":
            self.answers_by_key[key] = answer
        return answer

    def js_confirm(self, form: dict) -> dict:
        """stripe.confirmCardPayment as Stripe.js resolves it: a PaymentMethod is made from
        the card and the intent confirmed, knowing only the client secret."""
        intent = next(
            (i for i in self.intents.values() if i["client_secret"] == form.get("client_secret")),
            None,
        )
        if intent is None:
            return {"error": {"type": "invalid_request_error", "message": "No such intent."}}
        if intent["status"] == "succeeded":
            return {
                "error": {
                    "type": "invalid_request_error",
                    "code": "payment_intent_unexpected_state",
                    "message": "This PaymentIntent has already succeeded.",
                    "payment_intent": intent,
                }
            }
        intent["payment_method"] = f"pm_fake_{next(self.ids)}"
        declined = form.get("number", "").replace(" ", "") == "4000000000000002"
        self._outcome(intent, "card_declined" if declined else "succeeded")
        if declined:
            return {"error": dict(intent["last_payment_error"], payment_intent=intent)}
        return {"paymentIntent": intent}

    def _route(self, method: str, parts: list[str], form: dict) -> tuple[int, dict]:
        if parts[:2] != ["v1", "payment_intents"] and parts[:2] != ["v1", "customers"]:
            if parts == ["v1", "refunds"] and method == "POST":
                intent = self.intents.get(form.get("payment_intent", ""))
                if intent is None or intent["status"] != "succeeded":
                    return _missing("payment_intent", form.get("payment_intent", ""))
                return 200, {
                    "id": self._id("re"),
                    "object": "refund",
                    "amount": int(form["amount"]),
                    "currency": intent["currency"],
                    "payment_intent": intent["id"],
                    "status": "succeeded",
                }
            return _missing("path", "/".join(parts))
        if parts[1] == "customers":
            if len(parts) == 2:
                return 200, {"id": self._id("cus"), "object": "customer", "metadata": {}}
            return 200, {"id": self._id("card"), "object": "card", "customer": parts[2]}
        if len(parts) == 2 and method == "POST":
            intent = self._intent(form)
            self.intents[intent["id"]] = intent
            return 200, intent
        intent = self.intents.get(parts[2])
        if intent is None:
            return _missing("intent", parts[2])
        action = parts[3] if len(parts) > 3 else ""
        if method == "GET" and not action:
            return 200, intent
        if method == "POST" and not action:
            intent["payment_method"] = form.get("payment_method", intent["payment_method"])
            return 200, intent
        if action == "cancel":
            if intent["status"] in ("succeeded", "canceled"):
                return _unexpected_state(intent, "cancel")
            intent["status"] = "canceled"
            return 200, intent
        if action == "confirm":
            if intent["status"] not in ("requires_payment_method", "requires_confirmation"):
                return _unexpected_state(intent, "confirm")
            self._outcome(intent, self.on_confirm)
            if self.on_confirm == "card_declined":
                return 402, {"error": dict(intent["last_payment_error"], payment_intent=intent)}
            return 200, intent
        return _missing("path", "/".join(parts))


def _missing(param: str, value: str) -> tuple[int, dict]:
    return 404, {
        "error": {
            "type": "invalid_request_error",
            "code": "resource_missing",
            "param": param,
            "message": f"No such {param}: '{value}'",
        }
    }


def _unexpected_state(intent: dict, action: str) -> tuple[int, dict]:
    return 400, {
        "error": {
            "type": "invalid_request_error",
            "code": "payment_intent_unexpected_state",
            "message": (
                f"You cannot {action} this PaymentIntent because it has a status of "
                f"{intent['status']}."
            ),
            "payment_intent": intent,
        }
    }


class _Handler(BaseHTTPRequestHandler):
    fake: FakeStripe

    def log_message(self, *args) -> None:  # quiet: the test reads .requests instead
        pass

    def _answer(self) -> None:
        fake = self.server.fake
        path = urllib.parse.urlsplit(self.path).path
        if path == "/v3/":
            self._send(200, STRIPE_JS.encode(), "application/javascript")
            return
        if path == "/_js/confirm":
            length = int(self.headers.get("Content-Length") or 0)
            with fake.lock:
                answer = fake.js_confirm(_form(self.rfile.read(length)))
            self._send(200, json.dumps(answer).encode(), "application/json", cors=True)
            return
        length = int(self.headers.get("Content-Length") or 0)
        form = _form(self.rfile.read(length)) if length else {}
        key = self.headers.get("Idempotency-Key", "")
        with fake.lock:
            fake.requests.append(
                {
                    "method": self.command,
                    "path": path,
                    "form": form,
                    "idempotency_key": key,
                    "authorization": self.headers.get("Authorization", ""),
                }
            )
            fault = next(
                (
                    f
                    for f in fake.faults
                    if f["times"] > 0 and f["method"] == self.command and path.startswith(f["path"])
                ),
                None,
            )
            if fault:
                fault["times"] -= 1
            if fault and fault["kind"] == "drop":
                status, body = None, None
            elif fault and fault["kind"] == "500":
                status, body = 500, {"error": {"type": "api_error", "message": "Server error"}}
            else:
                status, body = fake.handle(self.command, path, form, key)
        if status is None or (fault and fault["kind"] == "lost"):
            # The connection closes with no answer: the client sees a network error.
            self.close_connection = True
            self.connection.shutdown(2)
            return
        self._send(status, json.dumps(body).encode(), "application/json")

    def _send(self, status: int, data: bytes, content_type: str, *, cors: bool = False) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Request-Id", f"req_fake{len(self.server.fake.requests)}")
        if cors:
            # Stripe.js calls Stripe's API from the shop's page, across origins.
            self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        self.wfile.write(data)

    do_GET = _answer
    do_POST = _answer
    do_DELETE = _answer


class FakeStripeServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.fake = FakeStripe()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


def fake_stripe_start() -> FakeStripeServer:
    server = FakeStripeServer()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def signed(event: dict, secret: str, *, timestamp: int | None = None) -> tuple[bytes, str]:
    """A webhook body and its Stripe-Signature header, made as Stripe documents: an HMAC-SHA256
    of "<timestamp>.<body>" with the endpoint's secret."""
    payload = json.dumps(event).encode()
    timestamp = int(time.time()) if timestamp is None else timestamp
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + payload, hashlib.sha256)
    return payload, f"t={timestamp},v1={digest.hexdigest()}"
