"""Public URLs of producers: /sell/ and the applicant's pages."""

from django.urls import path

from vendors import views

app_name = "vendors"

urlpatterns = [
    path("", views.sell, name="sell"),
    path("received/", views.received, name="received"),
    path("application/", views.application, name="application"),
    path("communes/", views.communes, name="communes"),
]
