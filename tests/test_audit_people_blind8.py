"""People and quotes: shapes the blind8 round corrected, on sentences written for these tests."""

from auditor.audit import audit


def quoted(text: str) -> dict[str, bool]:
    return {p.name: p.quoted for p in audit(text).people}


def test_a_name_after_a_quotation_that_opens_the_sentence_and_a_comma_signs_it() -> None:
    q = quoted("Đoàn xe dừng lại bên khu chợ đông người.\n"
               "“Nếu chúng tôi gỡ tấm biển đó xuống, cả khu phố này sẽ nổi giận”, Daniel Whitmore, 26 tuổi, "
               "đứng sau chiếc xe quan sát.")
    assert q["Daniel Whitmore"] is True
    q = quoted("Buổi lễ kết thúc lúc chiều. “Chúng tôi sẽ trở lại nơi này vào mùa xuân năm sau”, "
               "thủ môn Peter Halvorsen lặng lẽ rời sân.")
    assert q["Peter Halvorsen"] is True


def test_a_short_title_or_a_kin_noun_before_the_name_is_no_signature() -> None:
    # A title in quotation marks, not a sentence.
    q = quoted("Cuốn tiểu thuyết “Mùa lúa chín”, ông Trần Văn Hậu viết năm 1990, được tái bản.")
    assert q["Trần Văn Hậu"] is False
    # A quotation inside a sentence, then a comma: another person's words.
    q = quoted("Báo chí gọi ông là “người giữ rừng của cả một vùng núi cao hẻo lánh”, ông Lê Văn Sáu không "
               "nhận danh hiệu đó.")
    assert q["Lê Văn Sáu"] is False
    # The son wrote, not the mother named after the kin noun.
    q = quoted("Bà Mary Collins có hai con. “Tôi sẽ công bố toàn bộ thư từ của mình cho mọi người”, "
               "con trai bà Collins viết trên mạng.")
    assert q["Mary Collins"] is False


def test_named_defendants_who_all_plead_guilty_speak_together() -> None:
    trial = ("Hội đồng xét xử hôm qua xét hỏi 4 bị cáo Nguyễn Văn Khải, Lê Thị Hoa, Trần Đức Long và "
             "Phạm Văn Quý về đường dây đánh bạc. ")
    q = quoted(trial + "Cả 4 bị cáo đều nhận tội trước tòa.")
    assert all(q[n] for n in ("Nguyễn Văn Khải", "Lê Thị Hoa", "Trần Đức Long", "Phạm Văn Quý"))
    # A count that is not the number named, or no plea: nobody speaks.
    q = quoted(trial + "Cả ba bị cáo đều nhận tội trước tòa.")
    assert not any(q.values())
    q = quoted(trial + "Cả 4 bị cáo đều bị tạm giam.")
    assert not any(q.values())


def test_a_full_name_after_a_city_abbreviation_or_a_country_after_a_title_is_a_person() -> None:
    people = {p.name: p.quoted for p in audit(
        "Báo đã đăng ý kiến của phó cục trưởng Cục Thuế TP Lê Đình Khoa về việc này. "
        "Tham tán thương mại VN tại Nhật Trần Minh Quân cho hay ông rất bất ngờ.").people}
    assert set(people) == {"Lê Đình Khoa", "Trần Minh Quân"} and people["Trần Minh Quân"]
    # No title before: a place and its street are no person.
    assert [p.name for p in audit("Cửa hàng nằm ở TP Hồ Chí Minh, gần ngã tư.").people] == []


def test_a_middle_and_given_name_after_the_full_name_speaks_for_that_person() -> None:
    q = quoted("Sau khi em gái bị bắt, Trần Bích Ngọc đã bay vào TP HCM nhận lại số tài sản. "
               "Tại phiên tòa, Bích Ngọc chỉ thừa nhận hành vi cất giữ hộ.")
    assert q == {"Trần Bích Ngọc": True}
    # Named whole only after the pair: no link is made, nobody speaks.
    q = quoted("Tại phiên tòa, Bích Ngọc chỉ ngồi im. Sau đó Trần Bích Ngọc rời tòa.")
    assert q.get("Trần Bích Ngọc") is False


def test_a_one_word_foreign_name_that_gets_a_card_or_cries_is_a_person() -> None:
    names = [p.name for p in audit("Phút cuối trận, đội khách còn mất thêm một người khi Kowalczyk bị thẻ đỏ "
                                   "sau pha va chạm với thủ môn.").people]
    assert names == ["Kowalczyk"]
    names = [p.name for p in audit("Sau trận chung kết, Marchetti bật khóc trong vòng tay đồng đội.").people]
    assert names == ["Marchetti"]
    # A club named alone takes the card of one of its players: no person.
    assert [p.name for p in audit("Chelsea nhận thẻ đỏ ở phút 80 và thua trận.").people] == []
    assert [p.name for p in audit("CLB Lille thua đậm. Lille nhận thẻ đỏ ở phút 80.").people] == []


def test_a_pronoun_with_several_men_near_speaks_for_the_one_it_names_who_led_the_last_sentence() -> None:
    q = quoted("Chiều nay, ông Peter Gordon đã tới thăm thủ đô. Trước khi hội đàm với Thủ tướng Ali Karimi, "
               "ông Peter Gordon đã gặp tướng Mỹ John Carter và trung tướng David Moss. "
               "Ông hy vọng chuyến thăm sẽ củng cố quan hệ hai nước.")
    assert q == {"Peter Gordon": True, "Ali Karimi": False, "John Carter": False, "David Moss": False}
    # The woman who opens the last sentence speaks, not another called "chị" earlier.
    q = quoted("Chị Lê Thị Hoa (huyện Thủ Thừa) cũng bị lừa mất vàng. "
               "Khác với trường hợp trên, nạn nhân Trần Thị Kim Liên không tin chuyện bùa mê. "
               "Chị nói: “Chẳng qua là tôi hám lời”.")
    assert q["Lê Thị Hoa"] is False


def test_saudi_arabia_spelt_with_a_hyphen_is_a_country() -> None:
    text = ("Giá dầu tăng khi Ảrập Xê-út thông báo cắt giảm sản lượng. Sau khi nhận thông báo từ Ảrập Xê-út, "
            "Nhật Bản lên tiếng chỉ trích.")
    assert audit(text).people == []
