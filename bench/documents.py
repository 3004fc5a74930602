"""Throughput and latency of the document register's search, on SQLite and PostgreSQL.

What it measures
    Requests per second and p50/p95 latency of the register's listing ``/van-ban/``
    (DocumentIndexPage, documents/views.py ``listing``) answering searches, served by
    ``gunicorn portal.wsgi:application --workers 4`` with the production settings, with
    N legal documents (20,000 by default) in the register:

    * ``filters+q``: two filters and a two-word text query, rotating over 60 combinations
      a citizen would type: ``?loai=…&nam=…&q=…``, and the other pairs of type (loai),
      issuing body (co_quan), field (linh_vuc) and year (nam). Each combination is made
      from a document of the register, so none is empty; the words are typed with
      accents, without accents or capitalised, as people do.
    * ``number``: a document number alone, ``?q=15/2024/QĐ-UBND``, typed in one of the
      ways documents/numbers.py folds together (``15/2024/qđ-ubnd``,
      ``15/2024/QD-UBND``, ``15 2024 QĐ UBND``), rotating over 40 numbers.

    Both are measured in the two modes of news.py, gunicorn restarted in between:
    ``cached`` (the whole-page cache as shipped, rotating over the first 20 URLs of
    each, every one requested once first, so the figures are cache hits: a register's
    searches repeat far less than its pages, so this is the best case) and
    ``uncached`` (``PORTAL_PAGE_CACHE_SECONDS=0``: every request runs the search, the
    count and the page of 20, over all the URLs).

    Phases, load, latency and the CPU columns are those of news.py (see its docstring).

How it stays isolated
    As news.py, through the same machinery (_common.py): a temporary directory removed
    at the end, a two-line settings module over ``portal.settings.production``, and a
    fresh PostgreSQL database (``--pg-name``, ``portal_bench_documents`` by default,
    dropped first if it exists and always at the end) on 127.0.0.1:5432 as user
    postgres. gunicorn listens on 127.0.0.1:8793 (``--port``).

How the data is made
    ``manage.py migrate``, then this file as a hidden helper (``--populate``): the
    district home page with its Site and SiteSettings, the register ``/van-ban/``, the
    controlled lists (the 12 types and 16 fields of documents/demo.py; the 12 issuing
    bodies of the demo plus Quốc hội, Chính phủ and Bộ Tài chính), then the documents,
    issued over the last five calendar years (this one included, up to today):

    * each issuing body issues its own mix of types under its own number series
      (``{n}/QĐ-UBND``, ``{n}/{year}/NQ-HĐND``, ``{n}-KH/HU``, ``{n}/UBND-VP``…); the
      UBND huyện issues about half the documents, the central bodies a few percent;
      numbers follow the date of issue and are unique per issuing body, as the editor
      form (LegalDocumentPage.clean) requires, so series without a year keep counting
      across years;
    * one or two fields (the offices' own fields first), a title and a summary built
      from a subject of those fields, a signer of the body;
    * dates of effect and of expiry by type (plans expire at the end of their year), a
      few replacing or amending an earlier document of their series, a few with a
      status set by hand, so every validity status occurs; all of security level
      "thuong" (public);
    * ``number_key`` and ``search_text`` computed with documents/numbers.py exactly as
      LegalDocumentPage.save does.

    Two documents are created the ordinary way (add_child, a published revision); the
    rest are bulk-inserted as valid pages (treebeard paths, depth, numchild; checked with
    ``Page.find_problems()``), with their field rows and relations. PostgreSQL gets
    ANALYZE afterwards, SQLite nothing. The helper then runs every URL of the rotation
    through the listing's own filter (DocumentFilterForm) and prints how many documents
    each finds and where the document whose number was typed comes in the results.

    Before measuring, each gunicorn must answer ``/van-ban/`` with the full count, the
    first search with the count the ORM found (not zero), a number search with the
    document it names, and a document page.

How to run it (about 3 minutes per database on a 2-core machine)::

    .venv/bin/python bench/documents.py
    .venv/bin/python bench/documents.py --db sqlite --documents 2000 --duration 5

Exits with status 1 if any request failed (warm-up included) and 2 if the set-up did.
"""

import argparse
import json
import re
import statistics
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from _common import (
    HOST,
    Benchmark,
    SetupError,
    add_arguments,
    analyze_if_postgres,
    bulk_add_children,
    check_tree,
    create_district,
    django_setup,
    entry,
    fetch,
    run,
)

INDEX_PATH = "/van-ban/"
FILTERED_URLS = 60
NUMBER_URLS = 40
CACHED_URLS = 20  # a cache hit costs the same whatever the URL: fewer to prime
PER_PAGE = 20  # documents.views.DOCUMENTS_PER_PAGE
YEARS = 5
BY_HAND = 2
SEED = 2026
COUNT = re.compile(r"Tìm thấy (\d+) văn bản")
FILTER_PAIRS = [
    ("loai", "nam"),
    ("co_quan", "nam"),
    ("linh_vuc", "nam"),
    ("loai", "co_quan"),
    ("co_quan", "linh_vuc"),
    ("loai", "linh_vuc"),
]


@dataclass(frozen=True)
class Issuer:
    """An issuing body: its share of the documents, number series, fields and signers.

    series: (type, weight, number format with {n}, and {year} or {unit} if it has them).
    fields: the fields of its documents, if it has its own (an office); else any.
    """

    name: str
    weight: float
    series: tuple
    signers: tuple
    fields: tuple = ()
    units: tuple = ()


def _office(name, code, weight, fields, signers):
    return Issuer(
        name,
        weight,
        (
            ("Hướng dẫn", 2, "{n}/HD-" + code),
            ("Kế hoạch", 2, "{n}/KH-" + code),
            ("Công văn", 5, "{n}/" + code),
            ("Báo cáo", 2, "{n}/BC-" + code),
            ("Tờ trình", 2, "{n}/TTr-" + code),
            ("Thông báo", 1, "{n}/TB-" + code),
        ),
        signers,
        fields,
    )


def _commune(name, signers):
    return Issuer(
        f"UBND {name}",
        3.5,
        (
            ("Quyết định", 4, "{n}/QĐ-UBND"),
            ("Kế hoạch", 2, "{n}/KH-UBND"),
            ("Thông báo", 2, "{n}/TB-UBND"),
            ("Công văn", 4, "{n}/UBND"),
            ("Báo cáo", 2, "{n}/BC-UBND"),
            ("Tờ trình", 1, "{n}/TTr-UBND"),
        ),
        signers,
    )


# Names as in documents/demo.py (ISSUING_BODIES), plus three central bodies whose
# documents a district register lists; people and numbers are invented.
ISSUERS = (
    Issuer(
        "Quốc hội",
        0.5,
        (("Luật", 1, "{n}/{year}/QH15"),),
        (("Trần Quang Minh", "Chủ tịch Quốc hội"),),
    ),
    Issuer(
        "Chính phủ",
        1.5,
        (("Nghị định", 1, "{n}/{year}/NĐ-CP"),),
        (("Lê Thành Trung", "Thủ tướng"), ("Phạm Hữu Nghĩa", "Phó Thủ tướng")),
    ),
    Issuer(
        "Bộ Tài chính",
        1,
        (("Thông tư", 1, "{n}/{year}/TT-BTC"),),
        (("Vũ Đức Long", "Bộ trưởng"), ("Ngô Thị Lan", "Thứ trưởng")),
        ("Tài chính", "Kế hoạch – Đầu tư"),
    ),
    Issuer(
        "Huyện ủy Vân Sơn",
        6,
        (
            ("Nghị quyết", 2, "{n}-NQ/HU"),
            ("Chỉ thị", 1, "{n}-CT/HU"),
            ("Kế hoạch", 3, "{n}-KH/HU"),
            ("Thông báo", 3, "{n}-TB/HU"),
            ("Báo cáo", 2, "{n}-BC/HU"),
            ("Hướng dẫn", 1, "{n}-HD/HU"),
            ("Công văn", 4, "{n}-CV/HU"),
        ),
        (("Hà Minh Đức", "Bí thư"), ("Lương Thị Mai", "Phó Bí thư")),
    ),
    Issuer(
        "HĐND huyện Vân Sơn",
        4,
        (
            ("Nghị quyết", 3, "{n}/NQ-HĐND"),
            ("Nghị quyết", 1, "{n}/{year}/NQ-HĐND"),
            ("Báo cáo", 1, "{n}/BC-HĐND"),
            ("Thông báo", 1, "{n}/TB-HĐND"),
            ("Công văn", 1, "{n}/HĐND-VP"),
        ),
        (("Vi Thị Hằng", "Chủ tịch"), ("Nông Văn Thái", "Phó Chủ tịch")),
    ),
    Issuer(
        "UBND huyện Vân Sơn",
        40,
        (
            ("Quyết định", 10, "{n}/QĐ-UBND"),
            ("Quyết định", 1, "{n}/{year}/QĐ-UBND"),
            ("Chỉ thị", 0.5, "{n}/CT-UBND"),
            ("Kế hoạch", 4, "{n}/KH-UBND"),
            ("Thông báo", 3, "{n}/TB-UBND"),
            ("Công văn", 12, "{n}/UBND-{unit}"),
            ("Báo cáo", 3, "{n}/BC-UBND"),
            ("Tờ trình", 2, "{n}/TTr-UBND"),
        ),
        (
            ("Nguyễn Văn An", "Chủ tịch"),
            ("Trần Thị Bình", "Phó Chủ tịch"),
            ("Lò Văn Cường", "Phó Chủ tịch"),
            ("Ma Văn Tiến", "Chánh Văn phòng"),
        ),
        units=("VP", "NV", "TCKH", "GDĐT", "NNMT", "KTHT"),
    ),
    _office(
        "Phòng Nội vụ",
        "PNV",
        4,
        ("Nội vụ", "Cải cách hành chính", "Lao động – Xã hội", "Dân tộc"),
        (("Đinh Văn Hòa", "Trưởng phòng"),),
    ),
    _office(
        "Phòng Tài chính – Kế hoạch",
        "TCKH",
        4,
        ("Tài chính", "Kế hoạch – Đầu tư"),
        (("Đỗ Thị Ngân", "Trưởng phòng"),),
    ),
    _office(
        "Phòng Giáo dục và Đào tạo",
        "PGDĐT",
        4,
        ("Giáo dục",),
        (("Hoàng Thị Yến", "Trưởng phòng"), ("Triệu Văn Khánh", "Phó Trưởng phòng")),
    ),
    _office(
        "Phòng Nông nghiệp và Môi trường",
        "NNMT",
        4,
        ("Nông nghiệp", "Tài nguyên – Môi trường", "Đất đai"),
        (("Nông Đức Mạnh", "Trưởng phòng"),),
    ),
    _office(
        "Phòng Kinh tế và Hạ tầng",
        "KTHT",
        4,
        ("Giao thông", "Xây dựng", "Công thương"),
        (("Lục Văn Quân", "Trưởng phòng"),),
    ),
    _commune("thị trấn Vân Sơn", (("Phan Thị Thu Hà", "Chủ tịch"),)),
    _commune("xã Khe Mây", (("Lý Văn Sình", "Chủ tịch"),)),
    _commune("xã Phúc Hòa", (("Bùi Văn Tâm", "Chủ tịch"),)),
    _commune("xã Nà Mơ", (("Sùng A Páo", "Phó Chủ tịch"),)),
)

# What documents of each field are about, with the two words a citizen would search.
SUBJECTS = {
    "Đất đai": (
        ("bồi thường, hỗ trợ, tái định cư khi Nhà nước thu hồi đất", "thu hồi"),
        ("cấp giấy chứng nhận quyền sử dụng đất lần đầu", "chứng nhận"),
        ("kế hoạch sử dụng đất hằng năm", "sử dụng"),
        ("giá đất cụ thể để tính tiền bồi thường", "giá đất"),
    ),
    "Giáo dục": (
        ("tuyển sinh vào lớp 6 các trường trung học cơ sở", "tuyển sinh"),
        ("phổ cập giáo dục mầm non cho trẻ em 5 tuổi", "mầm non"),
        ("sắp xếp mạng lưới trường, lớp học", "trường lớp"),
        ("kỳ thi chọn học sinh giỏi cấp huyện", "học sinh"),
    ),
    "Y tế": (
        ("phòng, chống dịch sốt xuất huyết", "sốt xuất"),
        ("tiêm chủng mở rộng cho trẻ em", "tiêm chủng"),
        ("bảo hiểm y tế học sinh, sinh viên", "bảo hiểm"),
        ("bảo đảm an toàn thực phẩm dịp Tết Nguyên đán", "thực phẩm"),
    ),
    "Nông nghiệp": (
        ("phát triển vùng chè tập trung", "vùng chè"),
        ("phòng, chống bệnh dịch tả lợn châu Phi", "dịch tả"),
        ("chuyển đổi cơ cấu cây trồng trên đất trồng lúa", "cây trồng"),
        ("xây dựng nông thôn mới và nông thôn mới nâng cao", "nông thôn"),
    ),
    "Giao thông": (
        ("bảo đảm trật tự, an toàn giao thông", "an toàn"),
        ("duy tu, bảo dưỡng đường giao thông nông thôn", "bảo dưỡng"),
        ("xây dựng cầu treo dân sinh", "cầu treo"),
        ("cứng hóa đường trục thôn, bản", "cứng hóa"),
    ),
    "Xây dựng": (
        ("cấp giấy phép xây dựng nhà ở riêng lẻ", "giấy phép"),
        ("điều chỉnh quy hoạch chung xây dựng thị trấn Vân Sơn", "quy hoạch"),
        ("quản lý trật tự xây dựng", "trật tự"),
        ("sửa chữa, nâng cấp nhà văn hóa thôn", "nhà văn"),
    ),
    "Tài chính": (
        ("giao dự toán thu, chi ngân sách", "dự toán"),
        ("quyết toán ngân sách địa phương", "quyết toán"),
        ("phân bổ kinh phí sự nghiệp", "kinh phí"),
        ("quản lý, sử dụng tài sản công", "tài sản"),
    ),
    "Kế hoạch – Đầu tư": (
        ("kế hoạch đầu tư công trung hạn", "đầu tư"),
        ("phê duyệt chủ trương đầu tư dự án", "chủ trương"),
        ("kế hoạch phát triển kinh tế – xã hội", "kinh tế"),
        ("hỗ trợ doanh nghiệp nhỏ và vừa", "doanh nghiệp"),
    ),
    "Công thương": (
        ("quản lý, kinh doanh và khai thác chợ", "khai thác"),
        ("phát triển sản phẩm OCOP", "sản phẩm"),
        ("bình ổn giá hàng hóa thiết yếu dịp Tết", "bình ổn"),
        ("khuyến công và phát triển làng nghề", "làng nghề"),
    ),
    "Tài nguyên – Môi trường": (
        ("thu gom, xử lý rác thải sinh hoạt", "rác thải"),
        ("bảo vệ môi trường lưu vực sông Vân", "môi trường"),
        ("quản lý khai thác cát, sỏi lòng sông", "lòng sông"),
        ("phòng, chống thiên tai và tìm kiếm cứu nạn", "thiên tai"),
    ),
    "Văn hóa": (
        ("tổ chức Lễ hội Lồng tồng", "lễ hội"),
        ("xây dựng gia đình văn hóa, thôn văn hóa", "gia đình"),
        ("bảo tồn, phát huy giá trị di tích lịch sử", "di tích"),
        ("phát triển du lịch cộng đồng", "du lịch"),
    ),
    "Lao động – Xã hội": (
        ("chi trả trợ cấp xã hội hằng tháng", "trợ cấp"),
        ("giảm nghèo bền vững", "giảm nghèo"),
        ("đào tạo nghề cho lao động nông thôn", "đào tạo"),
        ("tặng quà người có công với cách mạng dịp Tết", "có công"),
    ),
    "Dân tộc": (
        ("chương trình mục tiêu quốc gia vùng đồng bào dân tộc thiểu số", "mục tiêu"),
        ("hỗ trợ nhà ở cho hộ nghèo đồng bào dân tộc thiểu số", "nhà ở"),
        ("chế độ đối với người có uy tín trong đồng bào dân tộc thiểu số", "uy tín"),
        ("bảo tồn tiếng nói, chữ viết của đồng bào dân tộc", "chữ viết"),
    ),
    "Nội vụ": (
        ("tuyển dụng viên chức sự nghiệp giáo dục", "viên chức"),
        ("sắp xếp đơn vị hành chính cấp xã", "đơn vị"),
        ("công tác thi đua, khen thưởng", "khen thưởng"),
        ("bổ nhiệm, bổ nhiệm lại cán bộ lãnh đạo, quản lý", "bổ nhiệm"),
    ),
    "Quốc phòng – An ninh": (
        ("tuyển chọn và gọi công dân nhập ngũ", "nhập ngũ"),
        ("diễn tập khu vực phòng thủ", "diễn tập"),
        ("bảo đảm an ninh, trật tự trên địa bàn", "an ninh"),
        ("phòng cháy, chữa cháy rừng mùa khô", "chữa cháy"),
    ),
    "Cải cách hành chính": (
        ("chuyển đổi số và xây dựng chính quyền số", "chuyển đổi"),
        ("công bố danh mục thủ tục hành chính", "thủ tục"),
        ("thực hiện cơ chế một cửa, một cửa liên thông", "một cửa"),
        ("cung cấp dịch vụ công trực tuyến toàn trình", "dịch vụ"),
    ),
}
TITLES = {
    "Luật": "Luật sửa đổi, bổ sung một số điều liên quan đến {subject}",
    "Nghị định": "Nghị định quy định chi tiết về {subject}",
    "Thông tư": "Thông tư hướng dẫn {subject}",
    "Nghị quyết": "Nghị quyết về {subject} năm {plan}",
    "Quyết định": "Quyết định về việc {subject}",
    "Chỉ thị": "Chỉ thị về tăng cường {subject}",
    "Kế hoạch": "Kế hoạch {subject} năm {plan}",
    "Hướng dẫn": "Hướng dẫn thực hiện {subject}",
    "Thông báo": "Thông báo kết luận về {subject}",
    "Công văn": "Công văn về việc {subject}",
    "Báo cáo": "Báo cáo kết quả {subject} năm {year}",
    "Tờ trình": "Tờ trình đề nghị phê duyệt {subject}",
}
OPENINGS = {
    "Luật": "Sửa đổi, bổ sung các quy định về",
    "Nghị định": "Quy định chi tiết đối tượng, điều kiện và trình tự về",
    "Thông tư": "Hướng dẫn hồ sơ, định mức và thủ tục về",
    "Nghị quyết": "Quyết nghị mục tiêu, chỉ tiêu và giải pháp về",
    "Quyết định": "Phê duyệt và tổ chức thực hiện",
    "Chỉ thị": "Chỉ đạo các cơ quan, đơn vị tăng cường",
    "Kế hoạch": "Triển khai thực hiện",
    "Hướng dẫn": "Hướng dẫn trình tự, hồ sơ và thời hạn thực hiện",
    "Thông báo": "Thông báo ý kiến kết luận của lãnh đạo về",
    "Công văn": "Đề nghị các cơ quan, đơn vị phối hợp thực hiện",
    "Báo cáo": "Báo cáo kết quả thực hiện",
    "Tờ trình": "Đề nghị xem xét, phê duyệt",
}
CLAUSES = (
    "phân công trách nhiệm của các cơ quan chuyên môn và Ủy ban nhân dân các xã, thị trấn",
    "quy định đối tượng, điều kiện, mức hỗ trợ và trình tự thực hiện",
    "giao chỉ tiêu cụ thể và thời hạn báo cáo kết quả trước ngày 15 tháng 12",
    "tổ chức kiểm tra, đôn đốc và tổng hợp khó khăn, vướng mắc trong quá trình thực hiện",
    "bố trí kinh phí từ ngân sách địa phương và các nguồn vốn hợp pháp khác",
    "tuyên truyền để người dân và doanh nghiệp biết, thực hiện",
)
# Types with legal force in time: a date of effect some days after issue.
NORMATIVE = {"Luật", "Nghị định", "Thông tư"}
NO_EFFECT_DATE = {"Thông báo", "Công văn", "Báo cáo", "Tờ trình"}


# ------------------------------------------------------------------ populate (child)


def make_documents(total, today, rng):
    """The field values of every document, oldest first (plain data, no Django)."""
    import datetime

    start = datetime.date(today.year - YEARS + 1, 1, 1)
    span = (today - start).days
    days = sorted(start + datetime.timedelta(days=rng.randrange(span + 1)) for _ in range(total))
    weights = [issuer.weight for issuer in ISSUERS]
    counters, slugs, docs = {}, set(), []
    all_fields = list(SUBJECTS)
    for day in days:
        issuer = rng.choices(ISSUERS, weights)[0]
        kind, _, pattern = rng.choices(issuer.series, [s[1] for s in issuer.series])[0]
        series = (issuer.name, pattern, day.year if "{year}" in pattern else None)
        counters[series] = counters.get(series, 0) + 1
        unit = rng.choice(issuer.units) if issuer.units else ""
        number = pattern.format(n=f"{counters[series]:02d}", year=day.year, unit=unit)
        fields = [rng.choice(issuer.fields or all_fields)]
        if rng.random() < 0.35:
            fields.append(rng.choice([f for f in all_fields if f != fields[0]]))
        subject, keyword = rng.choice(SUBJECTS[fields[0]])
        plan = day.year + 1 if day.month >= 10 else day.year
        place = "cả nước" if kind in NORMATIVE else issuer.name.removeprefix("UBND ")
        if issuer.name.startswith(("Huyện ủy", "HĐND", "UBND huyện", "Phòng")):
            place = "huyện Vân Sơn"
        title = TITLES[kind].format(subject=subject, plan=plan, year=day.year)
        summary = (
            f"{OPENINGS[kind]} {subject} trên địa bàn {place} năm {plan}; {rng.choice(CLAUSES)}."
        )
        effective = expires = None
        if kind in NORMATIVE or "{year}" in pattern:
            effective = day + datetime.timedelta(days=rng.randint(10, 45))
        elif kind not in NO_EFFECT_DATE:
            effective = day
        if kind == "Kế hoạch":
            expires = datetime.date(plan + 1, 1, 1)
        elif kind == "Chỉ thị" and rng.random() < 0.3:
            expires = day + datetime.timedelta(days=365 * 2)
        slug = base = _slug(f"{kind} {number}")
        suffix = 1
        while slug in slugs:
            suffix += 1
            slug = f"{base}-{suffix}"
        slugs.add(slug)
        signer, signer_title = rng.choice(issuer.signers)
        docs.append(
            {
                "title": title,
                "slug": slug,
                "number": number,
                "kind": kind,
                "issuer": issuer.name,
                "fields": fields,
                "keyword": keyword,
                "signer": signer,
                "signer_title": signer_title,
                "issued_on": day,
                "effective_on": effective,
                "expires_on": expires,
                "summary": summary,
                "status_override": "het_hieu_luc" if rng.random() < 0.003 else "",
                "series": series,
            }
        )
    return docs


def _slug(text):
    from portal.slugs import vietnamese_slugify

    return vietnamese_slugify(text)


def typed(keyword, rng):
    """The two words as a citizen types them: as written, without accents, or capitalised."""
    from portal.slugs import fold_vietnamese

    way = rng.randrange(3)
    if way == 1:
        return fold_vietnamese(keyword)
    return keyword.capitalize() if way == 2 else keyword


def number_typed(number, n):
    """A document number typed the n-th of four ways numbers.number_key treats alike."""
    from portal.slugs import fold_vietnamese

    return [
        number,
        number.lower(),
        fold_vietnamese(number),
        re.sub(r"[/-]", " ", number),
    ][n % 4]


def populate(total, port, out_path):
    """Builds the district, /van-ban/, the lists and the documents; writes the URLs.

    Runs in a child process with DJANGO_SETTINGS_MODULE and the database set.
    """
    import datetime
    import random

    django_setup()

    from django.db import transaction
    from django.http import QueryDict
    from django.test import Client, override_settings
    from django.utils import timezone

    from documents.demo import DOCUMENT_FIELDS, DOCUMENT_TYPES
    from documents.filters import DocumentFilterForm, base_queryset
    from documents.models import (
        DocumentField,
        DocumentIndexPage,
        DocumentRelation,
        DocumentType,
        IssuingBody,
        LegalDocumentPage,
        RelationKind,
    )
    from documents.numbers import number_key, searchable_text

    if set(SUBJECTS) != set(DOCUMENT_FIELDS) or not set(TITLES) <= set(DOCUMENT_TYPES):
        raise SystemExit("documents/demo.py's lists changed: update SUBJECTS and TITLES")
    started = time.monotonic()
    rng = random.Random(SEED)
    today = timezone.localdate()
    docs = make_documents(total, today, rng)
    home, _ = create_district(port)
    with transaction.atomic():
        index = home.add_child(
            instance=DocumentIndexPage(
                title="Văn bản",
                slug="van-ban",
                show_in_menus=True,
                intro="Tra cứu văn bản theo số ký hiệu, loại, cơ quan ban hành và lĩnh vực.",
            )
        )
        index.save_revision().publish()
        terms = {}
        for model, names in (
            (DocumentType, DOCUMENT_TYPES),
            (IssuingBody, [issuer.name for issuer in ISSUERS]),
            (DocumentField, DOCUMENT_FIELDS),
        ):
            for order, name in enumerate(names):
                terms[model, name] = model.objects.create(name=name, sort_order=order)

        def values(doc):
            """LegalDocumentPage's field values, number_key and search_text as save() sets."""
            return {
                "title": doc["title"],
                "slug": doc["slug"],
                "number": doc["number"],
                "document_type": terms[DocumentType, doc["kind"]],
                "issuing_body": terms[IssuingBody, doc["issuer"]],
                "signer": doc["signer"],
                "signer_title": doc["signer_title"],
                "issued_on": doc["issued_on"],
                "effective_on": doc["effective_on"],
                "expires_on": doc["expires_on"],
                "summary": doc["summary"],
                "status_override": doc["status_override"],
                "security_level": "thuong",
                "number_key": number_key(doc["number"]),
                "search_text": searchable_text(f"{doc['number']} {doc['title']} {doc['summary']}"),
            }

        # The two oldest the ordinary way (save() fills number_key and search_text)…
        pks = []
        for doc in docs[:BY_HAND]:
            page = LegalDocumentPage(**values(doc))
            page.fields.set([terms[DocumentField, name] for name in doc["fields"]])
            index.add_child(instance=page)
            page.save_revision().publish()
            pks.append(page.pk)
        # …and the rest bulk-inserted, then their fields (the two above have theirs) and
        # the relations.
        published = datetime.time(8, 0, tzinfo=timezone.get_current_timezone())
        items = [
            {**values(doc), "published": datetime.datetime.combine(doc["issued_on"], published)}
            for doc in docs[BY_HAND:]
        ]
        pks += bulk_add_children(index, LegalDocumentPage, items)
        through = LegalDocumentPage.fields.through
        through.objects.bulk_create(
            [
                through(legaldocumentpage_id=pk, documentfield_id=terms[DocumentField, name].pk)
                for pk, doc in zip(pks[BY_HAND:], docs[BY_HAND:], strict=True)
                for name in doc["fields"]
            ],
            batch_size=1000,
        )
        relations, earlier = [], {}
        for pk, doc in zip(pks, docs, strict=True):
            previous = earlier.setdefault((doc["series"][:2], doc["kind"]), [])
            acts = doc["kind"] not in NO_EFFECT_DATE and doc["kind"] != "Kế hoạch"
            if acts and previous and rng.random() < 0.05:
                kind = RelationKind.REPLACES if rng.random() < 0.6 else RelationKind.AMENDS
                relations.append(
                    DocumentRelation(source_id=pk, target_id=rng.choice(previous), kind=kind)
                )
            previous.append(pk)
        DocumentRelation.objects.bulk_create(relations, batch_size=1000)

    # Checks: counts, a valid tree, numbers unique per issuing body as clean() requires.
    check_tree()
    live = base_queryset(index).count()
    if live != total or LegalDocumentPage.objects.count() != total:
        raise SystemExit(f"expected {total} public documents, found {live}")
    keys = {(doc["issuer"], number_key(doc["number"])) for doc in docs}
    if len(keys) != total:
        raise SystemExit(f"{total - len(keys)} numbers repeat within an issuing body")
    analyze_if_postgres()
    print(f"{live} documents, {len(relations)} relations: {time.monotonic() - started:.1f} s")
    started = time.monotonic()

    # The URLs: filter pairs and words from documents of the register, then numbers.
    slugs = {
        "loai": lambda doc: terms[DocumentType, doc["kind"]].slug,
        "co_quan": lambda doc: terms[IssuingBody, doc["issuer"]].slug,
        "linh_vuc": lambda doc: terms[DocumentField, doc["fields"][0]].slug,
        "nam": lambda doc: str(doc["issued_on"].year),
    }
    filtered = []
    for n, position in enumerate(rng.sample(range(total), FILTERED_URLS)):
        doc = docs[position]
        params = {name: slugs[name](doc) for name in FILTER_PAIRS[n % len(FILTER_PAIRS)]}
        params["q"] = typed(doc["keyword"], rng)
        filtered.append(f"{INDEX_PATH}?{urlencode(params)}")
    numbers = []
    for n, position in enumerate(rng.sample(range(total), NUMBER_URLS)):
        text = number_typed(docs[position]["number"], n)
        numbers.append((f"{INDEX_PATH}?{urlencode({'q': text})}", pks[position]))

    def results(path):
        form = DocumentFilterForm(QueryDict(path.partition("?")[2]))
        return list(form.filter(base_queryset(index)).values_list("pk", flat=True))

    counts = [len(results(path)) for path in filtered]
    if min(counts) == 0:
        raise SystemExit(f"{counts.count(0)} searches find nothing")
    print(
        f"filters+q: {len(filtered)} URLs, documents found: min {min(counts)}, "
        f"median {statistics.median(counts):g}, max {max(counts)}",
        flush=True,
    )
    ranks, found = [], []
    for path, pk in numbers:
        pks_found = results(path)
        found.append(len(pks_found))
        ranks.append(pks_found.index(pk) + 1 if pk in pks_found else None)
    if None in ranks:
        raise SystemExit(f"number searches miss their document: {numbers[ranks.index(None)]}")
    print(
        f"number: {len(numbers)} URLs, documents found: min {min(found)}, "
        f"median {statistics.median(found):g}, max {max(found)}; the document typed comes "
        f"first in {ranks.count(1)}, after page 1 (rank > {PER_PAGE}) in "
        f"{sum(rank > PER_PAGE for rank in ranks)}, worst rank {max(ranks)}",
        flush=True,
    )
    worst = max(range(len(numbers)), key=lambda i: ranks[i])
    print(f"  worst: {numbers[worst][0]} finds {found[worst]}, the document is #{ranks[worst]}")

    # Renditions (the emblem) are made on first display: render the listing once here.
    on_page_one = next((i for i, rank in enumerate(ranks) if rank <= PER_PAGE), None)
    if on_page_one is None:
        raise SystemExit("no number search shows its document on the first page")
    document = LegalDocumentPage.objects.get(pk=numbers[on_page_one][1])
    prefix = len(home.url_path) - 1
    with override_settings(PORTAL_PAGE_CACHE_SECONDS=0):
        client = Client(HTTP_HOST=HOST)
        for path in (INDEX_PATH, document.url_path[prefix:]):
            status = client.get(path).status_code
            if status != 200:
                raise SystemExit(f"GET {path} answered {status} while making renditions")
    print(f"searches checked, listing rendered: {time.monotonic() - started:.1f} s")
    out_path.write_text(
        json.dumps(
            {
                "count": live,
                "filtered": filtered,
                "filtered_count": counts[0],
                "numbers": [path for path, _ in numbers],
                "number_check": [numbers[on_page_one][0], document.number],
                "document": [document.url_path[prefix:], document.number],
            }
        )
    )


# ----------------------------------------------------------------------- checks


def check_pages(port, data):
    """The listing, a search, a number search and a document page answer as expected."""
    number_path, number = data["number_check"]
    checks = [
        (INDEX_PATH, data["count"], None),
        (data["filtered"][0], data["filtered_count"], None),
        (number_path, None, f">{number}</a>"),
        (data["document"][0], None, data["document"][1]),
    ]
    for path, count, expected in checks:
        status, body = fetch(port, path)
        text = body.decode("utf-8", errors="replace")
        found = COUNT.search(text)
        if status != 200:
            raise SetupError(f"GET {path}: {status}")
        if count is not None and (not found or int(found[1]) != count or count == 0):
            raise SetupError(f"GET {path}: {found and found[0]!r}, expected {count} (non-zero)")
        if path != data["document"][0] and not (found and int(found[1]) > 0):
            raise SetupError(f"GET {path}: finds no document")
        if expected is not None and expected not in text:
            raise SetupError(f"GET {path}: {expected!r} missing")


def phases(data, mode):
    """Both searches; cached, the first CACHED_URLS of each (all primed first)."""
    filtered, numbers = data["filtered"], data["numbers"]
    if mode == "cached":
        filtered, numbers = filtered[:CACHED_URLS], numbers[:CACHED_URLS]
    return [("filters+q", filtered), ("number", numbers)]


BENCH = Benchmark(
    script=Path(__file__).resolve(),
    populate_args=lambda args: ["--documents", str(args.documents)],
    heading=lambda args: f"document register /van-ban/ searches: {args.documents} documents",
    check=check_pages,
    phases=phases,
)


def parse_args(argv=None):
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=20_000)
    add_arguments(parser, port=8793, pg_name="portal_bench_documents")
    args = parser.parse_args(argv)
    if args.documents < 500 or args.concurrency < 1 or args.duration <= 0:
        parser.error("need at least 500 documents, 1 thread and a positive duration")
    return args


def main(argv=None):
    """Runs the benchmark (or, with --populate, fills the database); returns the exit status."""
    args = parse_args(argv)
    if args.populate:
        populate(args.documents, args.port, args.populate)
        return 0
    return run(BENCH, args)


if __name__ == "__main__":
    entry(main)
