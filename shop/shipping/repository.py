"""Oscar's shipping repository, forked: the one way to ship is a parcel per producer."""

from oscar.apps.shipping import repository

from shop.shipping.methods import ProducerParcels


class Repository(repository.Repository):
    methods = (ProducerParcels(),)
