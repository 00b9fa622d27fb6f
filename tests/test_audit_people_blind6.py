"""People and quotes: the causes found on the blind6 check set (data/check/README.md), and the sport
lists read from rules/lexicons/people.yaml. Every sentence is written for these tests."""

import shutil
from pathlib import Path

import yaml

from auditor.audit import audit
from auditor.audit.people import PeopleFinder
from auditor.audit.rules import default_rules_dir


def people(text: str) -> dict[str, tuple[str, bool, str]]:
    return {p.name: (p.gender, p.quoted, p.role) for p in audit(text).people}


def _genders(finder: PeopleFinder, text: str) -> dict[str, str]:
    return {" ".join(c.tokens): c.gender for c in finder.find(text)}


def test_the_sport_page_lists_are_read_from_people_yaml(tmp_path: Path) -> None:
    # A men's league the shipped list does not name: its player stays U until people.yaml names it.
    text = ("Vòng 12 giải Hạng Nhất Quốc Gia: tiền đạo Iago Aspas lập cú đúp, cầu thủ này ghi bàn ở phút 80 "
            "và đội bóng thắng trận đấu thứ ba.")
    rules = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), rules)
    assert _genders(PeopleFinder(rules), text)["Iago Aspas"] == "U"
    path = rules / "lexicons" / "people.yaml"
    lex = yaml.safe_load(path.read_text(encoding="utf-8"))
    lex["sport_page"]["mens_competitions"].append("hạng nhất quốc gia")
    path.write_text(yaml.safe_dump(lex, allow_unicode=True), encoding="utf-8")
    assert _genders(PeopleFinder(rules), text)["Iago Aspas"] == "M"
    # ... and a women's-sport word from the list still rules the reading out.
    assert _genders(PeopleFinder(rules), "Giải bóng đá nữ " + text)["Iago Aspas"] == "U"


# -- who is a person ---------------------------------------------------------------------------------

def test_anh_that_opens_a_sentence_before_a_mans_given_name_is_the_honorific() -> None:
    # "Anh" is England too: before one given name that many men and hardly any women bear, it is "anh".
    got = people("Anh Khải, sinh viên năm cuối, cho biết: “Em sẽ học thêm một năm”.")
    assert set(got) == {"Khải"} and got["Khải"][:2] == ("M", True)
    assert people("Anh Quốc là nơi đội tuyển tập huấn suốt mùa hè.") == {}
    assert "Thư" not in people("Anh Thư cho biết cô đã về nước.")
    # After a title, "Anh Dũng" is the player's name, not "anh" + "Dũng".
    assert "Anh Dũng" in people("Trung vệ Anh Dũng và tiền vệ Quốc Vượng đã trở lại tập luyện cùng đồng đội.")


def test_places_schools_and_firms_named_like_people() -> None:
    assert people("Nhà kiến trúc La Mã cổ đại ấy đã dựng nhiều đền đài.") == {}
    assert set(people("Em Thảo, học sinh Trường PTTH Lê Quý Đôn, cho biết em sẽ thi khối D.")) == {"Thảo"}
    assert people("Nhà chị ở khu cư xá Phú Lâm, gần chợ.") == {}
    assert people("Xã đã ký hợp đồng với Công ty TNHH Phạm Gia Khánh để nạo vét kênh.") == {}


def test_a_foreign_name_once_after_an_organisation_word_is_that_organisation() -> None:
    # "CLB Al Ahly" names the club; elsewhere "Al Ahly" is the club too, though it "speaks".
    got = people("Ông Hassan Shehata, Chủ tịch CLB Al Ahly phát biểu rằng đội sẽ mua thêm cầu thủ. "
                 "Trước đó, tiền đạo này đã chọn Al Ahly thay vì các đội châu Âu.")
    assert "Al Ahly" not in got and "Hassan Shehata" in got


def test_a_title_before_a_nationality_and_a_foreign_name() -> None:
    got = people("Ở chặng đua cuối, tay đua người Phần Lan Kimi Raikkonen đã về thứ hai.")
    assert got["Kimi Raikkonen"][2] == "celebrity"


# -- quotes ------------------------------------------------------------------------------------------

def test_a_colon_before_unmarked_first_person_words_is_speech() -> None:
    got = people("Đạo diễn Trần Anh Hùng hào hứng: Tôi chưa bao giờ làm một bộ phim lớn như thế.")
    assert got["Trần Anh Hùng"][1] is True
    # The writer's own "tôi" before the colon: the person named with him does not speak.
    got = people("Trần Văn Bình và tôi đã có dịp làm việc ở đó (vì thế tôi hiểu: Tôi phải đi tiếp).")
    assert got["Trần Văn Bình"][1] is False


def test_an_accusation_is_reported_speech_but_being_accused_is_not() -> None:
    assert people("Ngoại trưởng Lê Văn Hòa cáo buộc phía bên kia vi phạm thỏa thuận.")["Lê Văn Hòa"][1] is True
    assert people("Ông Nguyễn Văn Tư bị cáo buộc nhận hối lộ.")["Nguyễn Văn Tư"][1] is False
    assert people("Ông Nguyễn Văn Tư đã ký đơn. Các cáo buộc được gửi đi.")["Nguyễn Văn Tư"][1] is False


def test_a_foreign_name_then_its_given_name_alone_speaking() -> None:
    got = people("Năm ngoái Birendra Thapa sang Malaysia làm thuê. “Tôi không thể về khi còn nợ”, Birendra than thở.")
    assert set(got) == {"Birendra Thapa"} and got["Birendra Thapa"][1] is True
    # A brand named alone before its model "speaks" as a firm: no person.
    assert people("Lamborghini cho biết sẽ ra mắt mẫu xe mới. Lamborghini Urus sẽ có giá cao.") == {}


def test_a_birth_order_word_after_a_kin_honorific_opens_the_name() -> None:
    got = people("“Đi tập thể dục là khỏe liền” - dì Năm Lựu nói.")
    assert got == {"Năm Lựu": ("F", True, "citizen")}
    assert people("Người anh Ba Lan của tôi đã về nước.") == {}


def test_a_name_after_a_quotation_and_a_dash_signs_it() -> None:
    got = people("“Từ lâu tôi đã mong có một căn nhà của riêng mình” - cô Trần Thị Hạnh (giáo viên) xúc động.")
    assert got["Trần Thị Hạnh"][1] is True
    # A title in quotation marks is no quotation.
    got = people("Anh ấy hát bài “Bèo dạt mây trôi” - Nguyễn Văn Hải ngồi nghe.")
    assert got["Nguyễn Văn Hải"][1] is False


def test_testimony_with_khai_khi() -> None:
    got = people("Bị cáo Lò Văn Sáng khai khi có người đến đặt hàng, anh ta giao cho người khác lo thủ tục.")
    assert got["Lò Văn Sáng"][1] is True


# -- gender ------------------------------------------------------------------------------------------

def test_a_capitalised_anh_mid_sentence_is_england_not_a_pronoun() -> None:
    got = people("Còn Bảo Ngọc, học sinh lớp 10, thì muốn đi học hè ở Anh: “Con sẽ học tiếng thật tốt”.")
    assert got["Bảo Ngọc"][0] == "U"
    # The pronoun itself still tells: "Theo luật sư X, ông ..." -> M.
    assert people("Theo luật sư Lê Bảo Ngọc, ông đã nộp đơn lên tòa.")["Lê Bảo Ngọc"][0] == "M"


def test_a_title_and_words_describing_its_holder_before_a_foreign_name() -> None:
    got = people("Đội bóng đã chi 20 triệu bảng để có cầu thủ chạy cánh Tsvetan Kessler. "
                 "Nhà bình luận đồng thời là giáo sư khả kính Roel Vandamme cũng bị bắt.")
    assert {"Tsvetan Kessler", "Roel Vandamme"} <= set(got)
    # A preposition or a verb puts a club there, not a person: no "Aston Villa".
    assert people("Cầu thủ của Aston Villa đã ra sân. Tiền đạo gia nhập Aston Villa hôm qua.") == {}


def test_a_nationality_before_a_foreign_name_is_no_part_of_it() -> None:
    got = people("Trận tới, anh sẽ gặp tay vợt người Nhật Go Takeda ở vòng hai.")
    assert "Go Takeda" in got


def test_a_one_word_foreign_name_the_text_always_titles_is_a_person() -> None:
    got = people("Các cầu thủ chạy 20 lượt lên dốc dưới sự giám sát của HLV Tavarez. "
                 "HLV Tavarez nói các học trò sẽ còn phải cố gắng hơn.")
    assert got["Tavarez"][2] == "celebrity" and got["Tavarez"][1] is True
    # A club after a title is named alone elsewhere: "HLV Chelsea ... Chelsea thắng".
    assert "Boavista" not in people("HLV Boavista bị sa thải sau trận thua. Trước đó, Boavista đã thắng hai trận.")


def test_a_title_of_a_house_of_parliament_and_a_country_before_a_foreign_name() -> None:
    got = people("Thủ tướng đã hội kiến với Chủ tịch Thượng viện Nhật Bản Kono Masaaki tại Tokyo. "
                 "Chủ tịch Hạ viện Mỹ Paul Ryan tuyên bố sẽ không tái tranh cử.")
    assert got["Kono Masaaki"][2] == "official" and got["Paul Ryan"][:2] == ("M", True)


def test_a_byline_with_a_bracket_of_its_own_is_no_person() -> None:
    got = people("Mưa lớn đã làm ngập nhiều tuyến phố. Ông Lê Văn Tâm cho biết nước rút chậm. Trần Minh Khôi (TTXVN)")
    assert set(got) == {"Lê Văn Tâm"}
    assert people("Đội bóng đã thua trận thứ ba liên tiếp. Anh Khôi (lược dịch)") == {}


def test_only_an_organisation_word_makes_a_foreign_name_an_organisation() -> None:
    # "ở Shoko Tendo" (in her) blocks like a place word, but no organisation word names her.
    got = people("Cô đã thoát khỏi thế giới ngầm. Shoko Tendo kể lại những năm tháng ấy. "
                 "Gương mặt khả ái, ở Shoko Tendo toát lên vẻ nữ tính.")
    assert "Shoko Tendo" in got


def test_a_former_player_of_a_club_names_the_club() -> None:
    got = people("Nhiều người so sánh cựu tiền đạo Lyonnais với siêu sao Lionel Messi.")
    assert "Lyonnais" not in got and "Lionel Messi" in got


def test_the_writers_tui_before_a_colon_and_a_quotation_still_lets_the_subject_speak() -> None:
    got = people("Thấy tôi đứng ngẩn ra, cô Gerlinde bảo: “Ngày mai mình sẽ đến bảo tàng”.")
    assert got["Gerlinde"][1] is True


def test_accused_by_someone_is_no_speech() -> None:
    got = people("Ông Hendrik Maas bị cảnh sát địa phương cáo buộc lạm dụng trẻ em.")
    assert got["Hendrik Maas"][1] is False


def test_a_glued_initial_after_a_house_of_parliament_keeps_the_name_whole() -> None:
    got = people("Chủ tịch Thượng viện Philippines Juan M.Flavier đánh giá cao vai trò của Việt Nam.")
    assert "Juan M" not in got and any("Flavier" in name for name in got)


def test_two_subjects_joined_by_va_both_speak() -> None:
    got = people("Trả lời thẩm vấn, ông Lê Văn Hòa, cán bộ văn phòng kiến trúc sư trưởng và ông Trần Hữu, "
                 "cán bộ Sở Kế hoạch thừa nhận sự tắc trách.")
    assert got["Lê Văn Hòa"][1] is True and got["Trần Hữu"][1] is True
