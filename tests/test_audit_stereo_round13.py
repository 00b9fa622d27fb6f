"""Stereotype rules after round 13's held-out check (data/check/README.md, "Round 13").

Round 13 scored the rules after round 12's fixes at 0.525 held out. Its false flags were looks words
said of no woman of the news (looks harmed as a health topic, comments on someone's looks reported,
a stated criterion, a contest's round, a song's title, children), a knockout round "vòng 1/8", "hội
đồng", girls of one's homeland, an alternative put as a question, a narrator's label on herself, a
casualty counted, some women born with a feature, one sex said to be like the other, the verb "quyến
rũ" with its object, a display decried as "phản cảm", a scandal named, a view
reported with a verb of saying, a man's jealousy, limp things, an image shed, a cast list's role and
a virus' quoted name. Each case is a sentence written for this test (none is a corpus sentence),
beside what the same rules must still flag.
"""

import pytest
from test_audit_stereo import rules_hit  # tests/ is on sys.path


@pytest.mark.parametrize(("sentence", "rule"), [
    # GM102: looks harmed, as a health topic; comments on her looks reported; a criterion; a
    # contest's round; a song's title; a child's qualities listed before the word.
    ("Thức khuya thường xuyên gây hại cho nhan sắc nhiều hơn bạn nghĩ.", "GM102"),
    ("Suy giảm nhan sắc vì thiếu ngủ kéo dài", "GM102"),
    ("Mặc kệ những lời bình luận ác ý của cư dân mạng về nhan sắc, nữ ca sĩ vẫn đi diễn đều đặn.", "GM102"),
    ("Tiêu chí hàng đầu là xinh đẹp và cao trên 1m65.", "GM102"),
    ("Ban giám khảo chấm điểm phần thi mặt mộc vào buổi sáng.", "GM102"),
    ("Khán giả miền Tây thường xin anh hát những bài như Mắt nai ngày xưa.", "GM102"),
    ("Hai vợ chồng mong đứa cháu đầu lòng khỏe mạnh, xinh đẹp.", "GM102"),
    # GM108: a child's qualities; a child after the word; an image shed.
    ("Đứa nhỏ khỏe mạnh, xinh xắn khiến chị rất mãn nguyện.", "GM108"),
    ("Chị thường đăng những khoảnh khắc xinh xắn của cô con gái cưng lên mạng.", "GM108"),
    ("Từ bỏ hình ảnh cô nàng xinh xắn, nữ ca sĩ cạo trọc đầu trong MV mới.", "GM108"),
    # GM101: a contest named "kỳ thi"; a virus' quoted name.
    ("Hơn 60 người đẹp đã có mặt ở khách sạn để chuẩn bị cho kỳ thi cuối tuần.", "GM101"),
    ("Máy tính của anh nhiễm virus \"Người đẹp gọi\" lây qua thư điện tử.", "GM101"),
    # GM201: a knockout round by its fraction.
    ("Ở vòng 1/8 và bán kết, cô đều thắng sau ba set.", "GM201"),
    # GM801: "hội đồng" (a beating by a gang).
    ("Nhóm nữ sinh bị đánh hội đồng cô bạn cùng lớp vì mâu thuẫn.", "GM801"),
    # GM601: girls of one's homeland.
    ("Câu hát ví dặm kể về con gái quê mình chăm chỉ cấy cày.", "GM601"),
    # GM601: a role in a cast list.
    ("Tham gia diễn xuất có người mẫu Thu Hà (cave Mỹ) và Minh Tuấn.", "GM601"),
    # GM602: an alternative put, not asserted.
    ("Vợ anh lẳng lơ hay đoan chính thì chỉ có anh mới rõ nhất.", "GM602"),
    # GM504: the narrator's label on herself.
    ("Tôi đã khóc suốt đêm vì tôi cũng chỉ là người phụ nữ yếu đuối.", "GM504"),
    # GM305: a casualty counted.
    ("Ngoài một nữ tài xế thiệt mạng, vụ lật xe còn làm 4 người bị thương.", "GM305"),
    # GM502: some women born with a feature; one sex said to be like the other.
    ("Nhiều phụ nữ bẩm sinh có hàng mi thưa nên phải dùng mi giả.", "GM502"),
    ("Đàn ông cũng nhạy cảm và cần được vỗ về như phụ nữ.", "GM502"),
    # GM202: the verb with its object; a display decried; a view reported.
    ("Hàng xóm đồn ông thợ may đã quyến rũ vợ ông trưởng thôn.", "GM202"),
    ("Phụ huynh bức xúc vì các vũ công nữ mặc hở uốn éo nóng bỏng phản cảm giữa hội chợ thiếu nhi.",
     "GM202"),
    ("Chuyên gia ánh sáng giải thích rằng làn da và đôi vai của cô đều trông nuột nà nhờ đèn chiếu xiên.",
     "GM202"),
    # GM203: a scandal named; a view reported with a verb of saying.
    ("Sau khi vướng scandal ảnh nóng, nam diễn viên xin rút khỏi dự án.", "GM203"),
    ("Nhà nhân học khẳng định rằng việc để lộ ngực từng là chuyện bình thường ở bộ lạc này.", "GM203"),
    # GM501: a man's jealousy in a crime report; things that are limp.
    ("Hắn đã ra tay sát hại người yêu cũ chỉ vì ghen tuông mù quáng.", "GM501"),
    ("Cây non thiếu nắng nên chúng mọc cao nhưng ẻo lả.", "GM501"),
])
def test_round13_no_stereotype_of_the_outlet(sentence: str, rule: str) -> None:
    assert rule not in rules_hit(sentence)


@pytest.mark.parametrize(("sentence", "rule"), [
    # Looks stressed with no harm, comment, criterion, contest, song or child.
    ("Nữ phó giám đốc xinh đẹp bị bắt vì nhận hối lộ.", "GM102"),
    ("Nữ diễn viên vẫn giữ được nhan sắc mặn mà dù đã ngoài 40.", "GM102"),
    # A woman's fear for her looks is no health topic; a child's word ending the clause before "nhan sắc".
    ("Cô vợ trẻ chẳng chịu nấu nướng gì vì sợ ảnh hưởng đến nhan sắc.", "GM102"),
    ("Sau hai lần sinh nở, hai đứa con bụ bẫm, nhan sắc cô tàn phai hẳn.", "GM102"),
    # A grown woman described as "xinh xắn" in the news.
    ("Nữ nhân viên ngân hàng xinh xắn bị bắt vì chiếm đoạt tiền của khách.", "GM108"),
    # A label with no contest and no title.
    ("Người đẹp Hà Thành bị bắt cùng nhóm buôn ma túy.", "GM101"),
    # A woman's body part, not a round.
    ("Nữ ca sĩ diện váy khoét sâu khoe vòng 1 căng tròn.", "GM201"),
    # A slur with no "hội" before it.
    ("Đám thanh niên gọi anh là đồng cô giữa quán.", "GM801"),
    # "gái quê" as a label, no homeland possessive.
    ("Cô bị chê là gái quê vì không biết trang điểm.", "GM601"),
    # An asserted label, no alternative.
    ("Người đàn bà lẳng lơ đã bỏ chồng con theo nhân tình.", "GM602"),
    # Women called weak, not the narrator herself; a woman marked in a crime with no casualty.
    ("Người phụ nữ yếu đuối ấy không dám tố cáo chồng.", "GM504"),
    ("Nữ y tá trực đêm lắc đầu, bảo người nhà quay lại vào sáng mai.", "GM305"),
    # A woman marked for what she did; the casualty is someone else, further on.
    ("Nữ tài xế lùi xe bất cẩn khiến một cụ bà tử vong.", "GM305"),
    # A generalisation with no quantified subset and no "cũng" comparison; a contrast across a clause.
    ("Phụ nữ bẩm sinh đã yếu đuối hơn nam giới.", "GM502"),
    ("Đàn ông cũng biết buồn chị ạ, chỉ là họ không khóc như phụ nữ.", "GM502"),
    # The adjective said of a woman, no object, no passive, no decrying word after.
    ("Nữ ca sĩ diện váy ngắn, khoe vóc dáng quyến rũ trước hàng nghìn khán giả.", "GM202"),
    # A star's own intimate photos, no scandal named.
    ("Nữ ca sĩ tung ảnh nóng trước ngày ra mắt MV.", "GM203"),
    # Women called jealous.
    ("Vậy nên làm gì khi các nàng ghen tuông mù quáng như vậy?", "GM501"),
])
def test_round13_what_must_still_flag(sentence: str, rule: str) -> None:
    assert rule in rules_hit(sentence)
