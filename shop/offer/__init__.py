"""Oscar's offer app, forked: who pays a discount, and whole-đồng discounts."""
