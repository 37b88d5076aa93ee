import oscar.apps.catalogue.reviews.apps as apps


class CatalogueReviewsConfig(apps.CatalogueReviewsConfig):
    # The label stays "reviews": the existing rows and Oscar's migration history are kept.
    name = "catalogue.reviews"

    def ready(self):
        super().ready()
        from catalogue.reviews import receivers

        receivers.connect()
