"""The tourism partner area, under /partners/ (the path partners already know)."""

from django.urls import path

from shop.tourism import views

app_name = "tourism"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("join/", views.JoinView.as_view(), name="join"),
    path("domains/", views.DomainsView.as_view(), name="domains"),
    path("key/rotate/", views.KeyRotateView.as_view(), name="key-rotate"),
    path("widgets/new/", views.WidgetView.as_view(), name="widget-new"),
    path("widgets/<int:pk>/", views.WidgetView.as_view(), name="widget-edit"),
    path("stats/", views.StatsView.as_view(), name="stats"),
]
