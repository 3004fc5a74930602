"""Communes in the admin, and their sample content.

- `portal_seed_demo`: the sample communes (communes/demo.py), after the district's content.
- "Tạo xã, thị trấn": the provisioning form for district admins (communes/admin_views.py).
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import CreateCommuneView, is_district_admin
from .demo import seed_communes

hooks.register("portal_seed_demo", seed_communes)


@hooks.register("register_admin_urls")
def register_create_commune_url():
    return [path("xa-thi-tran/tao-moi/", CreateCommuneView.as_view(), name="communes_create")]


class CreateCommuneMenuItem(MenuItem):
    """Shown to district admins only (superusers, or the district's "Quản trị" group)."""

    def is_shown(self, request):
        return is_district_admin(request.user)


@hooks.register("register_admin_menu_item")
def register_create_commune_menu_item():
    return CreateCommuneMenuItem(
        _("Tạo xã, thị trấn"),
        reverse("communes_create"),
        name="communes-create",
        icon_name="site",
        order=720,
    )


# "Tin cơ sở đề xuất" and "Báo cáo Ban biên tập" (communes/syndication_views.py,
# communes/report.py).


@hooks.register("register_admin_urls")
def register_syndication_and_report_urls():
    from .report import ReportView
    from .syndication_views import ProposalsView

    return [
        path("tin-co-so/", ProposalsView.as_view(), name="communes_proposals"),
        path("bao-cao-ban-bien-tap/", ReportView.as_view(), name="communes_report"),
    ]


@hooks.register("register_log_actions")
def register_proposal_log_actions(actions):
    from .syndication_views import register_log_actions

    register_log_actions(actions)


class ProposalsMenuItem(MenuItem):
    """Shown to the district's Ban biên tập (and superusers)."""

    def is_shown(self, request):
        from .syndication_views import is_district_board

        return is_district_board(request.user)


class ReportMenuItem(MenuItem):
    """Shown to whoever may see at least one unit's report."""

    def is_shown(self, request):
        from .report import units_for

        return bool(units_for(request.user))


@hooks.register("register_admin_menu_item")
def register_proposals_menu_item():
    return ProposalsMenuItem(
        _("Tin cơ sở đề xuất"),
        reverse("communes_proposals"),
        name="communes-proposals",
        icon_name="doc-full-inverse",
        order=330,
    )


@hooks.register("register_admin_menu_item")
def register_report_menu_item():
    return ReportMenuItem(
        _("Báo cáo Ban biên tập"),
        reverse("communes_report"),
        name="communes-report",
        icon_name="table",
        order=340,
    )
