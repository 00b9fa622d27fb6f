"""People and roles: shapes the blind10 round corrected, on sentences written for these tests."""

from auditor.audit import audit


def roles(text: str) -> dict[str, str]:
    return {p.name: p.role for p in audit(text).people}


def test_what_is_done_to_a_person_outweighs_the_title_at_that_mention() -> None:
    # Arrested, charged: a suspect, whatever the job title says.
    r = roles("Phó tổng giám đốc Công ty Hoàng Phát Trần Minh Khuê đã bị tạm giam để điều tra hành vi tham ô.")
    assert r == {"Trần Minh Khuê": "suspect"}
    r = roles("Công an tỉnh đã ra lệnh bắt khẩn cấp đối với ông Lữ Văn Bảy (sinh năm 1970) về tội lừa đảo.")
    assert r == {"Lữ Văn Bảy": "suspect"}
    # Killed, stabbed, kidnapped: a victim.
    r = roles("Phiên tòa xét xử vụ án sát hại anh Đoàn Quốc Vượng diễn ra sáng nay. "
              "Hai bị cáo đã đâm anh Vượng nhiều nhát.")
    assert r == {"Đoàn Quốc Vượng": "victim"}
    r = roles("Jonas Berglund, 23 tuổi, bị bắt cóc khi đang đi làm về.")
    assert r == {"Jonas Berglund": "victim"}
    # "bị bắt gặp" (seen) is no arrest; what is said of the head noun before "của X" is not said of X.
    r = roles("Ca sĩ Mai Diệu Linh từng bị bắt gặp đi ăn tối cùng bạn bè.")
    assert r == {"Mai Diệu Linh": "celebrity"}
    r = roles("Một cố vấn của Thủ tướng Heinrich Vollmer bị bắt vì nhận hối lộ.")
    assert r == {"Heinrich Vollmer": "official"}


def test_a_defendant_named_so_several_times_stays_one_when_once_attacked() -> None:
    text = ("Bị cáo Tạ Văn Lực (SN 1980) bị tuyên phạt 12 năm tù. Trước đó, bị cáo Tạ Văn Lực đã đuổi theo "
            "anh Kha. Anh Kha quay lại đánh Lực rồi bỏ chạy. Tại tòa, bị cáo Lực thừa nhận hành vi.")
    assert roles(text)["Tạ Văn Lực"] == "suspect"


def test_a_wrongful_conviction_makes_the_convicted_a_victim() -> None:
    text = ("Tòa án tỉnh đã xin lỗi công khai ông Hà Văn Quyết, người bị kết án oan năm 1995. "
            "Ông Quyết bị khởi tố, bị tuyên phạt 15 năm tù rồi được minh oan sau 9 năm ngồi tù.")
    assert roles(text) == {"Hà Văn Quyết": "victim"}
    # One question about "oan sai" is no wrongful conviction.
    text = ("Khi được hỏi bị bắt về tội mua bán ma túy có oan sai không, Lò Thị Xuyến im lặng. "
            "Lò Thị Xuyến bị tạm giam từ tháng trước.")
    assert roles(text) == {"Lò Thị Xuyến": "suspect"}


def test_a_title_that_belongs_to_someone_else() -> None:
    # Another clause's verb between the title and the name.
    r = roles("Một cán bộ ban quản lý chợ kể lại, khoảng 7 giờ sáng, chị Vi Thị Ngần đã trình báo mất trộm.")
    assert r == {"Vi Thị Ngần": "citizen"}
    # Another person named between, then a clause of its own.
    r = roles("Chánh án Lạc Văn Thịnh cho biết đã mời ông Chu Văn Nhẫn đến nhận tiền bồi thường.")
    assert r["Chu Văn Nhẫn"] == "citizen" and r["Lạc Văn Thịnh"] == "official"
    # ... but a title said of the name with "là" stays its own, and so does a list's head.
    r = roles("Người phát ngôn của Tổng thống Adebayo Okonjo là ông Femi Adeyemi.")
    assert r["Femi Adeyemi"] == "official"
    r = roles("Nạn nhân được xác định là ông Phùng Văn Chắt, 56 tuổi.")
    assert r == {"Phùng Văn Chắt": "victim"}
    r = roles("Thứ trưởng Ngoại giao Pavel Orlov và người đồng cấp Mỹ Thomas Whitaker đã hội đàm.")
    assert r == {"Pavel Orlov": "official", "Thomas Whitaker": "official"}


def test_a_title_after_the_name_with_its_qualifier() -> None:
    r = roles("Ông Khổng Văn Tuệ, Phó Chánh thanh tra Bộ Xây dựng, cho biết sẽ kiểm tra lại hồ sơ.")
    assert r == {"Khổng Văn Tuệ": "official"}
    r = roles("Bà Lạc Thị Huyền - nguyên Phó Chủ nhiệm Ủy ban Dân tộc - cho biết chính sách đã thay đổi.")
    assert r == {"Lạc Thị Huyền": "official"}
    # A title before the name is not overruled by the qualified one after it.
    r = roles("PGS.TS Mẫn Văn Cừ, Phó Viện trưởng Viện Vắc xin, cho biết mẫu virus đã được giải mã.")
    assert r == {"Mẫn Văn Cừ": "expert"}


def test_a_director_of_a_state_or_international_body_is_an_official() -> None:
    r = roles("Giám đốc Quỹ Tiền tệ Quốc tế (IMF) tại Việt Nam, ông Peter Lindqvist, cho biết khoản vay sẽ được giải ngân.")
    assert r == {"Peter Lindqvist": "official"}
    r = roles("Giám đốc Sở Y tế Đinh Văn Khuyến cho biết bệnh viện đã đủ thuốc.")
    assert r == {"Đinh Văn Khuyến": "official"}
    r = roles("Giám đốc Công ty Bình Minh Lê Văn Tửu cho biết đơn hàng tăng mạnh.")
    assert r == {"Lê Văn Tửu": "business"}


def test_a_writers_honorific_and_the_list_it_heads() -> None:
    r = roles("Hội đồng giám khảo gồm: nhà văn Đoàn Hữu Tạc, Lê Khắc Minh, Vương Trí Nhàn và nhà nghiên cứu "
              "Phan Cự Đệ.")
    assert r == {"Đoàn Hữu Tạc": "celebrity", "Lê Khắc Minh": "celebrity", "Vương Trí Nhàn": "celebrity",
                 "Phan Cự Đệ": "expert"}


def test_a_child_in_a_report_of_illness_or_harm_is_a_victim() -> None:
    r = roles("Bé Hoàng Minh Khôi, 3 tuổi, đã được xác định nhiễm virus cúm và đang được điều trị.")
    assert r == {"Hoàng Minh Khôi": "victim"}
    # A child praised at a school ceremony is not.
    r = roles("Cháu Hoàng Minh Khôi được nhà trường tặng giấy khen vì thành tích học tập tốt.")
    assert r == {"Hoàng Minh Khôi": "citizen"}


def test_suspects_named_bare_with_a_birth_year_in_crime_news() -> None:
    text = ("Công an huyện đã làm rõ nhóm trộm cắp tài sản gồm Lò Văn Sướng (SN 1995) và Mạc Văn Tới (SN 1997). "
            "Nhóm này đã trộm 5 xe máy trong tháng 3.")
    assert roles(text) == {"Lò Văn Sướng": "suspect", "Mạc Văn Tới": "suspect"}


def test_a_team_captain_on_the_sport_page() -> None:
    text = ("Trận đấu tối qua, tiền vệ Bạch Văn Khoa ghi bàn thắng duy nhất. HLV Triệu Quốc Hưng khen ngợi "
            "các cầu thủ. Đội trưởng Lương Xuân Trường cũng có một pha dứt điểm đẹp trong trận đấu.")
    assert roles(text)["Lương Xuân Trường"] == "celebrity"
    # On a police report the head of a team is an official.
    text = "Đội trưởng Đội Cảnh sát hình sự Lương Văn Bắc cho biết nghi phạm đã bị bắt."
    assert roles(text) == {"Lương Văn Bắc": "official"}


def test_royalty_is_other_whatever_title_comes_before() -> None:
    r = roles("Theo phóng viên tại Trung Đông, trong cuộc tiếp kiến Quốc vương Bahrain Hamad bin Isa, "
              "hai bên đã bàn về an ninh khu vực.")
    assert r == {"Hamad bin Isa": "other"}


def people(text: str) -> dict[str, tuple[str, bool]]:
    return {p.name: (p.gender, p.quoted) for p in audit(text).people}


def test_a_full_name_written_twice_with_one_word_misspelt_is_one_person() -> None:
    # One letter too many in a foreign surname; the name is the spelling the text uses more often.
    text = ("Tòa đã tuyên phạt Derek Holloway 2 năm tù. Derek Holloway bị dẫn giải ra xe. "
            "Hình ảnh của Derek Hollloway được truyền đi khắp nơi.")
    assert [p.name for p in audit(text).people] == ["Derek Holloway"]
    # Another tone mark on a Vietnamese middle syllable.
    text = "Ca sĩ Lâm Đinh Khoa mở màn đêm nhạc. Lâm Đinh Khoa hát ba bài, rồi Lâm Đình Khoa rời sân khấu."
    assert [p.name for p in audit(text).people] == ["Lâm Đinh Khoa"]
    # A vowel is no misspelling, nor another given name: two people.
    assert len(audit("Ông Lê Văn Hùng và ông Lê Văn Hưng cùng đến dự họp.").people) == 2
    assert len(audit("Bà Lê Thị Hà và bà Lê Thị Hạ cùng đến dự họp.").people) == 2


def test_the_named_speaker_after_theo_and_a_noun_phrase() -> None:
    q = people("Theo điều phối viên của LHQ về dịch sởi, tiến sĩ Hendrik Voss, dịch đã lan tới 30 nước.")
    assert q["Hendrik Voss"][1] is True
    q = people("Theo đại diện của hãng Volvo, Paul Mercer, mẫu xe mới sẽ ra mắt vào tháng sau.")
    assert q["Paul Mercer"][1] is True
    # An adverbial "theo kế hoạch" names no speaker.
    q = people("Theo kế hoạch, Nguyễn Văn Hải, giám đốc sở, sẽ tới thăm tỉnh vào tuần sau.")
    assert q["Nguyễn Văn Hải"][1] is False


def test_the_agent_of_a_relative_clause_does_not_speak() -> None:
    text = ("Ca sĩ Lâm Đinh Khoa đến muộn. Ca sĩ trẻ Trịnh Thế Phong, người bị Lâm Đinh Khoa giật mic "
            "cho biết anh đã đỡ buồn hơn.")
    q = people(text)
    assert q["Trịnh Thế Phong"][1] is True and q["Lâm Đinh Khoa"][1] is False


def test_a_nickname_in_quotation_marks_inside_a_bracket() -> None:
    q = people('Đỗ Văn Lượm (tức Lượm "Sẹo") lạnh lùng thừa nhận hành vi: "Bị cáo chỉ làm theo lệnh".')
    assert q == {"Đỗ Văn Lượm": ("M", True)}


def test_wards_counted_before_a_colon_are_places() -> None:
    text = "Mô hình đã có ở 3 phường: Phương Mai (quận Đống Đa), Kim Liên (quận Đống Đa), Trung Tự."
    assert people(text) == {}


def test_a_child_and_its_age_before_ten() -> None:
    r = {p.name: (p.gender, p.role) for p in audit("Một cô bé 9 tuổi tên Trần Bảo Ngọc đã bị lạc trong công viên.").people}
    assert r == {"Trần Bảo Ngọc": ("F", "other")}


def test_an_organisation_head_and_what_it_does_then_its_name() -> None:
    assert people("Đơn vị thi công là chi nhánh Công ty Xây dựng Phú Thịnh giải thích rằng cống đã được gia cố.") == {}
    assert people("Sáng nào bà cũng đến Bệnh viện tâm thần ban ngày Tuệ Minh để điều trị.") == {}
    # After a job title the name is the holder's.
    r = roles("Giám đốc Công ty Môi trường đô thị Huỳnh Minh Nhựt đã ký hợp đồng mới.")
    assert r == {"Huỳnh Minh Nhựt": "business"}


def test_theo_a_phrase_then_a_titled_name() -> None:
    # A title before the name makes it the speaker even when the phrase has no person noun.
    q = people("Theo báo cáo mới về dịch cúm ở châu Á, tiến sĩ Hendrik Voss, virus đã lây lan tại 45 nước.")
    assert q["Hendrik Voss"][1] is True


def test_an_appositive_title_as_written_and_past_an_age() -> None:
    # A five-word title: "Phó Giám đốc Bệnh viện" is a doctor's post, not a firm's "phó giám đốc".
    r = roles("Ông Mạc Văn Thiều - Phó Giám đốc Bệnh viện tỉnh - cho biết bệnh nhân đã qua cơn nguy kịch.")
    assert r == {"Mạc Văn Thiều": "expert"}
    # "tên thường gọi" in a bracket is no suspect's "tên".
    r = roles("Bé Lò Văn Páo (8 tuổi, tên thường gọi Tũn) đã được đưa về nhà an toàn.")
    assert r["Lò Văn Páo"] != "suspect"
    r = roles("Ông Jun Min-ho, 58 tuổi, là cựu lãnh đạo nhóm nghị sĩ của đảng cầm quyền.")
    assert r == {"Jun Min-ho": "official"}


def test_the_one_robbed_lured_or_defrauded_is_a_victim() -> None:
    r = roles("Lợi dụng sơ hở, Cao Văn Tý đã dụ anh Hà Văn Khải góp vốn rồi chiếm đoạt của anh Khải 200 triệu đồng.")
    assert r["Hà Văn Khải"] == "victim"
    r = roles("Đêm qua, kẻ gian đã trộm tài sản của bà Lương Thị Gấm khi bà đang ngủ.")
    assert r == {"Lương Thị Gấm": "victim"}


def test_a_chair_of_a_firm_or_business_association_is_in_business() -> None:
    r = roles("Ông Vũ Văn Thái, chủ tịch Hiệp hội Da giày Việt Nam, nói doanh nghiệp đang khó khăn.")
    assert r == {"Vũ Văn Thái": "business"}
    r = roles("Chủ tịch Hội đồng quản trị Tập đoàn Sao Mai Lê Thanh Thuấn cho biết lợi nhuận tăng.")
    assert r == {"Lê Thanh Thuấn": "business"}
    # A chair of a people's committee is an official.
    r = roles("Ông Giàng Seo Phử, Phó Chủ tịch UBND huyện, cho biết đường đã thông.")
    assert r == {"Giàng Seo Phử": "official"}


def test_a_person_only_the_headline_names_takes_the_texts_page() -> None:
    title = "Madrid mở hội: Carlos Mendes (trái) ăn mừng cùng đồng đội"
    text = ("Trận đấu diễn ra quyết liệt. Tiền đạo Lucas Serrat ghi hai bàn thắng, thủ môn Pavel Orsini "
            "cứu thua nhiều lần và các cầu thủ hai đội thi đấu hết mình.")
    r = {p.name: p.role for p in audit(text, title).people}
    assert r["Carlos Mendes"] == "celebrity"


def test_a_classifier_that_agrees_with_the_spouse_noun_names_the_spouse() -> None:
    assert people("Ông Richard Holm vừa ly dị cô vợ Lakeisha Holm sau 10 năm chung sống.")["Lakeisha Holm"][0] == "F"
    assert people("Trong truyện, nàng luôn xa cách với ông chồng Kim.")["Kim"][0] == "M"
    # "vợ X" without the classifier is X's wife: it says nothing of X being a woman.
    assert people("Anh Tuấn đưa vợ Hiếu đi khám bệnh.")["Hiếu"][0] != "F"
