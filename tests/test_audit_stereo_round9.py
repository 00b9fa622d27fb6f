"""Stereotype rules after round 9's held-out check (data/check/README.md, "Round 9").

Each case is a kind of false flag the round found (things and buildings called "xinh đẹp", looks
denied with an adverb, the screen and a sport's style for "bốc lửa"/"nóng bỏng", a speaker's own
account of housework duties, a diary or a birth for "nữ bác sĩ"/"nữ y tá", Mr Right ...), with a
sentence written for this test, and beside it what the same rule must still flag.
"""

import pytest

from auditor.audit.engine import Auditor

AUDITOR = Auditor()


def rules_hit(sentence: str) -> set[str]:
    return {f.rule for f in AUDITOR.audit(sentence).findings if f.by == "rule"}


@pytest.mark.parametrize(("sentence", "rule"), [
    # GM102: a thing or a building just before the looks word.
    ("Sau ba tháng thi công, ngôi trường xinh đẹp đã đón những học sinh đầu tiên.", "GM102"),
    ("Con tàu vũ trụ bay quanh hành tinh xinh đẹp của chúng ta trong bảy ngày.", "GM102"),
    ("Mẫu xe mới có kiểu dáng cực ngầu, màu sơn đen nhám.", "GM102"),
    ("Chị khoác lên mình bộ lễ phục xinh đẹp trong ngày tốt nghiệp.", "GM102"),
    # GM102: looks denied with an adverb between, a woman's own belief, the reader told to be.
    ("Không thật xinh đẹp, nhưng cô có giọng nói ấm áp khiến ai cũng nhớ.", "GM102"),
    ("Cô những tưởng mình xinh đẹp thì sẽ được nhà chồng thương.", "GM102"),
    ("Hãy luôn xinh đẹp và lạc quan, vì bạn xứng đáng được yêu thương.", "GM102"),
    # GM102: someone's admiration reported, and looks harmed or remade as the story's topic.
    ("Anh thầm ngưỡng mộ về nhan sắc và sự chăm chỉ của cô đồng nghiệp.", "GM102"),
    ("Thức khuya triền miên đang hủy hoại nhan sắc của nhiều chị em văn phòng.", "GM102"),
    ("Phòng khám hứa giúp khách hàng cải thiện nhan sắc chỉ sau một liệu trình.", "GM102"),
    # GM202: the screen, a sport's or a stage act's style, men, a show that is fined.
    ("Trên màn ảnh mọi thứ thật nóng bỏng, nhưng ngoài đời hai người hiếm khi nói chuyện.", "GM202"),
    ("Bộ phim gây sốt với nhiều cảnh quay nóng bỏng giữa hai diễn viên chính.", "GM202"),
    ("Trong phim ngắn, nữ diễn viên vào vai một cô vũ nữ bốc lửa thời chiến.", "GM202"),
    ("Đội bóng nữ không còn giữ được hình ảnh thi đấu bốc lửa như ở vòng bảng.", "GM202"),
    ("Với phong cách trình diễn bốc lửa, chị là ca sĩ nhạc rock được yêu thích nhất.", "GM202"),
    ("Năm nay nhiều sao nam chọn hình ảnh gợi cảm để trở lại sân khấu.", "GM202"),
    ("Cho vũ công múa bikini sexy trước trẻ em, khu vui chơi bị phạt 30 triệu đồng.", "GM202"),
    # GM203: "hình ảnh nóng hổi" is the latest pictures.
    ("Hãng tin gửi về những hình ảnh nóng hổi từ hiện trường trận động đất.", "GM203"),
    # GM201: a tournament's rounds.
    ("Năm ngoái tay vợt nữ người Đức chỉ đi tới vòng 3 của giải.", "GM201"),
    # GM401 / GM405: someone's own account or quoted words.
    ("Biết thế tôi giữ chồng ở quê, hai vợ chồng sớm hôm có nhau.", "GM401"),
    ("Tuần này bọn mình được học nấu ăn trong lớp tề gia nội trợ.", "GM401"),
    ("Bà cằn nhằn ‘con trai không phải rửa bát, việc bếp núc là của đàn bà, ra ngoài chơi đi’.", "GM401"),
    ("Khán giả trêu: “Nhìn chị bế con thế này trông ra dáng người vợ đảm đang lắm”.", "GM405"),
    # GM305: a diary is a work, a birth is maternity news.
    ("Cuốn nhật ký ghi lại những ngày cuối đời của một nữ bác sĩ ở chiến trường.", "GM305"),
    ("Em bé vừa chào đời đã nắm chặt tay nữ y tá khiến cả phòng sinh bật cười.", "GM305"),
    # GM501: Mr Right; GM502: one daughter, not a whole sex; GM101: a likeness.
    ("Người đàn ông đích thực trong đời bạn sẽ là người luôn lắng nghe bạn.", "GM501"),
    ("Bố mẹ sững sờ trước cô con gái vốn ngoan hiền nay bỏ học theo bạn.", "GM502"),
    ("Cô bé nhà ca sĩ càng lớn càng xinh như hot girl.", "GM101"),
    # Second batch: a stage act's style four words before, a film's scenes for GM203, a daughter
    # called "cô công chúa" (a child) for GM108.
    ("Với phong cách trình diễn bốc lửa, chị được mệnh danh là nữ hoàng nhạc rock.", "GM202"),
    ("Đạo diễn cắt bớt những cảnh quay hình ảnh “nóng” trong phim trước khi công chiếu.", "GM203"),
    ("Anh chia sẻ về tổ ấm nhỏ bên vợ và một cô công chúa xinh xắn.", "GM108"),
])
def test_round9_false_flag_kinds_pass(sentence: str, rule: str) -> None:
    assert rule not in rules_hit(sentence)


@pytest.mark.parametrize(("sentence", "rule"), [
    # The same rules still flag the outlet's own hook on a woman.
    ("Nữ giám đốc xinh đẹp bị bắt vì lừa đảo hàng chục tỷ đồng.", "GM102"),
    ("Một số hình ảnh xinh đẹp của bà xã tiền vệ được chia sẻ rầm rộ.", "GM102"),
    ("Dù đã ngoài 50, bà vẫn khiến mọi người ngưỡng mộ bởi nhan sắc mặn mà.", "GM102"),
    ("Đàn ông yêu bằng mắt, vì thế hãy luôn giữ mình thật xinh đẹp.", "GM102"),
    ("Nữ ca sĩ khoe thân hình nóng bỏng trong bộ ảnh mới.", "GM202"),
    ("Cô nổi tiếng nhờ bộ ảnh khoe đôi “bò bồng đảo” bốc lửa trên báo lá cải.", "GM202"),
    ("Nữ diễn viên khoe vòng 3 căng tràn trong chiếc váy bó sát.", "GM201"),
    ("Người vợ không biết giữ chồng nên gia đình tan vỡ.", "GM401"),
    ("Nữ bác sĩ bất cẩn để quên gạc trong bụng bệnh nhân.", "GM305"),
    ("Đàn ông đích thực thì không bao giờ rơi nước mắt.", "GM501"),
    ("Người đẹp Thu Hà bị bắt khi đang vận chuyển ma túy.", "GM101"),
    ("Nữ ca sĩ gây sốt với màn trình diễn bốc lửa, khoe thân hình gợi cảm.", "GM202"),
    ("Hot girl tung ảnh nóng để câu like trên mạng xã hội.", "GM203"),
    ("Nữ MC xinh xắn bị phát hiện gian lận trong kỳ thi.", "GM108"),
    ("Nữ diễn viên như nàng công chúa xinh xắn khi diện váy hoa ở sự kiện.", "GM108"),
])
def test_round9_what_must_still_flag(sentence: str, rule: str) -> None:
    assert rule in rules_hit(sentence)

