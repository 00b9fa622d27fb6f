"""Stereotype rules after round 11's held-out check (data/check/README.md, "Round 11").

Round 11 scored the rules after round 10's fixes at 0.500 held out: the false flags were looks and
sex-appeal words said of no woman of the news, and "đánh ghen" that names no jealous attack. The
fixes are conditions on the clause's shape: everyone's wish ("ai cũng muốn ..."), criticism in the
adverse passive ("bị cho là ... về nhan sắc"), looks denied after the noun ("nhan sắc chẳng có"),
"quyến rũ" as a verb with a plural object, a man named right after the clause, an attack staged
or advised against, limbs that grow and a pair of contrasts. Each case is a sentence written for
this test, beside what the same rules must still flag.
"""

import pytest
from test_audit_stereo import rules_hit  # tests/ is on sys.path


@pytest.mark.parametrize(("sentence", "rule"), [
    # GM102: no woman of the news (everyone's wish), criticism reported, looks denied.
    ("Tết đến, ai cũng mong mình rạng rỡ, xinh đẹp hơn trong mắt người thân.", "GM102"),
    ("Sau vai diễn đầu tiên, nữ ca sĩ bị đánh giá là thua kém đồng nghiệp về nhan sắc.", "GM102"),
    ("Nhan sắc thì chẳng có, nghề nghiệp cũng không, chị chỉ biết cố gắng làm thuê.", "GM102"),
    # GM202: the verb "to seduce" with a plural object; a man named right after the clause.
    ("Gã lừa tình luôn khoe tài quyến rũ những phụ nữ giàu có.", "GM202"),
    ("Với gương mặt gợi cảm, nam người mẫu nhận được nhiều hợp đồng quảng cáo.", "GM202"),
    # GM202: a man named after the clause, with words after his title.
    ("Ánh mắt đầy quyến rũ, anh chàng này khiến khán giả nữ phát cuồng.", "GM202"),
    # GM201: a body region in medicine, a competition's round before the opponent.
    ("Người từng xạ trị vùng ngực không nên dùng thuốc này.", "GM201"),
    ("Tay vợt nữ số 3 thế giới thắng nhàn ở vòng 1 trước đối thủ người Úc.", "GM201"),
    # GM202: a story's character ("nhân vật của / do" someone).
    ("Ở tập cuối, nhân vật do chị thủ diễn trở nên táo bạo và quyến rũ hơn.", "GM202"),
    # GM702: an attack staged as a pretext, or advised against.
    ("Nhóm côn đồ giả vờ đánh ghen để giật túi xách của người đi đường.", "GM702"),
    ("Cách tốt nhất là nói chuyện với chồng, đừng đánh ghen giữa phố.", "GM702"),
    # GM606: limbs that grow, a pair of contrasts.
    ("Trẻ lên mười thường chân tay dài ra rất nhanh.", "GM606"),
])
def test_round11_no_woman_of_the_news(sentence: str, rule: str) -> None:
    assert rule not in rules_hit(sentence)


@pytest.mark.parametrize(("sentence", "rule"), [
    # A woman of the news still flags: one seen by everyone, one praised in the passive hedge.
    ("Ai cũng ngoái nhìn nữ trưởng phòng xinh đẹp bị bắt vì nhận hối lộ.", "GM102"),
    ("Lấy lại vóc dáng, nữ MC được nhận xét ngày càng xinh đẹp.", "GM102"),
    # A generalisation about women is not everyone's wish.
    ("Phụ nữ ai cũng muốn khoe nhan sắc của mình trước đám đông.", "GM102"),
    # A woman of the news by her looks in crime news.
    ("Nữ quái xinh đẹp cầm đầu đường dây lừa đảo qua mạng.", "GM102"),
    # A woman described as seductive, a man's word later in the sentence.
    ("Cô nàng diện bikini khoe thân hình quyến rũ bên bạn trai là nam diễn viên nổi tiếng.", "GM202"),
    # A body word followed by "phải" (must) is no side of the chest.
    ("Diện bikini thì vòng 3 phải tròn trịa, nở nang như người mẫu mới gọi là gợi cảm.", "GM201"),
    # A jealous attack in the outlet's voice.
    ("Clip đánh ghen giữa phố khiến dân mạng xôn xao.", "GM702"),
    # "chân dài" as a noun, and "ra mắt" is no growth.
    ("Chân dài ra mắt bộ ảnh mới bên đại gia.", "GM606"),
])
def test_round11_what_must_still_flag(sentence: str, rule: str) -> None:
    assert rule in rules_hit(sentence)
