"""The register in the admin (its controlled lists as snippets) and its sample content."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .demo import seed_documents
from .models import DocumentField, DocumentType, IssuingBody

hooks.register("portal_seed_demo", seed_documents)


class ControlledTermViewSet(SnippetViewSet):
    """A controlled list: name, URL code and order, searchable by name."""

    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]
    add_to_admin_menu = False


class DocumentTypeViewSet(ControlledTermViewSet):
    model = DocumentType
    icon = "tag"


class IssuingBodyViewSet(ControlledTermViewSet):
    model = IssuingBody
    icon = "group"


class DocumentFieldViewSet(ControlledTermViewSet):
    model = DocumentField
    icon = "folder-open-1"


class RegisterListsGroup(SnippetViewSetGroup):
    """Groups the register's lists under one admin menu item."""

    menu_label = _("Danh mục văn bản")
    menu_icon = "doc-full-inverse"
    menu_order = 250
    items = (DocumentTypeViewSet, IssuingBodyViewSet, DocumentFieldViewSet)


register_snippet(RegisterListsGroup)
