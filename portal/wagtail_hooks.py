"""Portal's Wagtail hooks: which served pages the page cache may store."""

from wagtail import hooks

from .page_cache import mark_cacheable


@hooks.register("before_serve_page")
def mark_public_pages_cacheable(page, request, serve_args, serve_kwargs):
    """Public pages outside preview may be cached; restricted ones never are."""
    if not getattr(request, "is_preview", False) and not page.get_view_restrictions().exists():
        mark_cacheable(request)


# -- A unit admin's users, and site settings scoped to the units one administers --------
# (portal/unit_users.py says why Wagtail's model-wide permissions are not enough.)

from django.urls import include, path, reverse  # noqa: E402

from wagtail.permissions import register_permission_policy  # noqa: E402

from . import unit_users  # noqa: E402
from .models import SiteSettings  # noqa: E402

# exact_class: takes precedence over the policy register_setting made for SiteSettings.
register_permission_policy(
    SiteSettings, unit_users.UnitSiteSettingsPermissionPolicy(SiteSettings), exact_class=True
)


@hooks.register("register_admin_urls")
def unit_users_urls():
    return [
        path(
            "nguoi-dung-don-vi/",
            include((unit_users.urlpatterns, "portal_unit_users"), namespace="portal_unit_users"),
        )
    ]


@hooks.register("register_admin_menu_item")
def unit_users_menu_item():
    return unit_users.UnitUsersMenuItem(
        unit_users.MENU_LABEL,
        reverse("portal_unit_users:index"),
        name="unit-users",
        icon_name="group",
        order=9000,
    )


hooks.register("register_log_actions", unit_users.register_log_actions)


# -- The editors' guide in the Help menu, in place of Wagtail's English links -------------

from wagtail.admin.menu import MenuItem  # noqa: E402

from . import editors_guide  # noqa: E402

# Wagtail's Help items that lead to English pages: its user guide and its release notes.
ENGLISH_HELP_ITEMS = ("editor-guide", "whats-new-in-wagtail-")


@hooks.register("register_admin_urls")
def editors_guide_urls():
    return [
        path(
            "huong-dan-bien-tap/",
            editors_guide.EditorsGuideView.as_view(),
            name="portal_editors_guide",
        )
    ]


@hooks.register("construct_help_menu")
def editors_guide_in_help_menu(request, menu_items):
    menu_items[:] = [item for item in menu_items if not item.name.startswith(ENGLISH_HELP_ITEMS)]
    menu_items.insert(
        0,
        MenuItem(
            editors_guide.MENU_LABEL,
            reverse("portal_editors_guide"),
            name="editors-guide",
            icon_name="help",
            order=1000,
        ),
    )
