"""Sample content for a fictional district, written for this project.

Everything here is made up: the district "Vân Sơn" and its offices do not exist,
and the site notice says so on every page. Images are drawn locally with Pillow.
"""

import io
import json
import random

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.db import transaction

from wagtail.images import get_image_model
from wagtail.models import Page, Site

from .editorial import ADMIN, BOARD, CONTRIBUTOR, EDITOR, HEAD, ROLES, group_name, provision_unit
from .models import HomePage, SiteSettings, StandardPage

DISTRICT_NAME = "Huyện Vân Sơn"
# Development accounts (settings.PORTAL_DEV_ACCOUNTS only): one per role of every unit,
# named "<unit>.<role>", e.g. "huyen.bbt", "khemay.truongban", all with this password.
DEV_PASSWORD = "vanson-demo-2026"  # noqa: S105 - dev-only accounts, refused in production
DISTRICT_ACCOUNT_PREFIX = "huyen"
ROLE_CODES = {
    CONTRIBUTOR: "ctv",
    EDITOR: "btv",
    BOARD: "bbt",
    HEAD: "truongban",
    ADMIN: "quantri",
}
SAMPLE_NOTICE = "Đây là cổng thông tin mẫu với dữ liệu hư cấu, dùng để trình diễn và thử nghiệm."

PALETTES = [
    ((46, 125, 50), (165, 214, 167)),
    ((21, 101, 192), (144, 202, 249)),
    ((191, 54, 12), (255, 204, 128)),
    ((106, 27, 154), (206, 147, 216)),
    ((0, 105, 92), (128, 203, 196)),
]


def draw_landscape(seed: int, size=(1200, 800)) -> bytes:
    """A JPEG of hills under a sky, different for every seed."""
    from PIL import Image, ImageDraw

    rng = random.Random(seed)  # noqa: S311 - shapes of a drawing, not a secret
    dark, light = PALETTES[seed % len(PALETTES)]
    width, height = size
    image = Image.new("RGB", size, light)
    draw = ImageDraw.Draw(image)
    for y in range(height // 2):
        shade = int(255 - 80 * y / (height / 2))
        draw.line([(0, y), (width, y)], fill=(shade, shade, 255))
    for layer in range(3):
        base = height // 2 + layer * height // 8
        points = [(0, height)]
        for x in range(0, width + 100, 100):
            points.append((x, base - rng.randint(0, height // 6)))
        points.append((width, height))
        factor = 1 - layer * 0.25
        draw.polygon(points, fill=tuple(int(c * factor) for c in dark))
    sun_x = rng.randint(width // 5, 4 * width // 5)
    draw.ellipse([sun_x - 50, 60, sun_x + 50, 160], fill=(255, 224, 130))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=82)
    return out.getvalue()


def draw_emblem(size=256) -> bytes:
    """A round red emblem with a yellow star (a made-up logo, not the national emblem)."""
    import math

    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse([4, 4, size - 4, size - 4], fill=(200, 16, 46), outline=(255, 205, 0), width=10)
    centre, outer, inner = size / 2, size * 0.34, size * 0.14
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = math.pi / 2 + i * math.pi / 5
        points.append((centre + radius * math.cos(angle), centre - radius * math.sin(angle)))
    draw.polygon(points, fill=(255, 205, 0))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def get_or_create_image(title: str, data: bytes, filename: str):
    """The library image with this title, created from data the first time."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing:
        return existing
    image = image_model(title=title)
    image.file = ImageFile(io.BytesIO(data), name=filename)
    image.save()
    return image


def child_page(parent: Page, page_class, slug: str, **fields):
    """The live child of parent with this slug, created and published the first time."""
    existing = parent.get_children().filter(slug=slug).specific().first()
    if existing:
        return existing
    page = page_class(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def paragraph(html: str) -> dict:
    """A paragraph block value."""
    return {"type": "paragraph", "value": html}


def heading(text: str, level: str = "h2") -> dict:
    """A heading block value."""
    return {"type": "heading", "value": {"text": text, "level": level}}


def _replace_wagtail_welcome_page(root: Page) -> None:
    """Remove the placeholder page Wagtail's first migration creates, if still untouched."""
    for page in root.get_children():
        if page.specific_class is Page and page.slug == "home":
            page.delete()


@transaction.atomic
def seed_district(hostname: str = "127.0.0.1", port: int = 8000) -> HomePage:
    """The district home page, its default Site (at hostname:port), settings and pages."""
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        _replace_wagtail_welcome_page(root)
        home = HomePage(
            title="Cổng thông tin điện tử huyện Vân Sơn",
            slug="huyen-van-son",
            intro=(
                "Vân Sơn là một huyện miền núi hư cấu, nơi có những cánh đồng lúa bậc thang, "
                "các làng nghề mây tre đan và dòng sông Nậm Vân chảy qua trung tâm huyện."
            ),
        )
        root.add_child(instance=home)
        home.save_revision().publish()

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(is_default_site=True)
    if site.root_page_id != home.pk:
        site.hostname, site.port = hostname, port
    site.root_page = home
    site.site_name = DISTRICT_NAME
    site.save()

    emblem = get_or_create_image("Biểu trưng huyện Vân Sơn (mẫu)", draw_emblem(), "bieu-trung.png")
    unit, _ = SiteSettings.objects.get_or_create(
        site=site, defaults={"unit_name": "Ủy ban nhân dân huyện Vân Sơn"}
    )
    if not unit.address:
        unit.emblem = emblem
        unit.address = "Số 1 đường Trung Tâm, thị trấn Vân Sơn, huyện Vân Sơn"
        unit.phone = "0200 3800 100"
        unit.hotline = "0200 3800 199"
        unit.email = "vanphong@vanson.example.gov.vn"
        unit.working_hours = "Sáng 7h00 – 11h30, chiều 13h30 – 17h00, thứ Hai đến thứ Sáu"
        unit.map_url = "https://www.openstreetmap.org/"
        unit.facebook_url = "https://www.facebook.com/"
        unit.footer_text = (
            "<p>Cơ quan chủ quản: Ủy ban nhân dân huyện Vân Sơn (đơn vị hư cấu). "
            "Người chịu trách nhiệm: Chánh Văn phòng HĐND và UBND huyện.</p>"
        )
        unit.site_notice = SAMPLE_NOTICE
        unit.save()

    _seed_information_pages(home)
    # The district's roles and its approval workflow (Ban biên tập, then Trưởng ban).
    provision_unit(DISTRICT_NAME, home)
    return home


def dev_username(prefix: str, role: str) -> str:
    """The development account of a role in a unit, e.g. "huyen.bbt"."""
    return f"{prefix}.{ROLE_CODES[role]}"


def ensure_unit_accounts(unit_name: str, prefix: str) -> dict:
    """One development account per role of a provisioned unit, each in its role's group.

    Does nothing unless settings.PORTAL_DEV_ACCOUNTS is on (never in production). The
    password is hashed once for all accounts, so the first run stays fast.
    """
    if not settings.PORTAL_DEV_ACCOUNTS:
        return {}
    user_model = get_user_model()
    hashed = None
    users = {}
    for role in ROLES:
        username = dev_username(prefix, role)
        user = user_model.objects.filter(username=username).first()
        if user is None:
            hashed = hashed or make_password(DEV_PASSWORD)
            user = user_model.objects.create(
                username=username,
                password=hashed,
                email=f"{username}@vanson.example.gov.vn",
                first_name=role,
                last_name=unit_name,
            )
        user.groups.add(Group.objects.get(name=group_name(unit_name, role)))
        users[role] = user
    return users


def dev_accounts() -> list[tuple[str, str, str]]:
    """(unit, role, username) of every development account, the district first.

    Found through the unit groups: a member named "<prefix>.<code of the group's role>"
    is a seeded account (other members an admin added are left out of the list).
    """
    rows = []
    groups = Group.objects.filter(name__contains=" – ").prefetch_related("user_set")
    for group in groups:
        unit, _, role = group.name.rpartition(" – ")
        if role not in ROLE_CODES:
            continue
        rows.extend(
            (unit, role, user.username)
            for user in group.user_set.all()
            if user.username.endswith(f".{ROLE_CODES[role]}")
        )
    rows.sort(key=lambda row: (row[0] != DISTRICT_NAME, row[0], ROLES.index(row[1]), row[2]))
    return rows


def _seed_information_pages(home: HomePage) -> None:
    landscape = get_or_create_image(
        "Cánh đồng lúa bậc thang Vân Sơn (ảnh minh họa)", draw_landscape(1), "canh-dong.jpg"
    )
    about = child_page(
        home,
        StandardPage,
        "gioi-thieu",
        title="Giới thiệu",
        show_in_menus=True,
        intro="Khái quát về điều kiện tự nhiên, lịch sử và con người huyện Vân Sơn.",
        body=json.dumps(
            [
                heading("Vị trí địa lý"),
                paragraph(
                    "<p>Huyện Vân Sơn nằm ở vùng núi phía bắc của một tỉnh hư cấu, có diện "
                    "tích tự nhiên khoảng 620 km², gồm 12 xã và 1 thị trấn. Phía đông giáp "
                    "huyện Đông Khê, phía tây giáp dãy núi Pù Vân.</p>"
                ),
                {
                    "type": "image",
                    "value": {
                        "image": {
                            "image": landscape.pk,
                            "decorative": False,
                            "alt_text": "Ruộng bậc thang nhiều tầng dưới bầu trời xanh",
                        },
                        "caption": "Ruộng bậc thang mùa lúa chín (ảnh minh họa).",
                    },
                },
                heading("Dân số và dân tộc"),
                paragraph(
                    "<p>Dân số toàn huyện khoảng 85.000 người, gồm các dân tộc Kinh, Tày, "
                    "Dao và Mông cùng chung sống. Mỗi dân tộc giữ gìn lễ hội, trang phục và "
                    "tiếng nói riêng, tạo nên bản sắc văn hóa phong phú.</p>"
                ),
                {
                    "type": "quote",
                    "value": {
                        "quote": "Đoàn kết, chủ động, sáng tạo vì một Vân Sơn xanh và đáng sống.",
                        "attribution": "Khẩu hiệu hành động của huyện (hư cấu)",
                    },
                },
            ]
        ),
    )
    child_page(
        about,
        StandardPage,
        "lich-su",
        title="Lịch sử hình thành",
        intro="Những mốc chính trong quá trình hình thành và phát triển của huyện.",
        body=json.dumps(
            [
                paragraph(
                    "<p>Vùng đất Vân Sơn có người sinh sống từ rất sớm, ven các thung lũng "
                    "sông Nậm Vân. Huyện được thành lập theo quyết định chia tách địa giới "
                    "hành chính năm 1965 (mốc thời gian hư cấu).</p>"
                ),
                paragraph(
                    "<ul><li>1965: thành lập huyện.</li><li>1998: thành lập thị trấn Vân Sơn."
                    "</li><li>2020: huyện đạt chuẩn phổ cập giáo dục trung học cơ sở.</li></ul>"
                ),
            ]
        ),
    )
    child_page(
        home,
        StandardPage,
        "co-cau-to-chuc",
        title="Cơ cấu tổ chức",
        show_in_menus=True,
        intro="Lãnh đạo Ủy ban nhân dân huyện và các cơ quan chuyên môn.",
        body=json.dumps(
            [
                heading("Lãnh đạo Ủy ban nhân dân huyện"),
                {
                    "type": "table",
                    "value": {
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "table_caption": "Lãnh đạo UBND huyện (tên hư cấu)",
                        "data": [
                            ["Họ và tên", "Chức vụ", "Điện thoại"],
                            ["Nguyễn Văn An", "Chủ tịch UBND huyện", "0200 3800 101"],
                            ["Trần Thị Bình", "Phó Chủ tịch UBND huyện", "0200 3800 102"],
                            ["Lò Văn Cường", "Phó Chủ tịch UBND huyện", "0200 3800 103"],
                        ],
                    },
                },
                heading("Các cơ quan chuyên môn"),
                paragraph(
                    "<ul><li>Văn phòng HĐND và UBND huyện</li><li>Phòng Nội vụ</li>"
                    "<li>Phòng Tài chính – Kế hoạch</li><li>Phòng Kinh tế và Hạ tầng</li>"
                    "<li>Phòng Nông nghiệp và Môi trường</li><li>Phòng Văn hóa, Khoa học và "
                    "Thông tin</li><li>Phòng Giáo dục và Đào tạo</li><li>Phòng Y tế</li></ul>"
                ),
            ]
        ),
    )
    child_page(
        home,
        StandardPage,
        "lien-he",
        title="Liên hệ",
        show_in_menus=True,
        intro="Địa chỉ, điện thoại và giờ tiếp công dân của Ủy ban nhân dân huyện.",
        body=json.dumps(
            [
                heading("Văn phòng HĐND và UBND huyện"),
                paragraph(
                    "<p>Địa chỉ: Số 1 đường Trung Tâm, thị trấn Vân Sơn.<br>"
                    "Điện thoại: 0200 3800 100. Đường dây nóng: 0200 3800 199.</p>"
                ),
                heading("Lịch tiếp công dân"),
                paragraph(
                    "<p>Chủ tịch UBND huyện tiếp công dân định kỳ vào ngày 15 hằng tháng tại "
                    "Trụ sở tiếp công dân huyện. Khi ngày 15 trùng ngày nghỉ, lịch tiếp chuyển "
                    "sang ngày làm việc kế tiếp.</p>"
                ),
            ]
        ),
    )
