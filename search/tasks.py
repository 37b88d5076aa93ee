"""Background work of the search index. Every task is safe to run twice."""

from celery import shared_task

from search.indexing import index_products, index_rebuild


@shared_task(name="search.index_products", ignore_result=True)
def index_products_task(product_ids: list[int]) -> int:
    return index_products(product_ids=product_ids)


@shared_task(name="search.index_sweep", ignore_result=True)
def index_sweep_task() -> int:
    """Nightly: rebuild the index, catching certificates that came into force and anything
    a lost task missed."""
    return index_rebuild()
