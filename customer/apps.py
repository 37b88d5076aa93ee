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
        from shop.privacy.views import personal_data_page

        self.personal_data_view = personal_data_page
        self.season_alert_create_view = get_class("customer.alerts.views", "SeasonAlertCreateView")

    def get_urls(self):
        urls = [
            path("signup/sent/", self.signup_sent_view.as_view(), name="signup-sent"),
            path(
                "signup/confirm/<str:uidb64>/<str:token>/",
                self.signup_confirm_view.as_view(),
                name="signup-confirm",
            ),
            # The signed-in account's own data; no id in the address, so nobody else's.
            path("personal-data/", self.personal_data_view, name="personal-data"),
            path(
                "alerts/season/<int:pk>/",
                self.season_alert_create_view.as_view(),
                name="season-alert-create",
            ),
        ]
        return urls + super().get_urls()
