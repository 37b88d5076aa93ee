// Card payment. Two flows (the page's data-flow, from settings.STRIPE_CARD_FLOW):
// - "payment_method": Stripe.js makes a PaymentMethod from the card element and confirms the
//   PaymentIntent itself (confirmCardPayment runs 3-D Secure when the bank asks); then our
//   server asks Stripe whether the intent succeeded and places the order.
// - "token": Stripe.js reads the card into a token, our server confirms the PaymentIntent,
//   Stripe.js runs 3-D Secure when the bank asks, and our server places the order.
// Either way the server believes Stripe, not this script. The button stays disabled while a
// payment is under way, so a double click pays once.
(function () {
  "use strict";
  const form = document.getElementById("card-form");
  if (!form || typeof Stripe === "undefined") return;
  const stripe = Stripe(form.dataset.key, {locale: form.dataset.locale || "vi"});
  const card = stripe.elements().create("card");
  card.mount("#card-element");
  const button = document.getElementById("pay-button");
  const errorBox = document.getElementById("card-error");
  const idleLabel = button.textContent;
  let busy = false;

  function showError(message) {
    errorBox.textContent = message;
    errorBox.hidden = false;
    button.disabled = false;
    button.textContent = idleLabel;
    busy = false;
  }

  async function pay(fields) {
    const body = new URLSearchParams(fields);
    body.append("csrfmiddlewaretoken", form.querySelector("[name=csrfmiddlewaretoken]").value);
    const response = await fetch(form.dataset.payUrl, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: {"X-Requested-With": "XMLHttpRequest"},
    });
    return response.json();
  }

  async function payWithPaymentMethod() {
    const result = await stripe.confirmCardPayment(form.dataset.secret, {
      payment_method: {card: card},
    });
    if (result.error) {
      const intent = result.error.payment_intent;
      if (!intent || intent.status !== "succeeded") {
        // A card or form error Stripe.js words for the buyer, in the page's language.
        const ours = result.error.type === "card_error" || result.error.type === "validation_error";
        return {error: (ours && result.error.message) || form.dataset.declined};
      }
      // Paid already (a second tab, a replay): the server says where to go.
      return pay({payment_intent: intent.id});
    }
    return pay({payment_intent: result.paymentIntent.id});
  }

  async function payWithToken() {
    const tokenResult = await stripe.createToken(card);
    if (tokenResult.error || !tokenResult.token) {
      return {error: form.dataset.declined};
    }
    let answer = await pay({token: tokenResult.token.id});
    if (answer.authenticate) {
      // The bank asks for 3-D Secure: Stripe.js shows its challenge, then the server
      // checks the outcome with Stripe itself.
      await stripe.confirmCardPayment(answer.authenticate);
      answer = await pay({});
    }
    return answer;
  }

  form.addEventListener("submit", async function (event) {
    event.preventDefault();
    if (busy) return;
    busy = true;
    button.disabled = true;
    button.textContent = button.dataset.busy;
    errorBox.hidden = true;
    try {
      const answer =
        form.dataset.flow === "payment_method" ? await payWithPaymentMethod() : await payWithToken();
      if (answer.redirect) {
        window.location.assign(answer.redirect);
      } else {
        showError(answer.error || form.dataset.unreachable);
      }
    } catch (error) {
      showError(form.dataset.unreachable);
    }
  });
})();
