"""Sample legal documents for the fictional district Vân Sơn: the register and its lists.

Every body, person, number, figure and text below is invented for this project (the site
notice says the data is fictional). Dates are counted back from the day the seed runs,
so the register always shows documents of every validity status: not yet in force, in
force, partly and wholly expired. Attachments are generated here, without the network:
a small text PDF per document (Vietnamese folded to ASCII, the only text the standard
PDF fonts can show) and, for a few documents, an appendix as DOCX or PDF.
"""

import datetime
import io
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass
from xml.sax.saxutils import escape

from django.core.files import File
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from portal.demo import child_page
from portal.slugs import fold_vietnamese, vietnamese_slugify

from .models import (
    DocumentField,
    DocumentIndexPage,
    DocumentRelation,
    DocumentType,
    IssuingBody,
    LegalDocumentAttachment,
    LegalDocumentPage,
    RelationKind,
    SecurityLevel,
    Validity,
)
from .numbers import number_key

INDEX = {
    "slug": "van-ban",
    "title": "Văn bản",
    "intro": (
        "Tra cứu văn bản của Huyện ủy, HĐND, UBND huyện Vân Sơn, các phòng chuyên môn và "
        "các xã, thị trấn theo số ký hiệu, loại văn bản, lĩnh vực và tình trạng hiệu lực."
    ),
}

# In the order of their legal force; Luật, Nghị định and Thông tư are central documents
# the district only refers to, so the samples below use the others.
DOCUMENT_TYPES = (
    "Luật",
    "Nghị định",
    "Thông tư",
    "Nghị quyết",
    "Quyết định",
    "Chỉ thị",
    "Kế hoạch",
    "Hướng dẫn",
    "Thông báo",
    "Công văn",
    "Báo cáo",
    "Tờ trình",
)

DOCUMENT_FIELDS = (
    "Đất đai",
    "Giáo dục",
    "Y tế",
    "Nông nghiệp",
    "Giao thông",
    "Xây dựng",
    "Tài chính",
    "Kế hoạch – Đầu tư",
    "Công thương",
    "Tài nguyên – Môi trường",
    "Văn hóa",
    "Lao động – Xã hội",
    "Dân tộc",
    "Nội vụ",
    "Quốc phòng – An ninh",
    "Cải cách hành chính",
)


@dataclass(frozen=True)
class Body:
    """An issuing body, with what the top of its documents and its signature block say."""

    name: str
    header: tuple[str, ...]  # upper-case lines at the top left of a document
    place: str  # "Vân Sơn, ngày … tháng … năm …"
    collective: str = ""  # "TM. ỦY BAN NHÂN DÂN" above the chief's title, if any
    chief: str = "CHỦ TỊCH"
    party: bool = False
    scale: float = 1.0  # how many documents it issues, relative to the UBND huyện


@dataclass(frozen=True)
class Signer:
    """A (fictional) person signing, with their real kind of title."""

    name: str
    title: str
    on_behalf: str = ""  # "TL. CHỦ TỊCH" when signing on someone else's authority


HU = Body(
    "Huyện ủy Vân Sơn",
    ("HUYỆN ỦY VÂN SƠN", "*"),
    "Vân Sơn",
    collective="T/M BAN THƯỜNG VỤ",
    chief="BÍ THƯ",
    party=True,
    scale=0.3,
)
HDND = Body("HĐND huyện Vân Sơn", ("HỘI ĐỒNG NHÂN DÂN", "HUYỆN VÂN SƠN"), "Vân Sơn", scale=0.3)
UBND = Body(
    "UBND huyện Vân Sơn",
    ("ỦY BAN NHÂN DÂN", "HUYỆN VÂN SƠN"),
    "Vân Sơn",
    collective="TM. ỦY BAN NHÂN DÂN",
)


def _office(name: str) -> Body:
    """A specialised office of the UBND huyện."""
    return Body(
        name, ("UBND HUYỆN VÂN SƠN", name.upper()), "Vân Sơn", chief="TRƯỞNG PHÒNG", scale=0.2
    )


def _commune(name: str, place: str) -> Body:
    """The people's committee of a commune or of the township."""
    return Body(
        f"UBND {name}",
        ("ỦY BAN NHÂN DÂN", name.upper()),
        place,
        collective="TM. ỦY BAN NHÂN DÂN",
        scale=0.1,
    )


NOI_VU = _office("Phòng Nội vụ")
TCKH = _office("Phòng Tài chính – Kế hoạch")
GDDT = _office("Phòng Giáo dục và Đào tạo")
NNMT = _office("Phòng Nông nghiệp và Môi trường")
KTHT = _office("Phòng Kinh tế và Hạ tầng")
THI_TRAN = _commune("thị trấn Vân Sơn", "Vân Sơn")
KHE_MAY = _commune("xã Khe Mây", "Khe Mây")
PHUC_HOA = _commune("xã Phúc Hòa", "Phúc Hòa")
NA_MO = _commune("xã Nà Mơ", "Nà Mơ")

ISSUING_BODIES = (
    HU,
    HDND,
    UBND,
    NOI_VU,
    TCKH,
    GDDT,
    NNMT,
    KTHT,
    THI_TRAN,
    KHE_MAY,
    PHUC_HOA,
    NA_MO,
)

# The same people as in the sample pages and news (portal.demo, news.demo).
CT_UBND = Signer("Nguyễn Văn An", "Chủ tịch")
PCT_BINH = Signer("Trần Thị Bình", "Phó Chủ tịch")
PCT_CUONG = Signer("Lò Văn Cường", "Phó Chủ tịch")
CVP = Signer("Ma Văn Tiến", "Chánh Văn phòng", on_behalf="TL. CHỦ TỊCH")
CT_HDND = Signer("Vi Thị Hằng", "Chủ tịch")
PCT_HDND = Signer("Nông Văn Thái", "Phó Chủ tịch")
BI_THU = Signer("Hà Minh Đức", "Bí thư")
PHO_BI_THU = Signer("Lương Thị Mai", "Phó Bí thư")
TP_NOI_VU = Signer("Đinh Văn Hòa", "Trưởng phòng")
TP_TCKH = Signer("Đỗ Thị Ngân", "Trưởng phòng")
TP_GDDT = Signer("Hoàng Thị Yến", "Trưởng phòng")
PTP_GDDT = Signer("Triệu Văn Khánh", "Phó Trưởng phòng")
TP_NNMT = Signer("Nông Đức Mạnh", "Trưởng phòng")
CT_THI_TRAN = Signer("Phan Thị Thu Hà", "Chủ tịch")
CT_KHE_MAY = Signer("Lý Văn Sình", "Chủ tịch")
CT_PHUC_HOA = Signer("Bùi Văn Tâm", "Chủ tịch")
PCT_NA_MO = Signer("Sùng A Páo", "Phó Chủ tịch")

YEAR_END = "year_end"  # in force until the end of the year it plans for (see plan_year)


@dataclass(frozen=True)
class Appendix:
    """A second attachment: a DOCX (paragraphs and a table) or a PDF (paragraphs)."""

    title: str
    extension: str
    paragraphs: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Sample:
    """One sample document.

    Texts may use {year}, {next_year}, {plan_year}, {half_year}, {school_year},
    {past_school_year} and {next_school_year} (from the date of issue, see text_context),
    {effective} ("ngày 05 tháng 3 năm 2025") and, when the document acts on another,
    {target} (its number) and {target_date}. `number` uses {n} and {year}.
    """

    slug: str
    kind: str
    number: str
    body: Body
    signer: Signer
    fields: tuple[str, ...]
    title: str
    summary: str
    age: int  # days before the day of the seed that it was issued
    starts: int | None = 0  # days after issue that it takes effect; None: no such date
    lasts: int | str | None = None  # days in force, YEAR_END, or None: no end date
    articles: tuple[str, ...] = ()  # full text; a line break separates paragraphs
    acts_on: tuple[tuple[str, str], ...] = ()  # (RelationKind, slug of an older sample)
    appendix: Appendix | None = None
    security_level: str = SecurityLevel.NORMAL


DATA_NOTE = "Số liệu trong phụ lục là số liệu mẫu hư cấu."

SAMPLES = (
    Sample(
        slug="quy-che-lam-viec-ubnd-huyen",
        kind="Quyết định",
        number="{n}/QĐ-UBND",
        body=UBND,
        signer=CT_UBND,
        fields=("Cải cách hành chính", "Nội vụ"),
        title="Quyết định ban hành Quy chế làm việc của Ủy ban nhân dân huyện Vân Sơn",
        summary=(
            "Ban hành Quy chế làm việc của Ủy ban nhân dân huyện Vân Sơn, quy định nguyên tắc, "
            "chế độ trách nhiệm, lề lối làm việc và quan hệ công tác của Ủy ban nhân dân huyện, "
            "Chủ tịch, các Phó Chủ tịch và các Ủy viên Ủy ban nhân dân huyện."
        ),
        age=1010,
        articles=(
            "Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc của Ủy ban nhân dân "
            "huyện Vân Sơn.",
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
            "Điều 3. Chánh Văn phòng HĐND và UBND huyện, Thủ trưởng các cơ quan chuyên môn "
            "thuộc Ủy ban nhân dân huyện, Chủ tịch Ủy ban nhân dân các xã, thị trấn và các cơ "
            "quan, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.",
        ),
    ),
    Sample(
        slug="sua-doi-quy-che-lam-viec-ubnd-huyen",
        kind="Quyết định",
        number="{n}/QĐ-UBND",
        body=UBND,
        signer=CT_UBND,
        fields=("Cải cách hành chính", "Nội vụ"),
        title=(
            "Quyết định sửa đổi, bổ sung một số điều của Quy chế làm việc của Ủy ban nhân dân "
            "huyện Vân Sơn"
        ),
        summary=(
            "Sửa đổi, bổ sung các quy định về họp trực tuyến, xử lý hồ sơ công việc trên môi "
            "trường điện tử và sử dụng chữ ký số trong Quy chế làm việc ban hành kèm theo "
            "Quyết định số {target} của Ủy ban nhân dân huyện Vân Sơn."
        ),
        age=390,
        acts_on=((RelationKind.AMENDS, "quy-che-lam-viec-ubnd-huyen"),),
        articles=(
            "Điều 1. Sửa đổi, bổ sung một số điều của Quy chế làm việc của Ủy ban nhân dân "
            "huyện Vân Sơn ban hành kèm theo Quyết định số {target} {target_date} như sau:"
            "\n1. Cuộc họp của Ủy ban nhân dân huyện được tổ chức trực tiếp, trực tuyến hoặc "
            "kết hợp; tài liệu họp được gửi qua hệ thống quản lý văn bản và điều hành chậm nhất "
            "hai ngày làm việc trước cuộc họp."
            "\n2. Hồ sơ trình Chủ tịch, các Phó Chủ tịch Ủy ban nhân dân huyện được xử lý trên "
            "môi trường điện tử, trừ hồ sơ có nội dung mật."
            "\n3. Văn bản do Ủy ban nhân dân huyện ban hành được ký số và phát hành điện tử, "
            "trừ văn bản mật.",
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký. Các nội dung khác của Quy chế "
            "làm việc giữ nguyên hiệu lực.",
            "Điều 3. Chánh Văn phòng HĐND và UBND huyện, Thủ trưởng các cơ quan chuyên môn "
            "thuộc Ủy ban nhân dân huyện và Chủ tịch Ủy ban nhân dân các xã, thị trấn chịu "
            "trách nhiệm thi hành Quyết định này.",
        ),
    ),
    Sample(
        slug="gia-dich-vu-su-dung-dien-tich-ban-hang-tai-cho",
        kind="Quyết định",
        number="{n}/{year}/QĐ-UBND",
        body=UBND,
        signer=PCT_CUONG,
        fields=("Công thương", "Tài chính"),
        title=(
            "Quyết định quy định giá dịch vụ sử dụng diện tích bán hàng tại chợ trên địa bàn "
            "huyện Vân Sơn"
        ),
        summary=(
            "Quy định mức giá dịch vụ sử dụng diện tích bán hàng tại chợ trung tâm huyện và "
            "các chợ xã do Nhà nước đầu tư; đối tượng phải trả, đơn vị thu và việc quản lý, "
            "sử dụng nguồn thu."
        ),
        age=960,
        starts=10,
    ),
    Sample(
        slug="dieu-chinh-gia-dich-vu-tai-cho",
        kind="Quyết định",
        number="{n}/{year}/QĐ-UBND",
        body=UBND,
        signer=PCT_CUONG,
        fields=("Công thương", "Tài chính"),
        title=(
            "Quyết định điều chỉnh giá dịch vụ sử dụng diện tích bán hàng tại chợ trên địa bàn "
            "huyện Vân Sơn"
        ),
        summary=(
            "Điều chỉnh mức giá dịch vụ sử dụng diện tích bán hàng tại chợ trung tâm huyện và "
            "bảy chợ xã sau khi các chợ được cải tạo; người bán nông sản tự sản xuất trên diện "
            "tích dưới 3 m² không phải trả. Quyết định thay thế Quyết định số {target}."
        ),
        age=280,
        starts=10,
        acts_on=((RelationKind.REPLACES, "gia-dich-vu-su-dung-dien-tich-ban-hang-tai-cho"),),
        articles=(
            "Điều 1. Phạm vi và đối tượng áp dụng"
            "\nQuyết định này quy định mức giá dịch vụ sử dụng diện tích bán hàng tại các chợ "
            "do Nhà nước đầu tư trên địa bàn huyện Vân Sơn. Đối tượng áp dụng là thương nhân, "
            "hộ kinh doanh, cá nhân sử dụng diện tích bán hàng tại chợ, đơn vị quản lý chợ và "
            "các cơ quan có liên quan.",
            "Điều 2. Mức giá dịch vụ"
            "\nMức giá dịch vụ sử dụng diện tích bán hàng được quy định tại Phụ lục kèm theo "
            "Quyết định này. Người bán nông sản do gia đình tự sản xuất, sử dụng diện tích dưới "
            "3 m², không phải trả giá dịch vụ.",
            "Điều 3. Quản lý nguồn thu"
            "\nĐơn vị quản lý chợ niêm yết công khai mức giá tại cổng chợ, lập biên lai cho "
            "người nộp và sử dụng nguồn thu cho việc vệ sinh, bảo vệ, phòng cháy, chữa cháy và "
            "sửa chữa thường xuyên chợ.",
            "Điều 4. Hiệu lực thi hành"
            "\nQuyết định này có hiệu lực kể từ {effective} và thay thế Quyết định số {target} "
            "{target_date} của Ủy ban nhân dân huyện Vân Sơn.",
        ),
        appendix=Appendix(
            "Phụ lục: Mức giá dịch vụ sử dụng diện tích bán hàng tại chợ",
            "docx",
            paragraphs=(DATA_NOTE,),
            rows=(
                ("STT", "Vị trí kinh doanh", "Đơn vị tính", "Mức giá (đồng)"),
                ("1", "Chợ trung tâm huyện – ki-ốt mặt đường", "ki-ốt/tháng", "450.000"),
                ("2", "Chợ trung tâm huyện – sạp trong nhà chợ chính", "m²/tháng", "60.000"),
                ("3", "Chợ trung tâm huyện – khu bán hàng ngoài trời", "m²/ngày", "3.000"),
                ("4", "Chợ xã – sạp trong nhà chợ", "m²/tháng", "30.000"),
                ("5", "Chợ xã – khu bán hàng ngoài trời", "m²/ngày", "2.000"),
            ),
        ),
    ),
    Sample(
        slug="ho-tro-phat-trien-vung-che-tap-trung",
        kind="Nghị quyết",
        number="{n}/{year}/NQ-HĐND",
        body=HDND,
        signer=CT_HDND,
        fields=("Nông nghiệp",),
        title=(
            "Nghị quyết quy định chính sách hỗ trợ phát triển vùng chè tập trung trên địa bàn "
            "huyện Vân Sơn"
        ),
        summary=(
            "Quy định chính sách hỗ trợ giống chè, phân bón và chứng nhận sản xuất an toàn cho "
            "hộ gia đình, hợp tác xã trồng mới và cải tạo chè tại các xã vùng cao của huyện."
        ),
        age=1000,
        starts=10,
    ),
    Sample(
        slug="ho-tro-phat-trien-vung-che-va-duoc-lieu",
        kind="Nghị quyết",
        number="{n}/{year}/NQ-HĐND",
        body=HDND,
        signer=CT_HDND,
        fields=("Nông nghiệp", "Tài chính"),
        title=(
            "Nghị quyết quy định chính sách hỗ trợ phát triển vùng chè và cây dược liệu dưới "
            "tán rừng trên địa bàn huyện Vân Sơn"
        ),
        summary=(
            "Quy định nội dung, mức và điều kiện hỗ trợ đối với hộ gia đình, hợp tác xã trồng "
            "mới, cải tạo chè và trồng cây dược liệu dưới tán rừng; thay thế Nghị quyết số "
            "{target} của Hội đồng nhân dân huyện."
        ),
        age=330,
        starts=10,
        acts_on=((RelationKind.REPLACES, "ho-tro-phat-trien-vung-che-tap-trung"),),
        articles=(
            "Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng"
            "\n1. Nghị quyết này quy định chính sách hỗ trợ phát triển vùng chè tập trung và "
            "cây dược liệu dưới tán rừng trên địa bàn huyện Vân Sơn."
            "\n2. Đối tượng áp dụng là hộ gia đình, cá nhân, tổ hợp tác và hợp tác xã trực tiếp "
            "sản xuất tại các xã trong vùng quy hoạch.",
            "Điều 2. Nội dung và mức hỗ trợ"
            "\n1. Hỗ trợ một lần 50% chi phí mua giống chè chất lượng cao khi trồng mới hoặc "
            "trồng thay thế."
            "\n2. Hỗ trợ 70% chi phí giống cây dược liệu trồng dưới tán rừng, tối đa 2 héc-ta "
            "cho mỗi hộ; danh mục giống và định mức tại Phụ lục kèm theo Nghị quyết này."
            "\n3. Hỗ trợ toàn bộ chi phí chứng nhận sản xuất theo tiêu chuẩn an toàn cho hợp "
            "tác xã được chứng nhận lần đầu.",
            "Điều 3. Tổ chức thực hiện"
            "\n1. Giao Ủy ban nhân dân huyện tổ chức thực hiện Nghị quyết này; bố trí kinh phí "
            "từ ngân sách huyện và lồng ghép các chương trình mục tiêu."
            "\n2. Thường trực Hội đồng nhân dân, các Ban của Hội đồng nhân dân và đại biểu Hội "
            "đồng nhân dân huyện giám sát việc thực hiện.",
            "Điều 4. Hiệu lực thi hành"
            "\nNghị quyết này được Hội đồng nhân dân huyện Vân Sơn thông qua tại kỳ họp thường "
            "lệ, có hiệu lực từ {effective} và thay thế Nghị quyết số {target}.",
        ),
        appendix=Appendix(
            "Phụ lục: Danh mục giống cây dược liệu và định mức hỗ trợ",
            "pdf",
            paragraphs=(
                "1. Sa nhân tím: mật độ 1.600 khóm/ha; hỗ trợ 70% giá giống, tối đa 8 triệu "
                "đồng/ha.",
                "2. Ba kích: mật độ 2.500 cây/ha; hỗ trợ 70% giá giống, tối đa 12 triệu đồng/ha.",
                "3. Đinh lăng: mật độ 10.000 cây/ha; hỗ trợ 70% giá giống, tối đa 15 triệu "
                "đồng/ha.",
                "4. Chè giống mới trồng thay thế chè già cỗi: hỗ trợ 50% giá giống, tối đa 20 "
                "triệu đồng/ha.",
                DATA_NOTE,
            ),
        ),
    ),
    Sample(
        slug="huong-dan-ho-so-ho-tro-che-va-duoc-lieu",
        kind="Hướng dẫn",
        number="{n}/HD-NNMT",
        body=NNMT,
        signer=TP_NNMT,
        fields=("Nông nghiệp",),
        title="Hướng dẫn trình tự, hồ sơ đề nghị hỗ trợ phát triển vùng chè và cây dược liệu",
        summary=(
            "Hướng dẫn thành phần hồ sơ, trình tự xác nhận diện tích trồng mới và thanh toán "
            "kinh phí hỗ trợ theo Nghị quyết số {target} của Hội đồng nhân dân huyện; mẫu đơn "
            "đề nghị dùng chung cho hộ gia đình và hợp tác xã."
        ),
        age=300,
        acts_on=((RelationKind.GUIDES, "ho-tro-phat-trien-vung-che-va-duoc-lieu"),),
    ),
    Sample(
        slug="quan-ly-van-hanh-cong-trinh-cap-nuoc-nong-thon",
        kind="Quyết định",
        number="{n}/{year}/QĐ-UBND",
        body=UBND,
        signer=PCT_CUONG,
        fields=("Nông nghiệp", "Tài nguyên – Môi trường"),
        title=(
            "Quyết định ban hành Quy định quản lý, vận hành và khai thác công trình cấp nước "
            "sinh hoạt nông thôn trên địa bàn huyện"
        ),
        summary=(
            "Ban hành Quy định về phân cấp quản lý, trách nhiệm vận hành, bảo dưỡng và thu tiền "
            "nước của các công trình cấp nước sinh hoạt tập trung tại các thôn, bản."
        ),
        age=830,
        starts=10,
    ),
    Sample(
        slug="quan-ly-bao-ve-cong-trinh-cap-nuoc-tap-trung",
        kind="Quyết định",
        number="{n}/{year}/QĐ-UBND",
        body=UBND,
        signer=PCT_CUONG,
        fields=("Nông nghiệp", "Tài nguyên – Môi trường"),
        title=(
            "Quyết định ban hành Quy định quản lý, vận hành, khai thác và bảo vệ công trình cấp "
            "nước sinh hoạt nông thôn tập trung"
        ),
        summary=(
            "Giao công trình cấp nước tập trung cho tổ dùng nước thôn, bản quản lý; quy định "
            "trách nhiệm kiểm tra chất lượng nước, bảo vệ nguồn nước và công khai giá nước. "
            "Quyết định có hiệu lực từ {effective} và thay thế Quyết định số {target}."
        ),
        age=5,
        starts=15,
        acts_on=((RelationKind.REPLACES, "quan-ly-van-hanh-cong-trinh-cap-nuoc-nong-thon"),),
        articles=(
            "Điều 1. Ban hành kèm theo Quyết định này Quy định quản lý, vận hành, khai thác và "
            "bảo vệ công trình cấp nước sinh hoạt nông thôn tập trung trên địa bàn huyện Vân "
            "Sơn.",
            "Điều 2. Quyết định này có hiệu lực kể từ {effective} và thay thế Quyết định số "
            "{target} {target_date} của Ủy ban nhân dân huyện Vân Sơn. Công trình đã giao "
            "cho tổ dùng nước trước ngày Quyết định này có hiệu lực tiếp tục được quản lý theo "
            "hợp đồng đã ký đến khi hết hạn.",
            "Điều 3. Trưởng phòng Nông nghiệp và Môi trường hướng dẫn, kiểm tra việc thực hiện; "
            "định kỳ sáu tháng tổng hợp kết quả kiểm tra chất lượng nước, báo cáo Ủy ban nhân "
            "dân huyện.",
            "Điều 4. Chánh Văn phòng HĐND và UBND huyện, Trưởng phòng Nông nghiệp và Môi "
            "trường, Trưởng phòng Tài chính – Kế hoạch, Chủ tịch Ủy ban nhân dân các xã, thị "
            "trấn và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định "
            "này.",
        ),
    ),
    Sample(
        slug="ho-tro-kinh-phi-hoat-dong-thon-to-dan-pho",
        kind="Nghị quyết",
        number="{n}/{year}/NQ-HĐND",
        body=HDND,
        signer=CT_HDND,
        fields=("Tài chính", "Nội vụ"),
        title=(
            "Nghị quyết quy định mức hỗ trợ kinh phí hoạt động của thôn, bản, tổ dân phố trên "
            "địa bàn huyện"
        ),
        summary=(
            "Quy định mức hỗ trợ kinh phí hoạt động hằng năm của thôn, bản, tổ dân phố và mức "
            "bồi dưỡng người trực tiếp tham gia công việc của thôn, tổ dân phố từ ngân sách "
            "huyện."
        ),
        age=880,
        starts=10,
    ),
    Sample(
        slug="sua-doi-ho-tro-kinh-phi-hoat-dong-thon",
        kind="Nghị quyết",
        number="{n}/{year}/NQ-HĐND",
        body=HDND,
        signer=CT_HDND,
        fields=("Tài chính", "Nội vụ", "Quốc phòng – An ninh"),
        title=(
            "Nghị quyết sửa đổi, bổ sung mức hỗ trợ kinh phí hoạt động của thôn, bản, tổ dân phố"
        ),
        summary=(
            "Nâng mức hỗ trợ kinh phí hoạt động của thôn, bản đặc biệt khó khăn và bổ sung "
            "khoản hỗ trợ tổ bảo vệ an ninh, trật tự ở cơ sở; sửa đổi Điều 2 Nghị quyết số "
            "{target} của Hội đồng nhân dân huyện."
        ),
        age=250,
        starts=10,
        acts_on=((RelationKind.AMENDS, "ho-tro-kinh-phi-hoat-dong-thon-to-dan-pho"),),
        articles=(
            "Điều 1. Sửa đổi, bổ sung Điều 2 Nghị quyết số {target} {target_date} của Hội "
            "đồng nhân dân huyện Vân Sơn như sau:"
            "\n1. Thôn, bản thuộc danh sách thôn đặc biệt khó khăn được hỗ trợ 30 triệu đồng "
            "mỗi năm; thôn, bản, tổ dân phố còn lại được hỗ trợ 20 triệu đồng mỗi năm."
            "\n2. Bổ sung mức hỗ trợ 1.500.000 đồng mỗi tháng cho mỗi tổ bảo vệ an ninh, trật "
            "tự ở cơ sở để bồi dưỡng thành viên và mua sắm trang bị cần thiết.",
            "Điều 2. Các nội dung khác của Nghị quyết số {target} giữ nguyên hiệu lực. Ủy ban "
            "nhân dân huyện tổ chức thực hiện; Thường trực Hội đồng nhân dân huyện giám sát "
            "việc thực hiện.",
            "Điều 3. Nghị quyết này có hiệu lực từ {effective}.",
        ),
    ),
    Sample(
        slug="phong-chong-dich-benh-gia-suc-gia-cam",
        kind="Kế hoạch",
        number="{n}/KH-UBND",
        body=UBND,
        signer=PCT_CUONG,
        fields=("Nông nghiệp",),
        title="Kế hoạch phòng, chống dịch bệnh trên gia súc, gia cầm năm {plan_year}",
        summary=(
            "Tiêm phòng lở mồm long móng, tụ huyết trùng trâu bò và cúm gia cầm hai đợt trong "
            "năm; giám sát ổ dịch, tiêu độc khử trùng chuồng trại và kiểm soát vận chuyển động "
            "vật qua địa bàn huyện."
        ),
        age=720,
        lasts=YEAR_END,
    ),
    Sample(
        slug="tam-dung-luu-thong-qua-ngam-tran-khe-lin",
        kind="Thông báo",
        number="{n}/TB-UBND",
        body=UBND,
        signer=PCT_CUONG,
        fields=("Giao thông",),
        title="Thông báo tạm dừng lưu thông qua ngầm tràn Khe Lìn để sửa chữa",
        summary=(
            "Tạm dừng lưu thông các loại phương tiện qua ngầm tràn Khe Lìn trong 21 ngày để gia "
            "cố mặt ngầm bị hư hỏng sau mưa lũ; phương tiện đi đường vòng qua cầu treo Khe Mây "
            "và đường liên xã Phúc Hòa."
        ),
        age=160,
        lasts=21,
    ),
    Sample(
        slug="phong-chay-chua-chay-rung-mua-kho",
        kind="Chỉ thị",
        number="{n}/CT-UBND",
        body=UBND,
        signer=CT_UBND,
        fields=("Nông nghiệp", "Tài nguyên – Môi trường"),
        title="Chỉ thị về tăng cường công tác phòng cháy, chữa cháy rừng mùa khô",
        summary=(
            "Yêu cầu các xã, thị trấn, chủ rừng và lực lượng kiểm lâm trực phòng cháy 24/24 giờ "
            "trong mùa khô, cấm đốt nương trong những ngày cảnh báo cháy rừng cấp IV, cấp V và "
            "xử lý nghiêm người để xảy ra cháy rừng."
        ),
        age=520,
        lasts=200,
        articles=(
            "Mùa khô năm nay được dự báo kéo dài, nhiều diện tích rừng trồng và rừng phục hồi "
            "có nguy cơ cháy cao. Để chủ động phòng ngừa, Chủ tịch Ủy ban nhân dân huyện yêu "
            "cầu:",
            "1. Chủ tịch Ủy ban nhân dân các xã, thị trấn chịu trách nhiệm trước Chủ tịch Ủy "
            "ban nhân dân huyện nếu để xảy ra cháy rừng lớn trên địa bàn; kiện toàn ban chỉ đạo "
            "và tổ đội xung kích ở từng thôn, bản.",
            "2. Hạt Kiểm lâm huyện bố trí lực lượng trực 24/24 giờ tại các vùng trọng điểm, "
            "thông báo cấp dự báo cháy rừng hằng ngày trên hệ thống truyền thanh cơ sở.",
            "3. Trong những ngày có cảnh báo cháy rừng cấp IV, cấp V, nghiêm cấm đốt nương, đốt "
            "thực bì và mọi hình thức dùng lửa trong rừng và ven rừng.",
            "4. Công an huyện, Ban Chỉ huy Quân sự huyện sẵn sàng lực lượng, phương tiện hỗ trợ "
            "chữa cháy khi có yêu cầu; điều tra, xử lý nghiêm các trường hợp vi phạm.",
            "Chỉ thị này có hiệu lực kể từ ngày ký đến hết mùa khô. Các cơ quan, đơn vị và Ủy "
            "ban nhân dân các xã, thị trấn nghiêm túc thực hiện.",
        ),
    ),
    Sample(
        slug="thi-chon-hoc-sinh-gioi-lop-9-cap-huyen",
        kind="Kế hoạch",
        number="{n}/KH-PGDĐT",
        body=GDDT,
        signer=PTP_GDDT,
        fields=("Giáo dục",),
        title="Kế hoạch tổ chức kỳ thi chọn học sinh giỏi lớp 9 cấp huyện năm học {school_year}",
        summary=(
            "Tổ chức kỳ thi chọn học sinh giỏi lớp 9 cấp huyện ở tám môn văn hóa tại điểm thi "
            "Trường THCS thị trấn Vân Sơn; quy định đối tượng dự thi, lịch thi, thành phần hội "
            "đồng coi thi, chấm thi và kinh phí tổ chức."
        ),
        age=640,
        lasts=90,
    ),
    Sample(
        slug="giao-du-toan-ngan-sach-huyen",
        kind="Quyết định",
        number="{n}/QĐ-UBND",
        body=UBND,
        signer=CT_UBND,
        fields=("Tài chính",),
        title=(
            "Quyết định giao dự toán thu ngân sách nhà nước, chi ngân sách địa phương năm "
            "{plan_year}"
        ),
        summary=(
            "Giao chỉ tiêu dự toán thu ngân sách nhà nước trên địa bàn, chi ngân sách huyện và "
            "số bổ sung cân đối cho ngân sách các xã, thị trấn năm {plan_year} theo Nghị quyết của "
            "Hội đồng nhân dân huyện."
        ),
        age=480,
        lasts=YEAR_END,
        appendix=Appendix(
            "Phụ lục: Dự toán thu, chi ngân sách năm {plan_year}",
            "docx",
            paragraphs=(DATA_NOTE,),
            rows=(
                ("STT", "Nội dung", "Dự toán (triệu đồng)"),
                ("I", "Tổng thu ngân sách nhà nước trên địa bàn", "68.500"),
                ("1", "Thu từ doanh nghiệp và hộ kinh doanh", "21.300"),
                ("2", "Thu tiền sử dụng đất", "35.000"),
                ("3", "Thu phí, lệ phí và thu khác", "12.200"),
                ("II", "Tổng chi ngân sách huyện", "642.800"),
                ("1", "Chi đầu tư phát triển", "118.000"),
                ("2", "Chi thường xuyên", "512.400"),
                ("3", "Dự phòng ngân sách", "12.400"),
            ),
        ),
    ),
    Sample(
        slug="ket-qua-ra-soat-ho-ngheo-ho-can-ngheo",
        kind="Quyết định",
        number="{n}/QĐ-UBND",
        body=UBND,
        signer=PCT_BINH,
        fields=("Lao động – Xã hội",),
        title="Quyết định công nhận kết quả rà soát hộ nghèo, hộ cận nghèo năm {year}",
        summary=(
            "Công nhận kết quả rà soát hộ nghèo, hộ cận nghèo trên địa bàn huyện: còn 2.318 hộ "
            "nghèo (11,2%) và 1.904 hộ cận nghèo (9,2%); danh sách từng hộ do Ủy ban nhân dân "
            "các xã, thị trấn công khai tại nhà văn hóa thôn, tổ dân phố."
        ),
        age=170,
        articles=(
            "Điều 1. Công nhận kết quả rà soát hộ nghèo, hộ cận nghèo năm {year} trên địa bàn "
            "huyện Vân Sơn như sau:"
            "\n1. Tổng số hộ nghèo: 2.318 hộ, chiếm 11,2% tổng số hộ dân cư."
            "\n2. Tổng số hộ cận nghèo: 1.904 hộ, chiếm 9,2% tổng số hộ dân cư."
            "\nDanh sách chi tiết theo từng xã, thị trấn do Ủy ban nhân dân cấp xã quản lý và "
            "công khai.",
            "Điều 2. Kết quả rà soát là căn cứ thực hiện các chính sách giảm nghèo, an sinh xã "
            "hội năm tiếp theo. Phòng Nội vụ theo dõi, cập nhật biến động hộ nghèo, hộ cận nghèo "
            "trên phần mềm quản lý; Ủy ban nhân dân các xã, thị trấn cấp giấy chứng nhận cho "
            "các hộ theo quy định.",
            "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng HĐND và UBND "
            "huyện, Trưởng phòng Nội vụ, Chủ tịch Ủy ban nhân dân các xã, thị trấn và các hộ "
            "gia đình có tên trong danh sách chịu trách nhiệm thi hành Quyết định này.",
        ),
    ),
    Sample(
        slug="chuyen-doi-so-trong-co-quan-nha-nuoc",
        kind="Kế hoạch",
        number="{n}/KH-UBND",
        body=UBND,
        signer=CT_UBND,
        fields=("Cải cách hành chính",),
        title="Kế hoạch chuyển đổi số trong các cơ quan nhà nước huyện Vân Sơn",
        summary=(
            "Đặt mục tiêu toàn bộ văn bản giữa các cơ quan nhà nước của huyện được gửi, nhận "
            "dưới dạng điện tử, 80% hồ sơ thủ tục hành chính được tiếp nhận trực tuyến và mỗi "
            "thôn, bản có một tổ công nghệ số cộng đồng; phân công nhiệm vụ cho từng cơ quan, "
            "xã, thị trấn."
        ),
        age=600,
    ),
    Sample(
        slug="huong-dan-chuyen-doi-so-trong-truong-hoc",
        kind="Hướng dẫn",
        number="{n}/HD-PGDĐT",
        body=GDDT,
        signer=PTP_GDDT,
        fields=("Giáo dục", "Cải cách hành chính"),
        title=(
            "Hướng dẫn triển khai chuyển đổi số trong các trường mầm non, tiểu học và trung học "
            "cơ sở"
        ),
        summary=(
            "Hướng dẫn các trường sử dụng sổ điểm điện tử, học bạ số và thu học phí không dùng "
            "tiền mặt theo lộ trình của Kế hoạch số {target} của Ủy ban nhân dân huyện về chuyển "
            "đổi số trong các cơ quan nhà nước."
        ),
        age=560,
        acts_on=((RelationKind.GUIDES, "chuyen-doi-so-trong-co-quan-nha-nuoc"),),
    ),
    Sample(
        slug="tang-cuong-quan-ly-nha-nuoc-ve-dat-dai",
        kind="Chỉ thị",
        number="{n}/CT-UBND",
        body=UBND,
        signer=CT_UBND,
        fields=("Đất đai",),
        title=(
            "Chỉ thị về tăng cường quản lý nhà nước về đất đai và xử lý vi phạm trong sử dụng đất"
        ),
        summary=(
            "Yêu cầu rà soát, xử lý dứt điểm các trường hợp lấn chiếm đất công, chuyển mục đích "
            "sử dụng đất trái phép; công khai quy hoạch, kế hoạch sử dụng đất tại trụ sở Ủy ban "
            "nhân dân cấp xã và xác định trách nhiệm người đứng đầu khi để vi phạm kéo dài."
        ),
        age=545,
        articles=(
            "Thời gian qua, công tác quản lý đất đai trên địa bàn huyện có chuyển biến, song "
            "tình trạng lấn chiếm hành lang giao thông, tự ý chuyển đất nông nghiệp sang đất ở "
            "vẫn còn xảy ra tại một số xã. Để chấn chỉnh tình trạng trên, Chủ tịch Ủy ban nhân "
            "dân huyện yêu cầu:",
            "1. Ủy ban nhân dân các xã, thị trấn rà soát toàn bộ quỹ đất công, đất hành lang "
            "giao thông, lập danh sách các trường hợp vi phạm và phương án xử lý, hoàn thành "
            "trong 90 ngày kể từ ngày ký Chỉ thị này.",
            "2. Công khai quy hoạch, kế hoạch sử dụng đất và bảng giá đất tại trụ sở Ủy ban "
            "nhân dân cấp xã và nhà văn hóa thôn, tổ dân phố để người dân biết và giám sát.",
            "3. Phòng Nông nghiệp và Môi trường chủ trì kiểm tra định kỳ, tham mưu xử lý các vụ "
            "việc phức tạp; chưa giải quyết thủ tục đất đai đối với thửa đất đang có vi phạm "
            "chưa được xử lý.",
            "4. Người đứng đầu cơ quan, đơn vị, địa phương chịu trách nhiệm trước Chủ tịch Ủy "
            "ban nhân dân huyện nếu để xảy ra vi phạm mà không phát hiện, xử lý kịp thời.",
        ),
    ),
    Sample(
        slug="lanh-dao-tuyen-chon-goi-cong-dan-nhap-ngu",
        kind="Chỉ thị",
        number="{n}-CT/HU",
        body=HU,
        signer=BI_THU,
        fields=("Quốc phòng – An ninh",),
        title="Chỉ thị về lãnh đạo công tác tuyển chọn và gọi công dân nhập ngũ năm {next_year}",
        summary=(
            "Yêu cầu cấp ủy, chính quyền các cấp lãnh đạo chặt chẽ công tác tuyển chọn, gọi "
            "công dân nhập ngũ, bảo đảm đủ chỉ tiêu, đúng luật, công khai, dân chủ; quan tâm hỗ "
            "trợ việc làm cho quân nhân hoàn thành nghĩa vụ trở về địa phương."
        ),
        age=110,
    ),
    Sample(
        slug="nghi-quyet-phat-trien-vung-che-va-duoc-lieu",
        kind="Nghị quyết",
        number="{n}-NQ/HU",
        body=HU,
        signer=BI_THU,
        fields=("Nông nghiệp", "Tài nguyên – Môi trường"),
        title=(
            "Nghị quyết của Ban Chấp hành Đảng bộ huyện về phát triển vùng chè và dược liệu "
            "gắn với bảo vệ rừng"
        ),
        summary=(
            "Đặt mục tiêu đến cuối nhiệm kỳ toàn huyện có 1.500 ha chè tập trung, 600 ha cây "
            "dược liệu dưới tán rừng và ít nhất năm sản phẩm đạt chuẩn OCOP; đề ra các nhóm giải "
            "pháp về quy hoạch vùng nguyên liệu, liên kết tiêu thụ và đào tạo nghề cho nông dân."
        ),
        age=740,
    ),
    Sample(
        slug="so-ket-nghi-quyet-phat-trien-vung-che-va-duoc-lieu",
        kind="Báo cáo",
        number="{n}-BC/HU",
        body=HU,
        signer=PHO_BI_THU,
        fields=("Nông nghiệp",),
        title=(
            "Báo cáo sơ kết việc thực hiện Nghị quyết của Ban Chấp hành Đảng bộ huyện về phát "
            "triển vùng chè và dược liệu"
        ),
        summary=(
            "Sau hơn một năm thực hiện, toàn huyện trồng mới 210 ha chè và 145 ha cây dược liệu "
            "dưới tán rừng, thành lập thêm bốn hợp tác xã; còn khó khăn về giống và đầu ra sản "
            "phẩm. Báo cáo đề ra sáu nhiệm vụ trọng tâm cho thời gian tới."
        ),
        age=200,
        starts=None,
    ),
    Sample(
        slug="lich-tiep-cong-dan-dinh-ky",
        kind="Thông báo",
        number="{n}/TB-UBND",
        body=UBND,
        signer=CVP,
        fields=("Cải cách hành chính",),
        title=(
            "Thông báo lịch tiếp công dân định kỳ của lãnh đạo Ủy ban nhân dân huyện năm "
            "{plan_year}"
        ),
        summary=(
            "Chủ tịch Ủy ban nhân dân huyện tiếp công dân định kỳ vào ngày 15 hằng tháng, các "
            "Phó Chủ tịch tiếp vào thứ Năm tuần thứ hai và tuần thứ tư tại Trụ sở tiếp công dân "
            "huyện; ngày tiếp trùng ngày nghỉ thì chuyển sang ngày làm việc kế tiếp."
        ),
        age=130,
    ),
    Sample(
        slug="ket-luan-giai-phong-mat-bang-duong-khe-may-na-mo",
        kind="Thông báo",
        number="{n}/TB-UBND",
        body=UBND,
        signer=CVP,
        fields=("Đất đai", "Giao thông"),
        title=(
            "Thông báo kết luận của Phó Chủ tịch Ủy ban nhân dân huyện tại cuộc họp về tiến độ "
            "giải phóng mặt bằng đường Khe Mây – Nà Mơ"
        ),
        summary=(
            "Giao Ủy ban nhân dân xã Khe Mây, xã Nà Mơ phối hợp với Ban Quản lý dự án đầu tư "
            "xây dựng huyện hoàn thành kiểm đếm, lập phương án bồi thường cho 46 hộ còn lại; "
            "tổ chức đối thoại với các hộ chưa đồng thuận và báo cáo kết quả tại cuộc họp giao "
            "ban tuần."
        ),
        age=28,
    ),
    Sample(
        slug="bao-dam-an-toan-giao-thong-mua-mua-lu",
        kind="Công văn",
        number="{n}/UBND-KTHT",
        body=UBND,
        signer=PCT_CUONG,
        fields=("Giao thông",),
        title="Công văn về việc bảo đảm an toàn giao thông trong mùa mưa lũ",
        summary=(
            "Đề nghị các xã, thị trấn cắm biển cảnh báo, bố trí người canh gác tại các ngầm "
            "tràn, đoạn đường có nguy cơ sạt lở; Phòng Kinh tế và Hạ tầng chuẩn bị vật tư, máy "
            "móc để thông tuyến sớm nhất khi có sự cố."
        ),
        age=85,
        starts=None,
    ),
    Sample(
        slug="day-manh-giai-quyet-thu-tuc-hanh-chinh-truc-tuyen",
        kind="Công văn",
        number="{n}/UBND-VP",
        body=UBND,
        signer=PCT_BINH,
        fields=("Cải cách hành chính",),
        title=(
            "Công văn về việc đẩy mạnh tiếp nhận, giải quyết hồ sơ thủ tục hành chính trực tuyến"
        ),
        summary=(
            "Yêu cầu bộ phận một cửa cấp huyện và cấp xã hướng dẫn người dân nộp hồ sơ trực "
            "tuyến, bố trí máy tính tra cứu và công chức hỗ trợ tại chỗ; số hóa kết quả giải "
            "quyết và không yêu cầu người dân nộp lại giấy tờ đã có trong cơ sở dữ liệu."
        ),
        age=210,
        starts=None,
    ),
    Sample(
        slug="phong-chong-ret-dam-ret-hai",
        kind="Công văn",
        number="{n}/UBND-NNMT",
        body=UBND,
        signer=PCT_CUONG,
        fields=("Nông nghiệp",),
        title=("Công văn về việc chủ động phòng, chống rét đậm, rét hại cho cây trồng, vật nuôi"),
        summary=(
            "Đề nghị các xã vận động người dân che chắn chuồng trại, dự trữ thức ăn cho trâu, "
            "bò; không thả rông gia súc trên núi cao khi nhiệt độ xuống dưới 12 độ C và chỉ gieo "
            "mạ vụ Xuân khi thời tiết ấm trở lại."
        ),
        age=310,
        starts=None,
    ),
    Sample(
        slug="tinh-hinh-kinh-te-xa-hoi-sau-thang-dau-nam",
        kind="Báo cáo",
        number="{n}/BC-UBND",
        body=UBND,
        signer=CT_UBND,
        fields=("Kế hoạch – Đầu tư", "Tài chính"),
        title=(
            "Báo cáo tình hình thực hiện nhiệm vụ phát triển kinh tế – xã hội sáu tháng đầu năm "
            "{half_year}"
        ),
        summary=(
            "Thu ngân sách trên địa bàn đạt 58% dự toán, kiên cố hóa 14 km đường giao thông nông "
            "thôn, 71% hồ sơ thủ tục hành chính được nộp trực tuyến; báo cáo chỉ ra vướng mắc "
            "trong giải phóng mặt bằng và đề ra nhiệm vụ sáu tháng cuối năm."
        ),
        age=195,
        starts=None,
        appendix=Appendix(
            "Phụ lục: Một số chỉ tiêu chủ yếu sáu tháng đầu năm {half_year}",
            "docx",
            paragraphs=(DATA_NOTE,),
            rows=(
                ("STT", "Chỉ tiêu", "Đơn vị", "Kế hoạch năm", "Thực hiện 6 tháng", "Tỷ lệ (%)"),
                ("1", "Diện tích gieo trồng cây hằng năm", "ha", "9.800", "5.210", "53,2"),
                ("2", "Sản lượng lương thực có hạt", "tấn", "31.500", "14.900", "47,3"),
                (
                    "3",
                    "Thu ngân sách nhà nước trên địa bàn",
                    "triệu đồng",
                    "68.500",
                    "39.730",
                    "58,0",
                ),
                ("4", "Đường giao thông nông thôn được kiên cố hóa", "km", "25", "14", "56,0"),
                ("5", "Hồ sơ thủ tục hành chính nộp trực tuyến", "%", "80", "71", "88,8"),
            ),
        ),
    ),
    Sample(
        slug="to-trinh-nhiem-vu-phat-trien-kinh-te-xa-hoi",
        kind="Tờ trình",
        number="{n}/TTr-UBND",
        body=UBND,
        signer=CT_UBND,
        fields=("Kế hoạch – Đầu tư",),
        title=(
            "Tờ trình đề nghị ban hành Nghị quyết về nhiệm vụ phát triển kinh tế – xã hội năm "
            "{plan_year}"
        ),
        summary=(
            "Ủy ban nhân dân huyện trình Hội đồng nhân dân huyện dự thảo Nghị quyết với 18 chỉ "
            "tiêu chủ yếu, trong đó giá trị sản xuất tăng 7,5%, tỷ lệ hộ nghèo giảm 2,5 điểm "
            "phần trăm và tỷ lệ che phủ rừng đạt 62%."
        ),
        age=52,
        starts=None,
    ),
    Sample(
        slug="nhiem-vu-phat-trien-kinh-te-xa-hoi",
        kind="Nghị quyết",
        number="{n}/NQ-HĐND",
        body=HDND,
        signer=CT_HDND,
        fields=("Kế hoạch – Đầu tư",),
        title="Nghị quyết về nhiệm vụ phát triển kinh tế – xã hội năm {plan_year}",
        summary=(
            "Thông qua 18 chỉ tiêu chủ yếu: giá trị sản xuất tăng 7,5%, thu ngân sách trên địa "
            "bàn 72 tỷ đồng, tỷ lệ hộ nghèo giảm 2,5 điểm phần trăm, tỷ lệ che phủ rừng đạt "
            "62%; giao Ủy ban nhân dân huyện tổ chức thực hiện."
        ),
        age=38,
    ),
    Sample(
        slug="dieu-chinh-ke-hoach-dau-tu-cong-trung-han",
        kind="Nghị quyết",
        number="{n}/NQ-HĐND",
        body=HDND,
        signer=PCT_HDND,
        fields=("Kế hoạch – Đầu tư", "Giao thông"),
        title="Nghị quyết điều chỉnh kế hoạch đầu tư công trung hạn của huyện Vân Sơn",
        summary=(
            "Điều chỉnh kế hoạch đầu tư công trung hạn nguồn ngân sách huyện, ưu tiên vốn cho "
            "tuyến đường Khe Mây – Nà Mơ, các điểm trường lẻ và công trình nước sạch ở thôn, bản "
            "đặc biệt khó khăn; cắt giảm vốn của bốn dự án chưa đủ thủ tục đầu tư."
        ),
        age=245,
    ),
    Sample(
        slug="danh-gia-xep-loai-can-bo-cong-chuc-cap-xa",
        kind="Hướng dẫn",
        number="{n}/HD-PNV",
        body=NOI_VU,
        signer=TP_NOI_VU,
        fields=("Nội vụ",),
        title="Hướng dẫn đánh giá, xếp loại chất lượng cán bộ, công chức cấp xã năm {year}",
        summary=(
            "Hướng dẫn trình tự tự đánh giá, nhận xét và xếp loại chất lượng cán bộ, công chức "
            "xã, thị trấn theo bốn mức; tiêu chí đánh giá gắn với kết quả thực hiện nhiệm vụ "
            "được giao và thời hạn gửi hồ sơ về Phòng Nội vụ."
        ),
        age=62,
    ),
    Sample(
        slug="tuyen-sinh-lop-1-lop-6",
        kind="Kế hoạch",
        number="{n}/KH-PGDĐT",
        body=GDDT,
        signer=TP_GDDT,
        fields=("Giáo dục", "Dân tộc"),
        title="Kế hoạch tuyển sinh vào lớp 1 và lớp 6 năm học {next_school_year}",
        summary=(
            "Tuyển sinh lớp 1 và lớp 6 theo phương thức xét tuyển, đúng tuyến theo nơi cư trú; "
            "nhận hồ sơ trực tuyến và trực tiếp tại trường; học sinh thuộc hộ nghèo, học sinh "
            "dân tộc thiểu số ở thôn đặc biệt khó khăn được ưu tiên vào học bán trú."
        ),
        age=115,
        appendix=Appendix(
            "Mẫu đơn xin nhập học lớp 1",
            "docx",
            paragraphs=(
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập – Tự do – Hạnh phúc",
                "ĐƠN XIN NHẬP HỌC LỚP 1",
                "Kính gửi: Hiệu trưởng Trường Tiểu học ................................",
                "Họ và tên cha, mẹ hoặc người giám hộ: ................................",
                "Nơi cư trú: ...........................................................",
                "Số điện thoại liên hệ: ................................................",
                "Đề nghị nhà trường tiếp nhận cháu: ...................................",
                "Ngày sinh: .................. Dân tộc: .................. Giới tính: ......",
                "Tôi cam kết cùng nhà trường chăm lo việc học tập của cháu.",
                "Người làm đơn (ký và ghi rõ họ tên)",
            ),
        ),
    ),
    Sample(
        slug="tong-ket-nam-hoc-nganh-giao-duc",
        kind="Báo cáo",
        number="{n}/BC-PGDĐT",
        body=GDDT,
        signer=PTP_GDDT,
        fields=("Giáo dục",),
        title="Báo cáo tổng kết năm học {past_school_year} của ngành Giáo dục và Đào tạo huyện",
        summary=(
            "Toàn huyện có 41 trường với hơn 19.600 học sinh; 98,7% học sinh lớp 9 được công "
            "nhận tốt nghiệp; thêm ba trường đạt chuẩn quốc gia. Báo cáo nêu tình trạng thiếu "
            "giáo viên tiếng Anh, tin học ở các điểm trường lẻ và giải pháp cho năm học mới."
        ),
        age=340,
        starts=None,
    ),
    Sample(
        slug="sau-benh-hai-lua-vu-mua",
        kind="Thông báo",
        number="{n}/TB-NNMT",
        body=NNMT,
        signer=TP_NNMT,
        fields=("Nông nghiệp",),
        title="Thông báo tình hình sâu bệnh hại lúa vụ Mùa và biện pháp phòng trừ",
        summary=(
            "Rầy nâu, sâu cuốn lá nhỏ và bệnh đạo ôn cổ bông phát sinh trên diện rộng tại các "
            "xã Phúc Hòa, Khe Mây; khuyến cáo nông dân thăm đồng thường xuyên, chỉ phun thuốc "
            "khi mật độ sâu, rầy vượt ngưỡng và tuân thủ nguyên tắc bốn đúng."
        ),
        age=75,
        lasts=40,
    ),
    Sample(
        slug="quy-che-nha-van-hoa-to-dan-pho",
        kind="Quyết định",
        number="{n}/QĐ-UBND",
        body=THI_TRAN,
        signer=CT_THI_TRAN,
        fields=("Văn hóa",),
        title=(
            "Quyết định ban hành Quy chế quản lý và sử dụng nhà văn hóa các tổ dân phố thị trấn "
            "Vân Sơn"
        ),
        summary=(
            "Quy định việc giao nhà văn hóa cho tổ dân phố quản lý, thời gian mở cửa, việc cho "
            "mượn để tổ chức hoạt động cộng đồng và đóng góp chi phí điện, nước, vệ sinh; nghiêm "
            "cấm sử dụng nhà văn hóa vào mục đích kinh doanh."
        ),
        age=470,
        articles=(
            "Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý và sử dụng nhà văn hóa "
            "các tổ dân phố thị trấn Vân Sơn.",
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký. Tổ trưởng tổ dân phố niêm yết "
            "Quy chế tại nhà văn hóa và phổ biến đến các hộ gia đình.",
            "Điều 3. Công chức Văn hóa – Xã hội, Kế toán ngân sách thị trấn, các tổ trưởng tổ "
            "dân phố và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định "
            "này.",
        ),
    ),
    Sample(
        slug="ra-quan-lam-duong-giao-thong-nong-thon-khe-may",
        kind="Kế hoạch",
        number="{n}/KH-UBND",
        body=KHE_MAY,
        signer=CT_KHE_MAY,
        fields=("Giao thông",),
        title="Kế hoạch ra quân làm đường giao thông nông thôn xã Khe Mây",
        summary=(
            "Vận động nhân dân chín thôn góp ngày công, hiến đất để bê tông hóa 3,2 km đường "
            "trục thôn; xã hỗ trợ xi măng, ống cống và máy trộn, phấn đấu hoàn thành trước mùa "
            "mưa."
        ),
        age=215,
    ),
    Sample(
        slug="cong-khai-du-toan-ngan-sach-xa-phuc-hoa",
        kind="Thông báo",
        number="{n}/TB-UBND",
        body=PHUC_HOA,
        signer=CT_PHUC_HOA,
        fields=("Tài chính",),
        title="Thông báo công khai dự toán ngân sách xã Phúc Hòa năm {plan_year}",
        summary=(
            "Công khai dự toán thu, chi ngân sách xã năm {plan_year} đã được Hội đồng nhân dân xã "
            "quyết định: tổng thu và tổng chi cùng 9.460 triệu đồng; người dân góp ý qua bộ "
            "phận một cửa hoặc hộp thư góp ý tại trụ sở Ủy ban nhân dân xã."
        ),
        age=385,
        appendix=Appendix(
            "Biểu công khai dự toán ngân sách xã năm {plan_year}",
            "docx",
            paragraphs=(DATA_NOTE,),
            rows=(
                ("STT", "Nội dung", "Dự toán (triệu đồng)"),
                ("A", "Tổng thu ngân sách xã", "9.460"),
                ("1", "Thu ngân sách xã hưởng theo phân cấp", "1.120"),
                ("2", "Thu bổ sung cân đối từ ngân sách huyện", "8.340"),
                ("B", "Tổng chi ngân sách xã", "9.460"),
                ("1", "Chi đầu tư phát triển", "850"),
                ("2", "Chi thường xuyên", "8.420"),
                ("3", "Dự phòng ngân sách", "190"),
            ),
        ),
    ),
    Sample(
        slug="to-cong-nghe-so-cong-dong-xa-na-mo",
        kind="Quyết định",
        number="{n}/QĐ-UBND",
        body=NA_MO,
        signer=PCT_NA_MO,
        fields=("Cải cách hành chính",),
        title="Quyết định thành lập Tổ công nghệ số cộng đồng tại các thôn, bản xã Nà Mơ",
        summary=(
            "Thành lập tám tổ công nghệ số cộng đồng, mỗi tổ từ ba đến năm thành viên gồm trưởng "
            "thôn, đoàn viên thanh niên và công an viên, để hướng dẫn người dân dùng định danh "
            "điện tử, nộp hồ sơ trực tuyến và thanh toán không dùng tiền mặt."
        ),
        age=265,
    ),
    Sample(
        slug="phoi-hop-quan-ly-trat-tu-xay-dung",
        kind="Quyết định",
        number="{n}/{year}/QĐ-UBND",
        body=UBND,
        signer=PCT_CUONG,
        fields=("Xây dựng",),
        title=(
            "Quyết định ban hành Quy chế phối hợp quản lý trật tự xây dựng trên địa bàn huyện "
            "Vân Sơn"
        ),
        summary=(
            "Quy định trách nhiệm phối hợp giữa Phòng Kinh tế và Hạ tầng, Đội Quản lý trật tự "
            "đô thị và Ủy ban nhân dân các xã, thị trấn trong kiểm tra, phát hiện, xử lý công "
            "trình xây dựng không phép, sai phép; thời hạn trao đổi thông tin và trách nhiệm của "
            "người đứng đầu."
        ),
        age=3,
        starts=12,
        articles=(
            "Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp quản lý trật tự xây dựng "
            "trên địa bàn huyện Vân Sơn.",
            "Điều 2. Quyết định này có hiệu lực kể từ {effective}.",
            "Điều 3. Chánh Văn phòng HĐND và UBND huyện, Trưởng phòng Kinh tế và Hạ tầng, Chủ "
            "tịch Ủy ban nhân dân các xã, thị trấn và các tổ chức, cá nhân có liên quan chịu "
            "trách nhiệm thi hành Quyết định này.",
        ),
    ),
    Sample(
        slug="ho-tro-tien-an-trua-hoc-sinh-ban-tru",
        kind="Nghị quyết",
        number="{n}/{year}/NQ-HĐND",
        body=HDND,
        signer=CT_HDND,
        fields=("Giáo dục", "Dân tộc"),
        title=(
            "Nghị quyết quy định mức hỗ trợ tiền ăn trưa cho học sinh bán trú tại các điểm "
            "trường vùng cao"
        ),
        summary=(
            "Hỗ trợ thêm 200.000 đồng mỗi tháng tiền ăn trưa cho học sinh tiểu học, trung học "
            "cơ sở ở bán trú tại các điểm trường thuộc xã đặc biệt khó khăn, tối đa chín tháng "
            "mỗi năm học, ngoài chế độ theo quy định chung."
        ),
        age=7,
        starts=15,
    ),
    # Never published: shows editors that a secret document stays a draft.
    Sample(
        slug="bao-ve-an-ninh-muc-tieu-trong-diem-ban-nhap",
        kind="Kế hoạch",
        number="{n}/KH-UBND",
        body=UBND,
        signer=CT_UBND,
        fields=("Quốc phòng – An ninh",),
        title="Kế hoạch bảo vệ an ninh, trật tự các mục tiêu trọng điểm (bản nháp)",
        summary=(
            "Văn bản mẫu có độ mật “Mật”, để ở dạng bản nháp: cổng thông tin không cho xuất bản "
            "văn bản mật, kể cả khi biên tập viên bấm Xuất bản."
        ),
        age=20,
        security_level=SecurityLevel.CONFIDENTIAL,
    ),
)


# --- Numbers and dates --------------------------------------------------------------------


# Markers of a number series and about how many documents of it the UBND huyện would
# issue in a year (other bodies: scaled by Body.scale); the first marker found counts.
SERIES_VOLUMES = (
    ("{year}", 25),  # legal normative documents
    ("-NQ/", 30),  # resolutions and directives of the Party committee
    ("-CT/", 30),
    ("/CT-", 15),  # directives of the people's committee
    ("/QĐ-", 2500),  # individual decisions
    ("/UBND-", 2500),  # letters (công văn)
)


def yearly_volume(sample: Sample) -> int:
    """About how many documents of this number series its body issues a year."""
    base = next((volume for marker, volume in SERIES_VOLUMES if marker in sample.number), 300)
    return max(5, round(base * sample.body.scale))


def plan_year(day: datetime.date) -> int:
    """The year a plan, budget or programme issued that day is for: from October on, the
    next year (the way budgets and yearly plans are adopted at the end of a year)."""
    return day.year + 1 if day.month >= 10 else day.year


def issue_date(sample: Sample, today: datetime.date) -> datetime.date:
    """The day the sample was issued, counted back from today."""
    return today - datetime.timedelta(days=sample.age)


def effective_date(sample: Sample, today: datetime.date) -> datetime.date | None:
    """The day the sample takes effect, if it states one."""
    if sample.starts is None:
        return None
    return issue_date(sample, today) + datetime.timedelta(days=sample.starts)


def expiry_date(sample: Sample, today: datetime.date) -> datetime.date | None:
    """The day the sample stops being in force, if it states one (after it takes effect)."""
    effective = effective_date(sample, today)
    if sample.lasts is None or effective is None:
        return None
    if sample.lasts == YEAR_END:
        return datetime.date(plan_year(effective) + 1, 1, 1)
    return effective + datetime.timedelta(days=sample.lasts)


def make_number(sample: Sample, issued: datetime.date, taken: set) -> str:
    """A number in the sample's series, as its body would have reached by that day.

    `taken` holds (body name, number key) pairs already used; the new one is added.
    """
    day = issued.timetuple().tm_yday
    n = 1 + (day - 1) * yearly_volume(sample) // 366
    while True:
        number = sample.number.format(n=f"{n:02d}", year=issued.year)
        key = (sample.body.name, number_key(number))
        if key not in taken:
            taken.add(key)
            return number
        n += 1


def long_date(day: datetime.date) -> str:
    """ "ngày 05 tháng 3 năm 2025", the way documents write dates (zero-padded day, and
    month when it is January or February)."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def school_year(day: datetime.date, ahead: int = 0) -> str:
    """The school year (from September) that day falls in, or `ahead` years later."""
    start = (day.year if day.month >= 9 else day.year - 1) + ahead
    return f"{start}–{start + 1}"


def text_context(sample: Sample, today: datetime.date, target=None) -> dict:
    """The values a sample's texts refer to; `target` is the page it acts on, if any.

    Years depend on the (moving) date of issue: `plan_year` is the year a yearly plan is
    for, `half_year` the year of the latest first half-year a report can cover (from May
    on, the current one) and `past_school_year` the latest school year that has ended (at
    the end of May).
    """
    issued = issue_date(sample, today)
    effective = effective_date(sample, today) or issued
    ended = issued.year if issued.month >= 6 else issued.year - 1
    return {
        "year": issued.year,
        "next_year": issued.year + 1,
        "plan_year": plan_year(issued),
        "half_year": issued.year if issued.month >= 5 else issued.year - 1,
        "school_year": school_year(issued),
        "past_school_year": f"{ended - 1}–{ended}",
        "next_school_year": school_year(issued, ahead=1),
        "effective": long_date(effective),
        "target": target.number if target else "",
        "target_date": long_date(target.issued_on) if target else "",
    }


# --- Attachments ----------------------------------------------------------------------------

# Widths of ASCII 32–126 in the standard Helvetica fonts (thousandths of the font size).
_HELVETICA = (
    "278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278 556 556 556 556 556 556 "
    "556 556 556 556 278 278 584 584 584 556 1015 667 667 722 722 667 611 778 722 278 500 667 "
    "556 833 722 778 667 778 722 667 611 722 667 944 667 667 611 278 278 278 469 556 333 556 "
    "556 500 556 556 278 556 556 222 222 500 222 833 556 556 556 556 333 500 278 556 500 722 "
    "500 500 500 334 260 334 584"
)
_HELVETICA_BOLD = (
    "278 333 474 556 556 889 722 238 333 333 389 584 278 333 278 278 556 556 556 556 556 556 "
    "556 556 556 556 333 333 584 584 584 611 975 722 722 722 722 667 611 778 722 278 556 722 "
    "611 833 722 778 667 778 722 667 611 722 667 944 667 667 611 333 278 333 584 556 333 556 "
    "611 556 611 556 333 611 611 278 278 556 278 889 611 611 611 611 389 556 333 611 556 778 "
    "556 556 500 389 280 389 584"
)
WIDTHS = {
    "F1": [int(w) for w in _HELVETICA.split()],
    "F2": [int(w) for w in _HELVETICA_BOLD.split()],
    "F3": [int(w) for w in _HELVETICA.split()],  # Helvetica-Oblique: same widths
}
FONTS = {"F1": "Helvetica", "F2": "Helvetica-Bold", "F3": "Helvetica-Oblique"}
PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
LEFT, RIGHT, TOP, BOTTOM = 70, 540, 790, 70
PDF_NOTE = (
    "Ban mau cua cong thong tin huyen Van Son (du lieu hu cau). Tep PDF viet tieng Viet "
    "khong dau; toan van co dau xem tren trang van ban."
)
_PUNCTUATION = str.maketrans({"–": "-", "—": "-", "“": '"', "”": '"', "‘": "'", "’": "'"})


def pdf_text(text: str) -> str:
    """ASCII for the standard PDF fonts: Vietnamese folded, keeping capitals, other marks
    dropped ("ỦY BAN" → "UY BAN"; fold_vietnamese alone lower-cases accented capitals)."""
    text = "".join(fold_vietnamese(c).upper() if c.isupper() else c for c in text)
    text = fold_vietnamese(text).translate(_PUNCTUATION)
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if 32 <= ord(c) < 127 or c == "\n")


def text_width(text: str, font: str, size: float) -> float:
    """The width in points of ASCII text in one of the standard fonts."""
    widths = WIDTHS[font]
    return sum(widths[ord(c) - 32] for c in text) * size / 1000


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy line breaking of ASCII text into lines at most `width` points wide."""
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if line and text_width(candidate, font, size) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines


class PdfSheet:
    """Lays ASCII text out on A4 pages with the standard Helvetica fonts."""

    def __init__(self):
        """Starts with one empty page."""
        self.pages: list[list[str]] = [[]]
        self.y = TOP

    def put(self, x: float, y: float, text: str, font: str = "F1", size: float = 11) -> None:
        """Writes one line of text with its baseline starting at (x, y)."""
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        self.pages[-1].append(f"BT /{font} {size} Tf {x:.1f} {y:.1f} Td ({escaped}) Tj ET")

    def rule(self, x1: float, x2: float, y: float) -> None:
        """A thin horizontal line."""
        self.pages[-1].append(f"0.6 w {x1:.1f} {y:.1f} m {x2:.1f} {y:.1f} l S")

    def column(self, lines, box, y: float, size: float = 10.5) -> float:
        """Centred (text, font) lines in box = (x0, x1) from y down; returns the next y."""
        x0, x1 = box
        for text, font in lines:
            for line in wrap(pdf_text(text), font, size, x1 - x0):
                self.put((x0 + x1 - text_width(line, font, size)) / 2, y, line, font, size)
                y -= size * 1.35
        return y

    def paragraph(
        self, text: str, font="F1", size=11.0, align="left", space=5.0, box=(LEFT, RIGHT)
    ) -> None:
        """A wrapped paragraph at the current position, breaking pages as needed."""
        x0, x1 = box
        for line in wrap(pdf_text(text), font, size, x1 - x0):
            if self.y < BOTTOM + size:
                self.pages.append([])
                self.y = TOP
            x = x0
            if align == "center":
                x = (x0 + x1 - text_width(line, font, size)) / 2
            self.put(x, self.y, line, font, size)
            self.y -= size * 1.4
        self.y -= space

    def skip(self, points: float) -> None:
        """Vertical space."""
        self.y -= points

    def render(self, title: str) -> bytes:
        """The finished PDF, with the sample note and page numbers at the foot of pages."""
        count = len(self.pages)
        streams = []
        for number, ops in enumerate(self.pages, start=1):
            foot = PdfSheet()
            foot.pages[-1].append("0.35 g")
            foot.column([(PDF_NOTE, "F3")], (LEFT, RIGHT), 48, size=7.5)
            foot.put(RIGHT - 40, 30, f"Trang {number}/{count}", "F3", 7.5)
            streams.append("\n".join(ops + foot.pages[-1]).encode("ascii"))
        return build_pdf(streams, title)


def build_pdf(streams: list[bytes], title: str) -> bytes:
    """A PDF 1.4 file whose pages draw the given content streams."""
    fonts = [
        f"<< /Type /Font /Subtype /Type1 /BaseFont /{base} /Encoding /WinAnsiEncoding >>"
        for base in FONTS.values()
    ]
    first_page = 4 + len(fonts)
    kids = " ".join(f"{first_page + 2 * i} 0 R" for i in range(len(streams)))
    font_refs = " ".join(f"/{name} {3 + i} 0 R" for i, name in enumerate(FONTS))
    title_hex = ("\ufeff" + title).encode("utf-16-be").hex().upper()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {len(streams)} >>".encode(),
        *(font.encode() for font in fonts),
        f"<< /Title <{title_hex}> /Producer (Cong thong tin huyen Van Son) >>".encode(),
    ]
    for i, stream in enumerate(streams):
        packed = zlib.compress(stream)
        page = (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
            f"/Resources << /Font << {font_refs} >> >> /Contents {first_page + 2 * i + 1} 0 R >>"
        )
        objects.append(page.encode())
        objects.append(
            f"<< /Length {len(packed)} /Filter /FlateDecode >>\nstream\n".encode()
            + packed
            + b"\nendstream"
        )
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {3 + len(fonts)} 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def _header(sheet: PdfSheet, body: Body, number: str, issued: datetime.date, secret: bool):
    """The two header columns: issuer and number on the left, motto and date on the right."""
    left, right = (LEFT - 20, LEFT + 200), (LEFT + 190, RIGHT + 20)
    lines = [
        (line, "F2" if i == len(body.header) - 1 else "F1") for i, line in enumerate(body.header)
    ]
    y_left = sheet.column(lines, left, TOP)
    if not body.party:
        middle = (left[0] + left[1]) / 2
        sheet.rule(middle - 30, middle + 30, y_left + 10)
    y_left = sheet.column(
        [(f"Số {number}" if body.party else f"Số: {number}", "F1")], left, y_left - 4
    )
    if secret:
        y_left = sheet.column([("MẬT", "F2")], left, y_left - 4, size=13)
    if body.party:
        motto = [("ĐẢNG CỘNG SẢN VIỆT NAM", "F2")]
    else:
        motto = [
            ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "F2"),
            ("Độc lập - Tự do - Hạnh phúc", "F2"),
        ]
    y_right = sheet.column(motto, right, TOP)
    middle = (right[0] + right[1]) / 2
    sheet.rule(middle - 80, middle + 80, y_right + 10)
    y_right = sheet.column([(f"{body.place}, {long_date(issued)}", "F3")], right, y_right - 4)
    sheet.y = min(y_left, y_right) - 18


def _signature(sheet: PdfSheet, body: Body, signer: Signer) -> None:
    """ "Nơi nhận" on the left and the signature block on the right."""
    if signer.on_behalf:
        lines = [signer.on_behalf]
    elif body.party:
        lines = [body.collective]
    elif signer.title.startswith("Phó"):
        lines = [f"KT. {body.chief}"]
    else:
        lines = [body.collective] if body.collective else []
    lines = [(line, "F2") for line in [*lines, signer.title.upper()]]
    lines += [("(Đã ký)", "F3"), ("", "F1"), (signer.name, "F2")]
    if sheet.y < BOTTOM + 120:
        sheet.pages.append([])
        sheet.y = TOP
    top = sheet.y - 10
    sheet.column(lines, (LEFT + 230, RIGHT), top, size=11)
    received = [("Nơi nhận:", "F2"), ("- Như trên;", "F1"), ("- Lưu: VT.", "F1")]
    for i, (text, font) in enumerate(received):
        sheet.put(LEFT, top - i * 12, pdf_text(text), font, 9)
    sheet.y = top - 120


def document_pdf(page: LegalDocumentPage, sample: Sample, articles: list[str]) -> bytes:
    """The document itself: header, name, summary (trích yếu), articles and signature."""
    sheet = PdfSheet()
    secret = sample.security_level != SecurityLevel.NORMAL
    _header(sheet, sample.body, page.number, page.issued_on, secret)
    sheet.paragraph(sample.kind.upper(), "F2", 14, align="center", space=2)
    name = page.title
    if name.startswith(sample.kind):
        name = name[len(sample.kind) :].strip()
        name = name[:1].upper() + name[1:]
    sheet.paragraph(name, "F2", 12, align="center", space=14, box=(LEFT + 30, RIGHT - 30))
    sheet.paragraph(f"Trích yếu: {page.summary}", "F3", 11, space=10)
    if page.effective_on:
        sheet.paragraph(f"Ngày có hiệu lực: {page.effective_on:%d/%m/%Y}", "F1", 10, space=2)
    if page.expires_on:
        sheet.paragraph(f"Ngày hết hiệu lực: {page.expires_on:%d/%m/%Y}", "F1", 10, space=2)
    sheet.skip(8)
    for article in articles:
        first, *rest = article.split("\n")
        sheet.paragraph(first, "F2" if rest else "F1", 11, space=3 if rest else 6)
        for line in rest:
            sheet.paragraph(line, "F1", 11, space=3)
        sheet.skip(3)
    _signature(sheet, sample.body, sample.signer)
    return sheet.render(f"{sample.kind} {page.number}: {page.title}")


def appendix_pdf(page: LegalDocumentPage, sample: Sample, appendix: Appendix, title: str) -> bytes:
    """An appendix as PDF: the document's header, the appendix title and its paragraphs."""
    sheet = PdfSheet()
    _header(sheet, sample.body, page.number, page.issued_on, False)
    sheet.paragraph(title, "F2", 13, align="center", space=4)
    sheet.paragraph(
        f"(Kèm theo {sample.kind} số {page.number} {long_date(page.issued_on)})",
        "F3",
        10.5,
        align="center",
        space=16,
    )
    for paragraph in appendix.paragraphs:
        sheet.paragraph(paragraph, "F1", 11, space=6)
    return sheet.render(title)


def build_docx(title: str, subtitle: str, paragraphs=(), rows=()) -> bytes:
    """A minimal valid DOCX: centred title and subtitle, paragraphs, then a bordered table."""

    def run(text, bold=False, italic=False):
        """One run of text in the document font (13 pt Times New Roman)."""
        # Children of w:rPr in the order the schema requires.
        props = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>'
        props += ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "") + '<w:sz w:val="26"/>'
        return f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'

    def para(text, bold=False, italic=False, center=False):
        """A paragraph of one run."""
        align = '<w:pPr><w:jc w:val="center"/></w:pPr>' if center else ""
        return f"<w:p>{align}{run(text, bold, italic)}</w:p>"

    body = [para(title, bold=True, center=True), para(subtitle, italic=True, center=True)]
    body += [para(text) for text in paragraphs]
    if rows:
        # 9071 twips between the margins; a narrow first column for the row number.
        first = 700 if rows[0][0] == "STT" else 9071 // len(rows[0])
        widths = [first] + [(9071 - first) // (len(rows[0]) - 1)] * (len(rows[0]) - 1)
        borders = "".join(
            f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
            for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
        table = [
            f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
            f"<w:tblBorders>{borders}</w:tblBorders></w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
        ]
        for index, row in enumerate(rows):
            cells = "".join(
                f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
                f"{para(cell, bold=index == 0)}</w:tc>"
                for cell, width in zip(row, widths, strict=True)
            )
            table.append(f"<w:tr>{cells}</w:tr>")
        table.append("</w:tbl><w:p/>")  # Word expects a paragraph after a table
        body.append("".join(table))
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{''.join(body)}"
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" '
        'w:bottom="1134" w:left="1701" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>'
        "</w:body></w:document>"
    )
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    relationships = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in (
            ("[Content_Types].xml", content_types),
            ("_rels/.rels", relationships),
            ("word/document.xml", document),
        ):
            entry = zipfile.ZipInfo(name, (2025, 1, 1, 0, 0, 0))
            archive.writestr(entry, text, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def file_stem(kind: str, number: str) -> str:
    """ "Quyết định 15-2024-QĐ-UBND": a file name for a document (no slashes)."""
    return f"{kind} {number.replace('/', '-')}"


def attachments_for(page: LegalDocumentPage, sample: Sample, context: dict, articles: list[str]):
    """The attachments of a new sample page: the document as PDF, and its appendix."""
    stem = file_stem(sample.kind, page.number)
    files = [
        (
            f"Toàn văn {sample.kind.lower()} số {page.number}",
            f"{stem}.pdf",
            document_pdf(page, sample, articles),
        )
    ]
    appendix = sample.appendix
    if appendix:
        title = appendix.title.format(**context)
        if appendix.extension == "docx":
            subtitle = f"(Kèm theo {sample.kind} số {page.number} {long_date(page.issued_on)})"
            data = build_docx(title, subtitle, appendix.paragraphs, appendix.rows)
        else:
            data = appendix_pdf(page, sample, appendix, title)
        files.append((title, f"Phụ lục kèm theo {stem}.{appendix.extension}", data))
    return [
        LegalDocumentAttachment(file=File(io.BytesIO(data), name=name), title=title)
        for title, name, data in files
    ]


# --- Pages ----------------------------------------------------------------------------------


def rich_text(articles: list[str]) -> str:
    """Full text HTML: one paragraph a line; the heading line of an article in bold."""
    html = []
    for article in articles:
        first, *rest = article.split("\n")
        html.append(f"<p><b>{escape(first)}</b></p>" if rest else f"<p>{escape(first)}</p>")
        html.extend(f"<p>{escape(line)}</p>" for line in rest)
    return "".join(html)


def ensure_terms(model, names) -> tuple[dict, int]:
    """The controlled list entries with these names (created in order if missing), by name,
    and how many were created. An entry an admin renamed is found by its slug."""
    terms, created = {}, 0
    for position, name in enumerate(names, start=1):
        slug = vietnamese_slugify(name)[:80]
        term = model.objects.filter(Q(name=name) | Q(slug=slug)).first()
        if term is None:
            term = model.objects.create(name=name, slug=slug, sort_order=position * 10)
            created += 1
        terms[name] = term
    return terms, created


def create_document(index, sample: Sample, number: str, terms: dict, pages: dict, today):
    """Adds one sample document under the index (published, unless it is secret)."""
    targets = [(kind, pages[slug]) for kind, slug in sample.acts_on if slug in pages]
    context = text_context(sample, today, targets[0][1] if targets else None)
    articles = [article.format(**context) for article in sample.articles]
    issued = issue_date(sample, today)
    secret = sample.security_level != SecurityLevel.NORMAL
    page = LegalDocumentPage(
        slug=sample.slug,
        title=sample.title.format(**context),
        number=number,
        document_type=terms["types"][sample.kind],
        issuing_body=terms["bodies"][sample.body.name],
        signer=sample.signer.name,
        signer_title=sample.signer.title,
        issued_on=issued,
        effective_on=effective_date(sample, today),
        expires_on=expiry_date(sample, today),
        summary=sample.summary.format(**context),
        full_text=rich_text(articles),
        security_level=sample.security_level,
        live=not secret,
    )
    page.fields = [terms["fields"][name] for name in sample.fields]
    page.relations = [DocumentRelation(kind=kind, target=target) for kind, target in targets]
    page.attachments = attachments_for(page, sample, context, articles)
    if not secret:
        # Posted on the portal the day after signing, never in the future.
        posted = datetime.datetime.combine(
            issued, datetime.time(9), timezone.get_current_timezone()
        )
        page.first_published_at = min(posted + datetime.timedelta(days=1), timezone.now())
    index.add_child(instance=page)
    revision = page.save_revision()
    if not secret:
        revision.publish()
    return page


@transaction.atomic
def seed_documents(home, stdout=None):
    """Adds the register "Văn bản", its controlled lists and the sample documents.

    Idempotent: list entries are looked up by name (or slug), the register and documents
    by slug, and only what is missing is created, so a second run adds nothing.
    """
    terms, created_terms = {}, 0
    for key, model, names in (
        ("types", DocumentType, DOCUMENT_TYPES),
        ("bodies", IssuingBody, [body.name for body in ISSUING_BODIES]),
        ("fields", DocumentField, DOCUMENT_FIELDS),
    ):
        terms[key], created = ensure_terms(model, names)
        created_terms += created

    index_created = not home.get_children().filter(slug=INDEX["slug"]).exists()
    index = child_page(
        home,
        DocumentIndexPage,
        INDEX["slug"],
        title=INDEX["title"],
        intro=INDEX["intro"],
        show_in_menus=True,
    )
    pages = {page.slug: page for page in LegalDocumentPage.objects.child_of(index)}
    taken = set(LegalDocumentPage.objects.values_list("issuing_body__name", "number_key"))
    today = timezone.localdate()
    created_pages = []
    # Oldest first, so the documents a newer one replaces, amends or guides exist already.
    for sample in sorted(SAMPLES, key=lambda sample: -sample.age):
        if sample.slug in pages:
            continue
        number = make_number(sample, issue_date(sample, today), taken)
        pages[sample.slug] = create_document(index, sample, number, terms, pages, today)
        created_pages.append(pages[sample.slug])

    if stdout is not None:
        stdout.write(summary_line(index_created, created_terms, created_pages) + "\n")
    return index


def summary_line(index_created: bool, created_terms: int, created_pages: list) -> str:
    """One Vietnamese line telling what this run created."""
    if not (index_created or created_terms or created_pages):
        return "Văn bản mẫu: đã có đủ danh mục và văn bản, không tạo thêm."
    live = [page.pk for page in created_pages if page.live]
    statuses = dict.fromkeys(Validity.values, 0)
    for validity in (
        LegalDocumentPage.objects.filter(pk__in=live)
        .with_validity()
        .values_list("validity", flat=True)
    ):
        statuses[validity] += 1
    files = LegalDocumentAttachment.objects.filter(page__in=created_pages).count()
    drafts = len(created_pages) - len(live)
    labels = dict(Validity.choices)
    breakdown = ", ".join(
        f"{count} {str(labels[value]).lower()}" for value, count in statuses.items() if count
    )
    line = (
        f"Văn bản mẫu: đã tạo {'trang “Văn bản”, ' if index_created else ''}"
        f"{created_terms} mục danh mục (loại văn bản, cơ quan ban hành, lĩnh vực), "
        f"{len(live)} văn bản"
        f"{f' ({breakdown})' if breakdown else ''} và {files} tệp đính kèm"
    )
    if drafts:
        line += f"; {drafts} văn bản mật để ở dạng bản nháp"
    return line + "."
