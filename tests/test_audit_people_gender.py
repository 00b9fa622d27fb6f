"""People's gender from general in-text evidence (the blind7 round, data/check/README.md): the words
around a name, never a list of famous people; U stays U when the text does not decide. Every
sentence is written for these tests."""

from auditor.audit import audit


def genders(text: str) -> dict[str, str]:
    return {p.name: p.gender for p in audit(text).people}


def test_a_count_and_a_gendered_noun_before_a_list_give_each_name_its_gender() -> None:
    g = genders("Cả nhà có ba người mắc bệnh: anh Lê Quang Hưng (31 tuổi) và hai cô em gái Lê Ngọc Hà "
                "(30 tuổi), Lê Kim Hòa (23 tuổi). Bác sĩ cho biết cả ba đã qua cơn nguy kịch.")
    assert g["Lê Ngọc Hà"] == "F" and g["Lê Kim Hòa"] == "F"
    # Without a count the noun is one person's: the next name keeps its own (unknown) gender.
    g = genders("Cô em gái Lê Ngọc Hà (30 tuổi), Lê Kim Hòa (23 tuổi) và bác sĩ Trần Minh ở lại viện.")
    assert g["Lê Ngọc Hà"] == "F" and g["Lê Kim Hòa"] == "U"
    # A plural, a gendered noun and a connector before the list: each name too.
    g = genders("Anh từng hẹn hò với những cô gái như Trần Kim Hòa, Lê Minh Hạnh và Phan Ngọc Hà.")
    assert g == {"Trần Kim Hòa": "F", "Lê Minh Hạnh": "F", "Phan Ngọc Hà": "F"}
    # "2 vợ chồng A và B" is the couple noun, not a count of men.
    g = genders("Sau đó 2 vợ chồng Đào Quang Nhã và Nguyễn Thị Mai đã bỏ trốn khỏi địa phương.")
    assert g["Nguyễn Thị Mai"] == "F"


def test_a_spouse_right_after_the_name_tells_the_other_sex() -> None:
    g = genders("Vì con, ca sĩ Kim Hòa và chồng cũ vẫn xuất hiện bên nhau trong buổi tiệc.")
    assert g["Kim Hòa"] == "F"
    g = genders("Hôm qua, Trần Kim Hòa cùng vợ đến dự lễ khai mạc triển lãm.")
    assert g["Trần Kim Hòa"] == "M"
    # Someone else's spouse ("vợ ông X") tells nothing of the first name.
    g = genders("Hôm qua, Trần Kim Hòa cùng vợ ông Trần Quốc Toản đến dự lễ khai mạc.")
    assert g["Trần Kim Hòa"] == "U"


def test_a_kin_noun_in_apposition_with_a_possessor_tells_the_gender() -> None:
    g = genders("Nạn nhân là Lê Kim Hòa, vợ ông Nguyễn Văn Tám, đã tử vong tại chỗ.")
    assert g["Lê Kim Hòa"] == "F"
    g = genders("Trần Kim Hòa (25 tuổi), con trai của bà Lê Thị Lan, cho biết đã báo công an.")
    assert g["Trần Kim Hòa"] == "M"
    # A possessor whose name opens with an accented capital.
    assert genders("Nạn nhân là Lê Kim Hòa, vợ ông Ánh, đã tử vong tại chỗ.")["Lê Kim Hòa"] == "F"
    # "ông A, vợ B": B may be the wife; the apposition without a possessor tells nothing of B.
    g = genders("Ông Tám, vợ Lê Kim Hòa và con đều có mặt tại buổi lễ.")
    assert g["Lê Kim Hòa"] == "U"
    # "vợ anh là Y": his wife, a new clause; the pronoun is the man himself.
    g = genders("Người chồng trong clip là Vũ Thanh Tùng (27 tuổi), vợ anh là Nguyễn Thái Bình (25 tuổi).")
    assert g["Vũ Thanh Tùng"] == "M"


def test_a_child_noun_then_a_dash_colon_or_la_before_the_name_tells_the_gender() -> None:
    g = genders("Hai người vẫn thân thiết vì cậu con trai chung - bé Subeo. Cách đây không lâu, Subeo đã đi học.")
    assert g["Subeo"] == "M"
    assert genders("Gia đình có cô con gái út là bé Kim Na, năm nay lên sáu.")["Kim Na"] == "F"
    # A child noun further back, another clause between, tells nothing.
    g = genders("Anh có con trai đang học lớp 3. Sáng nay, Kim Na đi học muộn.")
    assert g.get("Kim Na", "U") == "U"


def test_a_player_of_a_womens_team_is_a_woman_and_a_team_official_is_not_read() -> None:
    assert genders("Thủ môn Kim Hòa của đội tuyển nữ Việt Nam đã cứu thua ở phút 80.")["Kim Hòa"] == "F"
    assert genders("Tiền đạo đội tuyển nữ Việt Nam Kim Hòa ghi bàn ở phút 12.")["Kim Hòa"] == "F"
    assert genders("Tiền đạo Kim Hòa (Than KSVN) thuộc đội tuyển U19 nữ ghi bàn.")["Kim Hòa"] == "F"
    # The team's staff may be men: no gender from the team.
    assert genders("Trợ lý Trần Kim Hòa của đội tuyển nữ Việt Nam cho biết đội đã sẵn sàng.")["Trần Kim Hòa"] == "U"
    # The men's team is the unmarked one: "nữ" elsewhere in the sentence does not make its player a woman.
    assert genders("Hậu vệ Kim Hòa của đội tuyển Việt Nam ghi bàn, còn đội nữ thua.").get("Kim Hòa") != "F"


def test_a_job_noun_and_nam_before_the_name_is_a_man() -> None:
    assert genders("Vận động viên nam Lê Thanh Hòa giành huy chương vàng môn bắn súng.")["Lê Thanh Hòa"] == "M"
    # "Việt Nam" before a name is a country, not "nam".
    assert genders("Đại sứ Việt Nam Lê Thanh Hòa phát biểu tại buổi lễ.")["Lê Thanh Hòa"] == "U"


def test_an_unmarked_national_team_is_the_mens_on_a_sport_page() -> None:
    text = ("Vài năm trước, HLV Miura dẫn dắt đội tuyển VN ở nhiều giải đấu. Tiền vệ Kanto Tano và thủ môn "
            "Đặng Lâm đã có trận đấu hay, cầu thủ nào cũng ghi bàn hoặc kiến tạo.")
    g = genders(text)
    assert g["Miura"] == "M" and g["Kanto Tano"] == "M"
    # The women's national team (marked "nữ") rules the men's reading out.
    g = genders(text.replace("đội tuyển VN", "đội tuyển nữ VN"))
    assert g["Miura"] == "U" and g["Kanto Tano"] == "U"


def test_a_hyphenated_foreign_given_name_is_read_by_its_first_part() -> None:
    g = genders("Thủ tướng Pháp Jean-Pierre Raffarin đã ban hành quy định mới về tiền thuê nhà.")
    assert g["Jean-Pierre Raffarin"] == "M"
    # A hyphenated given name whose parts the list does not know stays U.
    g = genders("Thủ tướng Pháp Xyla-Pierre Raffarin đã ban hành quy định mới về tiền thuê nhà.")
    assert g["Xyla-Pierre Raffarin"] == "U"


# -- quotes ----------------------------------------------------------------------------------------

def quoted(text: str) -> dict[str, bool]:
    return {p.name: p.quoted for p in audit(text).people}


def test_a_pronoun_a_short_predicate_and_a_colon_before_a_quotation_speak() -> None:
    q = quoted("Ông Hồ Văn Khiêm sưu tầm đá đã 30 năm. Nói về niềm đam mê của mình, ông chỉ cười: "
               "“Những viên đá kia đã phiêu du hàng tỷ năm mới tới tay mình”.")
    assert q["Hồ Văn Khiêm"] is True
    # A saying of the elders is nobody's speech.
    q = quoted("Ông Hồ Văn Khiêm sưu tầm đá đã 30 năm. Ông bà ta có câu: “Có công mài sắt có ngày nên kim”.")
    assert q["Hồ Văn Khiêm"] is False


def test_suspects_counted_before_a_testimony_verb_speak_together() -> None:
    arrest = ("Công an huyện vừa bắt quả tang 2 đối tượng Bùi Văn Tư (SN 1979) và Nguyễn Xuân Nhường "
              "(SN 1970) tàng trữ ma túy. ")
    q = quoted(arrest + "Tại cơ quan điều tra, hai đối tượng khai nhận số ma túy trên mua của một người lạ.")
    assert q == {"Bùi Văn Tư": True, "Nguyễn Xuân Nhường": True}
    # The count must be the number of suspects named; a group that is only held does not speak.
    q = quoted(arrest + "Tại cơ quan điều tra, ba đối tượng khai nhận số ma túy trên mua của một người lạ.")
    assert q == {"Bùi Văn Tư": False, "Nguyễn Xuân Nhường": False}
    q = quoted(arrest + "Hai đối tượng đang bị tạm giữ để điều tra.")
    assert q == {"Bùi Văn Tư": False, "Nguyễn Xuân Nhường": False}


def test_a_pronoun_does_not_speak_for_a_person_the_text_always_calls_otherwise() -> None:
    q = quoted("Bà có năm người con. Người con út của bà, cô Hồ Thị Thương, đang học đại học ở Nha Trang. "
               "Bà từ tốn nói: “Việc tôi làm có chi to tát, bổn phận làm mẹ mà thôi”.")
    assert q["Hồ Thị Thương"] is False
    q = quoted("Người con út, cô Hồ Thị Thương, đang học đại học ở Nha Trang. Cô từ tốn nói: “Em sẽ về quê dạy học”.")
    assert q["Hồ Thị Thương"] is True


# -- roles -----------------------------------------------------------------------------------------

def roles(text: str) -> dict[str, str]:
    return {p.name: p.role for p in audit(text).people}


def test_an_abbreviations_period_does_not_cut_the_title_off_the_name() -> None:
    r = roles("Sáng 6-2, Phó Chủ tịch UBND TP.HCM Nguyễn Thị Thu đã chủ trì cuộc họp tổng kết.")
    assert r["Nguyễn Thị Thu"] == "official"
    # A period glued to the next sentence still ends the first one.
    r = roles("Các cầu thủ tập dưới sự giám sát của chuyên gia thể lực Biro.Trung vệ Hoàng Anh Dũng đã bình phục.")
    assert r["Hoàng Anh Dũng"] == "celebrity"


def test_the_deputy_head_of_an_investigating_agency_is_an_official() -> None:
    r = roles("Ông Nguyễn Thế Bình, Phó thủ trưởng Cơ quan Điều tra Bộ Công an, cho rằng vụ án còn phức tạp.")
    assert r["Nguyễn Thế Bình"] == "official"


def test_ten_after_a_noun_for_a_person_means_named_not_a_suspect() -> None:
    r = roles("Trong lúc đi dạo, nhóm gặp một cô bé tên Ngân đang học bài dưới gốc cây.")
    assert r["Ngân"] != "suspect"
    r = roles("Trong dùng kiếm chém khiến một nam thanh niên tên Dũng bị thương.")
    assert r["Dũng"] == "victim"
    # "tên" alone before a name still marks the suspect.
    assert roles("Công an bắt tên Cường khi hắn đang trộm xe máy.")["Cường"] == "suspect"


def test_an_abbreviated_title_with_its_period_gives_the_role() -> None:
    assert roles("- GS. Trần Văn Khê: Trước đây thì yếu lắm, giờ đã khác.")["Trần Văn Khê"] == "expert"
    assert roles("Theo TS. Lê Văn Hùng, giá dầu sẽ còn tăng.")["Lê Văn Hùng"] == "expert"
    # A sentence that ends in a pronoun or a word ("của anh.", "ký tên.") still ends there.
    assert roles("Con số quá cao so với phong độ của anh. Marco Verratti từ chối PSG.")["Marco Verratti"] != "citizen"
    # A sentence that ends in a place still ends: its job is not the next person's.
    assert roles("Anh làm bác sĩ ở Hà Nội. Nguyễn Văn Tám thì làm ruộng ở quê.")["Nguyễn Văn Tám"] != "expert"


def test_a_speaker_who_says_she_or_he_will_marry_in_the_first_person_has_that_gender() -> None:
    # "lấy chồng" (to take a husband) said of oneself is a woman's words; "lấy vợ" a man's.
    g = genders("Em Trần Kim Hòa, học sinh lớp 8, nói: “Em muốn học xong cấp ba rồi đi làm, chưa lấy chồng sớm”.")
    assert g["Trần Kim Hòa"] == "F"
    g = genders("Trần Kim Hòa, 27 tuổi, chia sẻ: “Tôi chưa lấy vợ vì còn phải lo cho hai em ăn học”.")
    assert g["Trần Kim Hòa"] == "M"
    # Someone else marrying (a parent's wish for a daughter) says nothing of the speaker.
    g = genders("Trần Kim Hòa, 45 tuổi, nói: “Tôi không muốn con gái lấy chồng sớm như tôi ngày trước”.")
    assert g["Trần Kim Hòa"] == "U"
    # A pronoun inside the speaker's own quotation ("cô giáo") is still no cue by itself.
    g = genders("Em Trần Kim Hòa nói: “Em muốn làm cô giáo ở bản”.")
    assert g["Trần Kim Hòa"] == "U"
