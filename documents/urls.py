"""Attachment downloads, checked on every request."""

from django.urls import path

from . import views

urlpatterns = [
    path("tep-van-ban/<int:pk>/", views.download, name="document_attachment"),
    path("tep-van-ban/<int:pk>/<str:filename>", views.download, name="document_attachment_named"),
]
