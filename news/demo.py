"""Sample news for the fictional district Vân Sơn: five sections and their articles.

Every person, commune, figure and quotation below is invented for this project, and the
site notice on every page says the data is fictional. Photos are landscapes drawn
locally (portal.demo.draw_landscape), so their alt texts describe those drawings.
"""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from portal.demo import child_page, draw_landscape, get_or_create_image, heading

from .models import NewsIndexPage, NewsPage, NewsRelatedLink

# The district is Vietnamese whatever TIME_ZONE a deployment sets.
LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
# Articles are spread over about eight months before the day the seed runs.
SPAN_DAYS = 240

COMMUNICATION_CENTRE = "Trung tâm Văn hóa, Thể thao và Truyền thông huyện"
OFFICE = "Văn phòng HĐND và UBND huyện"
AGRICULTURE = "Phòng Nông nghiệp và Môi trường huyện"
INFRASTRUCTURE = "Phòng Kinh tế và Hạ tầng huyện"
FINANCE = "Phòng Tài chính – Kế hoạch huyện"
HOME_AFFAIRS = "Phòng Nội vụ huyện"
EDUCATION = "Phòng Giáo dục và Đào tạo huyện"
CULTURE = "Phòng Văn hóa, Khoa học và Thông tin huyện"
HEALTH = "Trung tâm Y tế huyện"
MILITARY = "Ban Chỉ huy Quân sự huyện"
POLICE = "Công an huyện"


@dataclass(frozen=True)
class Illustration:
    """A drawn landscape stored once in the image library and reused by many articles."""

    seed: int
    title: str
    filename: str
    alt: str


# Seeds 31–40 cycle through all five palettes of draw_landscape twice, so neighbouring
# articles in a listing get visibly different thumbnails.
ILLUSTRATIONS = (
    Illustration(
        31,
        "Núi xa Pù Vân (ảnh minh họa tin tức)",
        "tin-nui-pu-van.jpg",
        "Những lớp núi xanh lam nối nhau dưới bầu trời sáng, mặt trời vàng trên đỉnh núi",
    ),
    Illustration(
        32,
        "Đồi đất đỏ Đồng Lau (ảnh minh họa tin tức)",
        "tin-doi-dong-lau.jpg",
        "Những triền đồi màu nâu đỏ chồng lên nhau dưới bầu trời xanh nhạt, mặt trời tròn",
    ),
    Illustration(
        33,
        "Núi tím Lũng Mây (ảnh minh họa tin tức)",
        "tin-nui-lung-may.jpg",
        "Dãy núi màu tím sẫm nhấp nhô dưới bầu trời xanh nhạt có mặt trời vàng",
    ),
    Illustration(
        34,
        "Thung lũng Suối Ngọc (ảnh minh họa tin tức)",
        "tin-thung-lung-suoi-ngoc.jpg",
        "Các dải đồi xanh ngọc, lớp trước đậm lớp sau nhạt, dưới bầu trời trong",
    ),
    Illustration(
        35,
        "Đồi chè Khe Mây (ảnh minh họa tin tức)",
        "tin-doi-che-khe-may.jpg",
        "Những ngọn đồi xanh lục trùng điệp dưới nắng, mặt trời vàng giữa trời",
    ),
    Illustration(
        36,
        "Dãy núi Nậm Vân (ảnh minh họa tin tức)",
        "tin-day-nui-nam-van.jpg",
        "Ba lớp núi xanh lam đậm nhạt khác nhau, phía trên là bầu trời và mặt trời",
    ),
    Illustration(
        37,
        "Nương ngô Bản Thượng (ảnh minh họa tin tức)",
        "tin-nuong-ban-thuong.jpg",
        "Sườn đồi màu cam đất nhiều lớp dưới bầu trời xanh, mặt trời lên cao",
    ),
    Illustration(
        38,
        "Núi đá Thác Bạc (ảnh minh họa tin tức)",
        "tin-nui-thac-bac.jpg",
        "Những đỉnh núi tím chồng lớp dưới bầu trời sáng với mặt trời vàng",
    ),
    Illustration(
        39,
        "Rừng quế Tân Mây (ảnh minh họa tin tức)",
        "tin-rung-que-tan-may.jpg",
        "Đồi rừng màu xanh ngọc nhấp nhô, bầu trời chuyển dần từ trắng sang xanh",
    ),
    Illustration(
        40,
        "Cánh đồng Phúc Hòa (ảnh minh họa tin tức)",
        "tin-canh-dong-phuc-hoa.jpg",
        "Đồng ruộng và đồi thấp xanh lục trải dài dưới bầu trời có mặt trời vàng",
    ),
)


def _squash(text: str) -> str:
    """Text with its line breaks and indentation collapsed to single spaces."""
    return " ".join(text.split())


def _p(text: str) -> dict:
    """A paragraph block of one <p>, from source text wrapped over several lines."""
    return {"type": "paragraph", "value": f"<p>{_squash(text)}</p>"}


def _list(*items: str) -> dict:
    """A paragraph block holding a bulleted list."""
    lines = "".join(f"<li>{_squash(item)}</li>" for item in items)
    return {"type": "paragraph", "value": f"<ul>{lines}</ul>"}


def _quote(text: str, attribution: str) -> dict:
    """A quote block."""
    return {"type": "quote", "value": {"quote": _squash(text), "attribution": attribution}}


def _table(caption: str, rows: list[list[str]]) -> dict:
    """A table block whose first row is the header."""
    return {
        "type": "table",
        "value": {
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": caption,
            "data": rows,
        },
    }


@dataclass(frozen=True)
class Gallery:
    """A photo set in an article body; photos are (ILLUSTRATIONS index, caption) pairs.

    Image ids only exist once the library images are created, so the block value is
    built at seeding time rather than written out in the data below.
    """

    title: str
    photos: tuple[tuple[int, str], ...]

    def block(self, images: list) -> dict:
        """The gallery block value, with library image ids and the drawings' alt texts."""
        return {
            "type": "gallery",
            "value": {
                "title": self.title,
                "images": [
                    {
                        "image": {
                            "image": images[index].pk,
                            "decorative": False,
                            "alt_text": ILLUSTRATIONS[index].alt,
                        },
                        "caption": caption,
                    }
                    for index, caption in self.photos
                ],
            },
        }


@dataclass(frozen=True)
class Article:
    """One sample article; `related` names older articles (by slug) an editor picked."""

    slug: str
    title: str
    lead: str
    body: tuple
    author: str
    source: str
    tags: tuple[str, ...]
    featured: bool = False
    decorative_cover: bool = False
    related: tuple[str, ...] = ()


@dataclass(frozen=True)
class Section:
    """A news section under "Tin tức – Sự kiện" and its articles, newest first."""

    slug: str
    title: str
    intro: str
    articles: tuple[Article, ...]


POLITICS = (
    Article(
        slug="ubnd-huyen-hop-phien-thuong-ky-danh-gia-giai-ngan-von-dau-tu-cong",
        title="UBND huyện họp phiên thường kỳ, đánh giá tiến độ giải ngân vốn đầu tư công",
        lead="""Chủ tịch UBND huyện Nguyễn Văn An yêu cầu các chủ đầu tư lập kế hoạch giải
            ngân theo từng tuần và xử lý dứt điểm vướng mắc về mặt bằng trong tháng tới.""",
        body=(
            _p("""Tại phiên họp, Phòng Tài chính – Kế hoạch báo cáo: toàn huyện đã giải ngân
                được 58% kế hoạch vốn đầu tư công năm, cao hơn cùng kỳ năm trước 9 điểm phần
                trăm. Một số công trình giao thông liên xã và trường học vẫn chậm do vướng
                giải phóng mặt bằng và thiếu đất đắp nền."""),
            heading("Giao trách nhiệm cụ thể cho từng chủ đầu tư"),
            _p("""Kết luận phiên họp, Chủ tịch UBND huyện đề nghị Ban Quản lý dự án đầu tư
                xây dựng huyện phối hợp với UBND các xã Khe Mây, Đồng Lau đối thoại với những
                hộ dân chưa đồng thuận, công khai phương án bồi thường và hỗ trợ. Công trình
                nào không có khả năng giải ngân hết vốn phải báo cáo sớm để điều chuyển sang
                dự án có khối lượng hoàn thành."""),
            _p("""Phiên họp cũng cho ý kiến vào dự thảo kế hoạch phòng, chống thiên tai mùa
                mưa bão và phương án tổ chức các hoạt động văn hóa, thể thao chào mừng ngày
                thành lập huyện."""),
        ),
        author="Minh Anh",
        source=OFFICE,
        tags=("UBND huyện", "đầu tư công"),
        featured=True,
        related=(
            "be-mac-ky-hop-thu-chin-hdnd-huyen-khoa-xx",
            "thu-ngan-sach-tren-dia-ban-dat-78-phan-tram-du-toan",
        ),
    ),
    Article(
        slug="chu-tich-ubnd-huyen-doi-thoai-voi-doan-vien-thanh-nien",
        title="Chủ tịch UBND huyện đối thoại với đoàn viên, thanh niên",
        lead="""Hơn 200 đoàn viên, thanh niên của 13 xã, thị trấn đã gửi 27 câu hỏi về việc
            làm, học nghề và khởi nghiệp tới lãnh đạo huyện trong buổi đối thoại năm nay.""",
        body=(
            _p("""Buổi đối thoại do Huyện đoàn Vân Sơn phối hợp với Văn phòng HĐND và UBND
                huyện tổ chức tại hội trường Trung tâm Văn hóa huyện. Nhiều ý kiến đề nghị
                huyện hỗ trợ vốn vay cho các mô hình trồng dược liệu, nuôi ong lấy mật và bán
                nông sản qua mạng."""),
            _quote(
                """Huyện sẵn sàng đồng hành với những ý tưởng khởi nghiệp gắn với sản phẩm của
                quê hương. Các bạn cứ mạnh dạn đề xuất, vướng ở đâu, huyện cùng tháo gỡ ở
                đó.""",
                "Ông Nguyễn Văn An, Chủ tịch UBND huyện",
            ),
            _p("""Sau buổi đối thoại, Huyện đoàn tổng hợp các kiến nghị chưa được trả lời trực
                tiếp, chuyển tới cơ quan chuyên môn và công khai kết quả giải quyết trên Cổng
                thông tin điện tử huyện trong vòng 30 ngày."""),
        ),
        author="Hải Đăng – Ngọc Lan",
        source=COMMUNICATION_CENTRE,
        tags=("thanh niên", "đối thoại"),
    ),
    Article(
        slug="thuong-truc-hdnd-huyen-giam-sat-cai-cach-hanh-chinh-cap-xa",
        title="Thường trực HĐND huyện giám sát công tác cải cách hành chính cấp xã",
        lead="""Đoàn giám sát đã làm việc tại bốn xã, kiểm tra bộ phận một cửa, việc tiếp
            nhận hồ sơ trực tuyến và thời gian trả kết quả cho người dân.""",
        body=(
            _p("""Theo báo cáo của các xã Nà Mơ, Suối Ngọc, Phúc Hòa và Tân Mây, trong sáu
                tháng qua, bộ phận một cửa đã tiếp nhận hơn 3.400 hồ sơ, trong đó 96% được
                giải quyết đúng hạn. Tỷ lệ hồ sơ nộp trực tuyến tăng nhưng chưa đồng đều giữa
                các thôn, bản."""),
            heading("Vẫn còn hồ sơ phải bổ sung nhiều lần"),
            _p("""Đoàn giám sát chỉ ra một số hồ sơ chứng thực, đăng ký hộ tịch phải bổ sung
                từ hai lần trở lên do hướng dẫn ban đầu chưa đầy đủ. Một số máy tính phục vụ
                tra cứu tại bộ phận một cửa đã cũ, thường xuyên gặp lỗi."""),
            _p("""Bà Vi Thị Hằng, Chủ tịch HĐND huyện, đề nghị UBND các xã niêm yết rõ thành
                phần hồ sơ, bố trí công chức hướng dẫn người dân nộp hồ sơ trực tuyến và báo
                cáo kết quả khắc phục trước kỳ họp cuối năm."""),
        ),
        author="Thu Hà",
        source=OFFICE,
        tags=("cải cách hành chính", "HĐND huyện"),
    ),
    Article(
        slug="huyen-uy-quan-triet-nghi-quyet-phat-trien-kinh-te-vung-cao",
        title="Huyện ủy quán triệt nghị quyết chuyên đề về phát triển kinh tế vùng cao",
        lead="""Nghị quyết đặt mục tiêu đến năm 2030, thu nhập bình quân đầu người ở năm xã
            vùng cao của huyện tăng gấp đôi so với hiện nay.""",
        body=(
            _p("""Hội nghị được tổ chức trực tiếp tại hội trường Huyện ủy và trực tuyến tới
                điểm cầu các xã, thị trấn, với gần 600 cán bộ, đảng viên tham dự. Đồng chí Hà
                Minh Đức, Bí thư Huyện ủy, chủ trì hội nghị."""),
            _p("""Nghị quyết xác định ba nhóm nhiệm vụ trọng tâm: phát triển vùng chè và dược
                liệu dưới tán rừng; hoàn thiện đường giao thông đến trung tâm các thôn, bản;
                đào tạo nghề gắn với giải quyết việc làm cho lao động trẻ."""),
            _quote(
                """Mỗi chi bộ phải cụ thể hóa nghị quyết thành những việc làm thiết thực, có
                người chịu trách nhiệm và có thời hạn hoàn thành.""",
                "Đồng chí Hà Minh Đức, Bí thư Huyện ủy",
            ),
            _p("""Sau hội nghị, các đảng bộ, chi bộ trực thuộc xây dựng chương trình hành
                động, gửi về Ban Thường vụ Huyện ủy trước ngày 15 của tháng tới."""),
        ),
        author="Minh Anh",
        source=COMMUNICATION_CENTRE,
        tags=("Huyện ủy", "kinh tế vùng cao"),
        featured=True,
    ),
    Article(
        slug="be-mac-ky-hop-thu-chin-hdnd-huyen-khoa-xx",
        title="Bế mạc Kỳ họp thứ chín HĐND huyện khóa XX",
        lead="""Sau hai ngày làm việc, HĐND huyện Vân Sơn đã thông qua 14 nghị quyết về
            kinh tế – xã hội, đầu tư công và chính sách hỗ trợ sản xuất nông nghiệp.""",
        body=(
            _p("""Kỳ họp đã xem xét các báo cáo của UBND huyện về tình hình kinh tế – xã hội,
                thu chi ngân sách và kết quả giải quyết kiến nghị của cử tri. Tổng giá trị sản
                xuất trên địa bàn ước tăng 7,8%; thu ngân sách đạt 62% dự toán."""),
            heading("Dành nhiều thời gian cho phiên chất vấn"),
            _p("""Tại phiên chất vấn, các đại biểu tập trung vào tiến độ các tuyến đường liên
                xã, chất lượng nước sinh hoạt ở xã Pù Vân và việc hỗ trợ giống cây trồng cho
                hộ nghèo. Lãnh đạo các phòng chuyên môn đã trả lời, nhận trách nhiệm và nêu
                thời hạn khắc phục cụ thể."""),
            _quote(
                """Nghị quyết chỉ đi vào cuộc sống khi được theo dõi đến cùng. Thường trực HĐND
                sẽ giám sát việc thực hiện từng cam kết đã nêu tại kỳ họp.""",
                "Bà Vi Thị Hằng, Chủ tịch HĐND huyện",
            ),
            _p("""Kỳ họp cũng thông qua kế hoạch đầu tư công trung hạn điều chỉnh, ưu tiên vốn
                cho sáu công trình trường học và bốn tuyến đường giao thông nông thôn."""),
        ),
        author="Minh Anh – Thu Hà",
        source=OFFICE,
        tags=("HĐND huyện", "kỳ họp"),
        featured=True,
        related=("dai-bieu-hdnd-huyen-tiep-xuc-cu-tri-xa-lung-may-va-ban-thuong",),
    ),
    Article(
        slug="dai-bieu-hdnd-huyen-tiep-xuc-cu-tri-xa-lung-may-va-ban-thuong",
        title="Đại biểu HĐND huyện tiếp xúc cử tri xã Lũng Mây và Bản Thượng",
        lead="""Cử tri đề nghị sửa chữa tuyến đường vào thôn Nà Lạn, bổ sung giáo viên tiếng
            Anh và sớm cấp giấy chứng nhận quyền sử dụng đất cho các hộ dân.""",
        body=(
            _p("""Tại hai điểm tiếp xúc, các đại biểu đã thông báo dự kiến nội dung kỳ họp và
                kết quả giải quyết kiến nghị từ kỳ trước. 31 ý kiến của cử tri được ghi nhận,
                tập trung vào hạ tầng giao thông, giáo dục và đất đai."""),
            _p("""Ông Lý Văn Chiến, cử tri thôn Nà Lạn, xã Lũng Mây, phản ánh đoạn đường dài
                khoảng 2 km bị sạt lở sau mưa lớn, xe máy đi lại khó khăn, học sinh phải đi bộ
                đến trường. Nhiều cử tri xã Bản Thượng mong huyện mở lớp dạy nghề may công
                nghiệp cho phụ nữ."""),
            _p("""Các ý kiến thuộc thẩm quyền của xã được lãnh đạo địa phương trả lời ngay tại
                buổi tiếp xúc; những nội dung còn lại được tổng hợp, gửi UBND huyện và các cơ
                quan liên quan."""),
        ),
        author="Văn Khải",
        source=OFFICE,
        tags=("HĐND huyện", "cử tri"),
        decorative_cover=True,
    ),
    Article(
        slug="bieu-duong-dien-hinh-dan-van-kheo",
        title="Biểu dương 32 điển hình “Dân vận khéo”",
        lead="""Các tập thể, cá nhân được Ban Thường vụ Huyện ủy khen thưởng vì có cách làm
            sáng tạo trong vận động nhân dân hiến đất làm đường, giữ gìn vệ sinh môi
            trường.""",
        body=(
            _p("""Trong năm qua, phong trào thi đua “Dân vận khéo” lan tới tất cả các thôn,
                bản. Nhân dân đã hiến hơn 18.000 m² đất, đóng góp trên 4.000 ngày công để mở
                rộng đường giao thông nông thôn và xây dựng nhà văn hóa."""),
            _p("""Tiêu biểu là thôn Khuổi Mịt, xã Nà Mơ: chi bộ thôn họp dân nhiều lần, để
                chính người dân bàn phương án và tự giám sát thi công. Nhờ vậy, tuyến đường bê
                tông dài 1,6 km hoàn thành sớm hơn kế hoạch hai tháng."""),
            _p("""Phát biểu tại hội nghị, lãnh đạo Ban Dân vận Huyện ủy đề nghị các cấp ủy
                tiếp tục nhân rộng những cách làm hay, coi trọng việc lắng nghe ý kiến người
                dân ngay từ khi lập kế hoạch."""),
        ),
        author="Lò Mai",
        source=COMMUNICATION_CENTRE,
        tags=("dân vận", "nông thôn mới"),
    ),
    Article(
        slug="cong-bo-quyet-dinh-bo-nhiem-truong-phong-giao-duc-va-dao-tao",
        title="Công bố quyết định bổ nhiệm Trưởng phòng Giáo dục và Đào tạo huyện",
        lead="""Bà Hoàng Thị Yến, nguyên Hiệu trưởng Trường THCS thị trấn Vân Sơn, được bổ
            nhiệm giữ chức Trưởng phòng Giáo dục và Đào tạo huyện, thời hạn năm năm.""",
        body=(
            _p("""Thừa ủy quyền của Chủ tịch UBND huyện, Trưởng phòng Nội vụ đã công bố quyết
                định và trao hoa chúc mừng. Bà Hoàng Thị Yến có 22 năm công tác trong ngành
                giáo dục, từng dạy Toán tại nhiều trường vùng cao của huyện."""),
            _quote(
                """Tôi sẽ cùng tập thể cán bộ, giáo viên tập trung nâng cao chất lượng dạy học
                ở các điểm trường lẻ, để học sinh vùng cao có cơ hội học tập như học sinh ở
                thị trấn.""",
                "Bà Hoàng Thị Yến, Trưởng phòng Giáo dục và Đào tạo huyện",
            ),
            _p("""Phó Chủ tịch UBND huyện Trần Thị Bình đề nghị tân Trưởng phòng sớm nắm bắt
                tình hình, phối hợp chặt chẽ với các xã trong việc sắp xếp mạng lưới trường,
                lớp và chuẩn bị cho năm học mới."""),
        ),
        author="Thu Trang",
        source=HOME_AFFAIRS,
        tags=("công tác cán bộ", "giáo dục"),
    ),
)

ECONOMY = (
    Article(
        slug="thong-xe-tuyen-duong-lien-xa-khe-may-dong-lau",
        title="Thông xe tuyến đường liên xã Khe Mây – Đồng Lau",
        lead="""Tuyến đường dài 9,2 km, mặt bê tông rộng 5,5 m, rút ngắn thời gian đi lại
            giữa hai xã từ hơn một giờ xuống còn khoảng 20 phút.""",
        body=(
            _p("""Công trình được khởi công từ cuối năm trước với tổng mức đầu tư khoảng 48 tỷ
                đồng từ ngân sách tỉnh và huyện. Gần 120 hộ dân dọc tuyến đã tự nguyện hiến
                đất, tháo dỡ tường rào để mở rộng nền đường."""),
            heading("Mở đường cho nông sản"),
            _p("""Trước đây, vào mùa mưa, xe tải không vào được các thôn của xã Đồng Lau, người
                dân phải gùi chè và quế ra đường lớn. Nay thương lái đến tận vườn thu mua, giá
                chè búp tươi tăng thêm 1.000–1.500 đồng mỗi ki-lô-gam."""),
            Gallery(
                "Hình ảnh lễ thông xe",
                (
                    (4, "Tuyến đường mới chạy qua những đồi chè xã Khe Mây (ảnh minh họa)."),
                    (1, "Đoạn đường qua khu sản xuất của xã Đồng Lau (ảnh minh họa)."),
                    (9, "Cánh đồng hai bên đường vào trung tâm xã (ảnh minh họa)."),
                ),
            ),
            _p("""Phát biểu tại lễ thông xe, Phó Chủ tịch UBND huyện Lò Văn Cường đề nghị hai
                xã thành lập tổ tự quản, thường xuyên phát quang, khơi thông rãnh thoát nước để
                giữ con đường bền lâu."""),
        ),
        author="Quang Huy – Tiến Dũng",
        source=INFRASTRUCTURE,
        tags=("giao thông", "nông thôn mới"),
        featured=True,
        related=(
            "bieu-duong-dien-hinh-dan-van-kheo",
            "khoi-cong-cau-treo-qua-suoi-nam-van-xa-ban-thuong",
        ),
    ),
    Article(
        slug="vu-mua-nang-suat-lua-binh-quan-dat-5-6-tan-ha",
        title="Vụ mùa: năng suất lúa bình quân đạt 5,6 tấn/ha",
        lead="""Toàn huyện đã thu hoạch xong 4.350 ha lúa mùa; năng suất tăng 0,3 tấn/ha so
            với vụ trước nhờ mở rộng diện tích giống lúa chất lượng.""",
        body=(
            _p("""Theo Phòng Nông nghiệp và Môi trường, trong vụ này nông dân đã gieo cấy các
                giống lúa thuần chất lượng trên hơn 60% diện tích. Sâu bệnh được phát hiện và
                xử lý sớm nhờ mạng lưới khuyến nông cơ sở thường xuyên thăm đồng."""),
            _p("""Tại xã Phúc Hòa, cánh đồng lớn 45 ha liên kết với hợp tác xã tiêu thụ cho
                năng suất 6,2 tấn/ha. Gạo của cánh đồng được đóng túi, in mã truy xuất nguồn
                gốc và bán tại các cửa hàng trong tỉnh."""),
            _p("""Ngay sau thu hoạch, ngành nông nghiệp khuyến cáo bà con không đốt rơm rạ trên
                đồng, tận dụng rơm làm thức ăn cho gia súc hoặc ủ phân hữu cơ cho vụ
                đông."""),
        ),
        author="Đức Long",
        source=AGRICULTURE,
        tags=("nông nghiệp", "lúa"),
    ),
    Article(
        slug="hop-tac-xa-che-suoi-ngoc-ban-lo-che-huu-co-dau-tien",
        title="Hợp tác xã chè Suối Ngọc bán lô chè hữu cơ đầu tiên",
        lead="""Sau ba năm chuyển đổi, 30 ha chè của hợp tác xã được chứng nhận sản xuất hữu
            cơ; lô hàng đầu tiên gồm 2 tấn chè khô đã đến tay các nhà phân phối.""",
        body=(
            _p("""Hợp tác xã chè Suối Ngọc có 46 thành viên, phần lớn là đồng bào Dao. Các hộ
                cam kết không dùng phân bón hóa học và thuốc bảo vệ thực vật, ghi nhật ký sản
                xuất hằng ngày để phục vụ truy xuất nguồn gốc."""),
            _quote(
                """Lúc đầu nhiều nhà lo năng suất giảm, nhưng giờ giá chè hữu cơ cao gấp đôi
                chè thường, bà con ai cũng muốn làm theo.""",
                "Bà Triệu Thị Sen, Giám đốc Hợp tác xã chè Suối Ngọc",
            ),
            _p("""Huyện đã hỗ trợ hợp tác xã thiết kế bao bì, xây dựng nhãn hiệu và đưa sản
                phẩm lên các sàn thương mại điện tử. Mục tiêu đến năm sau, diện tích chè hữu cơ
                của xã mở rộng lên 50 ha."""),
        ),
        author="Bích Ngọc",
        source=AGRICULTURE,
        tags=("chè", "hợp tác xã"),
        featured=True,
    ),
    Article(
        slug="ho-tro-chuyen-120-ha-dat-doc-sang-trong-duoc-lieu",
        title="Hỗ trợ nông dân chuyển 120 ha đất dốc sang trồng cây dược liệu",
        lead="""Các hộ tham gia được hỗ trợ một nửa tiền giống quế, sa nhân, hà thủ ô và được
            tập huấn kỹ thuật trồng dưới tán rừng.""",
        body=(
            heading("Chọn cây hợp với đất"),
            _p("""Từ kết quả khảo sát thổ nhưỡng, huyện xác định các xã Pù Vân, Lũng Mây và
                Nậm Vân có điều kiện phù hợp để phát triển cây dược liệu. Những diện tích ngô,
                sắn trên đất dốc cho hiệu quả thấp, dễ xói mòn được ưu tiên chuyển đổi."""),
            _p("""Mỗi hộ ký cam kết với hợp tác xã về quy trình chăm sóc và bao tiêu sản phẩm.
                Cán bộ khuyến nông theo dõi từng vườn, hướng dẫn bà con làm bậc thang, giữ ẩm
                và phòng trừ sâu bệnh theo hướng sinh học."""),
            _p("""Dự kiến sau ba năm, mỗi héc-ta sa nhân dưới tán rừng có thể cho thu nhập 80
                đến 100 triệu đồng, cao gấp nhiều lần trồng ngô trên cùng diện tích."""),
        ),
        author="Văn Khải – Đức Long",
        source=AGRICULTURE,
        tags=("dược liệu", "nông nghiệp"),
    ),
    Article(
        slug="khoi-cong-cau-treo-qua-suoi-nam-van-xa-ban-thuong",
        title="Khởi công cầu treo qua suối Nậm Vân ở xã Bản Thượng",
        lead="""Cây cầu dài 86 m dự kiến hoàn thành trước mùa mưa năm sau, giúp hơn 300 hộ
            dân của hai thôn không còn phải lội suối.""",
        body=(
            _p("""Hiện nay, người dân thôn Phiêng Cằm và thôn Nà Pục qua suối bằng một cây cầu
                tạm làm từ tre và gỗ, thường bị cuốn trôi khi nước lên. Có thời điểm học sinh
                phải nghỉ học nhiều ngày liền trong mùa mưa."""),
            _p("""Công trình có tổng vốn 6,8 tỷ đồng, trong đó có phần đóng góp của một doanh
                nghiệp trong tỉnh. Cầu dành cho người đi bộ, xe máy và xe thô sơ, tải trọng
                1,5 tấn."""),
            _quote(
                """Có cầu rồi, con cháu đi học không phải chờ nước rút, bà con mang nông sản ra
                chợ cũng thuận tiện hơn nhiều.""",
                "Ông Hoàng Văn Pản, Trưởng thôn Phiêng Cằm",
            ),
        ),
        author="Quang Huy",
        source=INFRASTRUCTURE,
        tags=("giao thông", "cầu treo"),
    ),
    Article(
        slug="phien-cho-nong-san-an-toan-sang-chu-nhat-tai-thi-tran",
        title="Phiên chợ nông sản an toàn mỗi sáng Chủ nhật tại thị trấn Vân Sơn",
        lead="""Sau ba tháng hoạt động, phiên chợ đã có 40 gian hàng của các hợp tác xã và
            hộ sản xuất, mỗi phiên đón khoảng 1.500 lượt khách.""",
        body=(
            _p("""Phiên chợ do Hội Nông dân huyện tổ chức trên khu đất trống cạnh Nhà văn hóa
                thị trấn. Hàng hóa chủ yếu là rau, măng, mật ong, gạo nếp, chè và đồ mây tre
                đan của địa phương."""),
            Gallery(
                "Một buổi sáng ở phiên chợ",
                (
                    (6, "Nông sản từ các xã vùng cao được đưa về chợ (ảnh minh họa)."),
                    (3, "Rau, măng của hợp tác xã Suối Ngọc (ảnh minh họa)."),
                ),
            ),
            _p("""Mỗi gian hàng phải có giấy cam kết bảo đảm an toàn thực phẩm; cán bộ y tế
                thị trấn lấy mẫu rau ngẫu nhiên để kiểm tra nhanh dư lượng thuốc bảo vệ thực
                vật. Khách mua có thể quét mã để biết nơi sản xuất của từng sản phẩm."""),
            _p("""Ban tổ chức dự kiến mở thêm một phiên chợ tương tự tại trung tâm xã Khe Mây
                vào dịp cuối năm."""),
        ),
        author="Mai Phương",
        source=COMMUNICATION_CENTRE,
        tags=("nông sản", "an toàn thực phẩm"),
    ),
    Article(
        slug="nghiem-thu-cong-trinh-nuoc-sinh-hoat-tap-trung-xa-pu-van",
        title="Nghiệm thu công trình nước sinh hoạt tập trung xã Pù Vân",
        lead="""Công trình cấp nước sạch cho 420 hộ dân ở ba thôn, chấm dứt cảnh mùa khô phải
            đi xa lấy nước.""",
        body=(
            _p("""Nguồn nước được lấy từ khe Pù Vân, qua bể lắng và hệ thống lọc trước khi dẫn
                theo đường ống dài hơn 7 km về các bể chứa ở trung tâm thôn. Mỗi hộ được lắp
                đồng hồ để tổ quản lý thu phí duy trì vận hành."""),
            _p("""Hội đồng nghiệm thu đã lấy mẫu nước tại đầu nguồn và tại vòi của một số hộ;
                các chỉ tiêu đều đạt quy chuẩn nước sinh hoạt."""),
            _p("""UBND xã Pù Vân được giao quản lý công trình và đã thành lập tổ vận hành gồm
                năm người dân địa phương, được tập huấn vệ sinh bể lọc và sửa chữa đường
                ống."""),
        ),
        author="Tiến Dũng",
        source=INFRASTRUCTURE,
        tags=("nước sạch", "nông thôn mới"),
    ),
    Article(
        slug="lang-nghe-may-tre-dan-ban-chang-nhan-don-hang-lon",
        title="Làng nghề mây tre đan Bản Chang nhận đơn hàng lớn",
        lead="""Hơn 80 lao động của làng nghề có việc làm ổn định đến cuối năm sau khi ký hợp
            đồng cung cấp 12.000 giỏ, khay đan cho một công ty thủ công mỹ nghệ.""",
        body=(
            _p("""Nghề đan mây tre ở thôn Bản Chang, xã Hòa Mây có từ lâu đời nhưng nhiều năm
                chỉ bán ở chợ phiên. Từ khi thành lập tổ hợp tác, các hộ thống nhất mẫu mã,
                chất lượng và cùng nhau nhận những đơn hàng lớn."""),
            heading("Giữ nghề cho lớp trẻ"),
            _p("""Mỗi tối, nhà văn hóa thôn mở lớp dạy đan cho thanh niên và phụ nữ. Người thợ
                lành nghề làm được sáu đến tám sản phẩm mỗi ngày, thu nhập khoảng 200.000
                đồng, vừa làm vừa trông nom nhà cửa."""),
            _p("""Huyện đang hoàn thiện hồ sơ đề nghị đánh giá giỏ mây Bản Chang theo tiêu
                chuẩn sản phẩm OCOP."""),
        ),
        author="Ngọc Lan",
        source=COMMUNICATION_CENTRE,
        tags=("làng nghề", "OCOP"),
    ),
    Article(
        slug="thu-ngan-sach-tren-dia-ban-dat-78-phan-tram-du-toan",
        title="Thu ngân sách trên địa bàn đạt 78% dự toán sau chín tháng",
        lead="""Thuế ngoài quốc doanh và phí, lệ phí đều tăng, song thu tiền sử dụng đất mới
            đạt hơn một nửa kế hoạch.""",
        body=(
            _p("""Theo Phòng Tài chính – Kế hoạch, tổng thu ngân sách trên địa bàn sau chín
                tháng ước đạt 96,5 tỷ đồng. Thu từ khu vực kinh tế ngoài quốc doanh tăng 14% so
                với cùng kỳ nhờ thương mại, dịch vụ phục hồi."""),
            _p("""Thu tiền sử dụng đất đạt thấp do hai khu dân cư mới ở thị trấn chậm hoàn thiện
                hạ tầng, chưa thể tổ chức đấu giá quyền sử dụng đất."""),
            _p("""UBND huyện yêu cầu cơ quan thuế phối hợp với các xã rà soát nguồn thu, đôn
                đốc các khoản nợ đọng, đồng thời đẩy nhanh thủ tục đấu giá để hoàn thành dự
                toán năm."""),
        ),
        author="Thu Hà",
        source=FINANCE,
        tags=("ngân sách",),
    ),
)

SOCIETY = (
    Article(
        slug="tung-bung-le-hoi-xuong-dong-xa-nam-van",
        title="Tưng bừng lễ hội Xuống đồng xã Nậm Vân",
        lead="""Lễ hội được phục dựng theo nghi thức truyền thống của đồng bào Tày, thu hút
            hàng nghìn người dân và du khách về dự.""",
        body=(
            _p("""Phần lễ bắt đầu từ sáng sớm với nghi thức dâng lễ tại miếu thổ thần, cầu mưa
                thuận gió hòa, mùa màng bội thu. Sau đó, cụ ông cao tuổi nhất bản cầm cày đi
                những đường cày đầu tiên trên thửa ruộng đã chọn."""),
            Gallery(
                "Sắc màu lễ hội Xuống đồng",
                (
                    (5, "Thung lũng Nậm Vân vào mùa lễ hội (ảnh minh họa)."),
                    (0, "Núi rừng bao quanh bãi hội (ảnh minh họa)."),
                    (9, "Thửa ruộng được chọn cho lễ cày đầu tiên (ảnh minh họa)."),
                    (4, "Đồi xanh phía sau bản Nà Vân (ảnh minh họa)."),
                ),
            ),
            _p("""Phần hội diễn ra sôi nổi với các trò chơi dân gian như ném còn, kéo co, đẩy
                gậy và thi nấu xôi ngũ sắc. Đội văn nghệ của chín thôn biểu diễn hát then, đàn
                tính và múa chầu."""),
            _quote(
                """Lễ hội là dịp để con cháu hiểu thêm phong tục của cha ông, cũng là dịp để
                bà con giới thiệu cảnh đẹp Nậm Vân với du khách.""",
                "Ông Nông Văn Thuận, nghệ nhân dân gian xã Nậm Vân",
            ),
        ),
        author="Ngọc Lan – Hải Đăng",
        source=CULTURE,
        tags=("lễ hội", "văn hóa dân tộc", "du lịch"),
        featured=True,
        related=("clb-hat-then-dan-tinh-mo-lop-cho-thieu-nhi",),
    ),
    Article(
        slug="tiem-bo-sung-vac-xin-soi-rubella-cho-tre-1-den-5-tuoi",
        title="Tiêm bổ sung vắc xin sởi – rubella cho trẻ từ 1 đến 5 tuổi",
        lead="""Trung tâm Y tế huyện tổ chức tiêm tại 13 trạm y tế xã, thị trấn và các điểm
            tiêm lưu động ở những thôn, bản xa trung tâm.""",
        body=(
            _p("""Chiến dịch nhằm nâng tỷ lệ miễn dịch cho trẻ nhỏ, phòng nguy cơ dịch sởi bùng
                phát trong mùa đông xuân. Theo kế hoạch, gần 5.200 trẻ trong độ tuổi sẽ được
                tiêm miễn phí."""),
            heading("Cha mẹ cần mang theo sổ tiêm chủng"),
            _p("""Khi đưa trẻ đi tiêm, phụ huynh mang theo sổ hoặc phiếu tiêm chủng, báo cho
                nhân viên y tế nếu trẻ đang sốt, mắc bệnh cấp tính hoặc từng phản ứng với lần
                tiêm trước. Sau tiêm, trẻ được theo dõi 30 phút tại điểm tiêm và tiếp tục theo
                dõi tại nhà trong 24 giờ."""),
            _p("""Trẻ chưa tiêm trong đợt này sẽ được tiêm vét vào tuần cuối của chiến dịch.
                Phụ huynh cần thêm thông tin xin liên hệ trạm y tế nơi cư trú."""),
        ),
        author="Lò Mai",
        source=HEALTH,
        tags=("y tế", "tiêm chủng"),
        featured=True,
    ),
    Article(
        slug="mo-lop-xoa-mu-chu-cho-phu-nu-xa-lung-may",
        title="Mở lớp xóa mù chữ cho phụ nữ người Mông ở xã Lũng Mây",
        lead="""32 học viên từ 18 đến 52 tuổi theo học buổi tối tại nhà văn hóa thôn Sùng
            Phìn, do giáo viên Trường Tiểu học Lũng Mây đứng lớp.""",
        body=(
            _p("""Nhiều học viên chưa từng đến trường hoặc đã nghỉ học từ nhỏ. Lớp học vào buổi
                tối để chị em không lỡ việc nương rẫy; ai có con nhỏ được mang con theo, nhà
                trường bố trí một góc chơi cho các cháu."""),
            _quote(
                """Trước đây đi chợ tôi phải nhờ người đọc giúp giá tiền. Giờ tôi muốn tự đọc,
                tự viết được tên các con.""",
                "Chị Giàng Thị Dợ, học viên lớp xóa mù chữ",
            ),
            _p("""Sau chín tháng học, học viên được kiểm tra và cấp giấy chứng nhận hoàn thành
                giai đoạn 1. Phòng Giáo dục và Đào tạo huyện dự kiến mở thêm hai lớp tương tự
                ở xã Pù Vân và Bản Thượng."""),
        ),
        author="Thu Trang",
        source=EDUCATION,
        tags=("giáo dục", "bình đẳng giới"),
    ),
    Article(
        slug="hon-19000-hoc-sinh-buoc-vao-nam-hoc-moi",
        title="Hơn 19.000 học sinh huyện Vân Sơn bước vào năm học mới",
        lead="""Năm học này, huyện đưa vào sử dụng 24 phòng học mới và hai khu nhà bán trú,
            giảm đáng kể số học sinh phải học ở điểm trường tạm.""",
        body=(
            _p("""Lễ khai giảng được tổ chức đồng loạt tại 41 trường mầm non, tiểu học và trung
                học cơ sở. Tại Trường Phổ thông dân tộc bán trú THCS Lũng Mây, Chủ tịch UBND
                huyện Nguyễn Văn An đánh trống khai trường và trao học bổng cho 20 học sinh
                vượt khó học giỏi."""),
            Gallery(
                "Ngày hội đến trường",
                (
                    (2, "Con đường đến Trường bán trú Lũng Mây (ảnh minh họa)."),
                    (7, "Điểm trường Thác Bạc nằm dưới chân núi (ảnh minh họa)."),
                    (8, "Khu nhà bán trú mới xây ở xã Tân Mây (ảnh minh họa)."),
                ),
            ),
            _p("""Toàn ngành hiện còn thiếu 36 giáo viên, chủ yếu các môn Tiếng Anh, Tin học
                và Âm nhạc. Phòng Giáo dục và Đào tạo đang phối hợp với Phòng Nội vụ tổ chức
                tuyển dụng, đồng thời bố trí giáo viên dạy liên trường trong thời gian chờ bổ
                sung."""),
        ),
        author="Thu Trang – Hải Đăng",
        source=EDUCATION,
        tags=("giáo dục", "khai giảng"),
        featured=True,
    ),
    Article(
        slug="be-mac-giai-bong-da-thieu-nien-huyen-van-son",
        title="Bế mạc giải bóng đá thiếu niên huyện Vân Sơn mở rộng",
        lead="""Đội bóng xã Khe Mây giành chức vô địch sau trận chung kết kịch tính phải phân
            định bằng loạt sút luân lưu.""",
        body=(
            _p("""Giải quy tụ 14 đội bóng của các xã, thị trấn và trường học với hơn 250 cầu
                thủ từ 12 đến 15 tuổi. Các trận đấu diễn ra trên sân vận động trung tâm huyện
                và sân cỏ nhân tạo của thị trấn."""),
            _p("""Ở trận chung kết, đội Khe Mây và đội thị trấn Vân Sơn hòa 2–2 sau hai hiệp
                chính. Thủ môn Lục Văn Bình của Khe Mây cản phá thành công hai quả phạt đền,
                mang về chiến thắng 4–3 trong loạt luân lưu."""),
            _p("""Ban tổ chức trao giải phong cách cho đội xã Thác Bạc và giải vua phá lưới cho
                cầu thủ Nông Đức Mạnh với 7 bàn thắng. Một số cầu thủ xuất sắc sẽ được chọn
                bồi dưỡng, chuẩn bị cho giải cấp tỉnh."""),
        ),
        author="Hải Đăng",
        source=COMMUNICATION_CENTRE,
        tags=("thể thao", "bóng đá"),
    ),
    Article(
        slug="kham-benh-cap-thuoc-mien-phi-cho-600-nguoi-cao-tuoi",
        title="Khám bệnh, cấp thuốc miễn phí cho 600 người cao tuổi",
        lead="""Đoàn y, bác sĩ của Trung tâm Y tế huyện đã khám sàng lọc tăng huyết áp, đái
            tháo đường và bệnh về mắt tại hai xã Đồng Lau và Thác Bạc.""",
        body=(
            _p("""Người cao tuổi được đo huyết áp, xét nghiệm nhanh đường huyết, khám mắt và tư
                vấn chế độ ăn uống, luyện tập. Những trường hợp nghi mắc bệnh mạn tính được lập
                hồ sơ theo dõi tại trạm y tế xã."""),
            _p("""Qua đợt khám, đoàn phát hiện 94 người tăng huyết áp chưa được điều trị và 37
                người có dấu hiệu đục thủy tinh thể cần chuyển tuyến phẫu thuật."""),
            _quote(
                """Nhiều cụ ở thôn xa ít khi xuống huyện khám bệnh. Đưa bác sĩ về tận xã giúp
                phát hiện bệnh sớm, điều trị đỡ tốn kém.""",
                "Bác sĩ Lương Thị Nhàn, Giám đốc Trung tâm Y tế huyện",
            ),
        ),
        author="Mai Phương",
        source=HEALTH,
        tags=("y tế", "người cao tuổi"),
    ),
    Article(
        slug="clb-hat-then-dan-tinh-mo-lop-cho-thieu-nhi",
        title="Câu lạc bộ hát then, đàn tính thị trấn Vân Sơn mở lớp cho thiếu nhi",
        lead="""Mỗi sáng Chủ nhật, hơn 30 em nhỏ được các nghệ nhân truyền dạy cách gảy đàn
            tính và những làn điệu then cổ.""",
        body=(
            _p("""Câu lạc bộ thành lập cách đây năm năm với 15 thành viên, nay đã có gần 60 hội
                viên ở nhiều lứa tuổi. Lớp học cho thiếu nhi là sáng kiến của các nghệ nhân cao
                tuổi, mong lời then không bị mai một."""),
            _p("""Những cây đàn cho các em tập do chính hội viên câu lạc bộ làm từ quả bầu khô
                và gỗ dâu. Sau ba tháng, nhiều em đã biểu diễn trọn vẹn một bài then chúc mừng
                năm mới."""),
            _p("""Phòng Văn hóa, Khoa học và Thông tin huyện đã hỗ trợ câu lạc bộ trang phục
                biểu diễn và dự kiến đưa tiết mục của các em vào chương trình giao lưu văn hóa
                các dân tộc cuối năm."""),
        ),
        author="Ngọc Lan",
        source=CULTURE,
        tags=("văn hóa dân tộc", "hát then"),
        decorative_cover=True,
    ),
    Article(
        slug="ban-giao-15-ngoi-nha-dai-doan-ket-cho-ho-ngheo",
        title="Bàn giao 15 ngôi nhà Đại đoàn kết cho hộ nghèo",
        lead="""Mỗi ngôi nhà được hỗ trợ 60 triệu đồng từ Quỹ Vì người nghèo của huyện, cùng
            ngày công của bà con lối xóm và lực lượng dân quân.""",
        body=(
            _p("""Các ngôi nhà rộng 40 đến 50 m², tường xây, mái lợp tôn chống nóng, bảo đảm
                nền, khung và mái đều cứng. Trong đó có sáu ngôi nhà ở xã Nà Mơ, năm ngôi nhà ở
                xã Tân Mây và bốn ngôi nhà ở xã Hòa Mây."""),
            _p("""Bà Sầm Thị Lả ở thôn Khuổi Hát, xã Tân Mây, một trong những hộ nhận nhà, xúc
                động kể rằng cả đời gia đình bà sống trong căn nhà vách nứa, mùa đông gió lùa,
                mùa mưa dột khắp nơi."""),
            _p("""Ủy ban Mặt trận Tổ quốc huyện cho biết từ nay đến cuối năm sẽ tiếp tục vận
                động nguồn lực để xóa 30 nhà tạm còn lại trên địa bàn."""),
        ),
        author="Văn Khải",
        source=COMMUNICATION_CENTRE,
        tags=("an sinh xã hội", "giảm nghèo"),
    ),
    Article(
        slug="ngay-hoi-doc-sach-tai-thu-vien-huyen",
        title="Ngày hội đọc sách tại Thư viện huyện thu hút hàng trăm học sinh",
        lead="""Thư viện huyện giới thiệu hơn 1.000 đầu sách mới, tổ chức thi kể chuyện theo
            sách và trưng bày sách về lịch sử, văn hóa địa phương.""",
        body=(
            _p("""Ngày hội diễn ra trong khuôn viên Thư viện huyện với nhiều hoạt động: đọc
                sách tại chỗ, đổi sách cũ lấy sách mới, vẽ tranh theo truyện và giao lưu với
                các cô giáo kể chuyện."""),
            _p("""Cuộc thi kể chuyện theo sách có 28 học sinh tiểu học tham gia. Giải nhất
                thuộc về em Hà Thảo Nguyên, Trường Tiểu học thị trấn Vân Sơn, với câu chuyện
                về cô bé người Dao đi tìm hạt giống lúa."""),
            _p("""Thư viện cũng ra mắt tủ sách lưu động, mỗi tháng một lần mang sách về các
                điểm trường lẻ ở những xã vùng cao."""),
        ),
        author="Bích Ngọc",
        source=CULTURE,
        tags=("văn hóa đọc", "thư viện"),
    ),
)

DEFENCE = (
    Article(
        slug="le-giao-nhan-quan-112-thanh-nien-len-duong-nhap-ngu",
        title="Lễ giao nhận quân: 112 thanh niên lên đường nhập ngũ",
        lead="""Các tân binh đã lên đường thực hiện nghĩa vụ quân sự và nghĩa vụ tham gia
            Công an nhân dân, bảo đảm đủ chỉ tiêu được giao.""",
        body=(
            _p("""Lễ giao nhận quân được tổ chức tại quảng trường trung tâm huyện. Trong số
                thanh niên nhập ngũ năm nay có 18 người có trình độ cao đẳng, đại học và 9
                người là đảng viên."""),
            _quote(
                """Em tự nguyện đi bộ đội. Em mong được rèn luyện trong quân ngũ, sau này về
                quê làm kinh tế giỏi.""",
                "Tân binh Sầm Văn Hiếu, xã Nà Mơ",
            ),
            Gallery(
                "Lên đường nhập ngũ",
                (
                    (0, "Quang cảnh quanh quảng trường trung tâm huyện (ảnh minh họa)."),
                    (5, "Đoàn xe đưa tân binh rời huyện qua thung lũng (ảnh minh họa)."),
                    (3, "Quê hương Vân Sơn tiễn các tân binh (ảnh minh họa)."),
                ),
            ),
            _p("""Ban Chỉ huy Quân sự huyện đã phối hợp với các xã gặp mặt, tặng quà động viên
                tân binh và gia đình. Các xã cam kết tạo điều kiện để quân nhân hoàn thành
                nghĩa vụ trở về được học nghề, tìm việc làm."""),
        ),
        author="Đức Long – Minh Anh",
        source=MILITARY,
        tags=("quốc phòng", "tuyển quân"),
        featured=True,
        related=("khai-mac-huan-luyen-dan-quan-tu-ve-nam-thu-nhat",),
    ),
    Article(
        slug="dien-tap-phong-chong-thien-tai-tim-kiem-cuu-nan-xa-nam-van",
        title="Diễn tập phòng, chống thiên tai và tìm kiếm cứu nạn ở xã Nậm Vân",
        lead="""Cuộc diễn tập giả định mưa lớn gây lũ quét, sạt lở đất làm chia cắt hai thôn,
            huy động hơn 300 người của nhiều lực lượng tham gia.""",
        body=(
            _p("""Theo tình huống giả định, mưa lớn kéo dài khiến suối Nậm Vân dâng cao, một số
                nhà dân bị cô lập, một tuyến đường bị sạt lở. Ban Chỉ huy phòng, chống thiên
                tai xã kích hoạt phương án, sơ tán người dân đến nơi an toàn."""),
            heading("Phối hợp nhịp nhàng giữa các lực lượng"),
            _p("""Dân quân, công an xã, lực lượng y tế cùng bộ đội Ban Chỉ huy Quân sự huyện
                cứu người bị nạn, sơ cứu, vận chuyển lương thực và thông tuyến giao thông. Các
                tình huống được xử lý đúng quy trình, bảo đảm an toàn."""),
            _p("""Qua diễn tập, huyện rút kinh nghiệm để hoàn thiện phương án ứng phó mưa lũ
                cho tất cả các xã, nhất là những khu dân cư gần sông suối và sườn đồi có nguy
                cơ sạt lở."""),
        ),
        author="Tiến Dũng",
        source=MILITARY,
        tags=("phòng chống thiên tai", "diễn tập"),
        featured=True,
    ),
    Article(
        slug="khai-mac-huan-luyen-dan-quan-tu-ve-nam-thu-nhat",
        title="Khai mạc huấn luyện dân quân tự vệ năm thứ nhất",
        lead="""142 chiến sĩ dân quân tự vệ của các xã, thị trấn và cơ quan, doanh nghiệp tham
            gia khóa huấn luyện 15 ngày tại thao trường huyện.""",
        body=(
            _p("""Nội dung huấn luyện gồm giáo dục chính trị, điều lệnh đội ngũ, kỹ thuật chiến
                đấu bộ binh, bắn súng và kỹ năng phòng, chống thiên tai, cứu hộ, cứu nạn. Học
                viên ăn ở tập trung để rèn luyện tác phong, kỷ luật."""),
            _p("""Phát biểu khai mạc, Thượng tá Đinh Công Thắng, Chỉ huy trưởng Ban Chỉ huy
                Quân sự huyện, yêu cầu cán bộ khung bám sát đặc điểm địa bàn miền núi, coi
                trọng huấn luyện ban đêm và hành quân trên địa hình phức tạp."""),
            _p("""Kết thúc khóa học, các chiến sĩ được kiểm tra từng nội dung; kết quả là căn
                cứ để đánh giá, xếp loại và chọn người tham gia hội thao cấp tỉnh."""),
        ),
        author="Đức Long",
        source=MILITARY,
        tags=("dân quân tự vệ", "huấn luyện"),
    ),
    Article(
        slug="canh-bao-thu-doan-lua-dao-qua-dien-thoai-va-mang-xa-hoi",
        title="Công an huyện cảnh báo thủ đoạn lừa đảo qua điện thoại và mạng xã hội",
        lead="""Từ đầu năm, trên địa bàn đã xảy ra 9 vụ người dân bị chiếm đoạt tổng cộng hơn
            700 triệu đồng; kẻ gian thường giả danh cơ quan nhà nước hoặc người thân.""",
        body=(
            _p("""Các thủ đoạn thường gặp: gọi điện xưng là cán bộ công an, tòa án, yêu cầu
                chuyển tiền “phục vụ điều tra”; nhắn tin báo trúng thưởng; gửi đường dẫn giả để
                cài ứng dụng dịch vụ công; chiếm tài khoản mạng xã hội để nhắn tin vay tiền
                người quen."""),
            heading("Những điều người dân cần nhớ"),
            _list(
                """Cơ quan công an không làm việc qua điện thoại và không yêu cầu chuyển tiền
                vào tài khoản cá nhân.""",
                "Không bấm vào đường dẫn lạ; chỉ cài ứng dụng từ kho ứng dụng chính thức.",
                "Không cung cấp mã OTP, mật khẩu ngân hàng cho bất kỳ ai.",
                "Khi người thân nhắn tin vay tiền, hãy gọi điện trực tiếp để xác minh.",
            ),
            _p("""Người dân phát hiện dấu hiệu lừa đảo cần báo ngay cho công an xã nơi gần
                nhất hoặc gọi đường dây nóng của Công an huyện để được hướng dẫn."""),
        ),
        author="Quang Huy",
        source=POLICE,
        tags=("an ninh trật tự", "lừa đảo trực tuyến"),
    ),
    Article(
        slug="mo-hinh-camera-an-ninh-giu-binh-yen-thon-ban",
        title="Mô hình “Camera an ninh” giúp giữ bình yên thôn, bản",
        lead="""Nhờ người dân góp tiền, 48 camera đã được lắp tại các ngã ba, đầu cầu và nhà
            văn hóa ở thị trấn Vân Sơn và xã Phúc Hòa.""",
        body=(
            _p("""Hình ảnh từ camera được truyền về công an xã, thị trấn và điện thoại của tổ
                an ninh cơ sở. Nhờ đó, lực lượng chức năng kịp thời phát hiện, xử lý nhiều vụ
                trộm cắp tài sản và vi phạm trật tự an toàn giao thông."""),
            _p("""Ông Ma Văn Nghĩa, tổ trưởng tổ dân phố số 4, thị trấn Vân Sơn, cho biết từ
                khi có camera, tình trạng thanh thiếu niên tụ tập đua xe ban đêm đã chấm dứt,
                bà con yên tâm làm ăn."""),
            _p("""Công an huyện đề nghị các xã nhân rộng mô hình, đồng thời lưu ý camera phải
                được lắp đặt và sử dụng đúng mục đích, không hướng vào bên trong nhà dân."""),
        ),
        author="Thu Hà",
        source=POLICE,
        tags=("an ninh trật tự", "an ninh cơ sở"),
    ),
    Article(
        slug="tang-cuong-tuan-tra-kiem-soat-an-toan-giao-thong-cuoi-nam",
        title="Tăng cường tuần tra, kiểm soát an toàn giao thông dịp cuối năm",
        lead="""Lực lượng cảnh sát giao thông tập trung xử lý vi phạm nồng độ cồn, chạy quá
            tốc độ và không đội mũ bảo hiểm trên các tuyến quốc lộ, tỉnh lộ qua huyện.""",
        body=(
            _p("""Trong tháng qua, Công an huyện đã lập biên bản 326 trường hợp vi phạm, tạm
                giữ 41 phương tiện. Phần lớn là người điều khiển mô tô sau khi uống rượu, bia
                tại đám cưới, đám giỗ ở thôn, bản."""),
            _quote(
                """Đã uống rượu, bia thì không lái xe. Một phút chủ quan có thể để lại hậu quả
                cho cả gia đình.""",
                "Thông điệp tuyên truyền của Công an huyện",
            ),
            _p("""Bên cạnh tuần tra, công an các xã phối hợp với trưởng thôn vận động những gia
                đình có cỗ cưới, cỗ giỗ bố trí người đưa khách về, không để người đã uống rượu
                điều khiển phương tiện."""),
        ),
        author="Quang Huy",
        source=POLICE,
        tags=("an toàn giao thông",),
    ),
    Article(
        slug="hoi-thao-nghiep-vu-phong-chay-chua-chay-co-so",
        title="Hội thao nghiệp vụ phòng cháy, chữa cháy và cứu nạn, cứu hộ cơ sở",
        lead="""18 đội dân phòng và đội phòng cháy cơ sở tranh tài ở các nội dung chữa cháy
            bằng bình, triển khai vòi và cứu người bị nạn.""",
        body=(
            _p("""Hội thao nhằm kiểm tra kỹ năng xử lý ban đầu khi xảy ra cháy ở khu dân cư,
                chợ, trường học và cơ sở kinh doanh. Các đội phải thao tác nhanh nhất có thể
                nhưng vẫn đúng kỹ thuật và an toàn."""),
            _p("""Đội dân phòng tổ dân phố số 2, thị trấn Vân Sơn đạt giải nhất toàn đoàn; đội
                phòng cháy của Chợ trung tâm huyện và đội xã Phúc Hòa lần lượt đạt giải nhì,
                giải ba."""),
            _p("""Ban tổ chức nhắc các hộ vừa kinh doanh vừa ở trang bị bình chữa cháy, kiểm tra
                hệ thống điện định kỳ và có lối thoát nạn thứ hai để hạn chế thiệt hại khi có
                sự cố."""),
        ),
        author="Tiến Dũng – Lò Mai",
        source=POLICE,
        tags=("phòng cháy chữa cháy",),
    ),
    Article(
        slug="kiem-tra-cong-tac-quan-su-quoc-phong-dia-phuong-xa-thac-bac",
        title="Kiểm tra công tác quân sự, quốc phòng địa phương tại xã Thác Bạc",
        lead="""Đoàn kiểm tra đánh giá xã làm tốt việc xây dựng lực lượng dân quân, đăng ký
            nghĩa vụ quân sự và bồi dưỡng kiến thức quốc phòng.""",
        body=(
            _p("""Đoàn đã kiểm tra hồ sơ, sổ sách, kho trang bị của Ban Chỉ huy Quân sự xã và
                kiểm tra nhận thức của một số dân quân về nhiệm vụ được giao. Nơi làm việc được
                bố trí gọn gàng, duy trì nghiêm chế độ trực."""),
            _p("""Đoàn đề nghị xã bổ sung kế hoạch bảo đảm hậu cần cho dân quân khi làm nhiệm
                vụ phòng, chống thiên tai và thường xuyên cập nhật danh sách công dân trong độ
                tuổi sẵn sàng nhập ngũ."""),
        ),
        author="Đức Long",
        source=MILITARY,
        tags=("quốc phòng", "dân quân tự vệ"),
    ),
)

NOTICES = (
    Article(
        slug="thong-bao-lich-tiep-cong-dan-cua-lanh-dao-ubnd-huyen",
        title="Thông báo lịch tiếp công dân định kỳ của lãnh đạo UBND huyện",
        lead="""Chủ tịch và các Phó Chủ tịch UBND huyện tiếp công dân định kỳ hằng tháng tại
            Trụ sở tiếp công dân huyện theo lịch dưới đây.""",
        body=(
            _p("""Công dân đến trình bày khiếu nại, tố cáo, kiến nghị, phản ánh mang theo căn
                cước và giấy tờ liên quan. Nhiều người cùng trình bày một nội dung thì cử đại
                diện, không quá năm người."""),
            _table(
                "Lịch tiếp công dân định kỳ",
                [
                    ["Thời gian", "Người tiếp", "Địa điểm"],
                    [
                        "Ngày 15 hằng tháng",
                        "Ông Nguyễn Văn An, Chủ tịch UBND huyện",
                        "Trụ sở tiếp công dân huyện",
                    ],
                    [
                        "Ngày 5 hằng tháng",
                        "Bà Trần Thị Bình, Phó Chủ tịch UBND huyện",
                        "Trụ sở tiếp công dân huyện",
                    ],
                    [
                        "Ngày 25 hằng tháng",
                        "Ông Lò Văn Cường, Phó Chủ tịch UBND huyện",
                        "Trụ sở tiếp công dân huyện",
                    ],
                ],
            ),
            _p("""Ngày tiếp công dân trùng ngày nghỉ thì chuyển sang ngày làm việc kế tiếp. Mọi
                thắc mắc xin liên hệ Ban Tiếp công dân huyện, điện thoại 0200 3800 120."""),
        ),
        author="Thu Hà",
        source=OFFICE,
        tags=("tiếp công dân",),
    ),
    Article(
        slug="thong-bao-tuyen-dung-36-vien-chuc-giao-duc",
        title="Thông báo tuyển dụng 36 viên chức giáo dục",
        lead="""UBND huyện tuyển 36 giáo viên mầm non, tiểu học và trung học cơ sở; phiếu đăng
            ký dự tuyển được nhận trong 30 ngày kể từ ngày thông báo.""",
        body=(
            heading("Chỉ tiêu và điều kiện dự tuyển"),
            _p("""Chỉ tiêu gồm 8 giáo viên mầm non, 15 giáo viên tiểu học (trong đó 6 giáo viên
                Tiếng Anh và 4 giáo viên Tin học) và 13 giáo viên trung học cơ sở. Người dự
                tuyển phải có bằng tốt nghiệp chuyên ngành phù hợp với vị trí việc làm và đáp
                ứng tiêu chuẩn chức danh nghề nghiệp theo quy định."""),
            heading("Cách nộp phiếu đăng ký"),
            _p("""Phiếu đăng ký nộp trực tiếp tại Phòng Nội vụ huyện hoặc gửi qua đường bưu
                chính. Mỗi người chỉ đăng ký một vị trí việc làm; người đăng ký từ hai vị trí
                trở lên sẽ không được xét."""),
            _p("""Danh sách thí sinh đủ điều kiện, thời gian và địa điểm xét tuyển sẽ được niêm
                yết tại Phòng Nội vụ và đăng trên Cổng thông tin điện tử huyện."""),
        ),
        author="Thu Trang",
        source=HOME_AFFAIRS,
        tags=("tuyển dụng", "giáo dục"),
        featured=True,
        related=("hon-19000-hoc-sinh-buoc-vao-nam-hoc-moi",),
    ),
    Article(
        slug="thong-bao-tam-ngung-cap-dien-tai-trung-tam-thi-tran",
        title="Thông báo tạm ngừng cấp điện tại trung tâm thị trấn Vân Sơn",
        lead="""Điện lực tạm ngừng cấp điện từ 7 giờ đến 16 giờ Chủ nhật tuần này tại các tổ
            dân phố số 1, 2, 3 và khu vực chợ trung tâm để bảo dưỡng lưới điện.""",
        body=(
            _p("""Việc ngừng cấp điện nhằm thay các cột điện hạ thế đã xuống cấp và lắp thêm một
                trạm biến áp, bảo đảm cấp điện ổn định cho khu trung tâm thị trấn trong mùa cao
                điểm."""),
            _p("""Điện sẽ được đóng lại ngay khi hoàn thành công việc, có thể sớm hơn dự kiến
                mà không báo trước. Người dân và các cơ sở kinh doanh chủ động sắp xếp công
                việc, không đến gần khu vực thi công và luôn coi đường dây như đang có
                điện."""),
        ),
        author="Mai Phương",
        source="Điện lực khu vực Vân Sơn",
        tags=("điện", "thị trấn Vân Sơn"),
    ),
    Article(
        slug="nhan-ho-so-dang-ky-dat-dai-lan-dau-qua-dich-vu-cong-truc-tuyen",
        title="Nhận hồ sơ đăng ký đất đai lần đầu qua dịch vụ công trực tuyến",
        lead="""Từ tháng tới, người dân có thể nộp hồ sơ đăng ký đất đai, cấp giấy chứng nhận
            lần đầu qua mạng, theo dõi tiến độ và nhận kết quả qua bưu điện.""",
        body=(
            _p("""Để nộp hồ sơ trực tuyến, người dân cần có tài khoản định danh điện tử mức độ
                2. Hồ sơ gồm đơn đăng ký theo mẫu và bản chụp các giấy tờ về quyền sử dụng đất;
                bản gốc được nộp khi nhận kết quả."""),
            _p("""Người chưa quen thao tác có thể đến bộ phận một cửa cấp xã hoặc nhờ tổ công
                nghệ số cộng đồng ở thôn hướng dẫn miễn phí."""),
            _quote(
                """Mục tiêu là người dân đi lại ít hơn, hồ sơ minh bạch hơn, ai cũng biết hồ sơ
                của mình đang ở đâu.""",
                "Ông Lò Văn Cường, Phó Chủ tịch UBND huyện",
            ),
        ),
        author="Minh Anh",
        source=OFFICE,
        tags=("dịch vụ công trực tuyến", "đất đai", "cải cách hành chính"),
    ),
    Article(
        slug="khuyen-cao-phong-chong-doi-ret-cho-trau-bo",
        title="Khuyến cáo phòng, chống đói, rét cho trâu, bò trong mùa đông",
        lead="""Khi nhiệt độ xuống dưới 12 °C, người chăn nuôi không thả trâu, bò lên núi cao,
            cần che chắn chuồng trại và cho ăn thêm thức ăn tinh.""",
        body=(
            _p("""Phòng Nông nghiệp và Môi trường huyện đề nghị các hộ gia cố chuồng trại, quây
                bạt kín phía hướng gió, lót ổ bằng rơm khô; dự trữ rơm, cỏ khô, thân ngô ủ chua
                và mua thêm cám, đá liếm để bổ sung cho vật nuôi."""),
            _list(
                "Không cho trâu, bò làm việc nặng khi trời rét đậm.",
                "Cho uống nước ấm pha một ít muối.",
                "Mặc áo bằng bao tải cho bê, nghé và gia súc già yếu.",
                "Báo ngay cho thú y xã khi vật nuôi bỏ ăn, run hoặc nằm nhiều.",
            ),
            _p("""Các xã tổng hợp số gia súc chết do rét (nếu có) và báo cáo UBND huyện để được
                xem xét hỗ trợ theo quy định."""),
        ),
        author="Văn Khải",
        source=AGRICULTURE,
        tags=("chăn nuôi", "nông nghiệp"),
    ),
    Article(
        slug="cong-bo-7-san-pham-dat-tieu-chuan-ocop-cap-huyen",
        title="Công bố 7 sản phẩm đạt tiêu chuẩn OCOP cấp huyện",
        lead="""Hội đồng đánh giá, phân hạng sản phẩm của huyện đã chấm điểm 11 sản phẩm;
            7 sản phẩm đạt 3 sao, trong đó có chè hữu cơ Suối Ngọc và giỏ mây Bản Chang.""",
        body=(
            _p("""Các sản phẩm đạt chuẩn gồm: chè xanh hữu cơ Suối Ngọc, mật ong bạc hà Pù Vân,
                gạo nếp Phúc Hòa, măng khô Khe Mây, miến dong Đồng Lau, rượu men lá Bản Thượng
                và giỏ mây Bản Chang."""),
            _p("""Chủ thể có sản phẩm đạt chuẩn được in biểu trưng OCOP trên bao bì trong 36
                tháng và được hỗ trợ tham gia hội chợ, điểm giới thiệu sản phẩm trong và ngoài
                tỉnh."""),
            _p("""Bốn sản phẩm chưa đạt sẽ được hướng dẫn hoàn thiện hồ sơ, cải tiến bao bì và
                bổ sung kết quả kiểm nghiệm để tham gia đợt đánh giá sau."""),
        ),
        author="Bích Ngọc",
        source=AGRICULTURE,
        tags=("OCOP", "nông sản"),
        related=("lang-nghe-may-tre-dan-ban-chang-nhan-don-hang-lon",),
    ),
    Article(
        slug="lich-thu-gom-rac-thai-sinh-hoat-moi-tai-thi-tran",
        title="Thông báo lịch thu gom rác thải sinh hoạt mới tại thị trấn Vân Sơn",
        lead="""Từ đầu tháng tới, xe thu gom rác đi qua các tổ dân phố từ 17 giờ 30 đến 20 giờ
            hằng ngày; người dân để rác đã phân loại trước cửa nhà đúng khung giờ.""",
        body=(
            _p("""Rác sinh hoạt được phân thành ba loại: rác hữu cơ dễ phân hủy (thức ăn thừa,
                rau, củ, quả); rác tái chế được (giấy, nhựa, kim loại) và rác còn lại. Các hộ
                có vườn được khuyến khích ủ rác hữu cơ làm phân bón."""),
            _p("""Không đổ rác ra lề đường, bờ suối, khu đất trống. Hành vi vứt, đổ rác không
                đúng nơi quy định sẽ bị xử phạt theo quy định về bảo vệ môi trường."""),
            _p("""Mọi phản ánh về việc thu gom rác xin gọi số 0200 3800 155 (Ban Quản lý dịch
                vụ công ích huyện) trong giờ hành chính."""),
        ),
        author="Mai Phương",
        source="Ban Quản lý dịch vụ công ích huyện",
        tags=("môi trường", "rác thải"),
    ),
    Article(
        slug="tuyen-sinh-lop-dao-tao-nghe-mien-phi-cho-lao-dong-nong-thon",
        title="Tuyển sinh các lớp đào tạo nghề miễn phí cho lao động nông thôn",
        lead="""Trung tâm Giáo dục nghề nghiệp – Giáo dục thường xuyên huyện tuyển sinh năm
            lớp nghề ngắn hạn: may công nghiệp, sửa chữa máy nông nghiệp, trồng chè, chăn nuôi
            thú y và nấu ăn.""",
        body=(
            _p("""Đối tượng là lao động nông thôn từ 15 đến 60 tuổi, ưu tiên người thuộc hộ
                nghèo, hộ cận nghèo, người dân tộc thiểu số và quân nhân xuất ngũ. Học viên
                được miễn học phí, hỗ trợ tiền ăn và tiền đi lại theo quy định."""),
            _p("""Hồ sơ gồm phiếu đăng ký học nghề theo mẫu và bản sao căn cước. Người có nhu
                cầu đăng ký tại UBND xã, thị trấn nơi cư trú hoặc tại Trung tâm trước ngày 20
                tháng này."""),
            _p("""Lớp học được mở ngay tại xã nào có đủ học viên để bà con tiện theo học."""),
        ),
        author="Lò Mai",
        source="Trung tâm Giáo dục nghề nghiệp – Giáo dục thường xuyên huyện",
        tags=("đào tạo nghề", "việc làm"),
    ),
)

NEWS_ROOT = {
    "slug": "tin-tuc",
    "title": "Tin tức – Sự kiện",
    "intro": (
        "Tin hoạt động của chính quyền, các cơ quan chuyên môn và 13 xã, thị trấn "
        "huyện Vân Sơn, cập nhật hằng ngày."
    ),
}

SECTIONS = (
    Section(
        "chinh-tri",
        "Chính trị",
        "Hoạt động của Huyện ủy, HĐND, UBND huyện và công tác xây dựng chính quyền.",
        POLITICS,
    ),
    Section(
        "kinh-te",
        "Kinh tế",
        "Nông nghiệp, hạ tầng, làng nghề, thương mại và ngân sách của huyện.",
        ECONOMY,
    ),
    Section(
        "van-hoa-xa-hoi",
        "Văn hóa – Xã hội",
        "Giáo dục, y tế, văn hóa, thể thao và an sinh xã hội trên địa bàn huyện.",
        SOCIETY,
    ),
    Section(
        "quoc-phong-an-ninh",
        "Quốc phòng – An ninh",
        "Quân sự địa phương, dân quân tự vệ, phòng chống thiên tai và trật tự an toàn xã hội.",
        DEFENCE,
    ),
    Section(
        "thong-bao",
        "Thông báo",
        "Thông báo, lịch làm việc và hướng dẫn của UBND huyện và các cơ quan chuyên môn.",
        NOTICES,
    ),
)


def schedule() -> list[tuple[Section, Article]]:
    """Every sample article with its section, newest first.

    Sections take turns, so the newest articles of every section sit close together and
    each home page block shows recent news. An article's `related` picks must come later
    in this list: they are created first, oldest to newest.
    """
    rounds = max(len(section.articles) for section in SECTIONS)
    return [
        (section, section.articles[turn])
        for turn in range(rounds)
        for section in SECTIONS
        if turn < len(section.articles)
    ]


def publication_time(position: int, total: int, now: datetime.datetime) -> datetime.datetime:
    """When the article at this position (0 = newest) of `total` was published.

    Days are counted back from the local midnight of `now`, so the newest article is from
    yesterday and never in the future, and a later position is always at least a few
    days older whatever hour the seed runs.
    """
    midnight = timezone.localtime(now, LOCAL_TZ).replace(hour=0, minute=0, second=0, microsecond=0)
    days = 1 + position * SPAN_DAYS // total
    return (
        midnight
        - datetime.timedelta(days=days)
        + datetime.timedelta(hours=7 + (position * 3) % 10, minutes=(position * 17) % 60)
    )


def _illustrations() -> list:
    """The library images of ILLUSTRATIONS, drawn and stored the first time."""
    return [
        get_or_create_image(item.title, draw_landscape(item.seed), item.filename)
        for item in ILLUSTRATIONS
    ]


def _ensure_section(parent, slug: str, title: str, intro: str):
    """The news section `slug` under parent, and whether this call created it."""
    created = not parent.get_children().filter(slug=slug).exists()
    section = child_page(parent, NewsIndexPage, slug, title=title, intro=intro, show_in_menus=True)
    return section, created


def _create_article(section_page, article: Article, published_at, cover: int, images, pages):
    """Adds and publishes one article.

    `cover` indexes ILLUSTRATIONS, `images` are their library images and `pages` maps
    slugs to the sample articles that already exist (for the editor's related picks).
    """
    page = NewsPage(
        slug=article.slug,
        title=article.title,
        lead=_squash(article.lead),
        cover_image=images[cover],
        cover_alt="" if article.decorative_cover else ILLUSTRATIONS[cover].alt,
        cover_decorative=article.decorative_cover,
        cover_caption="Ảnh minh họa.",
        body=[
            block.block(images) if isinstance(block, Gallery) else block for block in article.body
        ],
        author=article.author,
        source=article.source,
        published_at=published_at,
        featured=article.featured,
    )
    page.tags.add(*article.tags)
    # Picks go in before the first revision so that the published version carries them;
    # a pick an editor has since deleted is simply left out.
    for target_slug in article.related:
        if target_slug in pages:
            page.related_links.add(NewsRelatedLink(target=pages[target_slug]))
    section_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@transaction.atomic
def seed_news(home, stdout=None):
    """Adds the news sections and sample articles under the district home page.

    Idempotent: sections and articles are looked up by slug under their parent, and only
    the missing ones are created, so a second run adds nothing.
    """
    root, root_created = _ensure_section(
        home, NEWS_ROOT["slug"], NEWS_ROOT["title"], NEWS_ROOT["intro"]
    )
    sections_created = int(root_created)
    section_pages = {}
    pages = {}
    for section in SECTIONS:
        section_pages[section.slug], created = _ensure_section(
            root, section.slug, section.title, section.intro
        )
        sections_created += created
        for page in NewsPage.objects.child_of(section_pages[section.slug]):
            pages[page.slug] = page

    plan = schedule()
    now = timezone.now()
    created_articles = []
    # Drawn only when an article is missing, so a rerun during `make run` stays instant.
    images = None
    # Oldest first, so the articles an editor "picked" as related already exist.
    for position in reversed(range(len(plan))):
        section, article = plan[position]
        if article.slug in pages:
            continue
        if images is None:
            images = _illustrations()
        pages[article.slug] = _create_article(
            section_pages[section.slug],
            article,
            publication_time(position, len(plan), now),
            position % len(ILLUSTRATIONS),
            images,
            pages,
        )
        created_articles.append(article)

    if stdout is not None:
        if sections_created or created_articles:
            featured = sum(article.featured for article in created_articles)
            galleries = sum(
                any(isinstance(block, Gallery) for block in article.body)
                for article in created_articles
            )
            stdout.write(
                f"Tin tức mẫu: đã tạo {sections_created} chuyên mục và "
                f"{len(created_articles)} bài viết ({featured} tin nổi bật, "
                f"{galleries} bài có bộ ảnh).\n"
            )
        else:
            stdout.write("Tin tức mẫu: đã có đủ chuyên mục và bài viết, không tạo thêm.\n")
