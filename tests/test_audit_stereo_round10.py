"""Stereotype rules after round 10's held-out check (data/check/README.md, "Round 10").

Round 10 found GM102 (looks words) and GM302 (a woman's sex marked in crime and accident news) the
weak rules. The fixes are conditions on the looks word's referent, not more places and things: the
referent is no particular woman (a quantified noun phrase, a face in general, looks as a goal), a
story's character (a plot told, a role named), an animal or a thing counted by its classifier; and
for GM302 the marked woman is the one harmed. Each case is a sentence written for this test, beside
what the same rules must still flag.
"""

import pytest
from test_audit_stereo import rules_hit  # tests/ is on sys.path


@pytest.mark.parametrize("sentence", [
    # No particular woman: a quantified noun phrase (GM101's "gái xinh" must not take it over).
    "Quanh anh lúc nào cũng có rất nhiều cô gái xinh đẹp, nhưng anh chỉ yêu vợ.",
    "Trong vô vàn những bạn gái xinh đẹp ấy, anh chọn người ít nói nhất.",
    "Mỗi năm có hàng trăm diễn viên trẻ, bao nhiêu gương mặt xinh đẹp rồi cũng bị quên lãng.",
    # A face in general, looks as a goal.
    "Trên một gương mặt xinh đẹp, đôi mắt thường chiếm một phần năm chiều ngang.",
    "Muốn trở nên xinh đẹp hơn, nhiều người tìm đến dao kéo mà quên sức khỏe.",
    # A story's character: a plot told, a role named.
    "Cuốn tiểu thuyết kể về một thiếu nữ xinh đẹp bị ép gả cho quan huyện.",
    "Cô nhận vai nữ phụ, một cô em gái xinh đẹp nhưng đỏng đảnh.",
    # An animal or a thing counted by its classifier.
    "Trang trại vừa có thêm một chú ngựa con xinh đẹp lông trắng muốt.",
    "Căn biệt thự nhỏ xinh đẹp nằm cuối con dốc.",
])
def test_round10_referent_is_no_woman_of_the_news(sentence: str) -> None:
    assert not rules_hit(sentence) & {"GM101", "GM102"}


@pytest.mark.parametrize("sentence", [
    # GM302: the marked woman is the one who dies, is hurt, scolded or slapped.
    "Xe khách lật trên đèo khiến nữ hành khách tử vong, hai người bị thương.",
    "Vụ việc nữ công nhân thiệt mạng vì điện giật đang được công an điều tra.",
    "Gã thanh niên chửi người đàn bà bán hàng rồi tát bà trước mặt khách.",
])
def test_round10_woman_harmed_is_not_gender_marking(sentence: str) -> None:
    assert "GM302" not in rules_hit(sentence)


@pytest.mark.parametrize(("sentence", "rule"), [
    # A woman of the news by her looks still flags, with a name, a title or a classifier's "con gái".
    ("Nữ giám đốc xinh đẹp bị bắt vì lừa đảo hàng chục tỷ đồng.", "GM102"),
    ("Cô con gái xinh đẹp của đại gia vừa bị khởi tố vì đánh bạc.", "GM102"),
    ("Dù đã ngoài 50, bà vẫn khiến rất nhiều người ngưỡng mộ vì nhan sắc.", "GM102"),
    ("Trong phim, người đẹp gây chú ý với nhan sắc tươi trẻ.", "GM102"),
    ("Chiếc xe chở nữ tiếp viên xinh đẹp dừng trước cổng tòa án.", "GM102"),
    # GM302: the woman as the one who acts in crime news.
    ("Nữ hành khách say rượu gây rối khiến chuyến bay phải hạ cánh.", "GM302"),
    ("Nữ tài xế lái xe tải tông chết người đi đường rồi bỏ trốn.", "GM302"),
])
def test_round10_what_must_still_flag(sentence: str, rule: str) -> None:
    assert rule in rules_hit(sentence)
