"""Stereotype rules after round 12's held-out check (data/check/README.md, "Round 12").

Round 12 scored the rules after round 11's fixes at 0.757 held out. Its false flags were again
looks and sex-appeal words said of no woman of the news, and a few other clause shapes: a season's
or a thing's charm, a denial with a degree word between ("chưa đủ ... quyến rũ"), a survey's answer
reported further back, a make-up artist's trick, a display decried for its young audience, a
patient's body, stones, a pageant's name, a quoted title after a show's noun, "the latest pictures",
an animal's legs, the second of two victims, what a trade requires, a list of family conflicts, the
narrator's label on herself and photos sent as a weapon. Each case is a sentence written for this test,
beside what the same rules must still flag.
"""

import pytest
from test_audit_stereo import rules_hit  # tests/ is on sys.path


@pytest.mark.parametrize(("sentence", "rule"), [
    # GM202: a season's or a landscape's charm; a thing counted by its classifier.
    ("Bức ảnh chụp lại vẻ dịu dàng, quyến rũ của mùa thu Hà Nội.", "GM202"),
    ("Cô treo chiếc khăn lụa đỏ quyến rũ lên bức tường trắng.", "GM202"),
    # GM202: denied with a degree word between.
    ("Cô cho biết có lẽ bản thân chưa đủ quyến rũ để giữ chân bạn trai.", "GM202"),
    # GM202: a survey's answer, the view reported a little further back.
    ("Chưa tới một nửa số nam giới cho rằng phụ nữ dùng nước hoa có mùi gỗ thông là \"quyến rũ nhất\".",
     "GM202"),
    # GM202: a make-up artist's trick; a display decried for its young audience.
    ("Chuyên gia trang điểm tô son đỏ để đôi môi của cô dâu trông gợi cảm hơn.", "GM202"),
    ("Nhóm vũ công mặc bikini nhảy múa khêu gợi trước mặt các em học sinh tiểu học.", "GM202"),
    # GM102: stones; looks denied with a degree word; a patient's body in medicine.
    ("Những viên sỏi trắng xinh đẹp được xếp dọc lối đi trước hiên.", "GM102"),
    ("Chị thừa nhận mình chưa đủ xinh đẹp để làm người mẫu.", "GM102"),
    ("Ở người mắc bệnh cường giáp, dáng \"cò hương\" của bệnh nhân là dấu hiệu thường gặp.", "GM102"),
    # GM101: a pageant's name; a quoted title just after a show's noun.
    ("Người đẹp Peru từng lọt top 5 Miss Universe năm 2015.", "GM101"),
    ("Nam MC sẽ dẫn chương trình \"Người đẹp kể chuyện\" từ tháng sau.", "GM101"),
    # GM203: the latest pictures of an event.
    ("Phóng viên chờ suốt đêm để có những hình ảnh nóng nhất về trận lũ.", "GM203"),
    # GM606: an animal's legs, the animal named earlier in the sentence.
    ("Dưới kính lúp, con nhện nhà hiện ra với tám chân dài và mảnh.", "GM606"),
    # GM302: the second of two victims of the act.
    ("Tên cướp đâm một bảo vệ và một nữ nhân viên ngân hàng rồi bỏ trốn.", "GM302"),
    # GM102: what a trade requires.
    ("Nghề người mẫu thì cần chiều cao, ngành điện ảnh cần nhan sắc và sự kiên nhẫn.", "GM102"),
    # GM702: one item of a list of family conflicts.
    ("Trẻ lớn lên giữa những trận cãi vã, đánh ghen của cha mẹ dễ mắc trầm cảm.", "GM702"),
    # GM601: the label the narrator puts on herself.
    ("Nhà anh ấy sẽ không nhận một đứa \"gái hư\" như em làm dâu.", "GM601"),
    # GM203: photos sent to someone as a weapon.
    ("Cô ta gửi ảnh nóng của mình cho vợ anh để đòi chia tay.", "GM203"),
])
def test_round12_no_woman_of_the_news(sentence: str, rule: str) -> None:
    assert rule not in rules_hit(sentence)


@pytest.mark.parametrize(("sentence", "rule"), [
    # A woman described as seductive, with no season, thing, denial or young audience.
    ("Nữ ca sĩ diện váy ngắn, khoe vóc dáng quyến rũ trước hàng nghìn khán giả.", "GM202"),
    # "ngôi sao" is no classifier of a thing; "viên" of "diễn viên" is none either.
    ("Ngôi sao nữ người Pháp vẫn vô cùng quyến rũ ở tuổi 45.", "GM202"),
    ("Nữ diễn viên tóc vàng đầy sức quyến rũ từng khiến tỷ phú say mê.", "GM202"),
    # A body part is no thing; a woman's word between the thing and the word; "ngôi" of a throne;
    # a trade's circle is no landscape.
    ("Nữ ca sĩ khoe chiếc cổ thon dài đầy quyến rũ trên thảm đỏ.", "GM202"),
    ("Chiếc đầm xẻ tà càng khiến nàng quyến rũ hơn trong mắt khán giả.", "GM202"),
    ("Nữ người mẫu soán ngôi \"nữ hoàng nóng bỏng\" của năm.", "GM202"),
    ("Cô được xem là mỹ nhân quyến rũ nhất của làng giải trí.", "GM202"),
    # "không chỉ" is praise, not a denial.
    ("Nữ người mẫu không chỉ quyến rũ mà còn rất thông minh.", "GM202"),
    ("Nữ giám đốc không chỉ xinh đẹp mà còn giỏi đàm phán.", "GM102"),
    # A hospital's official is no patient.
    ("Nữ phó giám đốc xinh đẹp của bệnh viện bị bắt vì nhận hối lộ.", "GM102"),
    # A label with no pageant and no title.
    ("Người đẹp Hà Thành bị bắt cùng nhóm buôn ma túy.", "GM101"),
    ("Công an bắt \"người đẹp\" cầm đầu đường dây lừa đảo.", "GM101"),
    # A star's own intimate photos.
    ("Nữ ca sĩ tung ảnh nóng trước ngày ra mắt MV.", "GM203"),
    # An animal named after the label is not its owner.
    ("Đại gia dắt theo chân dài đến quán con cua rang me.", "GM606"),
    # A woman who needs looks is a woman of the news; an attack named "đánh ghen" with no list.
    ("Cô nàng cần nhan sắc hơn là tài năng để nổi tiếng.", "GM102"),
    ("Vợ cùng em gái đánh ghen, lột đồ tình địch giữa phố.", "GM702"),
    # A label not put on the speaker herself; a star who releases her own photos.
    ("Dân mạng gọi cô là \"gái hư\" như nhiều người khác.", "GM601"),
    ("Nữ diễn viên gửi lời cảm ơn fan sau khi tung ảnh nóng.", "GM203"),
    # The act's object far before the coordination: the woman is no second victim.
    ("Tên cướp đâm một bảo vệ ngân hàng rồi bị bắt cùng nữ thủ quỹ tiếp tay.", "GM302"),
])
def test_round12_what_must_still_flag(sentence: str, rule: str) -> None:
    assert rule in rules_hit(sentence)
