"""Sample communes of the fictional district Vân Sơn, and articles waiting for approval.

Registered as a `portal_seed_demo` hook (communes/wagtail_hooks.py), so `seed_demo` runs it
after the district, its news and its documents exist. For each sample commune it calls
the same `create_commune` as the command and the admin form, then fills the directory
fields, the site settings, a few articles in "Tin tức" and documents in "Văn bản".

Where settings.PORTAL_DEV_ACCOUNTS is on (never in production) it also creates one account
per role of every commune, and takes a few drafts of every unit (the district's too)
through the approval workflow, so each board has work waiting: an article submitted to
the board, one the board approved that waits for its head, one sent back with a comment.
Those need the accounts (an author and a board member), so without them there are none.

Every person, place and figure is invented, like the rest of the sample district.
Idempotent: communes, articles and documents are found by slug; a second run adds nothing.
"""

import datetime
import json
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from wagtail.models import Site

from documents import demo as documents_demo
from documents.demo import Sample
from documents.models import (
    DocumentField,
    DocumentIndexPage,
    DocumentType,
    IssuingBody,
    LegalDocumentPage,
)
from news import demo as news_demo
from news.demo import Article
from news.models import NewsIndexPage, NewsPage
from portal.demo import (
    DISTRICT_ACCOUNT_PREFIX,
    DISTRICT_NAME,
    SAMPLE_NOTICE,
    draw_emblem,
    ensure_unit_accounts,
    get_or_create_image,
    heading,
    paragraph,
)
from portal.editorial import BOARD, CONTRIBUTOR
from portal.models import SiteSettings, StandardPage

from .models import CommuneHomePage, CommuneKind
from .provisioning import create_commune

# Commune sites answer on <label>.vanson.localhost at the district's port: browsers resolve
# every *.localhost name to this machine, so `make run` serves them all (see README).
DEV_DOMAIN = "vanson.localhost"

_p = news_demo._p


@dataclass(frozen=True)
class Commune:
    """A sample commune: its directory entry, site, contents and account prefix."""

    name: str
    slug: str
    host_label: str  # <host_label>.vanson.localhost
    account_prefix: str  # <prefix>.ctv, <prefix>.bbt …
    kind: str
    intro: str
    chairperson: str
    address: str
    phone: str
    email: str
    population: int
    area_km2: Decimal
    about: tuple  # body blocks of "Giới thiệu"
    articles: tuple[Article, ...]
    documents: tuple[Sample, ...]

    @property
    def hostname(self) -> str:
        return f"{self.host_label}.{DEV_DOMAIN}"

    @property
    def short_name(self) -> str:
        """ "thị trấn Vân Sơn", "xã Khe Mây": the name inside a sentence."""
        return self.name[0].lower() + self.name[1:]


@dataclass(frozen=True)
class Review:
    """A draft taken through the workflow: "submitted", "approved" (by the board) or
    "rejected" (sent back with `comment`)."""

    slug: str
    title: str
    lead: str
    text: str
    step: str
    comment: str = ""


SUBMITTED, APPROVED, REJECTED = "submitted", "approved", "rejected"


def _reviews(prefix: str, place: str) -> tuple[Review, ...]:
    """The three drafts waiting in a unit's workflow, about `place`."""
    return (
        Review(
            f"{prefix}-tong-ve-sinh-moi-truong-cuoi-tuan",
            f"{place} ra quân tổng vệ sinh môi trường cuối tuần",
            f"Các tổ dân phố, thôn, bản và đoàn viên thanh niên {place} cùng thu gom rác, "
            "phát quang đường làng và khơi thông cống rãnh trước mùa mưa.",
            "Bài viết mẫu đang chờ Ban biên tập duyệt: tác giả đã gửi duyệt, chưa ai xử lý.",
            SUBMITTED,
        ),
        Review(
            f"{prefix}-ket-qua-tiep-cong-dan-thang-nay",
            f"Kết quả tiếp công dân tháng này của {place}",
            f"Lãnh đạo {place} đã tiếp 14 lượt công dân, chủ yếu về đất đai và chính sách "
            "hỗ trợ hộ nghèo; 11 vụ việc đã được trả lời tại chỗ.",
            "Bài viết mẫu Ban biên tập đã duyệt, đang chờ Trưởng ban duyệt và xuất bản.",
            APPROVED,
        ),
        Review(
            f"{prefix}-hoi-thi-van-nghe-quan-chung",
            f"Sôi nổi hội thi văn nghệ quần chúng {place}",
            f"Mười hai đội văn nghệ của {place} tham gia hội thi với các tiết mục hát then, "
            "múa xòe và dân ca.",
            "Bài viết mẫu Ban biên tập đã trả lại cho tác giả kèm yêu cầu sửa.",
            REJECTED,
            comment=(
                "Đề nghị bổ sung tên các đội đoạt giải, kiểm tra lại số đội tham gia và "
                "thêm ảnh minh họa có mô tả."
            ),
        ),
    )


def _about(commune_name: str, *paragraphs: str) -> tuple:
    return (
        heading("Khái quát"),
        *(paragraph(f"<p>{text}</p>") for text in paragraphs),
        paragraph(f"<p><em>Thông tin về {commune_name} là thông tin hư cấu.</em></p>"),
    )


THI_TRAN = Commune(
    name="Thị trấn Vân Sơn",
    slug="van-son",
    host_label="thitran",
    account_prefix="thitran",
    kind=CommuneKind.TOWN,
    intro=(
        "Trung tâm hành chính, kinh tế và văn hóa của huyện Vân Sơn, nằm hai bên bờ sông Nậm Vân."
    ),
    chairperson="Phan Thị Thu Hà",
    address="Số 5 đường Trung Tâm, tổ dân phố 3, thị trấn Vân Sơn",
    phone="0200 3810 222",
    email="ubnd.thitran@vanson.example.gov.vn",
    population=12480,
    area_km2=Decimal("18.62"),
    about=_about(
        "thị trấn Vân Sơn",
        "Thị trấn Vân Sơn được thành lập năm 1998, gồm 9 tổ dân phố. Chợ trung tâm, bến xe "
        "và các cơ quan của huyện đều đặt tại thị trấn.",
        "Người dân chủ yếu làm dịch vụ, buôn bán nhỏ và tiểu thủ công nghiệp; nghề đan mây "
        "tre ở tổ dân phố Bờ Sông đã có hơn một trăm năm.",
    ),
    articles=(
        Article(
            slug="thi-tran-van-son-khanh-thanh-nha-van-hoa-to-dan-pho-bo-song",
            title="Khánh thành nhà văn hóa tổ dân phố Bờ Sông",
            lead="""Công trình rộng 180 m² do nhân dân đóng góp cùng ngân sách thị trấn, là
                nơi sinh hoạt chung của hơn 300 hộ gia đình.""",
            body=(
                _p("""Nhà văn hóa được xây trên nền nhà kho cũ của hợp tác xã, có sân khấu,
                    tủ sách và sân bóng chuyền. Các hộ dân đã góp hơn 400 ngày công và 210
                    triệu đồng."""),
                _p("""Bà Phan Thị Thu Hà, Chủ tịch UBND thị trấn, đề nghị tổ dân phố xây dựng
                    nội quy, giữ gìn công trình và mở cửa cho các câu lạc bộ văn nghệ, thể
                    thao sinh hoạt thường xuyên."""),
            ),
            author="Thu Trang",
            source="UBND thị trấn Vân Sơn",
            tags=("nhà văn hóa", "thị trấn Vân Sơn"),
        ),
        Article(
            slug="thi-tran-van-son-chinh-trang-via-he-duong-trung-tam",
            title="Chỉnh trang vỉa hè đường Trung Tâm trước mùa lễ hội",
            lead="""Thị trấn lát lại 1,2 km vỉa hè, trồng thêm 80 cây bóng mát và vận động
                các hộ kinh doanh không lấn chiếm lòng đường.""",
            body=(
                _p("""Công trình được chia thành ba đoạn để không ảnh hưởng việc đi lại và
                    buôn bán của người dân. Dự kiến hoàn thành trong 45 ngày."""),
            ),
            author="Minh Khôi",
            source="UBND thị trấn Vân Sơn",
            tags=("đô thị", "thị trấn Vân Sơn"),
        ),
        Article(
            slug="thi-tran-van-son-hoi-nghi-doi-thoai-voi-ho-kinh-doanh",
            title="Thị trấn đối thoại với các hộ kinh doanh chợ trung tâm",
            lead="""Hơn 60 hộ kinh doanh nêu ý kiến về phí dịch vụ, phòng cháy chữa cháy và
                việc sắp xếp lại các quầy hàng.""",
            body=(
                _p("""Thị trấn tiếp thu ý kiến, giao Ban quản lý chợ rà soát vị trí các quầy
                    và tổ chức diễn tập phòng cháy chữa cháy ngay trong quý này."""),
            ),
            author="Thu Trang",
            source="UBND thị trấn Vân Sơn",
            tags=("chợ", "đối thoại"),
        ),
    ),
    documents=(
        Sample(
            slug="ke-hoach-chinh-trang-do-thi-thi-tran-van-son",
            kind="Kế hoạch",
            number="{n}/KH-UBND",
            body=documents_demo.THI_TRAN,
            signer=documents_demo.CT_THI_TRAN,
            fields=("Xây dựng",),
            title="Kế hoạch chỉnh trang đô thị thị trấn Vân Sơn năm {plan_year}",
            summary=(
                "Lát lại vỉa hè đường Trung Tâm, trồng cây bóng mát, lắp đèn chiếu sáng ở "
                "các ngõ và vận động các hộ kinh doanh không lấn chiếm lòng đường."
            ),
            age=40,
            lasts=documents_demo.YEAR_END,
            articles=(
                "I. MỤC ĐÍCH, YÊU CẦU\nXây dựng thị trấn xanh, sạch, đẹp, văn minh.",
                "II. NHIỆM VỤ\nHoàn thành lát vỉa hè và trồng cây trước mùa lễ hội.",
            ),
        ),
    ),
)

KHE_MAY = Commune(
    name="Xã Khe Mây",
    slug="khe-may",
    host_label="khe-may",
    account_prefix="khemay",
    kind=CommuneKind.COMMUNE,
    intro="Xã vùng cao phía bắc huyện, nổi tiếng với những đồi chè và thác Khe Mây.",
    chairperson="Lý Văn Sình",
    address="Thôn Nà Khe, xã Khe Mây, huyện Vân Sơn",
    phone="0200 3820 115",
    email="ubnd.khemay@vanson.example.gov.vn",
    population=6350,
    area_km2=Decimal("74.20"),
    about=_about(
        "xã Khe Mây",
        "Xã Khe Mây có 9 thôn, bản với đồng bào Tày, Dao và Kinh cùng sinh sống. Diện tích "
        "chè của xã khoảng 320 ha, phần lớn đã được chứng nhận sản xuất an toàn.",
    ),
    articles=(
        Article(
            slug="khe-may-hop-tac-xa-che-nhan-chung-nhan-ocop",
            title="Chè xanh Khe Mây đạt chứng nhận sản phẩm OCOP ba sao",
            lead="""Hợp tác xã chè Khe Mây là đơn vị đầu tiên của xã có sản phẩm đạt chuẩn,
                mở đường đưa chè vào các siêu thị trong tỉnh.""",
            body=(
                _p("""Hợp tác xã có 46 thành viên, liên kết với hơn 120 hộ trồng chè theo quy
                    trình an toàn. Sản phẩm được đóng gói, có tem truy xuất nguồn gốc."""),
                _p("""UBND xã sẽ hỗ trợ hợp tác xã tham gia hội chợ và quảng bá sản phẩm trên
                    trang thông tin của xã."""),
            ),
            author="Hoàng Yến",
            source="UBND xã Khe Mây",
            tags=("OCOP", "chè"),
        ),
        Article(
            slug="khe-may-be-tong-hoa-duong-thon-na-khe",
            title="Hoàn thành bê tông hóa 1,5 km đường thôn Nà Khe",
            lead="""Người dân góp hơn 900 ngày công và hiến 2.000 m² đất để mở rộng tuyến
                đường trục thôn.""",
            body=(
                _p("""Tuyến đường rộng 3,5 m, có rãnh thoát nước hai bên, giúp xe chở chè búp
                    vào tận nương trong mùa mưa."""),
            ),
            author="Lò Văn Quân",
            source="UBND xã Khe Mây",
            tags=("giao thông nông thôn", "nông thôn mới"),
        ),
        Article(
            slug="khe-may-tap-huan-phong-chong-sat-lo-dat",
            title="Tập huấn kỹ năng phòng, chống sạt lở đất cho các thôn vùng cao",
            lead="""Trưởng thôn, công an viên và thanh niên xung kích được hướng dẫn nhận
                biết dấu hiệu sạt lở và sơ tán người dân an toàn.""",
            body=(
                _p("""Buổi tập huấn kết hợp diễn tập sơ tán tại thôn Khuổi Mây, nơi có nhiều
                    hộ sống dưới chân đồi dốc."""),
            ),
            author="Hoàng Yến",
            source="Ban Chỉ huy Quân sự xã Khe Mây",
            tags=("phòng chống thiên tai",),
        ),
    ),
    documents=(
        Sample(
            slug="quyet-dinh-thanh-lap-to-tu-quan-bao-ve-rung-khe-may",
            kind="Quyết định",
            number="{n}/QĐ-UBND",
            body=documents_demo.KHE_MAY,
            signer=documents_demo.CT_KHE_MAY,
            fields=("Tài nguyên – Môi trường",),
            title="Quyết định thành lập các tổ tự quản bảo vệ rừng xã Khe Mây",
            summary=(
                "Thành lập chín tổ tự quản bảo vệ rừng ở chín thôn, bản; quy định nhiệm vụ "
                "tuần tra, phòng cháy rừng và báo tin khi phát hiện khai thác trái phép."
            ),
            age=120,
            articles=(
                "Điều 1. Thành lập chín tổ tự quản bảo vệ rừng tại các thôn, bản.",
                "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
            ),
        ),
        Sample(
            slug="thong-bao-lich-tiep-cong-dan-khe-may",
            kind="Thông báo",
            number="{n}/TB-UBND",
            body=documents_demo.KHE_MAY,
            signer=documents_demo.CT_KHE_MAY,
            fields=("Nội vụ",),
            title="Thông báo lịch tiếp công dân định kỳ của Chủ tịch UBND xã Khe Mây",
            summary=(
                "Chủ tịch UBND xã tiếp công dân vào sáng thứ Năm hằng tuần tại trụ sở UBND "
                "xã; khi trùng ngày nghỉ, lịch chuyển sang ngày làm việc kế tiếp."
            ),
            age=25,
        ),
    ),
)

PHUC_HOA = Commune(
    name="Xã Phúc Hòa",
    slug="phuc-hoa",
    host_label="phuc-hoa",
    account_prefix="phuchoa",
    kind=CommuneKind.COMMUNE,
    intro="Xã đồng bằng ven sông Nậm Vân, vựa lúa của huyện.",
    chairperson="Bùi Văn Tâm",
    address="Thôn Phúc Lợi, xã Phúc Hòa, huyện Vân Sơn",
    phone="0200 3830 240",
    email="ubnd.phuchoa@vanson.example.gov.vn",
    population=7910,
    area_km2=Decimal("52.85"),
    about=_about(
        "xã Phúc Hòa",
        "Xã Phúc Hòa có 11 thôn, trải dọc hai bờ sông Nậm Vân. Cánh đồng mẫu lớn của xã "
        "rộng hơn 150 ha, cấy hai vụ lúa mỗi năm.",
    ),
    articles=(
        Article(
            slug="phuc-hoa-thu-hoach-lua-vu-mua-dat-nang-suat-cao",
            title="Phúc Hòa thu hoạch lúa vụ Mùa, năng suất ước đạt 58 tạ/ha",
            lead="""Nhờ áp dụng giống mới và cơ giới hóa khâu gặt, năng suất lúa của xã tăng
                gần 4 tạ/ha so với vụ trước.""",
            body=(
                _p("""Hợp tác xã dịch vụ nông nghiệp Phúc Hòa đã đưa 6 máy gặt đập liên hợp
                    xuống đồng, giúp bà con thu hoạch nhanh, tránh mưa bão."""),
            ),
            author="Bích Ngọc",
            source="UBND xã Phúc Hòa",
            tags=("nông nghiệp", "lúa"),
        ),
        Article(
            slug="phuc-hoa-khai-giang-lop-day-nghe-may-cong-nghiep",
            title="Khai giảng lớp dạy nghề may công nghiệp cho phụ nữ",
            lead="""Ba mươi học viên được học miễn phí trong ba tháng và được giới thiệu việc
                làm tại các xưởng may trong tỉnh.""",
            body=(
                _p("""Lớp học do Hội Liên hiệp phụ nữ xã phối hợp với Trung tâm Giáo dục nghề
                    nghiệp huyện tổ chức tại nhà văn hóa thôn Phúc Lợi."""),
            ),
            author="Bích Ngọc",
            source="Hội Liên hiệp phụ nữ xã Phúc Hòa",
            tags=("đào tạo nghề", "việc làm"),
        ),
        Article(
            slug="phuc-hoa-cong-khai-ket-qua-giai-quyet-ho-so-mot-cua",
            title="Bộ phận một cửa xã giải quyết đúng hạn 98% hồ sơ",
            lead="""Trong sáu tháng, bộ phận một cửa tiếp nhận 1.240 hồ sơ, trong đó gần một
                nửa được nộp trực tuyến.""",
            body=(
                _p("""UBND xã bố trí công chức hướng dẫn người dân nộp hồ sơ trực tuyến và
                    niêm yết công khai thủ tục tại trụ sở."""),
            ),
            author="Trần Hải",
            source="UBND xã Phúc Hòa",
            tags=("cải cách hành chính",),
        ),
    ),
    documents=(
        Sample(
            slug="ke-hoach-phong-chong-lut-bao-phuc-hoa",
            kind="Kế hoạch",
            number="{n}/KH-UBND",
            body=documents_demo.PHUC_HOA,
            signer=documents_demo.CT_PHUC_HOA,
            fields=("Quốc phòng – An ninh",),
            title="Kế hoạch phòng, chống thiên tai và tìm kiếm cứu nạn xã Phúc Hòa năm {year}",
            summary=(
                "Phân công lực lượng xung kích ở 11 thôn, chuẩn bị thuyền, áo phao và nơi sơ "
                "tán cho các hộ ven sông Nậm Vân trong mùa mưa lũ."
            ),
            age=60,
            lasts=documents_demo.YEAR_END,
        ),
    ),
)

COMMUNES = (THI_TRAN, KHE_MAY, PHUC_HOA)


def _district_port(home) -> int:
    """The port the district answers on (8000 with `make run`), used by the communes too."""
    site = Site.objects.filter(root_page=home).first()
    return site.port if site else 80


def _fill_directory(page: CommuneHomePage, commune: Commune) -> bool:
    """The directory fields, written (and published) once; an admin's later edits stay."""
    if page.chairperson:
        return False
    page.intro = commune.intro
    page.chairperson = commune.chairperson
    page.address = commune.address
    page.phone = commune.phone
    page.email = commune.email
    page.population = commune.population
    page.area_km2 = commune.area_km2
    page.save_revision().publish()
    return True


def _fill_settings(site: Site, commune: Commune) -> None:
    """The header and footer of the commune's site, like the district's."""
    unit = SiteSettings.for_site(site)
    if unit.address:
        return
    unit.emblem = get_or_create_image(
        "Biểu trưng huyện Vân Sơn (mẫu)", draw_emblem(), "bieu-trung.png"
    )
    unit.address = commune.address
    unit.phone = commune.phone
    unit.email = commune.email
    unit.working_hours = "Sáng 7h00 – 11h30, chiều 13h30 – 17h00, thứ Hai đến thứ Sáu"
    unit.footer_text = (
        f"<p>Cơ quan chủ quản: Ủy ban nhân dân {commune.short_name} (đơn vị hư cấu), "
        "huyện Vân Sơn.</p>"
    )
    unit.site_notice = SAMPLE_NOTICE
    unit.save()


def _fill_pages(page: CommuneHomePage, commune: Commune) -> None:
    """Bodies for the "Giới thiệu" and "Liên hệ" pages provisioning left empty."""
    bodies = {
        "gioi-thieu": commune.about,
        "lien-he": (
            heading(f"Ủy ban nhân dân {commune.short_name}"),
            paragraph(
                f"<p>Địa chỉ: {commune.address}.<br>Điện thoại: {commune.phone}.<br>"
                f"Thư điện tử: {commune.email}.</p>"
            ),
        ),
    }
    for info in StandardPage.objects.child_of(page).filter(slug__in=bodies):
        if not info.body:
            info.body = json.dumps(list(bodies[info.slug]))
            info.save_revision().publish()


def _news_section(page):
    """The unit's "Tin tức" (for the district: its first section, where articles go)."""
    root = NewsIndexPage.objects.child_of(page).filter(slug="tin-tuc").first()
    if root is None:
        return None
    return NewsIndexPage.objects.child_of(root).order_by("path").first() or root


def _seed_articles(section, commune: Commune, images_cache: list) -> int:
    """The commune's published articles, newest first in the data."""
    existing = set(NewsPage.objects.child_of(section).values_list("slug", flat=True))
    midnight = timezone.localtime(timezone.now(), news_demo.LOCAL_TZ).replace(
        hour=8, minute=0, second=0, microsecond=0
    )
    created = 0
    for position in reversed(range(len(commune.articles))):
        article = commune.articles[position]
        if article.slug in existing:
            continue
        if not images_cache:
            images_cache.extend(news_demo._illustrations())
        published_at = midnight - datetime.timedelta(days=2 + 9 * position, hours=position)
        cover = (COMMUNES.index(commune) * 3 + position) % len(news_demo.ILLUSTRATIONS)
        news_demo._create_article(section, article, published_at, cover, images_cache, {})
        created += 1
    return created


def _seed_documents(register, commune: Commune) -> int:
    """The commune's own documents, in its own register "Văn bản"."""
    missing = [
        sample
        for sample in commune.documents
        if not register.get_children().filter(slug=sample.slug).exists()
    ]
    if not missing:
        return 0
    terms = {}
    for key, model, names in (
        ("types", DocumentType, documents_demo.DOCUMENT_TYPES),
        ("bodies", IssuingBody, [body.name for body in documents_demo.ISSUING_BODIES]),
        ("fields", DocumentField, documents_demo.DOCUMENT_FIELDS),
    ):
        terms[key], _ = documents_demo.ensure_terms(model, names)
    taken = set(LegalDocumentPage.objects.values_list("issuing_body__name", "number_key"))
    today = timezone.localdate()
    for sample in missing:
        number = documents_demo.make_number(sample, documents_demo.issue_date(sample, today), taken)
        documents_demo.create_document(register, sample, number, terms, {}, today)
    return len(missing)


def _seed_reviews(section, users: dict, reviews: tuple[Review, ...]) -> int:
    """Drafts by the unit's contributor, each taken through the workflow to its step."""
    author, board = users[CONTRIBUTOR], users[BOARD]
    created = 0
    for review in reviews:
        if section.get_children().filter(slug=review.slug).exists():
            continue
        page = NewsPage(
            slug=review.slug,
            title=review.title,
            lead=review.lead,
            body=[_p(review.text)],
            author=f"{author.first_name} {author.last_name}",
            source=author.last_name,
            owner=author,
            live=False,
        )
        workflow = section.get_workflow()
        if workflow is None:  # an admin switched the unit's workflow off
            break
        section.add_child(instance=page)
        page.save_revision(user=author)
        state = workflow.start(page, author)
        if review.step in (APPROVED, REJECTED):
            task_state = state.current_task_state
            action = "approve" if review.step == APPROVED else "reject"
            task_state.task.specific.on_action(task_state, board, action, comment=review.comment)
        created += 1
    return created


def seed_communes(home, stdout=None):
    """The sample communes under the district `home` (see the module's docstring)."""
    # Wagtail and portal.notifications mail each board and author as articles move (once
    # the transaction commits): sample articles must not flood the console (dev's mail
    # backend) or anyone's inbox, so the transaction commits inside the override.
    with (
        override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"),
        transaction.atomic(),
    ):
        counts = _seed(home)
    if stdout is not None:
        if any(counts.values()):
            stdout.write(
                f"Xã, thị trấn mẫu: đã tạo {counts['communes']} trang xã, thị trấn, "
                f"{counts['articles']} bài viết, {counts['documents']} văn bản và "
                f"{counts['reviews']} bài đang trong quy trình duyệt.\n"
            )
        else:
            stdout.write("Xã, thị trấn mẫu: đã có đủ, không tạo thêm.\n")


def _seed(home) -> dict:
    port = _district_port(home)
    images: list = []
    counts = {"communes": 0, "articles": 0, "documents": 0, "reviews": 0}
    district_users = ensure_unit_accounts(DISTRICT_NAME, DISTRICT_ACCOUNT_PREFIX)
    if district_users and (section := _news_section(home)) is not None:
        counts["reviews"] += _seed_reviews(section, district_users, _reviews("huyen", "huyện"))
    for commune in COMMUNES:
        result = create_commune(
            commune.name, commune.hostname, slug=commune.slug, kind=commune.kind, port=port
        )
        counts["communes"] += result.created
        _fill_directory(result.page, commune)
        _fill_settings(result.site, commune)
        _fill_pages(result.page, commune)
        section = _news_section(result.page)
        counts["articles"] += _seed_articles(section, commune, images)
        register = DocumentIndexPage.objects.child_of(result.page).first()
        counts["documents"] += _seed_documents(register, commune)
        users = ensure_unit_accounts(commune.name, commune.account_prefix)
        if users:
            reviews = _reviews(commune.slug, commune.short_name)
            counts["reviews"] += _seed_reviews(section, users, reviews)
    return counts
