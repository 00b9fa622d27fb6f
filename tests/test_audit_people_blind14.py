"""People: shapes the blind14 round corrected, on sentences written for these tests."""

from auditor.audit import audit


def people(text: str) -> dict[str, tuple[str, bool]]:
    return {p.name: (p.gender, p.quoted) for p in audit(text).people}


def test_an_office_with_its_short_form_in_brackets_names_no_person() -> None:
    text = ("Tại Trường đại học (ĐH) Trần Hưng Đạo, PGS Lê Văn Phúc cho biết sinh viên năm nay đông hơn. "
            "Bệnh nhân được đưa về Bệnh viện (BV) Trần Nhân Tông điều trị.")
    found = people(text)
    assert found.get("Lê Văn Phúc") == ("M", True)
    assert "Trần Hưng Đạo" not in found and "Trần Nhân Tông" not in found
    # A bracket after a name is no office: the person after it is still one.
    kept = people("Theo Công an (CA) tỉnh, anh Phạm Văn Hòa đã ra đầu thú. Anh Hòa nói anh rất hối hận.")
    assert kept.get("Phạm Văn Hòa") == ("M", True)
    # A title in brackets before a team is no office: the team stays no person.
    team = people("Sau trận Công nhân (CN) Lửa Hồng - Than Cẩm Phả, ông Lê Văn Tường nói đội đá tốt.")
    assert "Lửa Hồng" not in team and team.get("Lê Văn Tường") == ("M", True)


def test_a_dam_named_after_a_place_is_no_person() -> None:
    text = "Quanh đập Đồng Mô, đất đang lên giá từng ngày, ông Đỗ Văn Lực cho biết."
    found = people(text)
    assert found == {"Đỗ Văn Lực": ("M", True)}


def test_english_firm_words_are_no_foreign_name() -> None:
    text = ("Chuyên gia tại KT Asset Management cho rằng giá vàng sẽ tăng. Bà Lisa Hartley, nhà phân "
            "tích của hãng, cũng nói vậy.")
    found = people(text)
    assert "Asset Management" not in found and "KT Asset Management" not in found
    assert found.get("Lisa Hartley") == ("F", True)


def test_a_suggestion_is_reported_speech() -> None:
    text = "Tại cuộc họp, ông Trịnh Văn Bảo gợi ý xã nên lập thêm tổ tuần tra ban đêm."
    assert people(text).get("Trịnh Văn Bảo") == ("M", True)


def test_a_suggestion_as_a_noun_gives_no_speaker() -> None:
    text = "Bộ sưu tập mới, anh Lê Văn Tâm tin, sẽ là những gợi ý cho mùa hè. Nhà thiết kế Lê Văn Tâm vừa ra mắt."
    assert people(text).get("Lê Văn Tâm") == ("M", False)
    said = people("Chị Hà Thị Mai gợi ý: “Nên mang theo áo mưa”.")
    assert said.get("Hà Thị Mai") == ("F", True)
