from django.urls import path

from shop.tourism.embed import widget_embed

urlpatterns = [path("w/<int:widget_id>/", widget_embed, name="partner-widget-embed")]
