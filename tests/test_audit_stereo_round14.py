"""Stereotype rules after round 14's held-out check (data/check/README.md, "Round 14").

Round 14 scored the rules after round 13's fixes at 0.639 held out. Among its false flags: the end
of a hyphenated surname ("-Cave"), "hư đốn" after a girl's kin word, compounds of "chân" whose length
is told (a stride, a toenail), one body part of a list each said long (a bird), looks words said of
things, hills and buildings, a role an actress plays, the charm of a culture or a country, and an
attack called jealousy only to be denied. Each case is a sentence written for this test (none is a
corpus sentence), beside what the same rules must still flag.
"""

import pytest
from test_audit_stereo import rules_hit  # tests/ is on sys.path


@pytest.mark.parametrize(("sentence", "rule"), [
    # GM601: a hyphenated surname; "hư đốn" (naughty) after a kin word.
    ("Theo luật sư Smith-Cave, hợp đồng thuê nhà đã hết hạn từ tháng trước.", "GM601"),
    ("Bà mắng đứa cháu gái hư đốn suốt buổi chiều vì làm vỡ bình hoa.", "GM601"),
    # GM606: a stride and a toenail; one item of a list of long body parts.
    ("Chiếc máy đo được bước chân dài bao nhiêu khi chạy bộ.", "GM606"),
    ("Đứa bé lâu ngày không cắt, móng chân dài đen cả lại.", "GM606"),
    ("Chim hạc có mỏ dài, cổ dài, và chân dài.", "GM606"),
    # GM102: things and buildings as the head noun; a role played.
    ("Sau khi phơi khô, những vỏ ốc trở thành vật lưu niệm rất xinh đẹp.", "GM102"),
    ("Mùa thu về, những đồi cỏ tranh xinh đẹp phủ kín sườn núi.", "GM102"),
    ("Trong phim mới, Thu Trang vai một cô gái xinh đẹp bị lạc trong rừng.", "GM102"),
    ("Lần này, Thu Trang vai một cô gái xinh đẹp bị lạc trong rừng.", "GM101"),  # once GM102 lets go
    # GM102: a film's trailer called cool.
    ('Trailer cực "ngầu" của bom tấn mới đã tụt xuống thứ tư, doanh thu giảm 40%.', "GM102"),
    # GM202: the charm of a culture or a country.
    ("Triển lãm mang đến cho người xem hình ảnh quyến rũ của những nền văn hóa phương Đông.", "GM202"),
    ("Bộ ảnh cho thấy những hình ảnh tươi đẹp, quyến rũ về đất nước và con người Lào.", "GM202"),
    # GM702: the attack denied a few words back.
    ("Thực tế không hề có chuyện người nhà nạn nhân đánh ghen như lời đồn.", "GM702"),
    # GM702: one item of a list of misdeeds.
    ("Hồ sơ của ứng viên ghi rõ từng dính chuyện đánh ghen, tống tiền, kiện cáo nhiều năm.", "GM702"),
])
def test_round14_no_stereotype_of_the_outlet(sentence: str, rule: str) -> None:
    assert rule not in rules_hit(sentence)


@pytest.mark.parametrize(("sentence", "rule"), [
    # "gái hư" as a label; "cave" as a word of its own.
    ("Cô bị hàng xóm gọi là gái hư vì hay về khuya.", "GM601"),
    ("Cô gái trẻ bỏ quê lên phố làm cave.", "GM601"),
    # "chân dài" as a noun for a woman, no compound and no list.
    ("Đại gia chi tiền tỷ chiều chân dài kém 20 tuổi.", "GM606"),
    # A woman's looks in hard news; a building word after the woman.
    ("Nữ phó giám đốc xinh đẹp bị bắt vì nhận hối lộ.", "GM102"),
    ("Cô gái xinh đẹp sống trong căn biệt thự bị bắt vì buôn ma túy.", "GM102"),
    # A woman called sexy, no country or culture after.
    ("Nữ ca sĩ khoe thân hình gợi cảm trên thảm đỏ.", "GM202"),
    # The attack called jealousy, no denial.
    ("Clip đánh ghen giữa phố gây xôn xao mạng xã hội.", "GM702"),
])
def test_round14_what_must_still_flag(sentence: str, rule: str) -> None:
    assert rule in rules_hit(sentence)
