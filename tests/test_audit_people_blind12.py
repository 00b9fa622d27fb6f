"""People: shapes the blind12 round corrected, on sentences written for these tests."""

from auditor.audit import audit


def people(text: str) -> dict[str, tuple[str, bool]]:
    return {p.name: (p.gender, p.quoted) for p in audit(text).people}


def test_a_letter_ending_a_sentence_is_no_initial_before_an_honorific() -> None:
    found = people("Buổi sáng trời lạnh tới 5 độ C. Bà Helena Ruiz, trưởng đoàn cứu trợ, nói: “Chúng tôi cần "
                   "thêm chăn”.")
    assert found.get("Helena Ruiz") == ("F", True)
    # An initial followed by a name is read as before.
    assert "Nguyễn V" in people("Hôm qua tôi gặp ông Nguyễn V. ở chợ.")


def test_streets_of_a_crossing_joined_by_a_dash_are_no_persons() -> None:
    text = ("Đèn tín hiệu tại ngã tư Trần Hưng Đạo - Nguyễn Văn Cừ và giao lộ Lý Thường Kiệt – Hai Bà Trưng "
            "vừa được thay mới.")
    assert people(text) == {}
    # Two persons joined by a dash are still persons.
    found = people("Cặp đôi Trần Văn Hùng - Nguyễn Thị Lan cho biết sẽ tổ chức đám cưới vào mùa thu.")
    assert {"Trần Văn Hùng", "Nguyễn Thị Lan"} <= set(found)


def test_a_given_name_or_surname_alone_then_an_age_is_a_person() -> None:
    found = people("Tối qua, Hạnh (16 tuổi) đi học thêm về thì bị Khổng (45 tuổi) chặn đường trêu ghẹo.")
    assert {"Hạnh", "Khổng"} <= set(found)
    # Without the age, a bare word stays out as before.
    assert "Hạnh" not in people("Tối qua, Hạnh phúc đến với gia đình nhỏ.")


def test_pleas_in_court_and_a_claim_of_innocence_are_speech() -> None:
    found = people("Tại phiên phúc thẩm, hai bị cáo Lê Thị Hồng (em gái Lê Văn Tỵ), Đặng Thị Mơ đều xin giảm án "
                   "vì phải nuôi con nhỏ.")
    assert found["Lê Thị Hồng"][1] and found["Đặng Thị Mơ"][1]
    assert not found.get("Lê Văn Tỵ", ("", False))[1]  # named in the bracket, he does not speak
    assert people("Bị cáo Hoàng Văn Nghĩa kêu oan, nói không hề nhận tiền.")["Hoàng Văn Nghĩa"][1]
    assert people("Bà Ngô Thị Sen dẫn chứng, căn nhà bên cạnh chỉ bán được nửa giá.")["Ngô Thị Sen"][1]


def test_according_to_a_spokesmans_statement_quotes_the_spokesman() -> None:
    found = people("Theo lời phát ngôn của đại tá hải quân Pháp Michel Dubois, hai máy bay đã hạ cánh an toàn.")
    assert found["Michel Dubois"][1]


def test_a_name_after_a_committee_of_the_national_assembly_is_its_chair_and_speaks() -> None:
    found = people("Sáng qua, Phó Chủ nhiệm Ủy ban Kinh tế của Quốc hội Lương Đình Khoa, cho biết dự luật sẽ được "
                   "trình vào kỳ họp tới.")
    assert found.get("Lương Đình Khoa", ("", False))[1]
    # A place named after a person after a unit word stays a place.
    assert people("Phó Chủ tịch Ủy ban nhân dân phường Nguyễn An Ninh đã ký quyết định.") == {}


def test_a_long_committee_title_before_of_the_assembly_and_a_name_names_the_speaker() -> None:
    # The title stands five words before "của": the name after "của Quốc hội" is its holder, no possessor.
    found = people("Chủ nhiệm Ủy ban Văn hóa Giáo dục của Quốc hội Trịnh Minh Hòa khẳng định luật cần sửa.")
    assert found.get("Trịnh Minh Hòa", ("", False))[1]
    # An organisation's name after "của" with no title before it: the person named later speaks.
    found = people("Theo báo cáo của Quốc hội, ông Trịnh Minh Hòa khẳng định luật cần sửa.")
    assert found.get("Trịnh Minh Hòa", ("", False))[1]


def test_a_firms_department_after_a_title_is_no_name() -> None:
    found = people("Bà Đỗ Thị Hằng, Giám đốc Nhân sự của tập đoàn, cho biết đã tuyển đủ người.")
    assert set(found) == {"Đỗ Thị Hằng"}
    # A given name after a title is read as before.
    assert "Nhân" in people("Giám đốc Nhân cho biết công ty có lãi.")


def test_a_readers_letter_is_its_senders_words() -> None:
    found = {p.name: (p.quoted, p.role) for p in audit(
        "Tôi rất buồn khi đọc bài viết về nữ ca sĩ ấy.\nNgười gửi: Phạm Thu Trang, Gửi tới: Ban Văn hoá\n"
        "Tôi mong ban tổ chức sẽ xin lỗi khán giả.").people}
    assert found["Phạm Thu Trang"] == (True, "citizen")


def test_a_person_noun_then_named_as_names_the_person_not_the_origin() -> None:
    found = people("Ông từng có con với một người phụ nữ Marseille có tên là Isabelle Moreau khi còn thi đấu ở Pháp.")
    assert "Isabelle Moreau" in found and "Marseille" not in found


def test_a_title_then_a_speech_verb_then_a_name_does_not_make_the_name_the_titles_holder() -> None:
    text = ("Tại phiên tòa, chủ tọa hỏi Lê Văn Khánh vì sao lại ký hợp đồng. Chủ tọa cho rằng đây là hành vi cố ý.")
    assert not people(text)["Lê Văn Khánh"][1]
    # A title right before the name still makes its later bare use speak for the holder.
    text = "Bộ trưởng Công nghiệp Đào Văn Thịnh yêu cầu Tổng công ty rà soát. Bộ trưởng cho rằng còn nhiều sai sót."
    assert people(text)["Đào Văn Thịnh"][1]


def test_a_mine_is_no_person() -> None:
    assert people("Sản lượng khai thác ở mỏ Đại Hùng và mỏ than Hà Tu đều giảm trong quý này.") == {}


def test_common_english_given_names_tell_gender() -> None:
    found = people("Huấn luyện viên Callum Whitby và trợ lý Imogen Hartley đều hài lòng với trận đấu.")
    assert found["Callum Whitby"][0] == "M" and found["Imogen Hartley"][0] == "F"


def test_a_photographer_after_an_agency_in_a_credit_is_no_person() -> None:
    assert people("Chú hổ con đã khỏe lại. Ảnh: Reuters/Peter Kowalski. Vườn thú sẽ mở cửa vào tuần sau.") == {}


def test_housing_estates_named_after_persons_are_places() -> None:
    text = "Thanh tra phát hiện sai phạm ở các dự án khu dân cư Bình Hưng Hòa và Trần Quang Khải của công ty."
    assert people(text) == {}
    assert people("Dự án khu tái định cư Nguyễn Văn Linh chậm tiến độ.") == {}


def test_a_scare_quote_inside_the_clause_does_not_cut_the_subject_off() -> None:
    found = people("Bị cáo Đàm Văn Lực tuy nhận là có “góp vốn” nhưng lại khai chỉ cho Hòa mượn tiền.")
    assert found["Đàm Văn Lực"][1]
    # A heading in quotation marks, then a new sentence without its period, still ends the clause.
    found = people("Ông Đàm Văn Lực vui mừng sau buổi lễ “Một chặng đường” Nếu tuyên bố trên được thực hiện, "
                   "dự án sẽ xong sớm.")
    assert not found["Đàm Văn Lực"][1]


def test_a_relatives_full_name_does_not_absorb_the_bare_surname_of_the_family() -> None:
    text = ("Mẹ của Tanaka, bà Yoko Tanaka, đã tới Tokyo. Tanaka đang bị nhóm vũ trang giữ làm con tin "
            "ở ngoại ô Baghdad.")
    assert {"Tanaka", "Yoko Tanaka"} <= set(people(text))
    # A surname used alone for the person named in full stays that person.
    found = people("Bà Yoko Tanaka đã tới Tokyo. Tanaka nói bà sẽ ở lại đến cuối tuần.")
    assert set(found) == {"Yoko Tanaka"}
