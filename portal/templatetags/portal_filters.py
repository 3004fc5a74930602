"""Filters that format values the way Vietnamese readers expect."""

from django import template
from django.utils.formats import number_format
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def filesize_vi(size):
    """A file size with a decimal comma: 1536000 → "1,5 MB"."""
    try:
        size = int(size)
    except (TypeError, ValueError):
        return ""
    for unit, factor in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if size >= factor:
            return f"{number_format(size / factor, 1)} {unit}"
    return ngettext("%(size)d byte", "%(size)d byte", size) % {"size": size}
