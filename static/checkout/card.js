// Card payment: Stripe.js reads the card, our server confirms the PaymentIntent, Stripe.js
// runs 3-D Secure when the bank asks, and our server places the order once Stripe has the
// money. The button stays disabled while a payment is under way, so a double click pays once.
(function () {
  "use strict";
  const form = document.getElementById("card-form");
  if (!form || typeof Stripe === "undefined") return;
  const stripe = Stripe(form.dataset.key);
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

  form.addEventListener("submit", async function (event) {
    event.preventDefault();
    if (busy) return;
    busy = true;
    button.disabled = true;
    button.textContent = button.dataset.busy;
    errorBox.hidden = true;
    try {
      const tokenResult = await stripe.createToken(card);
      if (tokenResult.error || !tokenResult.token) {
        showError(form.dataset.declined);
        return;
      }
      let answer = await pay({token: tokenResult.token.id});
      if (answer.authenticate) {
        // The bank asks for 3-D Secure: Stripe.js shows its challenge, then the server
        // checks the outcome with Stripe itself.
        await stripe.confirmCardPayment(answer.authenticate);
        answer = await pay({});
      }
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
