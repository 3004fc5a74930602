"""Extension points other apps fill through Wagtail hooks, so portal imports none of them.

- `portal_home_sections(home, request)` returns a list of sections for a home page:
  dicts with "template", "order" and whatever the template needs.
- `portal_seed_demo(home, stdout)` adds an app's sample content (see seed_demo).
"""

from wagtail import hooks


def home_sections(home, request):
    """Every app's sections for this home page, in their declared order."""
    sections = []
    for provide in hooks.get_hooks("portal_home_sections"):
        sections.extend(provide(home, request))
    return sorted(sections, key=lambda section: section["order"])
