"""Oscar's recently-viewed history for signed-in readers (Oscar's product view receiver
writes it), reading the cookie with the storefront's one parser: the cookie is the reader's to
write, and Oscar's own parser fails on JSON nested past the parser's depth."""

from oscar.apps.customer.history import CustomerHistoryManager as OscarCustomerHistoryManager

from catalogue.selectors import recently_viewed_ids


class CustomerHistoryManager(OscarCustomerHistoryManager):
    @classmethod
    def extract(cls, request, response=None) -> list[int]:
        return recently_viewed_ids(cookie=request.COOKIES.get(cls.cookie_name, ""))
