"""Template tags for the public chrome: the main menu and the breadcrumbs.

Each runs one query whatever the size of the site, so every page's query count
stays bounded.
"""

from django import template

from wagtail.models import Page, Site

register = template.Library()


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The site root's live, public children marked "show in menus", in tree order."""
    request = context["request"]
    site = Site.find_for_request(request)
    current = context.get("page")
    if site is None:
        return {"items": [], "home_url": "/"}
    root = site.root_page
    items = root.get_children().live().public().in_menu().only("title", "url_path", "path")
    current_path = getattr(current, "path", "")
    return {
        "request": request,
        "home_url": "/",
        "home_active": current is not None and current_path == root.path,
        "items": [
            {
                "page": item,
                "current": current_path == item.path,
                "active": bool(current_path) and current_path.startswith(item.path),
            }
            for item in items
        ],
    }


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The trail from the site's home page to the current page."""
    request = context["request"]
    page = context.get("page")
    site = Site.find_for_request(request)
    if page is None or site is None or page.path == site.root_page.path:
        return {"crumbs": []}
    ancestors = (
        Page.objects.ancestor_of(page)
        .filter(depth__gte=site.root_page.depth)
        .only("title", "url_path", "path")
        .order_by("path")
    )
    return {"request": request, "crumbs": list(ancestors), "current": page}
