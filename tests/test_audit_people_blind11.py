"""People: shapes the blind11 round corrected (names in initials, Arabic names), on sentences written
for these tests."""

from auditor.audit import audit


def people(text: str) -> dict[str, tuple[str, bool]]:
    return {p.name: (p.gender, p.quoted) for p in audit(text).people}


def test_a_surname_and_middle_name_then_initials_name_one_person() -> None:
    found = people("Lò Thị M.K. (15 tuổi, trú ở huyện Mường Tè) vừa được công an giải cứu. "
                   "Em cho biết đã bị lừa sang biên giới.")
    assert "Lò Thị M.K" in found and found["Lò Thị M.K"][0] == "F"
    # With and without the last period, the same person once.
    found = people("Chị Quàng Thị P.L. đã làm đơn. Theo đơn của Quàng Thị P.L, căn nhà bị chiếm.")
    assert [n for n in found if n.startswith("Quàng Thị")] == ["Quàng Thị P.L"]
    # One initial after a full surname and middle name is read as before ("Trần Ngọc H." and "anh H." one man).
    found = people("Hùng đưa tiền cho anh Trần Ngọc H. ở quán nước. Sau đó Sơn khai không đưa tiền cho anh H.")
    assert [n for n in found if "H" in n] == ["Trần Ngọc H"]


def test_initials_then_a_given_name_name_one_person_not_a_sentence_start() -> None:
    found = people("Ba người phụ nữ bị bắt quả tang gồm K.T. Hoài, V.H. Thanh và L.T. Sinh khai được chủ quán "
                   "thuê phục vụ.")
    assert {"K.T. Hoài", "V.H. Thanh", "L.T. Sinh"} <= set(found)
    assert found["K.T. Hoài"][0] == "U"  # the name alone does not tell
    assert "T. Sinh" not in found
    # Initials closing a sentence: the next sentence's first word is no given name.
    for text in ("Công an đã giải cứu cháu P.A. Công an huyện đang tạm giữ hai đối tượng.",
                 "Đội bóng chỉ còn kém M.U. Thế nhưng đội bóng vẫn thắng M.U trên sân nhà.",
                 "Hai bố con được đưa lên bờ. Ảnh: Q.T. Sáng nay, người dân đã trở về nhà."):
        assert not [n for n in people(text) if " " in n and "." in n], text


def test_initials_alone_with_particulars_then_the_last_initial() -> None:
    text = ("Ngày 3/4, T.H.N.L. (học sinh lớp 10 tại thị xã) đến công an trình báo. "
            "L. khai nhận đã bị một người phụ nữ dụ dỗ, cô đã nghỉ học từ tháng trước.")
    found = people(text)
    assert found == {"T.H.N.L": ("F", True)}
    # No bracket of particulars: initials alone are an acronym as before.
    assert people("Ngày 3/4, T.H.N.L. đã công bố kết quả kinh doanh quý I.") == {}


def test_an_arabic_name_with_its_particle_is_a_person() -> None:
    text = ("Sau vụ không kích, Rashad al-Tikriti và Abu Yahya al-Iraqi đã rút về phía tây. "
            "Ông Tarek nói đó là một thắng lợi.")
    found = people(text)
    assert {"Rashad al-Tikriti", "Abu Yahya al-Iraqi"} <= set(found)
    # A kunya's second word is the son's name: "Abu Yahya" is no reading of "Yahya" (nor of "Ali").
    assert people("Abu Ali al-Masawi đã bị tiêu diệt trong một cuộc đột kích.")["Abu Ali al-Masawi"][0] == "U"


def test_arabic_groups_places_and_feasts_are_no_person() -> None:
    for text in ("Các tay súng Jabhat al-Nusra và Ahrar al-Sham đã rút khỏi thị trấn.",
                 "Người Hồi giáo đón Eid al-Fitr sau tháng Ramadan.",
                 "Tên lửa rơi xuống căn cứ Brak al-Shati ở miền nam Libya. Brak al-Shati bị hư hại nặng.",
                 "Lữ đoàn Abu Hafs al-Masri nhận trách nhiệm. Các chuyên gia cho rằng Abu Hafs al-Masri ít uy tín."):
        assert people(text) == {}, text


def test_names_joined_by_commas_and_va_before_a_speech_verb_all_speak() -> None:
    found = people("Tại cơ quan điều tra, cả Đinh Văn Khải và Lục Văn Sơn đều khai nhận đã mua hàng của Tống Văn Bảo.")
    assert found["Đinh Văn Khải"][1] and found["Lục Văn Sơn"][1] and not found["Tống Văn Bảo"][1]
    found = people("Các đối tượng Hà Văn Mạnh, Lý Văn Tình, Đào Văn Thắng khai được thuê chở hàng.")
    assert all(q for _g, q in found.values()) and len(found) == 3
    # "cùng A và B ... cho biết": the list is a companion, and a predicate stands before the verb.
    found = people("Ông Trịnh Văn Lâm, người vừa cùng ca sĩ Phan Văn Tới và Lê Văn Bền lưu diễn ở Úc, cho biết "
                   "chuyến đi rất vất vả.")
    assert found["Trịnh Văn Lâm"][1] and not found["Phan Văn Tới"][1]


def test_a_given_name_the_guide_calls_ambiguous_needs_a_middle_name_that_tells() -> None:
    # "Hải", "Minh", "Anh" with no honorific or pronoun: U, whatever the pair's count says.
    assert people("Bị cáo Đào Thanh Hải khai đã nhận tiền.")["Đào Thanh Hải"][0] == "U"
    assert people("Đại diện công ty là Lý Hoàng Minh.")["Lý Hoàng Minh"][0] == "U"
    # A middle name that tells still decides: "Quang", "Tuấn"; and a rare middle that is a clear given name.
    assert people("Bị cáo Đào Quang Minh khai đã nhận tiền.")["Đào Quang Minh"][0] == "M"
    assert people("Đại diện công ty là Lý Tuấn Anh.")["Lý Tuấn Anh"][0] == "M"
    assert people("Đại diện công ty là Đỗ Thắng Hải.")["Đỗ Thắng Hải"][0] == "M"
    # "Thị" and an honorific as before.
    assert people("Bị cáo Đào Thị Minh khai đã nhận tiền.")["Đào Thị Minh"][0] == "F"
    assert people("Bà Đào Thanh Hải cho biết đã nhận tiền.")["Đào Thanh Hải"][0] == "F"


def test_a_given_name_then_the_surname_is_the_full_name_of_the_text() -> None:
    found = people("Ca sĩ Lưu Thanh Vy vừa ra mắt album mới. Trong album, Vy Lưu hát lại ba ca khúc cũ.")
    assert set(found) == {"Lưu Thanh Vy"}
    # Not when two full names fit.
    found = people("Lưu Thanh Vy và Lưu Bảo Vy cùng dự lễ. Vy Lưu phát biểu trước.")
    assert "Vy Lưu" in found


def test_a_country_word_before_a_foreign_name_is_the_country() -> None:
    found = people("Phiên họp do ông Lý Vĩnh, Bộ trưởng thương mại Mỹ Don Carter và Đại diện Thương mại Mỹ "
                   "Robert Hale cùng chủ trì.")
    assert "Don Carter" in found and "Mỹ Don Carter" not in found
    # A Vietnamese name that opens with a country's word keeps it.
    assert "Mỹ Phi" in people("Bà Mỹ Phi cho biết cửa hàng đóng cửa từ tuần trước.")
