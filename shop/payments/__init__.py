"""Payments of the checkout: Stripe cards, cash on delivery and bank transfer by VietQR."""
