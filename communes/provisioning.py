"""Creating a commune's sub-site: page, Site, settings, sections, collection, roles, workflow.

One function serves the `create_commune` command and the admin form. Running it again
for the same commune completes what is missing and changes nothing else.
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from wagtail.models import Site

from documents.models import DocumentIndexPage
from news.models import NewsIndexPage
from portal.editorial import Unit, provision_unit
from portal.models import HomePage, SiteSettings, StandardPage
from portal.slugs import vietnamese_slugify

from .models import CommuneHomePage, CommuneIndexPage, CommuneKind

HOSTNAME = re.compile(
    r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$"
)

DEFAULT_SECTIONS = [
    (NewsIndexPage, "Tin tức", "tin-tuc", {"intro": "Tin hoạt động của xã."}),
    (DocumentIndexPage, "Văn bản", "van-ban", {"intro": "Văn bản do xã ban hành."}),
    (StandardPage, "Giới thiệu", "gioi-thieu", {"intro": "Giới thiệu chung về địa phương."}),
    (StandardPage, "Liên hệ", "lien-he", {"intro": "Địa chỉ và số điện thoại của UBND."}),
]


class ProvisioningError(ValidationError):
    """A commune cannot be created as asked (the message says why, in Vietnamese)."""


@dataclass
class Provisioned:
    """The commune's pieces, and whether this call created the commune page."""

    page: CommuneHomePage
    site: Site
    unit: Unit
    created: bool


def district_home():
    """The district's home page (the default Site's root)."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    home = site.root_page.specific if site else HomePage.objects.first()
    if not isinstance(home, HomePage):
        raise ProvisioningError(gettext("Chưa có trang chủ huyện: hãy tạo trang chủ huyện trước."))
    return home


def commune_directory(home):
    """The "Xã, thị trấn" directory under the district home, created if missing."""
    directory = CommuneIndexPage.objects.child_of(home).first()
    if directory is None:
        directory = CommuneIndexPage(
            title="Xã, thị trấn",
            slug="xa-thi-tran",
            show_in_menus=True,
            intro="Danh bạ các xã, thị trấn và trang thông tin của từng địa phương.",
        )
        home.add_child(instance=directory)
        directory.save_revision().publish()
    return directory


def _publish_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@transaction.atomic
def create_commune(name, hostname, slug=None, kind=None, port=80):
    """Creates (or completes) the commune `name` served at `hostname`."""
    name = " ".join((name or "").split())
    hostname = (hostname or "").strip().lower()
    if not name:
        raise ProvisioningError(gettext("Hãy nhập tên xã, thị trấn, ví dụ “Xã Bằng Lãng”."))
    if not HOSTNAME.match(hostname):
        raise ProvisioningError(
            gettext("Tên miền “%(hostname)s” không hợp lệ, ví dụ: banglang.example.gov.vn.")
            % {"hostname": hostname}
        )
    slug = slug or vietnamese_slugify(re.sub(r"^(xã|thị trấn)\s+", "", name, flags=re.IGNORECASE))
    if kind is None:
        kind = CommuneKind.TOWN if name.lower().startswith("thị trấn") else CommuneKind.COMMUNE

    directory = commune_directory(district_home())
    page = CommuneHomePage.objects.child_of(directory).filter(slug=slug).first()
    holder = Site.objects.filter(hostname=hostname, port=port).select_related("root_page").first()
    if holder and (page is None or holder.root_page_id != page.pk):
        raise ProvisioningError(
            gettext(
                "Tên miền “%(hostname)s” đã được dùng cho trang “%(title)s”. "
                "Hãy chọn tên miền khác."
            )
            % {"hostname": hostname, "title": holder.root_page.title}
        )
    created = page is None
    if created:
        page = _publish_child(
            directory, CommuneHomePage(title=name, slug=slug, kind=kind, show_in_menus=False)
        )

    site, _ = Site.objects.get_or_create(
        root_page=page, defaults={"hostname": hostname, "port": port, "site_name": name}
    )
    SiteSettings.objects.get_or_create(
        site=site, defaults={"unit_name": f"Ủy ban nhân dân {name[0].lower()}{name[1:]}"}
    )
    for page_class, title, section_slug, fields in DEFAULT_SECTIONS:
        if not page.get_children().filter(slug=section_slug).exists():
            _publish_child(
                page, page_class(title=title, slug=section_slug, show_in_menus=True, **fields)
            )
    unit = provision_unit(name, page)
    return Provisioned(page=page, site=site, unit=unit, created=created)
