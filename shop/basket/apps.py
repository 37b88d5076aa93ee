import oscar.apps.basket.apps as apps


class BasketConfig(apps.BasketConfig):
    name = "shop.basket"

    def ready(self):
        super().ready()
        # Oscar's analytics app (listed before this one) has connected its receivers by now.
        from shop.analytics import receivers_replace

        receivers_replace()
