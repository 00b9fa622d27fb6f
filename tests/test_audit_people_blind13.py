"""People: shapes the blind13 round corrected, on sentences written for these tests."""

from auditor.audit import audit


def people(text: str) -> dict[str, tuple[str, bool]]:
    return {p.name: (p.gender, p.quoted) for p in audit(text).people}


def test_an_initial_and_a_surname_are_the_full_name_said_later() -> None:
    text = ("Theo tờ báo, P. Hendry khẳng định rằng đảng sẽ thắng. Ông Hendry tin chắc như vậy. Cuối buổi, "
            "Paul Hendry là người rời đi sau cùng.")
    found = people(text)
    assert found.get("Paul Hendry") == ("M", True)
    assert "P. Hendry" not in found
    # A lone initial ("chị S.") is not taken for the given name of the full name said before.
    mother = people("Chị Nguyễn Thị Sâm vừa sinh đôi. Chị Sâm cho biết: “Tôi rất vui”. Chị S. tâm sự thêm về "
                    "gia đình.")
    assert mother.get("Nguyễn Thị Sâm") == ("F", True)
    # Another given name with the same surname stays another person.
    other = people("Bà Susan Dalton và ông Mark Dalton cùng dự lễ. Bà Susan Dalton nói bà rất vui.")
    assert {"Susan Dalton", "Mark Dalton"} <= set(other)


def test_a_university_an_economic_zone_and_craft_villages_are_no_persons() -> None:
    text = ("Sinh viên ĐH Hồng Đức tham quan KTM Vân Phong, làng gốm Bình Lạc và Làng dệt Hòa Xuân trong "
            "chuyến đi thực tế.")
    assert people(text) == {}
    # A person named after these words in a clause of their own is still one.
    found = people("Tại làng gốm, ông Trần Văn Tâm cho biết nghề đang khó.")
    assert found.get("Trần Văn Tâm") == ("M", True)


def test_a_one_word_foreign_name_listed_next_to_a_player_is_a_person() -> None:
    text = ("Ở trận này, HLV của Sevilla phải dùng Moreno và Ibarra, trong đó Ibarra - người chưa bình phục "
            "chấn thương đầu gối - vẫn đá chính.")
    found = people(text)
    assert {"Moreno", "Ibarra"} <= set(found)
    # A club listed next to a person is no person when the text names it as a club.
    clubs = people("Tiền đạo Gomez - người vừa ghi bàn - cùng Gomez và Sevilla được khen. CLB Sevilla "
                   "đang dẫn đầu.")
    assert "Sevilla" not in clubs
    # "người đã ..." after a club that closes "của X" is said of the player before it.
    player = people("HLV Koeman gọi lại hậu vệ Marco Stam của PSV Eindhoven, người đã nghỉ ba tháng vì chấn thương.")
    assert "Eindhoven" not in player and "Marco Stam" in player


def test_a_cleric_or_a_pastor_named_with_his_title_is_a_person() -> None:
    text = ("Phiên tòa xét xử giáo sĩ Malaysia Abu Yusof Rahim diễn ra hôm qua. Hàng trăm người ủng hộ giáo sĩ "
            "Rahim có mặt tại tòa.")
    assert "Abu Yusof Rahim" in people(text)
    pastor = people("Ở Kenya, một tín đồ nhìn thấy Wanjiru Otieno bơi qua sông. Mục sư Otieno bị lũ cuốn trôi sau đó.")
    assert "Wanjiru Otieno" in pastor
    # A church's name after the title is no person.
    assert people("Các mục sư Tin Lành trong vùng đã họp mặt.") == {}
    assert people("Các giáo sĩ Sunni và giáo sĩ Shiite đã kêu gọi bình tĩnh.") == {}


def test_a_stage_name_said_with_a_title_before_speaks_when_said_alone() -> None:
    text = ("Tối qua, Á hậu Ngọc Diệp xuất hiện tại buổi trình diễn. Sau đó, Ngọc Diệp chia sẻ cô rất hồi hộp "
            "khi lần đầu dẫn chương trình.")
    assert people(text).get("Ngọc Diệp") == ("F", True)
    # A pair said alone with no speech after it gains nothing.
    quiet = people("Tối qua, Á hậu Ngọc Diệp xuất hiện. Ngọc Diệp mặc váy trắng.")
    assert quiet.get("Ngọc Diệp") == ("F", False)


def test_a_title_before_a_place_named_after_a_person_names_the_person() -> None:
    found = people("Sáng nay, đoàn đại biểu vào Lăng viếng Chủ tịch Hồ Chí Minh.")
    assert "Hồ Chí Minh" in found
    # The city, its people and a district named after a person stay places.
    assert people("Phó Chủ tịch UBND TP Hồ Chí Minh đi kiểm tra. Người dân Hồ Chí Minh rất vui. Học sinh "
                  "Hồ Chí Minh đi học sớm.") == {}


def test_posting_pictures_and_performing_a_song_are_no_speech() -> None:
    found = people("Trên trang cá nhân, ca sĩ Thu Hằng chia sẻ ảnh đi biển cùng con gái. Tối đó, ca sĩ Mỹ Dung "
                   "trình bày bài Biển nhớ trước khán giả.")
    assert found.get("Thu Hằng") == ("F", False) and found.get("Mỹ Dung") == ("F", False)
    # Sharing a thought still is speech.
    assert people("Ca sĩ Thu Hằng chia sẻ cô rất hạnh phúc.").get("Thu Hằng") == ("F", True)


def test_a_pageant_runner_up_is_a_woman_and_a_celebrity() -> None:
    found = {p.name: (p.gender, p.role) for p in audit("Cô được kỳ vọng nối tiếp thành công của Á khôi Ngọc Hân.").people}
    assert found.get("Ngọc Hân") == ("F", "celebrity")


def test_a_foreign_name_whose_surname_is_cited_as_a_source_is_a_person() -> None:
    text = ("Nhân chứng chủ chốt trong vụ xử thủ lĩnh Karim Fawzi là Nasri Abbud. Lời khai của Nasri Abbud ủng hộ "
            "công tố viên. Theo Abbud, Fawzi từng đến thăm trại huấn luyện.")
    found = people(text)
    assert "Nasri Abbud" in found and found["Nasri Abbud"][1]
    # A news agency cited the same way makes no name of a place or firm.
    assert people("Hãng Delta Orbis vừa công bố kết quả. Theo Orbis, doanh thu tăng 5%.") == {}
