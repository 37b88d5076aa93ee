"""/api/v1/: the router of the public read API, its schema and its documentation page."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from shop.api import views

router = DefaultRouter()
router.register("products", views.ProductViewSet, basename="api-product")
router.register("categories", views.CategoryViewSet, basename="api-category")
router.register("provinces", views.ProvinceViewSet, basename="api-province")
router.register("stories", views.StoryViewSet, basename="api-story")
router.register("orders", views.OrderViewSet, basename="api-order")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("", include(router.urls)),
    re_path(r"", views.not_found),
]
