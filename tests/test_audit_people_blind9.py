"""People and quotes: shapes the blind9 round corrected, on sentences written for these tests."""

from auditor.audit import audit


def people(text: str) -> dict[str, tuple[str, bool]]:
    return {p.name: (p.gender, p.quoted) for p in audit(text).people}


def quoted(text: str) -> dict[str, bool]:
    return {p.name: p.quoted for p in audit(text).people}


def test_a_ministrys_field_after_the_title_is_no_name() -> None:
    # "An ninh", "Văn hóa": the portfolio, whose first syllable is also a given name.
    assert people("Bộ trưởng An ninh Nội địa khẳng định nước này an toàn hơn trước.") == {}
    found = people("Bộ trưởng Văn hóa Pierre Dubois de Montclair tuyên bố sẽ lập quỹ hỗ trợ diễn viên.")
    assert found == {"Pierre Dubois de Montclair": ("M", True)}
    # A minister named by his given name alone is still one.
    assert quoted("Tại cuộc họp, Bộ trưởng Dũng phát biểu rằng ngành sẽ cải cách.") == {"Dũng": True}


def test_a_foreign_name_with_a_particle_counts_its_capitalised_words() -> None:
    q = quoted("Phát biểu tại hội nghị, Thibaut Lemaire de Beaufort nói rằng thỏa thuận đã được ký.")
    assert q == {"Thibaut Lemaire de Beaufort": True}
    # Four capitalised foreign words with no known given name, saying nothing: no person.
    assert people("Đoàn đã tới thăm Kranoz Velta Morrin Daxo vào hôm qua.") == {}


def test_a_news_channel_that_reports_is_no_person() -> None:
    assert people("Al Jazeera cho hay một nhóm chiến binh đã nhận trách nhiệm vụ tấn công.") == {}
    assert people("Kênh Al Arabiya cho biết đoạn băng được gửi tới văn phòng.") == {}
    # A spokesman quoted by the channel is still a person.
    q = quoted("Theo Al Jazeera, phát ngôn viên Hassan Nasser cho hay nhóm sẽ tiếp tục chiến đấu.")
    assert q == {"Hassan Nasser": True}


def test_a_one_word_name_after_a_players_title_that_only_a_person_can_be() -> None:
    text = ("HLV Kowalski đã trao băng đội trưởng cho tiền vệ Hradecky, người vừa trở lại đội tuyển. "
            "Hradecky cho biết: “Tôi chỉ là người thay thế trong trận này”. Hradecky năm nay 33 tuổi.")
    q = quoted(text)
    assert q["Hradecky"] is True and q["Kowalski"] is False
    # A club named after a player's title and alone, doing what clubs do: no person.
    assert "Chelsea" not in people("Tiền đạo Chelsea đã ghi bàn. Chelsea cho biết sẽ kháng cáo án phạt.")


def test_saying_farewell_is_no_speech() -> None:
    q = quoted("HLV Nguyễn Văn Sỹ quyết định trao băng đội trưởng cho một cầu thủ vừa trở lại sau 16 tháng "
               "nói lời chia tay.")
    assert q == {"Nguyễn Văn Sỹ": False}
    q = quoted("HLV Nguyễn Văn Sỹ nói rằng cả đội đã chuẩn bị kỹ.")
    assert q == {"Nguyễn Văn Sỹ": True}


def test_the_coach_called_by_another_coachs_title_speaks() -> None:
    text = ("HLV Lê Huỳnh Đức đang có trong tay danh sách dài. Tuy nhiên, ông vẫn chưa chốt. "
            "Nhà cầm quân 46 tuổi này cho rằng còn hơn 15 cầu thủ nữa trong tầm ngắm.")
    assert quoted(text) == {"Lê Huỳnh Đức": True}
    # Two coaches named before: no guess.
    text = ("HLV Lê Huỳnh Đức và HLV Trần Công Minh cùng dự lễ bốc thăm. "
            "Nhà cầm quân này cho rằng bảng đấu khá nặng.")
    assert not any(quoted(text).values())


def test_a_job_title_of_an_organisation_then_a_name_is_that_names_holder() -> None:
    # "chuyên gia của WHO X": X is the expert, and speaks.
    q = quoted("Để ngăn dịch lây lan, chuyên gia của WHO Martin Kessler kêu gọi tiêu hủy gia cầm an toàn.")
    assert q == {"Martin Kessler": True}
    # A title between "của" and the name: the name owns the speaker ("Người phát ngôn của Tổng thống X").
    q = quoted("Người phát ngôn của Tổng thống Vladimir Putin cho biết chuyến thăm sẽ diễn ra.")
    assert q == {"Vladimir Putin": False}
    # A parent is no job: the child does not speak.
    q = quoted("Ngày 20/12, phụ huynh của cháu Trần Chí Kiên, học sinh bị tai nạn, đã gửi đơn cho rằng "
               "con anh bị gãy xương.")
    assert q == {"Trần Chí Kiên": False}


def test_whose_wife_or_husband_tells_the_owners_sex() -> None:
    found = people("Nguyễn Bá Tiên thua độ 140 triệu đồng. Vì cá độ, vợ con của Tiên phải đi bán vé số.")
    assert found["Nguyễn Bá Tiên"][0] == "M"
    found = people("Trần Minh Châu mở một tiệm may nhỏ. Chồng của Châu làm thợ hồ.")
    assert found["Trần Minh Châu"][0] == "F"
    # "vợ chồng của X" is no spouse of X.
    assert people("Hai vợ chồng của Trần Minh Châu đã về quê.")["Trần Minh Châu"][0] == "U"


def test_a_players_title_heads_given_names_even_when_they_spell_a_place() -> None:
    found = people("Ba gương mặt còn lại là tiền đạo Thanh Bình và hai hậu vệ Tấn Tài, Đình Trọng.")
    assert {"Thanh Bình", "Tấn Tài", "Đình Trọng"} <= set(found)
    found = people("Đội hình ra sân có các cầu thủ Quang Hải, Văn Hậu và Đình Trọng.")
    assert {"Quang Hải", "Văn Hậu", "Đình Trọng"} <= set(found)
    # A club named after its province, and places: no person.
    assert people("Pha đánh nguội của một cầu thủ Bình Dương khiến trận đấu căng thẳng. "
                  "Bình Dương thắng 2-1.") == {}
    assert people("Đoàn đã tới huyện Thanh Bình và thăm đình Đình Bảng.") == {}


def test_an_initial_o_is_no_aunt() -> None:
    found = people("Thủ tướng đã tiếp bà O. Sađacô, Chủ tịch Cơ quan JICA, và ngài O. Oatanabê, Chủ tịch JETRO.")
    assert found == {"O. Sađacô": ("F", False), "O. Oatanabê": ("M", False)}
    # "O" alone before a name is still the honorific of central Vietnam.
    assert people("Hôm qua o Hạnh ở xóm trên đã về quê.") == {"Hạnh": ("F", False)}


def test_street_names_are_no_suspects_title() -> None:
    # "tên đường" is a street's name, not "tên" before a suspect.
    assert people("Gần đây, một số tên đường đã đặt lại như đường bên hông chợ Phạm Văn Tư.") == {}


def test_a_given_name_alone_that_speaks_quotations_is_a_person() -> None:
    text = ("Chưa đầy 20 phút, Hương có mặt tại nhà tôi. Trên đường đi, Hương láu táu: “Các cửa hàng đang "
            "giảm giá tới 50%”. Đến nơi, Hương nheo mắt: “Khách quen mà!”. Hương nói đúng.")
    assert people(text) == {"Hương": ("F", True)}
    # Once is not enough, and a unisex name is often a word too.
    assert people("Chưa đầy 20 phút, Hương có mặt. Hương nheo mắt: “Khách quen mà!”.") == {}
    assert people("Bình tĩnh: “Không sao đâu”. Sau đó, Bình minh lên: “Đẹp quá”.") == {}


def test_a_street_list_needs_a_name_after_its_head() -> None:
    # "trên đường đi, X": a way, not a list of streets.
    assert "Hùng" in people("Trên đường đi, Hùng kể: “Tôi đã chờ ở đây cả buổi”. Hùng nói: “Đi thôi”.")
    assert people("Trên phố Hàng Mã, Lương Văn Can có nhiều cửa hàng đồ chơi.") == {}
    assert people("Các tuyến phố như Kim Mã, Minh Khai, Khuất Duy Tiến đều ùn tắc.") == {}


def test_a_pronoun_inside_a_later_quotation_is_another_voice() -> None:
    # "Anh" opening the quotation is England (or the speaker's own addressee), not the man named before.
    found = people("Ông Chirac đã hối thúc London gây sức ép với Tổng thống Bush để nối lại hòa đàm. "
                   "“Anh đã ủng hộ Mỹ nhưng tôi không thấy họ thu lại được gì”, Chirac nói.")
    assert found["Bush"][0] == "U"
    # Outside quotation marks, and after a closing one, the pronoun still tells.
    assert people("Bà Sen réo một thanh niên tên Điền ra giúp. Anh quơ gậy chặn xe.")["Điền"][0] == "M"
    assert people("Lò Thị Mây đến muộn. “Xin lỗi mọi người”, chị nói.")["Lò Thị Mây"] == ("F", True)
    assert people("Thanh niên Lù Diệp đến muộn. “Xin lỗi mọi người”, anh nói.")["Lù Diệp"][0] == "M"
    # A speaker's "anh ấy" in the quotation points at the third person named before it.
    found = people("Chị Lan nhận xét Lê Thanh Tâm “chững chạc như thể anh ấy đã 50 tuổi”.")
    assert found["Lê Thanh Tâm"][0] == "M"
    found = people("Chị Lan nhận xét Lê Thanh Tâm “chững chạc như thể anh đã 50 tuổi”.")
    assert found["Lê Thanh Tâm"][0] == "U"


def test_a_federal_title_keeps_its_name() -> None:
    found = people("Ông Trump sa thải giám đốc Cục Điều tra Liên bang Mỹ James Comey. "
                   "Thẩm phán liên bang James Robart đã ra phán quyết.")
    assert {"James Comey", "James Robart"} <= set(found)


def test_a_misspelt_second_form_is_the_same_person() -> None:
    found = people("Bộ trưởng Quốc phòng Nhật Bản, bà Tomomi Inada cho rằng luật pháp có thể thay đổi. "
                   "Bà Inanda bày tỏ mong muốn tạo dựng quan hệ sâu rộng hơn.")
    assert found == {"Tomomi Inada": ("F", True)}
    assert list(people("Ông Basori Lal cao 73 cm. Khi còn nhỏ, ông Basouri không khác bạn bè.")) == ["Basori Lal"]
    # Another letter (not one more) is another name; Vietnamese syllables are never merged.
    assert set(people("Ông Markus Weber đã tới. Sau đó ông Marcus phát biểu.")) == {"Markus Weber", "Marcus"}
    assert set(people("Ông Trần Văn Hưng đã tới. Sau đó bà Hương phát biểu.")) == {"Trần Văn Hưng", "Hương"}


def headline_quoted(title: str, text: str) -> dict[str, bool]:
    return {p.name: p.quoted for p in audit(text, title).people}


def test_a_headlines_speech_is_the_words_of_the_person_the_text_names() -> None:
    title = "Bộ trưởng Kinh tế Hervé Gaymard quả quyết rằng ông không biết giá thuê nhà quá đắt"
    assert headline_quoted(title, "Tuần báo tiết lộ vợ chồng ông Gaymard ngụ tại căn hộ 600 m2.") == {"Gaymard": True}
    title = "Nghệ sĩ Lê Thu Hà: “Tôi chưa bao giờ hối hận”"
    assert headline_quoted(title, "Bà Lê Thu Hà vừa ra mắt album mới.") == {"Lê Thu Hà": True}
    # A relative's words, a question, a topic after a colon: no speech of the person.
    assert headline_quoted("Con gái Donald Trump: “Cha tôi rất bận”",
                           "Tổng thống Donald Trump đã tới Brussels hôm qua.") == {"Donald Trump": False}
    assert headline_quoted("Ông Nguyễn Văn An nói gì về dự án?",
                           "Ông Nguyễn Văn An đã tới dự lễ khởi công hôm qua.") == {"Nguyễn Văn An": False}
    assert headline_quoted("Ronald Reagan: Từ diễn viên đến thống đốc",
                           "Ronald Reagan đến Hollywood năm 1937.") == {"Ronald Reagan": False}
    # "nói chuyện" (to talk with) gives no words.
    assert headline_quoted("Chị Lê Thị Lan phải trực tiếp nói chuyện với cô ấy",
                           "Chị Lê Thị Lan thân mến, chồng chị đã có người khác.") == {"Lê Thị Lan": False}


def test_a_family_that_speaks_for_a_person_is_not_the_person() -> None:
    q = quoted("Cựu cầu thủ Nguyễn Phi Hùng bị tấn công. Theo gia đình Hùng, nhóm thanh niên đã gây sự trước.")
    assert q == {"Nguyễn Phi Hùng": False}
    q = quoted("Nạn nhân là chị Lò Thị Th. Cũng theo người nhà chị Th., nguyên nhân là mâu thuẫn tình cảm.")
    assert not any(q.values())
    # "theo bác sĩ X" is still X's word.
    assert quoted("Theo bác sĩ Trần Văn Lâm, bệnh nhân đã qua cơn nguy kịch.") == {"Trần Văn Lâm": True}


def test_a_federal_office_is_no_person() -> None:
    assert people("Hôm 2-2, thanh tra Liên bang Đức thông báo kết quả điều tra ban đầu.") == {}


def test_a_one_word_name_with_a_person_in_apposition_is_a_person() -> None:
    q = quoted("“Chúng tôi rất vui khi được trở lại Việt Nam”, Kyungsu, một thành viên của nhóm EXO, phát biểu.")
    assert q == {"Kyungsu": True}
    found = people("Sydorenko, cầu thủ nguy hiểm nhất của Đồng Tháp, cũng bày tỏ quyết tâm trước trận đấu.")
    assert found == {"Sydorenko": ("U", True)}
    # A club or firm in apposition, another person's title and name, an animal: no person.
    assert people("Chelsea, một đội bóng giàu có, đã mua thêm cầu thủ.") == {}
    assert people("Google, một công ty Mỹ, cho biết sẽ mở văn phòng.") == {}
    assert "Chicago" not in people("Câu chuyện bắt đầu tại Trung tâm Cảnh sát điều tra Chicago, thanh tra viên "
                                   "John Spooner đang điều tra một vụ án.")
    assert people("Giải được trao cho chú chó Otis, diễn viên chính trong phim Tiệc sinh nhật.") == {}


def test_a_one_word_name_that_has_a_relative_is_a_person() -> None:
    found = people("Cách đây một tháng, mẹ của Robinho đã bị bắt cóc. Robinho khẳng định anh sẽ ở lại Santos.")
    assert found == {"Robinho": ("M", True)}
    assert audit("Cách đây một tháng, mẹ của Robinho đã bị bắt cóc.").people[0].role != "suspect"
    # A parent company, and a deity's family: no person.
    assert people("Công ty mẹ của Chelsea đã thua lỗ. Chelsea vẫn thắng 2-0.") == {}
    assert people("Bức tượng tái hiện cha mẹ của chúa Jesus. Jesus ra đời trong máng cỏ.") == {}


def test_a_mens_sport_page_outweighs_a_foreign_given_names_table_gender() -> None:
    page = ("Vòng 30 Premier League: Chelsea thắng 2-0 trên sân nhà. Hậu vệ Ashley Cole ghi bàn thắng "
            "đầu tiên, tiền đạo Didier Drogba ghi bàn thứ hai trong trận cầu thủ hai đội chơi quyết liệt.")
    assert people(page)["Ashley Cole"][0] == "M"
    # The text's own honorific decides; a women's match is no men's page.
    assert people(page.replace("Hậu vệ Ashley Cole", "Cô Ashley Cole"))["Ashley Cole"][0] == "F"
    women = ("Giải bóng đá nữ vô địch quốc gia: tiền đạo Ashley Hatch ghi bàn, cầu thủ đội khách "
             "thua 0-2 sau trận đấu bàn thắng đẹp.")
    assert people(women)["Ashley Hatch"][0] == "F"


def test_a_crime_reports_he_pronouns_tell_a_man() -> None:
    found = people("Lý Ngọc Tánh làm nghề bốc vác, sau khi bị bắt đã khai nhận. Mỗi trận, Minh báo tỉ lệ "
                   "cược để y truyền lại cho các con bạc.")
    assert found["Lý Ngọc Tánh"][0] == "M"
    found = people("Trần Thanh Tâm bị bắt giữ tối qua. Tại cơ quan công an, hắn khai nhận đã trộm 4 xe máy.")
    assert found["Trần Thanh Tâm"][0] == "M"
    # "y tế" is no pronoun, nor "y" outside a crime report.
    assert people("Trần Thanh Tâm bị bắt giữ tối qua. Cơ sở y tế đã cấp cứu nạn nhân.")["Trần Thanh Tâm"][0] == "U"
    assert people("Trần Thanh Tâm kể chuyện đời mình. Năm ấy y mới lên mười.")["Trần Thanh Tâm"][0] == "U"


def test_a_given_name_alone_that_testifies_in_a_court_or_crime_report_is_a_person() -> None:
    text = ("Công ty chi mỗi chuyến tàu 100 triệu đồng. Tại tòa, Hùng khai đây là khoản tiền để bôi trơn. "
            "Sau đó Long đến nhà Hùng nhận tiền.")
    assert people(text) == {"Hùng": ("M", True)}
    # Once named, or outside a court or crime report: no person.
    assert people("Tại tòa, Hùng khai đây là khoản tiền để bôi trơn.") == {}
    assert people("Hội thảo kết thúc. Hùng khai mạc triển lãm, rồi Hùng về nhà.") == {}


def test_the_headlines_full_name_names_the_texts_given_name() -> None:
    result = audit("Sáng 28-2, công an đã bắt giữ đối tượng. Tại cơ quan công an, Tuấn khai nhận đã nhiều lần "
                   "lừa các chủ tiệm vàng. Tuấn bị tạm giữ.", "Lê Ngọc Tuấn lừa tiệm vàng bằng đô la giả")
    assert [(p.name, p.quoted) for p in result.people] == [("Lê Ngọc Tuấn", True)]
    # A club before a name in the headline is not taken for the name.
    result = audit("HLV Mourinho nói rằng đội bóng sẽ thắng.", "HLV Chelsea Jose Mourinho tự tin vô địch")
    assert [p.name for p in result.people] == ["Mourinho"]


def test_a_gendered_honorific_and_a_noun_before_ten_gender_the_name() -> None:
    found = people("Tôi đến thẩm mỹ viện. Cô nhân viên tên Hồng nhìn tôi rồi nói: “Giá là 10 triệu”.")
    assert found["Hồng"] == ("F", True)
    assert people("Vy bị bán cho ông chủ tên Xem và bà chủ tên Thanh.")["Thanh"][0] == "F"
    # A capitalised name's last word is no honorific; "anh tên X" (his name is X) says nothing of X.
    assert people("Sau đó, Phương Anh ra album mang tên Thanh Xuân.").get("Thanh Xuân", ("U",))[0] == "U"
    assert people("Con trai của anh tên Bình đang học lớp 3.")["Bình"][0] == "U"
