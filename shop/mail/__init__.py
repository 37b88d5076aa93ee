"""Every mail the marketplace sends, through one service (shop.mail.services.mail_send).

A foundation module: it imports nothing of the project's other packages, so catalogue,
vendors, customer and shop.* may all call it without an upward import."""
