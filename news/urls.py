"""Public URLs of the news app that are not pages."""

from django.urls import path

from . import views

urlpatterns = [path("rss/", views.site_feed, name="news_site_feed")]
