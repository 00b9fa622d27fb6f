"""Article extraction on Vietnamese pages written here in the shape of real CMSs (VnExpress-like,
Dân trí-like, a provincial portal, a 2012-style table layout, broken and mis-encoded pages)."""

from __future__ import annotations

import unicodedata

import pytest

from auditor.crawl.decoding import encode_cp1258
from auditor.errors import ExtractError
from auditor.extract import Article, extract_article

BODY = [
    "Sáng 22/10, Hội Liên hiệp Phụ nữ tỉnh Quảng Ngãi tổ chức hội nghị tổng kết công tác bình đẳng giới "
    "năm 2025, với sự tham dự của hơn 200 đại biểu đến từ các xã, phường trong toàn tỉnh.",
    "Bà Nguyễn Thị Hồng, Chủ tịch Hội Liên hiệp Phụ nữ tỉnh, cho biết tỷ lệ nữ tham gia cấp ủy các cấp đã "
    "tăng lên 21,5%, vượt chỉ tiêu đề ra, nhưng vẫn còn khoảng cách ở vị trí lãnh đạo chủ chốt.",
    "Theo báo cáo, trong năm qua toàn tỉnh đã tổ chức 120 lớp tập huấn về phòng, chống bạo lực gia đình "
    "cho cán bộ cơ sở, tập trung vào các xã vùng cao và vùng đồng bào dân tộc thiểu số.",
    "Hội nghị cũng đề ra mục tiêu năm 2026 đưa tỷ lệ nữ đại biểu Hội đồng nhân dân cấp xã lên ít nhất 30% "
    "và mở rộng mô hình câu lạc bộ gia đình hạnh phúc tới tất cả các thôn, tổ dân phố.",
]
LEAD = ("Tỷ lệ nữ tham gia cấp ủy các cấp ở Quảng Ngãi đạt 21,5%, vượt chỉ tiêu, song phụ nữ giữ vị trí "
        "lãnh đạo chủ chốt vẫn còn ít.")
TITLE = "Quảng Ngãi: tỷ lệ nữ tham gia cấp ủy vượt chỉ tiêu"
MENU = ["Thời sự", "Góc nhìn", "Thế giới", "Kinh doanh", "Giải trí"]
RELATED = ["Phụ nữ vùng cao khởi nghiệp từ nghề dệt thổ cẩm", "Ra mắt câu lạc bộ gia đình hạnh phúc ở xã Ba Tơ"]
FOOTER = "Giấy phép số 123/GP-BTTTT. Tòa soạn: 02 Quang Trung, Quảng Ngãi"


def _menu() -> str:
    return "<nav><ul>" + "".join(f'<li><a href="/{i}">{m}</a></li>' for i, m in enumerate(MENU)) + "</ul></nav>"


def _related() -> str:
    items = "".join(f'<li><a href="/tin-{i}-100{i}.html">{t}</a></li>' for i, t in enumerate(RELATED))
    return f'<div class="box-tinlienquan"><h3>Tin liên quan</h3><ul>{items}</ul></div>'


def vnexpress_like_page() -> str:
    paragraphs = "".join(f'<p class="Normal">{p}</p>' for p in BODY[:2])
    paragraphs += ('<figure class="tplCaption"><img src="/a.jpg" alt="Hội nghị">'
                   '<figcaption><p class="Image">Các đại biểu dự hội nghị. Ảnh: <em>Minh Anh</em></p></figcaption>'
                   '</figure>')
    paragraphs += "".join(f'<p class="Normal">{p}</p>' for p in BODY[2:])
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>{TITLE} - VnExpress</title>
<meta property="og:title" content="{TITLE} - VnExpress">
<meta property="og:type" content="article">
<meta name="author" content="VnExpress">
<link rel="canonical" href="/thoi-su/quang-ngai-ty-le-nu-4954454.html">
<script type="application/ld+json">{{"@context":"http://schema.org","@type":"NewsArticle",
 "headline":"{TITLE}","datePublished":"2025-10-22T07:30:00+07:00",
 "author":{{"@type":"Organization","name":"VnExpress"}},"description":"{LEAD}"}}</script>
</head><body>
<header>{_menu()}</header>
<section class="page-detail"><div class="sidebar-1">
<span class="date">Thứ tư, 22/10/2025, 07:30 (GMT+7)</span>
<h1 class="title-detail">{TITLE}</h1>
<p class="description">{LEAD}</p>
<article class="fck_detail">{paragraphs}
<p class="Normal" style="text-align:right;"><strong>Lê Phương</strong></p>
{_related()}
<div class="social"><a href="#">Chia sẻ</a></div>
</article></div>
<aside class="sidebar-2"><h3>Xem nhiều</h3><p>Giá vàng hôm nay tăng mạnh trên thị trường thế giới và trong nước.</p></aside>
</section>
<footer><p>{FOOTER}</p></footer>
</body></html>"""


def assert_clean_body(article: Article) -> None:
    for paragraph in BODY:
        assert paragraph in article.paragraphs
    text = article.full_text
    for junk in MENU + RELATED + [FOOTER, "Tin liên quan", "Chia sẻ", "Giá vàng hôm nay"]:
        assert junk not in text, junk


def test_vnexpress_like_page_every_field() -> None:
    article = extract_article(vnexpress_like_page(), "https://vnexpress.net/thoi-su/x-4954454.html?utm=rss")
    assert article.extractor == "site"
    assert article.title == TITLE
    assert article.published_at == "2025-10-22T07:30:00+07:00"
    assert article.byline == "Lê Phương"   # the line under the body; the organisation is not a byline
    assert article.lead == LEAD
    assert article.canonical_url == "https://vnexpress.net/thoi-su/quang-ngai-ty-le-nu-4954454.html"
    assert_clean_body(article)
    assert "Lê Phương" not in article.text
    assert "Các đại biểu dự hội nghị. Ảnh: Minh Anh" in article.paragraphs  # captions are content
    assert article.text == "\n\n".join(article.paragraphs)
    assert article.full_text.startswith(LEAD + "\n\n")
    assert article.to_dict()["text"] == article.text


def test_provincial_portal_without_structured_data() -> None:
    """A commune portal: no JSON-LD, no og:, the date only as text, the author as 'Tin, ảnh:'."""
    body = "".join(f"<p>{p}</p>" for p in BODY)
    html = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{TITLE} | Cổng thông tin điện tử xã Ba Tơ</title></head><body>
<div id="menu">{_menu()}</div>
<table><tr><td class="left">{''.join(f'<a href="/c{i}">Chuyên mục {i}</a><br>' for i in range(8))}</td>
<td class="main"><div class="news-detail">
<h2 class="news-title">{TITLE}</h2>
<div class="news-time">Cập nhật lúc 10h20 ngày 22/10/2025</div>
<div class="news-content"><p><img src="/h.jpg"></p><p>(Ảnh minh họa)</p>{body}<p>Tin, ảnh: Đinh Văn Hùng</p></div>
{_related()}
</div></td></tr></table>
<div class="footer">{FOOTER}</div></body></html>"""
    article = extract_article(html, "https://bato.quangngai.gov.vn/tin-tuc/chi-tiet?id=1234")
    assert article.title == TITLE
    assert article.published_at == "2025-10-22T10:20:00+07:00"
    assert article.byline == "Đinh Văn Hùng"
    assert "Ảnh minh họa" not in article.full_text   # a credit-only line is not content
    assert article.canonical_url == "https://bato.quangngai.gov.vn/tin-tuc/chi-tiet?id=1234"
    assert_clean_body(article)


def test_meta_published_time_without_offset_is_vietnam_time() -> None:
    body = "".join(f"<p>{p}</p>" for p in BODY)
    html = f"""<html><head><meta property="og:type" content="article">
<meta property="article:published_time" content="2025-10-22T07:30:00">
<meta property="og:url" content="https://baoquangngai.vn/xa-hoi/202510/bai-viet-3160003/">
<meta property="og:title" content="{TITLE}"></head>
<body><h1>{TITLE}</h1><div class="detail-content">{body}</div></body></html>"""
    article = extract_article(html, "https://baoquangngai.vn/x")
    assert article.published_at == "2025-10-22T07:30:00+07:00"
    assert article.canonical_url == "https://baoquangngai.vn/xa-hoi/202510/bai-viet-3160003/"
    assert_clean_body(article)


def test_jsonld_person_author_and_graph() -> None:
    body = "".join(f"<p>{p}</p>" for p in BODY)
    html = f"""<html><head><script type="application/ld+json">
{{"@context":"https://schema.org","@graph":[{{"@type":"WebSite","name":"Báo Gia Lai"}},
{{"@type":"NewsArticle","headline":"{TITLE}","datePublished":"2025-10-22 07:30",
"author":[{{"@type":"Person","name":"Trần Thị Mai"}},{{"@type":"Person","name":"Ksor H'Bia"}}]}}]}}
</script></head><body><h1>{TITLE}</h1><div itemprop="articleBody">{body}</div></body></html>"""
    article = extract_article(html, "https://baogialai.com.vn/bai-viet-123456.html")
    assert article.byline == "Trần Thị Mai, Ksor H'Bia"
    assert article.published_at == "2025-10-22T07:30:00+07:00"
    assert article.extractor == "site"


def test_unknown_layout_falls_to_a_generic_stage() -> None:
    """No known container: trafilatura or the baseline must still find the body."""
    body = "".join(f"<p>{p}</p>" for p in BODY)
    html = f"""<html><head><title>{TITLE}</title></head><body>{_menu()}
<div class="x1"><div class="x2"><h1>{TITLE}</h1><div class="x3">{body}</div></div>
<div class="x4">{_related()}</div></div><div class="x5">{FOOTER}</div></body></html>"""
    article = extract_article(html, "https://example.vn/bai-viet-99999.html")
    assert article.extractor in ("trafilatura", "baseline")
    assert_clean_body(article)


def test_trafilatura_failure_does_not_sink_the_run(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("simulated crash inside trafilatura")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    body = "".join(f"<p>{p}</p>" for p in BODY)
    html = f"<html><body><h1>{TITLE}</h1><div class='x'>{body}</div></body></html>"
    article = extract_article(html, "https://example.vn/bai-viet-99999.html")
    assert article.extractor == "baseline"
    assert article.paragraphs == BODY


def test_broken_markup_still_extracts() -> None:
    """Unclosed tags, wrong nesting, a stray </div>, and the page cut off mid-paragraph."""
    html = (f"<html><head><title>{TITLE}</title><body><div class='menu'>{_menu()}"
            f"<h1>{TITLE}</h1><div class=\"detail-content\"><p>{BODY[0]}<p><b>{BODY[1]}</p></b>"
            f"</div></div><p>{BODY[2]}<div><p><i>{BODY[3]}<table><tr><td>Đang cập nh")
    article = extract_article(html, "https://example.vn/bai-viet-99999.html")
    text = article.full_text
    for paragraph in BODY[:2]:
        assert paragraph in text
    assert "Thời sự" not in text


def test_windows_1258_bytes_with_meta_charset_come_out_nfc() -> None:
    body = "".join(f"<p>{p}</p>" for p in BODY)
    html = (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258">'
            f"<title>{TITLE}</title></head><body><h1>{TITLE}</h1>"
            f'<div class="detail-content">{body}</div></body></html>')
    data = encode_cp1258(html)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    article = extract_article(data, "https://example.vn/bai-viet-99999.html")
    assert article.title == TITLE
    assert article.paragraphs == BODY   # decomposed tone marks recomposed: NFC, same words
    assert all(unicodedata.is_normalized("NFC", p) for p in article.paragraphs)


def test_windows_1258_bytes_labelled_latin1_are_read_as_vietnamese() -> None:
    """Old Vietnamese sites send windows-1258 under an iso-8859-1 label."""
    body = "".join(f"<p>{p}</p>" for p in BODY)
    html = (f'<html><head><meta charset="iso-8859-1"><title>{TITLE}</title></head><body><h1>{TITLE}</h1>'
            f'<div class="detail-content">{body}</div></body></html>')
    article = extract_article(encode_cp1258(html), "https://example.vn/bai-viet-99999.html")
    assert article.title == TITLE
    assert article.paragraphs == BODY


def test_utf8_labelled_windows_1258_is_read_as_utf8() -> None:
    body = "".join(f"<p>{p}</p>" for p in BODY)
    html = (f'<html><head><meta charset="windows-1258"><title>{TITLE}</title></head>'
            f'<body><h1>{TITLE}</h1><div class="detail-content">{body}</div></body></html>')
    article = extract_article(html.encode("utf-8"), "https://example.vn/bai-viet-99999.html")
    assert article.paragraphs == BODY


def test_nfd_input_is_normalised_but_words_kept() -> None:
    body = "".join(f"<p>{unicodedata.normalize('NFD', p)}</p>" for p in BODY)
    html = f"<html><body><h1>{TITLE}</h1><div class='detail-content'>{body}</div></body></html>"
    article = extract_article(html, "https://example.vn/bai-viet-99999.html")
    assert article.paragraphs == BODY


def listing_page() -> str:
    teasers = "".join(
        f'<div class="item"><h3><a href="/xa-hoi/tin-so-{i}-31600{i:02d}.html">Tin thời sự địa phương số {i} '
        f'về công tác phụ nữ ở cơ sở</a></h3><p>Tóm tắt ngắn của bài số {i}.</p></div>'
        for i in range(25))
    return (f"<html><head><title>Xã hội - Báo Quảng Ngãi</title></head><body>{_menu()}"
            f"<h1>Xã hội</h1><div class='list'>{teasers}</div><footer>{FOOTER}</footer></body></html>")


@pytest.mark.parametrize("url", ["https://baoquangngai.vn/", "https://baoquangngai.vn/xa-hoi/"])
def test_listing_page_is_refused(url: str) -> None:
    with pytest.raises(ExtractError, match="danh sách|không tìm thấy"):
        extract_article(listing_page(), url)


@pytest.mark.parametrize("data, reason", [
    ("", "rỗng"),
    ("   \n\t ", "rỗng"),
    (b"", "rỗng"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "nhị phân"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "nhị phân"),
    ("abc\x00\x00\x00def" * 10, "nhị phân"),
    ("<html><body><p>Ngắn.</p></body></html>", "không tìm thấy"),
    ("Chỉ là một dòng chữ, không có thẻ HTML nào.", "không"),
    ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Tin mới</title>'
     "<item><title>Bài một</title><link>https://vnexpress.net/a-4954454.html</link></item></channel></rss>", "RSS"),
])
def test_no_article_raises_extract_error_with_a_reason(data: str | bytes, reason: str) -> None:
    with pytest.raises(ExtractError, match=reason):
        extract_article(data, "https://example.vn/bai-viet-99999.html")


def test_unknown_stage_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        extract_article(vnexpress_like_page(), "https://example.vn/a-1234.html", stages=("magic",))


def test_deeply_nested_page_extracts() -> None:
    """Thousands of nested <div>s (generated markup gone wrong) must not hit Python's recursion limit."""
    body = "".join(f"<p>{p}</p>" for p in BODY)
    html = f"<html><body><h1>{TITLE}</h1>" + "<div>" * 3000 + body + "</div>" * 3000 + "</body></html>"
    article = extract_article(html, "https://example.vn/bai-viet-99999.html")
    assert article.paragraphs == BODY


def test_oversized_page_is_refused() -> None:
    from auditor.extract.core import MAX_HTML_CHARS

    with pytest.raises(ExtractError, match="quá lớn"):
        extract_article("<p>" + "a" * MAX_HTML_CHARS + "</p>", "https://example.vn/bai-viet-99999.html")


def test_dantri_like_page() -> None:
    """Dân trí's layout: h1.title-page, h2.singular-sapo, div.singular-content, time.author-time,
    the author's name in .author-name and a related box inside the body."""
    body = "".join(f"<p>{p}</p>" for p in BODY[:3])
    html = f"""<html><head><title>{TITLE} | Báo Dân trí</title>
<meta property="og:title" content="{TITLE} | Báo Dân trí"></head><body>{_menu()}
<article class="singular-container"><h1 class="title-page detail">{TITLE}</h1>
<div class="author-wrap"><div class="author-name"><a href="/tac-gia/hoang-anh.htm"><b>Hoàng Anh</b></a></div>
<time class="author-time" datetime="2025-10-22 07:30">Thứ tư, 22/10/2025 - 07:30</time></div>
<h2 class="singular-sapo">(Dân trí) - {LEAD}</h2>
<div class="singular-content">{body}
<article class="article-related"><div class="article-content"><h3><a href="/xa-hoi/a-20251021.htm">{RELATED[0]}</a></h3></div></article>
<p>{BODY[3]}</p></div></article>
<div class="singular-related"><h3>Tin liên quan</h3><a href="/xa-hoi/b-20251020.htm">{RELATED[1]}</a></div>
<footer>{FOOTER}</footer></body></html>"""
    article = extract_article(html, "https://dantri.com.vn/xa-hoi/quang-ngai-20251022073000123.htm")
    assert article.extractor == "site"
    assert article.title == TITLE
    assert article.published_at == "2025-10-22T07:30:00+07:00"
    assert article.byline == "Hoàng Anh"
    assert article.lead == f"(Dân trí) - {LEAD}"
    assert_clean_body(article)


def test_tuoitre_like_page_with_boxes_inside_the_body() -> None:
    """Tuổi Trẻ's layout: the body holds CMS boxes (photo with caption, related news) as divs."""
    html = f"""<html><head><title>{TITLE} - Tuổi Trẻ Online</title>
<meta property="og:type" content="article">
<meta property="article:published_time" content="2025-10-22T07:30:00+07:00"></head><body>{_menu()}
<div class="detail-top"><div class="detail-time"><div data-role="publishdate">22/10/2025 07:30 GMT+7</div></div></div>
<h1 class="detail-title article-title">{TITLE}</h1>
<h2 class="detail-sapo">{LEAD}</h2>
<div class="detail-cmain"><div class="detail-content afcbc-body" data-role="content">
<p>{BODY[0]}</p>
<div type="Photo" class="VCSortableInPreviewMode"><div><img src="/h.jpg"></div>
<div class="PhotoCMS_Caption"><p>Hội nghị tổng kết công tác bình đẳng giới - Ảnh: Trần Mai</p></div></div>
<p>{BODY[1]}</p>
<div type="RelatedNewsBox" class="VCSortableInPreviewMode"><div class="kbwscwl-relatedbox">
<ul><li><a href="/a-2025102100.htm">{RELATED[0]}</a></li><li><a href="/b-2025102000.htm">{RELATED[1]}</a></li></ul></div></div>
<p>{BODY[2]}</p><p>{BODY[3]}</p></div>
<div class="detail-author"><div class="author-info"><a class="name" href="/tac-gia/tran-mai.htm">TRẦN MAI</a></div></div>
</div><footer>{FOOTER}</footer></body></html>"""
    article = extract_article(html, "https://tuoitre.vn/quang-ngai-2025102207300000.htm")
    assert article.extractor == "site"
    assert article.published_at == "2025-10-22T07:30:00+07:00"
    assert article.byline == "TRẦN MAI"
    assert article.lead == LEAD
    assert "Hội nghị tổng kết công tác bình đẳng giới - Ảnh: Trần Mai" in article.paragraphs
    assert_clean_body(article)


def test_old_commune_portal_in_tables_with_br_paragraphs() -> None:
    """A commune portal of the 2000s: everything in one table, the headline in <b>, the body as
    <br>-separated text in one cell, the author in bold under it, the licence in the last row."""
    cells = "".join(f'<a href="/c{i}">Chuyên mục số {i}</a><br>' for i in range(10))
    html = f"""<html><head><title>{TITLE}</title></head><body><table>
<tr><td colspan="3">{_menu()}</td></tr>
<tr><td width="200">{cells}</td>
<td><b class="title">{TITLE}</b><br><i>Ngày đăng: 22/10/2025 07:30</i><br><br>{"<br><br>".join(BODY)}<br><br>
<b>Nguyễn Thị Lan</b></td><td>{_related()}</td></tr>
<tr><td colspan="3">{FOOTER}</td></tr></table></body></html>"""
    article = extract_article(html, "https://xa.gov.vn/tin-tuc/chi-tiet?id=5678")
    assert article.title == TITLE
    assert article.published_at == "2025-10-22T07:30:00+07:00"
    assert article.byline == "Nguyễn Thị Lan"
    assert article.paragraphs == BODY
    assert "Chuyên mục" not in article.full_text


def test_comment_thread_under_the_article_is_not_body() -> None:
    comments = "".join(
        f'<div class="comment-item"><p><b>Bạn đọc {i}:</b> Tôi hoàn toàn đồng ý với ý kiến của tác giả về bình '
        f'đẳng giới ở địa phương và mong các cấp quan tâm hơn nữa tới phụ nữ vùng cao.</p></div>' for i in range(12))
    html = f"""<html><head><title>{TITLE}</title></head><body>{_menu()}<div class="wrap"><h1>{TITLE}</h1>
<div class="x">{''.join(f'<p>{p}</p>' for p in BODY)}</div><h3>Ý kiến bạn đọc (12)</h3>{comments}</div>
<footer>{FOOTER}</footer></body></html>"""
    article = extract_article(html, "https://baoquangngai.vn/xa-hoi/bai-3160003.html")
    assert article.paragraphs == BODY
    assert "Bạn đọc" not in article.full_text


def test_a_date_mentioned_in_the_body_is_not_the_publication_date() -> None:
    first = "Ngày 15/3/2024, UBND tỉnh ban hành kế hoạch bình đẳng giới giai đoạn mới."
    body = f"<p>{first}</p>" + "".join(f"<p>{p}</p>" for p in BODY)
    html = f"<html><body><h1>{TITLE}</h1><div class='detail-content'>{body}</div></body></html>"
    article = extract_article(html, "https://example.vn/bai-viet-99999.html")
    assert article.published_at is None
    assert article.paragraphs[0] == first


def test_truncated_teaser_elsewhere_on_the_page_does_not_replace_the_paragraph() -> None:
    """A 'most read' box before the article repeats its first paragraph cut short."""
    teaser = BODY[0][:90] + "..."
    body = "".join(f"<p>{p}</p>" for p in BODY)
    html = f"""<html><head><title>{TITLE}</title></head><body>{_menu()}
<div class="x0"><h4>Đọc nhiều</h4><p>{teaser}</p></div>
<div class="x1"><h1>{TITLE}</h1><div class="x3">{body}</div></div><div class="x5">{FOOTER}</div></body></html>"""
    for stages in (("trafilatura",), ("baseline",), ("site", "trafilatura", "baseline")):
        article = extract_article(html, "https://example.vn/bai-viet-99999.html", stages=stages)
        assert article.paragraphs == BODY, stages
