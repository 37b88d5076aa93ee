"""The guest checkout as a shopper clicks through it in Chromium: one helper per step, shared by
every browser test that buys something, so a change to a checkout page is followed in one
place. Each helper ends once the browser has reached the next step's page."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Address:
    name: str = "Trần Thị Lan"
    phone: str = "0912 345 678"
    line1: str = "12 Phố Hàng Bạc"
    province: str = "Hà Nội"
    commune: str = "Phường Hoàn Kiếm"


HANOI = Address()


def basket_add(page, base: str, products) -> None:
    """Put one of each product (a model or a path) in the basket from its page."""
    for product in products:
        path = product if isinstance(product, str) else product.get_absolute_url()
        page.goto(f"{base}{path}")
        page.locator("#add_to_basket_form [type=submit]").click()
        page.wait_for_load_state()


def checkout_as_guest(page, base: str, email: str, *, opened: bool = False) -> None:
    """From the checkout's first page, go on as a guest with `email`, to the address step.
    `opened`: the test has already opened /checkout/ (to check it) and stays there."""
    if not opened:
        page.goto(f"{base}/checkout/")
    page.locator("#id_username").fill(email)
    page.locator("input[name=options][value=anonymous]").check()
    page.locator("form.card [type=submit]").click()
    page.wait_for_url("**/checkout/shipping-address/")


def address_fill(page, address: Address = HANOI) -> None:
    """Fill the delivery address form, waiting for the province's communes to arrive."""
    page.locator("#id_first_name").fill(address.name)
    page.locator("#id_phone_number").fill(address.phone)
    page.locator("#id_line1").fill(address.line1)
    page.locator("#id_province").select_option(label=address.province)
    # (not wait_for_function: its string is eval'd in the page, which the policy forbids)
    page.locator("#id_commune option").nth(1).wait_for(state="attached")
    page.locator("#id_commune").select_option(label=address.commune)


def address_submit(page) -> None:
    page.locator("#new_shipping_address [type=submit]").click()
    page.wait_for_url("**/checkout/payment-method/")


def payment_choose(page, method: str) -> None:
    """Choose `method` (cod, bank_transfer, card) and go on to the preview."""
    page.locator(f"input[name=method][value={method}]").check()
    page.locator("#choose-payment").click()
    page.wait_for_url("**/checkout/preview/")


def order_place(page) -> None:
    """Consent to the privacy policy and place the order; the caller waits for the page
    the payment method leads to (the thank-you page, or the card form)."""
    page.locator("#id_privacy_consent").check()
    page.locator("#place-order").click()


def guest_checkout_to_payment(page, base: str, products, *, email: str, address=HANOI) -> None:
    """Basket, guest sign-in and address: the browser stops on the payment step."""
    basket_add(page, base, products)
    checkout_as_guest(page, base, email)
    address_fill(page, address)
    address_submit(page)
