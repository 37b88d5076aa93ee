"""Gift boxes across producers: composed by staff, sold as one product, split at placement
into each producer's parcel, with a gift message and a packing slip without prices."""
