from django.urls import path

from shop.gifts import views

urlpatterns = [
    path("message/", views.gift_message_save, name="gift-message"),
    path("parcels/<int:pk>/slip/", views.packing_slip, name="gift-packing-slip"),
]
