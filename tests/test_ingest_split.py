"""Splitting bulletins and month programmes into dated items."""

from __future__ import annotations

from datetime import date

from auditor.ingest.readers import Block
from auditor.ingest.split import find_date, split_items


def blocks(text: str, kind: str = "para") -> list[Block]:
    return [Block(line.strip(), kind) for line in text.strip().splitlines()]


BULLETIN = """
ĐÀI TRUYỀN THANH XÃ TÂN YÊN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
CHƯƠNG TRÌNH PHÁT THANH
Thứ Ba, ngày 12/3/2024
Kính thưa quý vị và các bạn, mời quý vị theo dõi chương trình.
Tin: Hội LHPN xã tổ chức tọa đàm về bình đẳng giới
Sáng 10/3, Hội Liên hiệp Phụ nữ xã tổ chức tọa đàm.
Chị Nguyễn Thị Lan, Chủ tịch Hội, cho biết nhiều chị em đã tham gia.
Tin 2: Ra quân làm đường giao thông nông thôn
Ngày 11/3, bà con thôn Đông đã ra quân làm đường.
Bài:
Phòng chống bạo lực gia đình
Bạo lực gia đình để lại hậu quả nặng nề. Mỗi người cần lên tiếng.
1. Không im lặng;
2. Báo ngay cho chính quyền.
"""


def test_bulletin_items_titles_dates_and_preamble():
    result = split_items(blocks(BULLETIN))
    assert result.scheme == "marker"
    assert [i.title for i in result.items] == [
        "Hội LHPN xã tổ chức tọa đàm về bình đẳng giới",
        "Ra quân làm đường giao thông nông thôn",
        "Phòng chống bạo lực gia đình",
    ]
    assert [i.marker for i in result.items] == ["Tin", "Tin", "Bài"]
    assert {i.broadcast_date for i in result.items} == {date(2024, 3, 12)}
    assert result.items[0].programme == "CHƯƠNG TRÌNH PHÁT THANH Thứ Ba, ngày 12/3/2024"
    # The numbered list inside "Bài" stays in its body; the letterhead and greeting are preamble.
    assert result.items[2].body.endswith("1. Không im lặng;\n2. Báo ngay cho chính quyền.")
    assert result.preamble_lines == 5


def test_nothing_in_an_item_is_lost():
    result = split_items(blocks(BULLETIN))
    stored = "\n".join(f"{i.title}\n{i.body}" for i in result.items)
    body_lines = BULLETIN.strip().splitlines()[7:]
    for line in body_lines:
        text = line.split(":", 1)[1].strip() if line.startswith(("Tin", "Bài")) else line
        assert text in stored, line


MONTH = """
LỊCH PHÁT SÓNG THÁNG 3/2024
Chương trình phát thanh ngày 5/3/2024
1. Xã triển khai kế hoạch bình đẳng giới năm 2024
UBND xã ban hành kế hoạch thực hiện công tác bình đẳng giới.
2. Hướng dẫn phòng chống dịch bệnh mùa xuân
Trạm y tế khuyến cáo người dân giữ vệ sinh.
Chương trình phát thanh ngày 19 tháng 3 năm 2024
1. Gương phụ nữ làm kinh tế giỏi
Chị Hoàng Thị Mai ở thôn Bản Chang nuôi 30 con bò.
2. Thông báo lịch tiêm chủng
Trạm y tế tiêm chủng vào sáng thứ Sáu.
3. Tuyên truyền Luật Hôn nhân và gia đình
Luật cấm tảo hôn và hôn nhân cận huyết.
"""


def test_month_programme_dates_each_item_by_its_programme():
    result = split_items(blocks(MONTH))
    assert result.scheme == "numbered"
    assert [(i.title, i.broadcast_date) for i in result.items] == [
        ("Xã triển khai kế hoạch bình đẳng giới năm 2024", date(2024, 3, 5)),
        ("Hướng dẫn phòng chống dịch bệnh mùa xuân", date(2024, 3, 5)),
        ("Gương phụ nữ làm kinh tế giỏi", date(2024, 3, 19)),
        ("Thông báo lịch tiêm chủng", date(2024, 3, 19)),
        ("Tuyên truyền Luật Hôn nhân và gia đình", date(2024, 3, 19)),
    ]
    assert [i.position for i in result.items] == [0, 1, 2, 3, 4]


def test_bold_titles_split_when_there_are_no_markers():
    doc = [Block("Chương trình phát thanh ngày 1/4/2024"),
           Block("Phụ nữ tham gia cấp ủy", "bold"), Block("Tỷ lệ nữ cấp ủy tăng."),
           Block("Mùa vụ mới", "bold"), Block("Bà con xuống đồng."), Block("Năng suất dự kiến cao.")]
    result = split_items(doc)
    assert result.scheme == "bold"
    assert [(i.title, i.body) for i in result.items] == [
        ("Phụ nữ tham gia cấp ủy", "Tỷ lệ nữ cấp ủy tăng."),
        ("Mùa vụ mới", "Bà con xuống đồng.\nNăng suất dự kiến cao."),
    ]


def test_markers_win_over_bold_sentences_inside_items():
    doc = [Block("Bản tin ngày 2/4/2024"), Block("Tin: Họp dân"), Block("Nội dung họp."),
           Block("Lưu ý quan trọng", "bold"), Block("Mang theo giấy tờ."), Block("Tin: Tiêm phòng"),
           Block("Tiêm cho trẻ.")]
    result = split_items(doc)
    assert [i.title for i in result.items] == ["Họp dân", "Tiêm phòng"]
    assert "Lưu ý quan trọng" in result.items[0].body


def test_no_headings_is_one_item_and_default_date_applies():
    doc = blocks("Bản gỡ băng chương trình\nHôm nay chúng tôi giới thiệu mô hình nuôi gà.\nXin cảm ơn.")
    result = split_items(doc, default_date=date(2024, 5, 1), title_fallback="go-bang")
    assert len(result.items) == 1
    item = result.items[0]
    assert item.title == "Bản gỡ băng chương trình" and item.broadcast_date == date(2024, 5, 1)
    assert item.body == "Hôm nay chúng tôi giới thiệu mô hình nuôi gà.\nXin cảm ơn."


def test_letterhead_date_dates_the_file_but_default_date_wins():
    doc = blocks("Tân Yên, ngày 15 tháng 3 năm 2024\nTin: Họp chợ\nChợ họp sớm.")
    assert split_items(doc).items[0].broadcast_date == date(2024, 3, 15)
    assert split_items(doc, default_date=date(2024, 3, 16)).items[0].broadcast_date == date(2024, 3, 16)


def test_headings_without_body_are_reported_not_stored():
    result = split_items(blocks("Bản tin ngày 2/4/2024\nTin: Một\nNội dung một.\nTin: Hai"))
    assert [i.title for i in result.items] == ["Một"]
    assert result.empty_items == ["Hai"]


def test_find_date_formats_and_invalid_dates():
    assert find_date("ngày 12/3/2024")[0] == date(2024, 3, 12)
    assert find_date("12-03-2024")[0] == date(2024, 3, 12)
    assert find_date("12.03.2024")[0] == date(2024, 3, 12)
    assert find_date("ngày 5 tháng 11 năm 2023")[0] == date(2023, 11, 5)
    assert find_date("31/2/2024") is None
    assert find_date("ngày 12/3") is None


def test_wrapped_pdf_heading_is_rejoined():
    doc = blocks("Bản tin ngày 2/4/2024\nTin: Hội nông dân xã tổ chức tập huấn kỹ thuật\ntrồng lúa\n"
                 "Hơn 80 hội viên tham gia lớp tập huấn kỹ thuật\ncanh tác lúa chất lượng cao.")
    item = split_items(doc, reflow=True).items[0]
    assert item.title == "Hội nông dân xã tổ chức tập huấn kỹ thuật trồng lúa"
    assert item.body == "Hơn 80 hội viên tham gia lớp tập huấn kỹ thuật canh tác lúa chất lượng cao."


# --- property: whatever the items, a generated bulletin splits back into them ---------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

WORDS = ("xã thôn hội phụ nữ nông dân tuyên truyền bình đẳng giới gia đình trẻ em sức khỏe mùa vụ "
         "đường giao thông tiêm chủng bầu cử kinh tế hợp tác học sinh trường lớp chị anh bà ông").split()
word = st.sampled_from(WORDS)
title_st = st.lists(word, min_size=3, max_size=12).map(lambda ws: " ".join(ws).capitalize())
sentence_st = st.lists(word, min_size=4, max_size=20).map(lambda ws: " ".join(ws).capitalize() + ".")
body_st = st.lists(st.lists(sentence_st, min_size=1, max_size=4).map(" ".join), min_size=1, max_size=4)


@settings(max_examples=60, deadline=None)
@given(items=st.lists(st.tuples(title_st, body_st), min_size=1, max_size=8),
       style=st.sampled_from(["marker", "numbered", "bold", "heading"]),
       day=st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)))
def test_generated_bulletins_split_back_into_their_items(items, style, day):
    doc = [Block("ĐÀI TRUYỀN THANH XÃ"), Block(f"Chương trình phát thanh ngày {day.day}/{day.month}/{day.year}")]
    for n, (title, paragraphs) in enumerate(items, start=1):
        head = {"marker": f"Tin {n}: {title}", "numbered": f"{n}. {title}"}.get(style, title)
        doc.append(Block(head, style if style in ("bold", "heading") else "para"))
        doc.extend(Block(p) for p in paragraphs)
    result = split_items(doc)
    if style == "numbered" and len(items) == 1:
        # One numbered title is not a numbering: the file is one item (nothing is lost either way).
        assert len(result.items) == 1 and items[0][1][-1] in result.items[0].body
        return
    assert [(i.title, i.body, i.broadcast_date) for i in result.items] == [
        (title, "\n".join(paragraphs), day) for title, paragraphs in items]


def test_a_table_of_contents_does_not_eat_the_numbered_items():
    doc = blocks("""
Chương trình phát thanh ngày 7/5/2024
Nội dung chương trình gồm:
1. Hội nghị bình đẳng giới
2. Lịch cắt điện
1. Hội nghị bình đẳng giới
Sáng 6/5, xã tổ chức hội nghị.
Các nội dung chính:
1. Tổng kết năm;
2. Kế hoạch năm mới;
2. Lịch cắt điện
Điện lực thông báo cắt điện ngày 9/5.
""")
    result = split_items(doc)
    assert [(i.title, i.body) for i in result.items] == [
        ("Hội nghị bình đẳng giới",
         "Sáng 6/5, xã tổ chức hội nghị.\nCác nội dung chính:\n1. Tổng kết năm;\n2. Kế hoạch năm mới;"),
        ("Lịch cắt điện", "Điện lực thông báo cắt điện ngày 9/5."),
    ]


def test_programmes_without_item_headings_are_one_item_each():
    doc = blocks("""
ĐÀI TRUYỀN THANH XÃ TÂN YÊN
Chương trình phát thanh ngày 4/6/2024
Thưa bà con, hôm nay xã ra quân vệ sinh môi trường.
Mời bà con tham gia.
Chương trình phát thanh ngày 11/6/2024
Thưa bà con, tuần này trạm y tế tiêm phòng dại cho chó mèo.
""")
    result = split_items(doc, title_fallback="thang-6")
    assert result.scheme == "whole" and result.preamble_lines == 1
    assert [(i.title, i.body, i.broadcast_date) for i in result.items] == [
        ("Chương trình phát thanh ngày 4/6/2024",
         "Thưa bà con, hôm nay xã ra quân vệ sinh môi trường.\nMời bà con tham gia.", date(2024, 6, 4)),
        ("Chương trình phát thanh ngày 11/6/2024",
         "Thưa bà con, tuần này trạm y tế tiêm phòng dại cho chó mèo.", date(2024, 6, 11)),
    ]


def test_the_programme_sign_off_belongs_to_no_item():
    doc = blocks("""
Chương trình phát thanh ngày 4/6/2024
Tin: Ra quân vệ sinh môi trường
Sáng 3/6, đoàn viên thanh niên ra quân dọn vệ sinh.
Chương trình phát thanh của Đài truyền thanh xã đến đây là kết thúc.
Xin chào và hẹn gặp lại.
""")
    result = split_items(doc)
    assert [i.body for i in result.items] == ["Sáng 3/6, đoàn viên thanh niên ra quân dọn vệ sinh."]
    assert result.preamble_lines == 2


def test_numbered_lists_inside_numbered_items_and_a_missed_heading():
    doc = blocks("""
Chương trình phát thanh ngày 4/6/2024
1. Phòng chống dịch sốt xuất huyết
Trạm y tế đề nghị bà con:
1. Diệt bọ gậy;
2. Ngủ màn.
2. Thu hoạch lúa chiêm xuân
Bà con khẩn trương thu hoạch. Cần lưu ý:
1. Phơi khô thóc;
2. Bảo quản nơi thoáng mát;
3. Không đốt rơm rạ.
3. Ngày hội đại đoàn kết.
Các thôn tổ chức ngày hội.
4. Tiêm phòng cho gia súc
Thú y xã tiêm phòng lở mồm long móng.
""")
    result = split_items(doc)
    # "3. Ngày hội đại đoàn kết." ends with a full stop but still counts: the list before it ended
    # with "3. Không đốt rơm rạ." next to its "2.", which marks that one as a list entry.
    assert [i.title for i in result.items] == [
        "Phòng chống dịch sốt xuất huyết", "Thu hoạch lúa chiêm xuân", "Ngày hội đại đoàn kết.",
        "Tiêm phòng cho gia súc"]
    assert result.items[1].body.endswith("3. Không đốt rơm rạ.")
    # A heading the splitter cannot take (here "2." written as a sentence ending in ",") does not
    # stop the count: "3." is still found, and item 2 stays inside item 1.
    broken = split_items(blocks("""
Bản tin ngày 5/6/2024
1. Họp dân thôn Đông
Nội dung họp.
2. Sửa đường, làm cầu,
Nội dung sửa đường.
3. Tiêm chủng
Nội dung tiêm chủng.
"""))
    assert [i.title for i in broken.items] == ["Họp dân thôn Đông", "Tiêm chủng"]
