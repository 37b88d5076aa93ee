from django.urls import path

from shop.partners.embed import widget_embed

urlpatterns = [path("w/<id:widget_id>/", widget_embed, name="partner-widget-embed")]
