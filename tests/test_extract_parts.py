"""Parts of auditor.extract: dates, listing links, decoding, bylines, the public surface, and
robustness of the whole cascade against mangled pages (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import auditor.extract
from auditor.errors import ExtractError
from auditor.extract import extract_article, extract_links
from auditor.extract.dates import month_first_page, parse_date
from auditor.extract.decode import decode_html
from auditor.extract.metadata import clean_byline, looks_like_person


def test_public_surface_is_pinned() -> None:
    assert sorted(auditor.extract.__all__) == ["Article", "extract_article", "extract_links"]


@pytest.mark.parametrize("text, expected", [
    ("Thứ tư, 22/10/2025, 07:30 (GMT+7)", "2025-10-22T07:30:00+07:00"),
    ("22/10/2025 07:30", "2025-10-22T07:30:00+07:00"),
    ("2025-10-22T19:25:52+07:00", "2025-10-22T19:25:52+07:00"),
    ("2025-10-22T12:25:52Z", "2025-10-22T12:25:52+00:00"),
    ("2025-10-22 19:25", "2025-10-22T19:25:00+07:00"),
    ("07:30 22-10-2025", "2025-10-22T07:30:00+07:00"),
    ("Cập nhật lúc 10h20 ngày 22/10/2025", "2025-10-22T10:20:00+07:00"),
    ("Cập nhật thứ hai, ngày 24/12/12 11:05 tối", "2012-12-24T23:05:00+07:00"),
    ("Thứ Hai, 24/12/2012, 03:04 AM (GMT+7)", "2012-12-24T03:04:00+07:00"),
    ("15:20 PM | 21/12/2012", "2012-12-21T15:20:00+07:00"),
    ("ngày 22 tháng 10 năm 2025", "2025-10-22T00:00:00+07:00"),
    ("22 Tháng Mười, 2025 lúc 7:30 chiều", "2025-10-22T19:30:00+07:00"),
    ("3 tháng Mười Hai, 2024", "2024-12-03T00:00:00+07:00"),
    ("22/10/2025 | 07:30", "2025-10-22T07:30:00+07:00"),
    ("22.10.2025 - 07:30 AM", "2025-10-22T07:30:00+07:00"),
    ("Thứ Bảy, 1/3/2025 - 9:05 (GMT+8)", "2025-03-01T09:05:00+08:00"),
])
def test_vietnamese_dates(text: str, expected: str) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["", "không có ngày", "31/02/2025", "99/99/9999", "ngày 19.12 xét xử", "1/1/1890"])
def test_not_a_date(text: str) -> None:
    assert parse_date(text) is None


def test_month_first_pages() -> None:
    assert month_first_page("Published on 03-08-2011 01:00 AM ... 12-27-2012")
    assert not month_first_page("22/10/2025 ... 03/08/2011")
    assert parse_date("03-08-2011 01:00 AM", month_first=True) == "2011-03-08T01:00:00+07:00"


@pytest.mark.parametrize("raw, expected", [
    ("Theo Sầm Hoa (Vietnamnet/Reuters)", "Sầm Hoa (Vietnamnet/Reuters)"),
    ("Theo Minh Nguyễn/Vcamp.vn", "Minh Nguyễn"),
    ("Tin, ảnh: Vũ Phương Thảo", "Vũ Phương Thảo"),
    ("Bài và ảnh: Hồ Thị Lan", "Hồ Thị Lan"),
    ("H.V.", "H.V."),
    ("VnExpress", None),
    ("Báo Quảng Ngãi", None),
    ("Theo Thanh Niên", None),
])
def test_clean_byline(raw: str, expected: str | None) -> None:
    assert clean_byline(raw) == expected


def test_person_names_only() -> None:
    assert looks_like_person("Quang Phong - Tùng Nguyên")
    assert looks_like_person("K. Miên")
    assert not looks_like_person("Trung")
    assert looks_like_person("Trung", single_word=True)
    assert not looks_like_person("Các bị cáo tại tòa")
    assert not looks_like_person("SEO, Traffic Team")


LISTING = """<html><head><base href="https://baoquangngai.vn/"></head><body>
<nav><a href="/thoi-su/">Thời sự</a><a href="/xa-hoi/">Xã hội</a></nav>
<div class="list-news">
  <h3><a href="xa-hoi/202510/phu-nu-ba-to-giu-nghe-det-3160001.html#comments">Phụ nữ Ba Tơ giữ nghề dệt thổ cẩm truyền thống</a></h3>
  <h3><a href="/xa-hoi/202510/phu-nu-ba-to-giu-nghe-det-3160001.html">Phụ nữ Ba Tơ giữ nghề dệt thổ cẩm truyền thống</a></h3>
  <h3><a href="https://baoquangngai.vn/xa-hoi/202510/hoi-nghi-binh-dang-gioi-3160002.html">Hội nghị tổng kết bình đẳng giới năm 2025</a></h3>
  <h3><a href="https://m.baoquangngai.vn/xa-hoi/nu-can-bo-xa-3160003.html">Nữ cán bộ xã vùng cao tận tụy với dân</a></h3>
  <h3><a href="https://other-site.vn/bai-khac-123456.html">Một bài của trang khác có tiêu đề dài</a></h3>
  <a class="thumb" href="/xa-hoi/202510/anh-3160004.html" title="Ảnh: ngày hội gia đình hạnh phúc ở Sơn Hà"><img src="a.jpg"></a>
  <a href="javascript:void(0)">Xem thêm các tin tức khác của chuyên mục</a>
  <a href="/tag/binh-dang-gioi">Thẻ: bình đẳng giới và phụ nữ</a>
</div>
<div class="footer"><a href="/lien-he">Liên hệ với tòa soạn Báo Quảng Ngãi</a></div></body></html>"""


def test_extract_links_heuristic() -> None:
    links = extract_links(LISTING, "https://baoquangngai.vn/xa-hoi/")
    assert links == [
        "https://baoquangngai.vn/xa-hoi/202510/phu-nu-ba-to-giu-nghe-det-3160001.html",
        "https://baoquangngai.vn/xa-hoi/202510/hoi-nghi-binh-dang-gioi-3160002.html",
        "https://m.baoquangngai.vn/xa-hoi/nu-can-bo-xa-3160003.html",
        "https://baoquangngai.vn/xa-hoi/202510/anh-3160004.html",
    ]


def test_extract_links_selector_and_other_sites() -> None:
    links = extract_links(LISTING, "https://baoquangngai.vn/xa-hoi/", "div.list-news h3")
    assert links[0] == "https://baoquangngai.vn/xa-hoi/202510/phu-nu-ba-to-giu-nghe-det-3160001.html"
    assert "https://other-site.vn/bai-khac-123456.html" not in links
    everywhere = extract_links(LISTING, "https://baoquangngai.vn/xa-hoi/", "div.list-news h3 a", same_site_only=False)
    assert "https://other-site.vn/bai-khac-123456.html" in everywhere
    assert len(everywhere) == len(set(everywhere)) == 4
    # a selector naming non-article links is obeyed: the listing's own layout is the judge
    assert extract_links(LISTING, "https://baoquangngai.vn/", "nav a") == [
        "https://baoquangngai.vn/thoi-su/", "https://baoquangngai.vn/xa-hoi/"]


def test_extract_links_bad_selector() -> None:
    with pytest.raises(ExtractError, match="CSS"):
        extract_links(LISTING, "https://baoquangngai.vn/", "div[[")


def test_decode_prefers_bom_and_declared_legacy_charset() -> None:
    assert decode_html("Xin chào".encode("utf-8-sig"))[0] == "Xin chào"
    latin = '<meta charset="iso-8859-1"><p>caf\xe9</p>'.encode("latin-1")
    text, encoding = decode_html(latin)
    assert "café" in text and encoding == "cp1252"   # iso-8859-1 means windows-1252 (WHATWG)
    with pytest.raises(ExtractError, match="nhị phân"):
        decode_html(b"PK\x03\x04" + bytes(200))


PAGE = ("<html><head><title>Tiêu đề bài</title></head><body><h1>Tiêu đề bài</h1><div class='detail-content'>"
        + "".join(f"<p>Đoạn văn số {i} nói về bình đẳng giới trong gia đình và xã hội Việt Nam hôm nay.</p>"
                  for i in range(8)) + "</div></body></html>")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cut=st.integers(min_value=0, max_value=len(PAGE)), junk=st.text(max_size=40),
       where=st.integers(min_value=0, max_value=len(PAGE)))
def test_mangled_pages_extract_or_raise_extract_error(cut: int, junk: str, where: int) -> None:
    """Truncated pages with random text spliced in: an Article or an ExtractError, nothing else."""
    mangled = PAGE[:where] + junk + PAGE[where:cut] if where < cut else PAGE[:cut] + junk
    for data in (mangled, mangled.encode("utf-8", "surrogatepass")):
        try:
            article = extract_article(data, "https://example.vn/bai-viet-123456.html", stages=("site", "baseline"))
        except ExtractError:
            continue
        assert article.paragraphs and all(article.paragraphs)


def test_invalid_addresses_in_the_page_are_skipped_not_fatal() -> None:
    html = ('<base href="http://[::1/"><a href="http://[::1/x-123456.html">Tin tức thời sự về phụ nữ ở cơ sở</a>'
            '<a href="/xa-hoi/tin-tuc-phu-nu-3160001.html">Phụ nữ Ba Tơ giữ nghề dệt thổ cẩm</a>')
    assert extract_links(html, "https://baoquangngai.vn/") == [
        "https://baoquangngai.vn/xa-hoi/tin-tuc-phu-nu-3160001.html"]
    body = "".join(f"<p>Đoạn văn số {i} nói về bình đẳng giới trong gia đình và xã hội Việt Nam.</p>" for i in range(6))
    page = (f'<html><head><link rel="canonical" href="http://[::1/x"></head><body><h1>Tiêu đề bài viết</h1>'
            f'<div class="detail-content">{body}</div></body></html>')
    article = extract_article(page, "https://example.vn/bai-viet-123456.html")
    assert article.canonical_url == "https://example.vn/bai-viet-123456.html"
