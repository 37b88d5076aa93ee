from django.urls import path
from oscar.apps.customer import apps
from oscar.core.loading import get_class


class CustomerConfig(apps.CustomerConfig):
    name = "customer"

    def ready(self):
        super().ready()
        from customer import receivers

        receivers.connect()
        self.signup_sent_view = get_class("customer.views", "SignupSentView")
        self.signup_confirm_view = get_class("customer.views", "SignupConfirmView")

    def get_urls(self):
        urls = [
            path("signup/sent/", self.signup_sent_view.as_view(), name="signup-sent"),
            path(
                "signup/confirm/<str:uidb64>/<str:token>/",
                self.signup_confirm_view.as_view(),
                name="signup-confirm",
            ),
        ]
        return urls + super().get_urls()
