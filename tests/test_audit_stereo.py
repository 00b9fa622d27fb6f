"""Stereotype indicator rules on Vietnamese sentences: compounds, word senses, reported views.

Each case names a general cause the rules must handle (a term that is only part of a longer word,
a second sense of a term, a view the outlet reports rather than holds), with a sentence written
for this test.
"""

from pathlib import Path

import pytest
import yaml

from auditor.audit.engine import Auditor
from auditor.audit.rules import RuleError, default_rules_dir, load_rules

AUDITOR = Auditor()


def rules_hit(sentence: str) -> set[str]:
    return {f.rule for f in AUDITOR.audit(sentence).findings if f.by == "rule"}


def categories(sentence: str) -> set[str]:
    return {f.category for f in AUDITOR.audit(sentence).findings if f.by == "rule"}


# -- a term that is the head or tail of a longer word -------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Thần đồng bóng đá Anh ghi hai bàn trong trận derby.",
    "Câu lạc bộ chiêu mộ thần đồng bóng đá người Brazil với giá kỷ lục.",
    "Tiền vệ vào bóng lộ liễu nên nhận thẻ vàng.",
    "Hung thủ bỏ lại xe máy ở khu di tích Gò Ô Môi.",
])
def test_slur_inside_a_longer_word_is_not_flagged(sentence: str) -> None:
    assert "lgbt" not in categories(sentence)


def test_the_slur_itself_is_still_flagged() -> None:
    assert "lgbt" in categories("Bạn bè trong lớp gọi cậu là đồ đồng bóng vì thích múa.")
    assert "lgbt" in categories("Cậu bị bạn cùng xóm gọi là bóng lộ.")


def test_woman_as_tail_of_phu_nu_is_not_gender_marking() -> None:
    # "phụ nữ bị cáo buộc": the "nữ" belongs to "phụ nữ", not to a "nữ bị cáo".
    assert "gender_marking" not in categories("Cảnh sát bắt giữ một phụ nữ bị cáo buộc trộm xe máy.")
    assert "gender_marking" in categories("Nữ bị cáo bị tuyên phạt 5 năm tù vì lừa đảo.")


def test_place_of_origin_after_co_gai_is_not_the_label_gai_que() -> None:
    assert "demeaning_label" not in categories("Công an giải cứu ba cô gái quê Hậu Giang bị lừa bán.")
    assert "demeaning_label" not in categories("Đến lượt cô gái quê Nghệ An bước vào trận chung kết.")
    assert "demeaning_label" in categories("Anh ta chê vợ là gái quê không biết ăn mặc.")


def test_england_youth_team_nickname_is_not_tieu_tam() -> None:
    assert not rules_hit("Tiểu tam sư thua ngược ở phút cuối trận bán kết.")
    assert "demeaning_label" in categories("Cô bị gọi là tiểu tam sau khi ảnh hẹn hò lan truyền.") or \
        "GM601" in rules_hit("Tiểu tam xuất hiện trong đám cưới khiến cô dâu bật khóc.")


def test_handsome_man_and_court_ladies_are_not_beauty_labels() -> None:
    assert not rules_hit("Trong tiệc có nhiều người đẹp trai và lịch lãm.")
    assert not rules_hit("Sách sử chép chuyện cung tần mỹ nữ trong hoàng cung.")


# -- a second sense of the term ----------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Mỗi sáng bà uống một tách trà xanh nóng.",
    "Bánh bông lan trà xanh được bày bán ở nhiều tiệm.",
    "Các nhà khoa học cho thấy trà xanh có tác dụng chống ô xy hóa.",
    "Cá hấp trà xanh là món ăn bài thuốc dân gian.",
])
def test_green_tea_is_not_the_mistress_slang(sentence: str) -> None:
    assert not rules_hit(sentence)


def test_mistress_slang_in_a_couple_story_is_flagged() -> None:
    assert "demeaning_label" in categories("Người vợ lên mạng tố cô trà xanh chen chân vào gia đình mình.")


@pytest.mark.parametrize("sentence", [
    "Đĩa gỏi được trang trí bằng rau thơm xanh mát mắt.",
    "Căn phòng sơn tông màu xanh lá trông rất mát mắt.",
])
def test_mat_mat_about_food_or_colour_is_not_flagged(sentence: str) -> None:
    assert not rules_hit(sentence)


def test_mat_mat_about_women_looked_at_is_flagged() -> None:
    assert "appearance" in categories("Dàn hot girl mặc bikini khiến cánh mày râu được phen mát mắt.")


def test_thien_chuc_of_a_profession_or_animals_is_not_domestic_role() -> None:
    assert not rules_hit("Bào chữa cho thân chủ là thiên chức của người luật sư.")
    assert "domestic_role" in categories("Thiên chức của người phụ nữ là sinh con và chăm sóc chồng.")


def test_hot_event_is_not_sexualisation() -> None:
    assert not rules_hit("Nữ ca sĩ góp mặt trong đêm nhạc rock bốc lửa ở sân vận động.")
    assert "sexualisation" in categories("Nữ ca sĩ khoe thân hình bốc lửa bên bể bơi.")


# -- the outlet reports or questions the view --------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Nhiều người vẫn cho rằng phụ nữ là phái yếu, quan niệm ấy cần thay đổi.",
    "Có ý kiến cho rằng người mẫu đóng phim chỉ là bình hoa di động.",
    "Hàng xóm dị nghị, mỉa mai cậu là pê đê chỉ vì cậu làm cô nuôi dạy trẻ.",
])
def test_a_reported_or_questioned_view_is_not_flagged(sentence: str) -> None:
    assert not rules_hit(sentence)


# -- the rule file features behind these cases -------------------------------------------------

def test_quotation_marks_between_words_still_match() -> None:
    assert "lgbt" in categories('Dân "gay" thường tụ tập ở quán cà phê cuối phố.')
    assert "lgbt" in categories('Hắn tên Long, biệt danh Long “pêđê”, cầm đầu đường dây.')


def _rules_dir(tmp_path: Path, rule: dict) -> Path:
    (tmp_path / "lexicons").mkdir()
    src = default_rules_dir() / "lexicons" / "terms.yaml"
    (tmp_path / "lexicons" / "terms.yaml").write_text(src.read_text("utf-8"), "utf-8")
    (tmp_path / "indicators").mkdir()
    doc = {"category": "demeaning_label", "indicator": "B1.2a", "rules": [rule]}
    (tmp_path / "indicators" / "x.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), "utf-8")
    return tmp_path


def test_unless_part_of_with_a_list_inside_a_phrase(tmp_path: Path) -> None:
    rule = {"id": "GM990", "name": "demeaning_label.test", "message": "m", "suggestion": "s",
            "match": ["gái quê"], "unless_part_of": ["gái quê {place_of_origin}"],
            "examples": {"flag": ["Gái quê lên phố."]}}
    rules = load_rules(_rules_dir(tmp_path, rule))
    r = rules.by_id("GM990")
    assert list(r.find("gái quê lên phố")) == [(0, 7)]
    assert list(r.find("cô gái quê cà mau vào nghề")) == []
    assert list(r.find("cô gái quê ở huyện bên")) == []


def test_unknown_list_inside_a_phrase_is_an_error(tmp_path: Path) -> None:
    rule = {"id": "GM990", "name": "demeaning_label.test", "message": "m", "suggestion": "s",
            "match": ["gái quê"], "unless_part_of": ["gái quê {no_such_list}"],
            "examples": {"flag": ["Gái quê lên phố."]}}
    with pytest.raises(RuleError, match="no_such_list"):
        load_rules(_rules_dir(tmp_path, rule))


def test_slur_in_someone_elses_quoted_speech_is_not_the_outlets_voice() -> None:
    assert "lgbt" not in categories("“Ừ thì tôi là pê đê đấy, có làm sao đâu”, anh cười nói.")
    # A label in scare quotes is still the outlet's word.
    assert "lgbt" in categories("Hùng “pê đê” cầm đầu đường dây mại dâm ở quận 1.")


def test_unless_quoted_must_be_a_positive_number(tmp_path: Path) -> None:
    rule = {"id": "GM990", "name": "demeaning_label.test", "message": "m", "suggestion": "s",
            "match": ["gái quê"], "unless_quoted": 0, "examples": {"flag": ["Gái quê lên phố."]}}
    with pytest.raises(RuleError, match="unless_quoted"):
        load_rules(_rules_dir(tmp_path, rule))


# -- vocabulary added for the categories the rules used to miss --------------------------------

@pytest.mark.parametrize(("sentence", "category"), [
    ("Xe bốc cháy, nữ tài xế kịp thoát ra ngoài trước khi lửa lan.", "gender_marking"),
    ("Giá rau tăng vọt khiến các bà nội trợ phải tính toán khi đi chợ.", "domestic_role"),
    ("Ông bà mong con trai lấy được một người vợ hiền thục, đảm đang.", "domestic_role"),
    ("Chị phát hiện chồng bị đồng tính sau nhiều năm chung sống.", "lgbt"),
    ("Cô người mẫu khoe thân hình săn chắc bên bể bơi khách sạn.", "sexualisation"),
    ("Vốn cả tin và khờ khạo, những cô gái mới lớn dễ sa vào lời đường mật.", "trait"),
    ("Kẻ buôn người dụ dỗ những cô gái nhẹ dạ bằng lời hứa việc nhẹ lương cao.", "victim_blaming"),
])
def test_newly_covered_stereotypes_are_flagged(sentence: str, category: str) -> None:
    assert category in categories(sentence)


@pytest.mark.parametrize("sentence", [
    "Nữ bác sĩ đang mang thai tháng thứ sáu vẫn trực cấp cứu.",
    "Tỷ lệ nữ cán bộ tham gia cấp ủy tăng so với nhiệm kỳ trước.",
    "Người nội trợ nên chọn dầu ăn có nhãn mác rõ ràng.",
    "Anh ấy luôn nghĩ đàn ông phải là người mạnh mẽ nên giấu bệnh với vợ.",
])
def test_sex_that_matters_neutral_words_and_reported_beliefs_pass(sentence: str) -> None:
    assert not rules_hit(sentence)


# -- false-flag causes found on held-out news (data/check/stereo_check*) ------------------------

def test_unless_after_cancels_on_the_words_just_after_the_match(tmp_path: Path) -> None:
    rule = {"id": "GM990", "name": "demeaning_label.test", "message": "m", "suggestion": "s",
            "match": ["nữ tài xế"], "unless_after": {"words": ["{violence_suffered}"], "window": 8},
            "examples": {"flag": ["Nữ tài xế vượt đèn đỏ."]}}
    r = load_rules(_rules_dir(tmp_path, rule)).by_id("GM990")
    assert list(r.find("nữ tài xế vượt đèn đỏ rồi bỏ chạy")) == [(0, 9)]
    assert list(r.find("nữ tài xế bị hai thanh niên chặn đường hành hung")) == []
    # The legal passive is what she is accused of, not what was done to her.
    assert list(r.find("nữ tài xế bị cáo buộc đâm chết người đi đường")) == [(0, 9)]
    # Violence done to someone else in the same sentence does not excuse the marking.
    assert list(r.find("thấy cô gái bị đâm, nữ tài xế lao vào can ngăn")) == [(20, 29)]


def test_unless_after_must_be_words_and_a_window(tmp_path: Path) -> None:
    rule = {"id": "GM990", "name": "demeaning_label.test", "message": "m", "suggestion": "s",
            "match": ["gái quê"], "unless_after": ["bị"], "examples": {"flag": ["Gái quê lên phố."]}}
    with pytest.raises(RuleError, match="unless_after"):
        load_rules(_rules_dir(tmp_path, rule))


@pytest.mark.parametrize("sentence", [
    # The marked woman is the one harmed.
    "Nữ chủ quán bị một nhóm thanh niên say rượu hành hung ngay trước cửa hàng.",
    "Một nữ tài xế xe ôm công nghệ bị cưỡng hiếp trên đường về quê.",
    # Established job names and both sexes named; reckless drivers of either sex.
    "Nữ ca sĩ bị mất trộm túi xách trong lúc biểu diễn ở hội chợ.",
    "Giải thưởng dành cho nam và nữ diễn viên xuất sắc nhất bị hoãn vì sự cố kỹ thuật.",
    "Tài xế xe container trở thành hung thần xa lộ sau khi dùng ma túy.",
    # A man's sex is the story in a sexual-assault report.
    "Bệnh nhân tố cáo một nam y tá sàm sỡ mình khi tiêm thuốc.",
    # "như" that lists, loves or disguises.
    "Người yếu thế như phụ nữ, trẻ em, người già được ưu tiên xếp hàng trước.",
    "Mẹ chồng coi con dâu như con gái, chăm từng bữa cơm.",
    # Words that hold a slur's letters: a girl phoning, money before a pronoun, a football team.
    "Chị nghe thấy tiếng con gái gọi cửa lúc nửa đêm nên thức dậy.",
    "Ông chủ nhà giữ lại 3 triệu đồng cô đặt cọc tháng trước.",
    "Cả đội bóng “Cậu bé rừng xanh” được mời ra Hà Nội giao lưu.",
    # Mr Right, not a real man's duty; a woman the pillar; a duty refused in a question.
    "Cô tin rằng một ngày sẽ gặp được người đàn ông đích thực của đời mình.",
    "Sau khi chồng đau ốm, chị trở thành trụ cột gia đình, một mình nuôi ba con.",
    "Tại sao chị phải nhẫn nhịn khi anh ta không hề tôn trọng chị?",
    # A woman naming herself; a word discussed as a word; eye drops; an award-winning "sơn nữ" song.
    "Tôi không muốn trở thành kẻ thứ ba chen vào hạnh phúc của anh chị.",
    "Danh từ bà tám để chỉ những người nhiều chuyện nay đã thành động từ.",
    "Bác sĩ dặn rửa mắt bằng nước muối sinh lý, dùng liên tục trong vòng 5 ngày.",
    "Ca sĩ trẻ thể hiện lại bài Sơn nữ ca trong đêm nhạc Trần Hoàn.",
    "Phóng viên hỏi Tuấn về tin đồn anh là người đẹp đôi nhất với bạn diễn.",
    # Illness framing denied.
    "Họ tìm đến chuyển giới không phải do lệch lạc mà vì muốn sống đúng với mình.",
])
def test_held_out_false_flag_causes_pass(sentence: str) -> None:
    assert not rules_hit(sentence), rules_hit(sentence)


@pytest.mark.parametrize(("sentence", "category"), [
    ("Nữ chủ quán bị bắt vì chứa chấp đánh bạc trong nhà.", "gender_marking"),
    ("Đàn ông đích thực thì không bao giờ than vãn chuyện bếp núc.", "trait"),
    ("Thằng bé gì mà mít ướt, khóc nhè như con gái.", "trait"),
    ("Là người trụ cột trong gia đình, anh phải lo hết chuyện tiền bạc.", "domestic_role"),
    ("Dàn người mẫu khoe đôi chân dài trên bãi biển Nha Trang.", "sexualisation"),
    ("Nữ ca sĩ tự tin diện bikini khoe đôi chân thon trong kỳ nghỉ.", "sexualisation"),
    ("Đại gia dắt theo chân dài kém 20 tuổi đi dự tiệc.", "demeaning_label"),
    ("Người vợ đăng đàn dằn mặt kẻ thứ ba chen chân vào gia đình mình.", "demeaning_label"),
])
def test_what_those_fixes_must_still_flag(sentence: str, category: str) -> None:
    assert category in categories(sentence), categories(sentence)


# -- false-flag causes found on the blind set: looks words that describe no grown woman ---------

@pytest.mark.parametrize("sentence", [
    "Em bé nhận được một chiếc hộp quà nhỏ xinh xắn từ ông già Noel.",
    "Hai đứa cháu gái của bà đều ngoan ngoãn, xinh xắn và học giỏi.",
    "Mọi người khen tôi xinh đẹp từ hồi còn đi học.",
    "Tân hoa hậu gây chú ý với nhan sắc rạng rỡ trong đêm chung kết.",
    "Sau ca phẫu thuật chỉnh sửa, nhan sắc của nữ ca sĩ thay đổi hẳn.",
    "Sau ba tháng giảm cân, cô trở nên xinh đẹp và tự tin hơn trước.",
    "Ông thích cảnh phố phường đẹp, con người đẹp của Hà Nội xưa.",
    "Người ta gọi bé gái xinh xắn ấy là thiên thần nhỏ của xóm.",
    "Ông cụ ngắm những chiếc vòng cổ bằng bạc lấp lánh và sự quyến rũ của chúng.",
    "Tòa án xác định anh Nam không hề có bồ nhí như lời đồn.",
])
def test_looks_words_that_describe_no_grown_woman_pass(sentence: str) -> None:
    assert not rules_hit(sentence), rules_hit(sentence)


@pytest.mark.parametrize(("sentence", "category"), [
    ("Nữ nhân viên xinh xắn của cửa hàng bị bắt vì lấy trộm tiền của khách.", "appearance"),
    ("Cô gái xinh đẹp bị bắt khi đang vận chuyển ma túy qua biên giới.", "appearance"),
    ("Nữ ca sĩ tung loạt ảnh vô cùng sexy trên trang cá nhân.", "sexualisation"),
])
def test_looks_of_a_grown_woman_still_flag(sentence: str, category: str) -> None:
    assert category in categories(sentence), categories(sentence)


@pytest.mark.parametrize("sentence", [
    # Longer phrases that hold a term: "yên phận làm vợ", a simile, a role, a description.
    "Chị nói sẽ yên phận làm vợ anh cho đến khi con cái trưởng thành.",
    "Sau chuyến đi, hai vợ chồng mệt nhoài như hai quả bóng xì hơi.",
    "Cô kể vai nữ sát thủ trong phim mới khiến cô phải tập võ suốt ba tháng.",
    "Đạo diễn muốn cô đóng một cô gái quê mùa nên cô không trang điểm.",
])
def test_longer_phrases_that_hold_a_term_pass(sentence: str) -> None:
    assert not rules_hit(sentence), rules_hit(sentence)


# -- round 4: speech, denials and second senses around looks words ------------------------------

@pytest.mark.parametrize("sentence", [
    # A whole clause of someone's speech is the speaker's voice.
    "Ca sĩ nhận xét: “Những bạn trẻ nếu chỉ chú trọng ngoại hình hơn giọng hát thì nhan sắc cũng chỉ là nhất thời”.",
    # Looks denied; "không chỉ" is not a denial, "hàng không" not a negation (below).
    "Gia đình anh phản đối vì vợ không xinh đẹp, nhà lại ở xa.",
    "Cô ấy chẳng bốc lửa, nhưng sự vồn vã của cô khiến anh rung động.",
    # Advice to the reader, not a woman described.
    "Chọn chân váy hợp dáng, bạn sẽ trở nên năng động và xinh đẹp hơn.",
    # Second senses: a show of strength, stirring feelings, the longest toe, a survey.
    "Võ sĩ trẻ phô diễn sức mạnh ở hạng cân dưới 60 kg.",
    "Ca khúc khơi gợi cảm xúc về quê hương trong lòng khán giả nữ.",
    "Giày mới nên dài hơn ngón chân dài nhất khoảng 2 cm.",
    "Cuộc điều tra được thực hiện trên 5.000 nữ nhân viên văn phòng ở các thành phố lớn.",
    # Intimate images as the object of a crime: the woman is the victim.
    "Gã đe dọa sẽ tung ảnh nóng của chị lên mạng nếu không đưa thêm tiền.",
])
def test_round4_false_flag_causes_pass(sentence: str) -> None:
    assert not rules_hit(sentence), rules_hit(sentence)


@pytest.mark.parametrize(("sentence", "category"), [
    ("Ai cũng ngoái nhìn nữ tiếp viên hàng không xinh đẹp bị bắt vì buôn lậu.", "appearance"),
    ("Nữ quái không chỉ xinh đẹp mà còn cầm đầu đường dây.", "appearance"),
    ("Trong mọi khung hình, cô bạn lúc nào trông cũng rất xinh đẹp.", "appearance"),
    ("Người mẫu nội y cùng các bạn tung loạt ảnh hậu trường nóng bỏng.", "sexualisation"),
    # A straight quote glued to the word before it closes a quote of an earlier sentence: what
    # follows is the outlet's voice again.
    ('đầu đinh" thấy cô gái khá xinh đẹp nên thuê nhà cho cô ở rồi đẩy cô vào quán bia ôm.', "appearance"),
    ("Vẻ đẹp của nữ tiếp viên hàng không khiến hành khách khó rời mắt.", "appearance"),
    ("Với mẹ chồng, chị là dâu ngoan hiền, và một câu nhịn, chín câu lành.", "domestic_role"),
    ("Biết đâu cô ấy có lý do, đôi khi rất vớ vẩn kiểu con gái, nên cư xử vậy.", "trait"),
    # "Các cô gái thích ..." heading a sentence generalises, also in the middle of a text ...
    ("Theo chuyên gia tâm lý. Các cô gái thích làm vui lòng người có uy tín nên dễ nghe theo.", "trait"),
])
def test_round4_what_must_still_flag(sentence: str, category: str) -> None:
    assert category in categories(sentence)


def test_the_girls_who_like_something_is_no_generalisation() -> None:
    # ... but after a verb or preposition it is a relative clause ("the girls who like ...").
    assert "trait" not in categories("Cô nàng nhắn nhủ tới các cô gái thích mua đồ qua mạng: nên hỏi rõ kích cỡ.")


# -- round 5: causes read from the round-5 check set (each sentence written for this test) ----------

@pytest.mark.parametrize("sentence", [
    # "gái xinh" / "gái đẹp" only as the tail of a longer word: a daughter, a girl who is pretty.
    "Hai vợ chồng làm ăn khấm khá, có với nhau một cô con gái xinh xắn.",
    # Pageant periphrases name the contest; someone describing herself; "any girl who is pretty".
    "Cô nói mình chưa sẵn sàng bước vào đấu trường nhan sắc quốc tế.",
    "Tôi chẳng dám tự nhận là xinh đẹp, chỉ thấy mình ưa nhìn.",
    "Cứ thấy cô gái nào xinh đẹp là anh tìm cách làm quen.",
    # Places and parks described.
    "Khách sạn nằm ở phía bắc công viên Regent xinh đẹp.",
    # A gold digger said of a husband; a campaign named by its motto; men's feelings reported.
    "Nữ ca sĩ tố chồng trẻ là kẻ đào mỏ, sống bám vào vợ.",
    "Trường tổng kết phong trào \"Giỏi việc trường, đảm việc nhà\" của nữ giáo viên.",
    "Khi vợ kiếm nhiều hơn, nhiều ông chồng cảm thấy mình mất vị trí trụ cột trong gia đình.",
    # Showing off in general, flowers, a saxophone's sound, fashion copy for men.
    "Không bày đặt nhiều sự phô diễn, cô hát mộc mạc mà vẫn cuốn hút.",
    "Giữa những thảm hoa nuột nà khoe sắc, các bức tranh sơn dầu được dựng lên.",
    "Người chơi jazz phải khai thác cả âm thanh lẳng lơ của cây kèn saxophone.",
    "Gam màu của bộ sưu tập thể hiện sự nam tính, đàn ông vốn có của các quý ông.",
    # Legs as an athlete's asset.
    "Năm 16 tuổi, đôi chân dài đã giúp cô trở thành vận động viên bóng chuyền.",
    # Looks denied as a need, a nose job, advice to the reader, a first-person narrator.
    "Người ấy chẳng cần xinh đẹp, chỉ cần hiểu và tin tưởng anh.",
    "Sau khi sửa mũi và cắt mí, nhan sắc của cô thay đổi rất nhiều.",
    "Hãy cho anh ta thấy rằng bạn là một cô gái tự tin, xinh đẹp và bản lĩnh.",
    "Vợ tôi là tình đầu của tôi, một người phụ nữ xinh đẹp và đa cảm.",
    "Hồi ấy, tôi có người yêu khá xinh xắn, khéo léo trong giao tiếp.",
    "Sau này tôi sẽ cố gắng là một diễn viên giỏi và là trụ cột của gia đình.",
])
def test_round5_false_flag_causes_pass(sentence: str) -> None:
    assert not rules_hit(sentence), rules_hit(sentence)


@pytest.mark.parametrize(("sentence", "category"), [
    # A grown woman "xinh xắn" is still judged by GM108, a daughter is not.
    ("Người thứ ba là một cô gái xinh xắn, ít nói, làm ở công ty bên cạnh.", "appearance"),
    ("Dân mạng gọi cô hoa hậu là “đào mỏ” sau scandal với đại gia.", "demeaning_label"),
    ("Trên sân khấu, nữ ca sĩ diện crop-top tôn vòng một.", "sexualisation"),
    ("Chị vừa giỏi việc nước vừa đảm việc nhà, luôn giữ lửa gia đình.", "domestic_role"),
    ("Là người trụ cột trong gia đình, anh phải gánh vác mọi việc lớn.", "domestic_role"),
    ("Hai mỹ nhân diện bikini xuyên thấu khoe dáng trên du thuyền.", "sexualisation"),
    # The reporter's "chúng tôi" is the outlet's voice; a song title's "tôi" far before is no narrator.
    ("Tiếp chúng tôi là một nữ giám đốc trẻ trung, xinh đẹp với làn da căng mịn.", "appearance"),
    ("Nữ ca sĩ thể hiện ca khúc Nhật ký đời tôi với giọng hát trầm và ngoại hình xinh đẹp.", "appearance"),
    # A "tôi" that ends an earlier sentence glued on by the splitter is no narrator of this one.
    ("Vì quá yêu bóng đá nên tôi vẫn đầu tư. - \"Nội tướng\" của gia đình ông là người thế nào?", "domestic_role"),
])
def test_round5_what_must_still_flag(sentence: str, category: str) -> None:
    assert category in categories(sentence)


@pytest.mark.parametrize("sentence", [
    # Tale and play titles, a pageant's sub-award, a painting: no woman of the news named by looks.
    "Khi vỡ mộng, anh thô bạo như chàng quái vật trong Giai nhân và quái vật.",
    "Hai nghệ sĩ biểu diễn trích đoạn Giang sơn mỹ nhân cùng vũ đoàn của nhà hát.",
    "Cô vừa nhận giải Người đẹp Biển và sẽ tham gia chương trình từ thiện ở Huế.",
    "Bức tranh khắc họa hình ảnh người đẹp khỏa thân trên nền nhung đỏ.",
    # Criticism of looks reported; children; a region; make-up and surgery.
    "Nhiều người để lại lời chê bai nhan sắc của nữ diễn viên dưới bức ảnh.",
    "Cảm ơn tác giả đã gửi gắm những đứa con xinh đẹp cho nhà hát, ông nói.",
    "Không quán ăn nào ở xứ Lạng xinh đẹp này lại thiếu món măng ớt.",
    "Chị em nào cũng thủ sẵn thỏi son để tút tát lại nhan sắc khi cần.",
    # A temptation resisted, animals courting; someone's judgement of her reported.
    "Anh muốn quên cô ấy và tránh được sự \"quyến rũ\" khiến anh khó dứt ra.",
    "Những con chim trống nhảy múa để quyến rũ các cô nàng giao phối với chúng.",
    "Trong nghề diễn, tôi được các đạo diễn nhận xét là có vóc dáng sexy.",
    # "khoe khéo" something that is no body part.
    "Cô luôn khoe khéo những hình ảnh hạnh phúc bên con trai trên mạng.",
    # Quoted insults and nicknames; Mr Right seen by women; limp hair.
    "Anh gạt tay tôi ra, hằn học: “Đừng có động vào tôi, đồ đàn bà dơ bẩn”.",
    "Đội khách cầm hòa chủ nhà ngay tại \"đất nước của những người đàn ông mặc váy\".",
    "Họ không sợ ai cười, trái lại còn được phụ nữ coi là những đàn ông đích thực.",
    "Tóc bị mắc kẹt chỉ còn trơ ngọn tóc ẻo lả, chổng ngược trên đỉnh đầu.",
    # "lẳng lơ" of screen versions and music; "đồng bóng" (fickle) of a woman.
    "Phiên bản Phan Kim Liên lẳng lơ của nữ diễn viên được coi là đẹp nhất màn ảnh.",
    "Nó hợp với khán giả yêu nhạc Việt: mềm mỏng, hơi lẳng lơ chứ không khốc liệt.",
    "Trong phim này, khán giả sẽ gặp một bà Sang đồng bóng, tính khí thất thường.",
    # "người đàn bà" pointed at again (this one, 48 years old) and a reader's letter.
    "Người đàn bà 48 tuổi đã lừa đảo 12 người, chiếm đoạt 4,3 tỷ đồng.",
    "Vì tôi tin rằng người đàn bà ấy muốn chiếm đoạt chồng chị bằng mọi mánh lới.",
])
def test_round6_false_flag_causes_pass(sentence: str) -> None:
    assert not rules_hit(sentence), rules_hit(sentence)


@pytest.mark.parametrize(("sentence", "category"), [
    # A place name after "người đẹp" is a nickname, not a sub-award; "cô gái xứ Nghệ" is a woman.
    ("Người đẹp Trà Vinh vừa tung bộ ảnh mới khiến dân mạng xôn xao.", "appearance"),
    ("Cô gái xứ Nghệ xinh đẹp bị bắt khi vận chuyển ma túy.", "appearance"),
    ("Người đẹp diện váy ngắn, khoe khéo vòng eo thon gọn.", "sexualisation"),
    ("Ở xứ này, \"phái yếu\" chỉ được làm việc nhà.", "trait"),
    ("Án mạng từ cuộc tình tay ba của người đàn bà.", "gender_marking"),
    ("Dù bị khách hàng chê chậm trễ, nữ giám đốc xinh đẹp vẫn không trả lời.", "appearance"),
])
def test_round6_what_must_still_flag(sentence: str, category: str) -> None:
    assert category in categories(sentence)


def test_men_and_legends_are_not_this_indicator_but_a_womans_body_beside_a_man_is() -> None:
    assert not rules_hit("Các chàng trai \"nhan sắc\" ngày càng đắt giá trong làng giải trí.")
    assert not rules_hit("Trước hàng nghìn khán giả, nam ca sĩ không may để lộ nội y màu hồng.")
    assert not rules_hit("Theo truyền thuyết, hoàng tử bắt cóc một thiếu nữ xinh đẹp rồi bỏ rơi cô.")
    assert "sexualisation" in categories("Nam ca sĩ ga lăng che vòng 1 đẫy đà, gợi cảm của bạn gái.")
    assert "appearance" in categories("Mái tóc vàng óng ả khiến cô nàng xinh đẹp như nàng tiên từ trong truyện cổ tích bước ra.")


def test_looks_measured_by_mens_reaction() -> None:
    assert "appearance" in categories("Tung clip áo tắm bé xíu, bạn gái tiền đạo khiến đàn ông đỏ mắt.")
    assert "appearance" in categories("Vẻ đẹp mong manh của nữ diễn viên luôn khiến các chàng trai say đắm.")
    # Advice on behaviour, a film's plot: no woman's looks offered to men in the outlet's voice.
    assert not rules_hit("Những điều dưới đây tưởng chừng đơn giản mà đủ khiến đàn ông mê mẩn.")
    assert not rules_hit("Bộ phim kể về một cô gái có nhan sắc khiến đàn ông mê mẩn.")


@pytest.mark.parametrize("sentence", [
    # Reported criticism and comments; a role described; a place likened to a woman.
    "Diện áo crop-top, nữ ca sĩ 15 tuổi bị cho mặc hở hang, không phù hợp lứa tuổi.",
    "Trái với những nhận xét thiếu tích cực về nhan sắc của vợ, nam diễn viên vẫn dành cho cô lời ngọt ngào.",
    "Lời bình khiến cô bé chùn bước trước lời mời vào những vai phải phô diễn cơ thể.",
    "Có người đã ví quán cà phê nhỏ như một cô gái đằm thắm và quyến rũ.",
    # The reader as the one looked at, in advice copy.
    "Nếu anh ấy chỉ nói trông bạn sexy thế nào thì anh ấy chỉ muốn dụ bạn lên giường.",
    "Nghĩ rằng bạn đẹp là chưa đủ, chàng còn muốn bạn thấy chính mình xinh đẹp.",
    # The end of a quotation opened earlier, attributed just after.
    "Ngoài ngày đi diễn thì mình còn tập gym và tập sexy dance”, cô nàng chia sẻ.",
    # A round of a tournament; intimate photos as evidence of a crime or a quarrel.
    "Không ai ngờ tay vợt nữ số một lại bị loại ngay vòng 1 trước đối thủ kém hơn.",
    "Khởi tố thêm tội danh với kẻ tung ảnh 'nóng' của bạn gái cũ.",
    "Chị đòi ly hôn vì phát hiện \"ảnh nóng\" trong điện thoại chồng.",
    # A work's title; a man's nickname in quotes.
    "Vì sao những tác phẩm \"gái quê mặc váy\" vẫn được độc giả ưa thích?",
    "Hai nhóm côn đồ là nhóm Hùng \"Cave\" và nhóm Tuấn \"Lãng Tử\" thường xuyên gây rối.",
])
def test_round7_false_flag_causes_pass(sentence: str) -> None:
    assert not rules_hit(sentence), rules_hit(sentence)


@pytest.mark.parametrize(("sentence", "category"), [
    ("Ngọc Trinh khoe vòng 1 gợi cảm trên thảm đỏ.", "sexualisation"),
    ("Nữ ca sĩ tung ảnh nóng khoe đường cong ở bãi biển.", "sexualisation"),
    ("Đại gia sống xa hoa với siêu xe và gái đẹp.", "demeaning_label"),
    ("Nữ diễn viên xinh đẹp đóng vai chính trong phim truyền hình mới.", "appearance"),
    ("Người đẹp Đà Nẵng diện bikini nóng bỏng trên bãi biển.", "sexualisation"),
    ("Dù bị loại, người đẹp vẫn tự tin khoe vòng một đầy đặn.", "sexualisation"),
])
def test_round7_what_must_still_flag(sentence: str, category: str) -> None:
    assert category in categories(sentence)


def test_round7_fixes_keep_nicknames_hedges_and_self_published_photos() -> None:
    # A nickname quoted alone before the speech verb, the passive hedge, a star's own photos.
    assert "appearance" in categories("Một người vợ sao lại muốn ăn thua đủ với chồng\", ca sĩ \"mắt nai\" tâm sự.")
    assert "appearance" in categories("Hạ Vi được nhận xét càng ngày càng xinh đẹp sau khi chia tay.")
    assert "sexualisation" in categories("Cô béo đẹp nhất Hollywood bất ngờ tung ảnh 'nóng rẫy tay'.")
    assert not rules_hit("Bắt quả tang, gã tung ảnh nóng bạn gái cũ lên Facebook để trả thù.")


def test_a_narrator_seeing_herself_and_a_mans_charm_pass() -> None:
    assert not rules_hit("Năm 20 tuổi, lần đầu tiên tôi thấy mình gọn gàng, xinh xắn trong chiếc áo phông "
                         "cổ rộng, bó sát khoe vòng một gợi cảm.")
    assert not rules_hit("Ông được coi là bảo bối của làng điện ảnh bởi sự quyến rũ, duyên dáng và linh hoạt của ông.")
    # Without the narrator, the same body hook flags.
    assert "sexualisation" in categories("Cô diện chiếc áo phông cổ rộng, bó sát khoe vòng một gợi cảm.")


# -- round 8: a narrator, an interviewer, a quotation from an earlier sentence ------------------

@pytest.mark.parametrize("sentence", [
    # A narrator's "tôi" in the same voice as the term: a reader's letter, an advice reply.
    "Tôi thì nghĩ cô ấy có người khác, vì lần nào về cũng đi tiệm chăm chút nhan sắc.",
    "Mong những lời khuyên của tôi giúp chị vững vàng, tôi chúc chị luôn tự tin và xinh đẹp.",
    "Cô bạn gái xinh đẹp ấy đã chờ tôi suốt bốn năm đi du học.",
    "Tất nhiên tôi chẳng dại gì đi đánh ghen, chỉ muốn cảnh cáo cô ta một lần.",
    "Hắn mắng vào mặt tôi là anh về dạy lại vợ anh đi, đồ đàn bà lăng loàn.",
    # An interviewer's question to the person.
    "- Được khen xinh đẹp từ nhỏ, chị có thấy áp lực khi đứng trước ống kính?",
    # A quotation opened in an earlier sentence, closed at the end of this one.
    "Cô ấy thật xinh đẹp, lúc nào cũng biết cách khiến cả đoàn phim vui vẻ và yêu đời”, đạo diễn cho biết.",
    "Cô gái nào cũng muốn mình gợi cảm hơn trong mắt người yêu, đó là điều rất bình thường”.",
])
def test_round8_someone_elses_voice_passes(sentence: str) -> None:
    assert not rules_hit(sentence), rules_hit(sentence)


@pytest.mark.parametrize("sentence", [
    # Islands and animals; the reader addressed; research and harassment reported; a garment's copy.
    "Vợ chồng nam ca sĩ đưa hai con đi khám phá quần đảo xinh đẹp ở Thái Bình Dương.",
    "Nó là một con chó xinh đẹp, lúc nào cũng quấn quýt bên chủ.",
    "Dù nhan sắc không còn như xưa, bạn cũng đừng so sánh cô ấy với người khác.",
    "Nghiên cứu cho thấy sở thích của đàn ông đã đổi từ thân hình đầy đặn khêu gợi sang dáng mảnh mai.",
    "Cô còn bị yêu cầu gửi những bức ảnh mặc áo tắm gợi cảm cho trưởng ban tổ chức.",
    "Chiếc đầm ôm làm nổi bật những đường cong quyến rũ, tạo cho người mặc sự tự tin.",
    "Chi phí cho cuộc trùng tu nhan sắc của cô lên tới 600 triệu đồng.",
    # Roles, works' titles, anecdotes; "đẹp" inside a longer phrase; a man "vốn" something.
    "Nàng Hoàng Dung xinh xắn trong phim kiếm hiệp năm ấy nay đã đoạt giải Ảnh hậu.",
    "Cô nổi tiếng khi vào vai ác nữ bên cạnh nữ chính trong Mỹ nhân tâm kế.",
    "Giai thoại kể rằng công tử đốt tiền nấu trứng trước mặt giai nhân.",
    "Nhìn bề ngoài, ai cũng nghĩ cô là người đẹp nết, hiền lành.",
    "- Chị làm cho mọi người đẹp lên nhờ mái tóc bằng cách nào?",
    "Hai người đàn ông vốn là giám đốc đã phải vào rừng sống như người nguyên thủy.",
    "Với khuôn mặt trái xoan xinh xắn, bé Mai ước mơ trở thành diễn viên.",
])
def test_round8_false_flag_causes_pass(sentence: str) -> None:
    assert not rules_hit(sentence), rules_hit(sentence)


@pytest.mark.parametrize(("sentence", "category"), [
    # The outlet's own voice before a colon or a quotation mark, or before a speech verb.
    ("Người đẹp trải lòng: tôi chưa nghĩ đến chuyện kết hôn.", "appearance"),
    ("Nữ MC xinh đẹp chia sẻ: tôi luôn dành thời gian cho gia đình.", "appearance"),
    ("Nữ ca sĩ gợi cảm kể: tôi từng bị chê quá gầy.", "sexualisation"),
    # A headline's question with no one addressed; a short quoted label; a work's title with "tôi".
    ("Hot girl bán hàng online bị bắt vì đâu?", "appearance"),
    ("Hot girl “xinh đẹp nhất” trường bị bắt vì lừa đảo.", "appearance"),
    ("Nữ ca sĩ thể hiện ca khúc Mẹ tôi trong bộ váy trắng với gương mặt xinh đẹp rạng ngời.", "appearance"),
    # A friend, not the reader; a man described, not the sex generalised about.
    ("Cô bạn cũng xinh đẹp và gợi cảm không kém trong bộ bikini đỏ.", "sexualisation"),
    ("Phụ nữ vốn dĩ yếu đuối nên cần được che chở.", "trait"),
    # "người đẹp" that speaks up, gets into a car or is five years older is still the label; a film
    # seen, not played in; the reader shown a woman ("khiến bạn mãn nhãn").
    ("Người đẹp lên tiếng sau tin đồn rạn nứt với bạn trai.", "appearance"),
    ("Nam diễn viên hẹn hò với người đẹp hơn anh 5 tuổi.", "appearance"),
    ("Bị treo giò, tiền đạo đi xem phim với bạn gái xinh xắn.", "appearance"),
    ("Một số hình ảnh gợi cảm của nữ ca sĩ chắc chắn sẽ khiến bạn mãn nhãn.", "sexualisation"),
    # An interviewer's question quoted after a colon: the outlet's words before it.
    ("Nhan sắc xinh đẹp của cô gái khiến nam MC buông lời: “Em có người yêu chưa?", "appearance"),
])
def test_round8_what_must_still_flag(sentence: str, category: str) -> None:
    assert category in categories(sentence), categories(sentence)


def test_son_nu_is_a_criminal_label_only_in_crime_news() -> None:
    # Travel writing and customs describe a people; a crime story marks the woman by sex and region.
    assert not rules_hit("Thấp thoáng bóng dáng các sơn nữ gùi ngô bên sườn núi.")
    assert not rules_hit("Theo lệ làng, sơn nữ đến tuổi mười lăm đã được nhà trai dạm hỏi.")
    assert "gender_marking" in categories("Sơn nữ 18 tuổi bị bắt khi vận chuyển ma túy qua biên giới.")
