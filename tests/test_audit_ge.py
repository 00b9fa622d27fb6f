"""Gender-equality items (ge_item, ge_topic) on Vietnamese articles written for these tests.

Each test pins one general cause found on the held-out check sets of data/check (README, "Gender-
equality items"); the older GE tests live in tests/test_audit_engine.py.
"""

from auditor.audit import default_auditor


def _verdict(text: str, title: str = "") -> tuple[bool, str | None]:
    result = default_auditor().audit(text, title)
    return result.ge_item, result.ge_topic

# A summit report: the headline names no gender, the lead is about trade and health, and the
# women's paragraph comes only after the first thousand characters.
SUMMIT_TITLE = "Thủ tướng dự phiên họp thứ hai của hội nghị thượng đỉnh khu vực"
SUMMIT_LEAD = (
    "Sáng 12/5, Thủ tướng tiếp tục tham dự các phiên thảo luận của hội nghị thượng đỉnh khu vực tại "
    "thủ đô nước chủ nhà. Các nhà lãnh đạo bàn về thương mại tự do, chuỗi cung ứng, đầu tư hạ tầng và "
    "hợp tác ứng phó dịch bệnh xuyên biên giới. Hội nghị nhấn mạnh vai trò của các tổ chức quốc tế trong "
    "cảnh báo sớm và chia sẻ dữ liệu y tế. "
)
SUMMIT_FILLER = (
    "Các nước cũng thảo luận về cải cách thủ tục hải quan, kết nối cảng biển và phát triển logistics, "
    "kêu gọi giảm rào cản phi thuế quan và thúc đẩy thương mại điện tử. "
)
SUMMIT_WOMEN = (
    "Hội nghị hoan nghênh sáng kiến thành lập quỹ hỗ trợ doanh nghiệp nữ, nhằm tăng cường vai trò của "
    "phụ nữ trong nền kinh tế và trao quyền cho phụ nữ trong kỷ nguyên số. Thủ tướng ủng hộ việc trao "
    "quyền cho phụ nữ và cho biết Việt Nam sẽ tổ chức đối thoại chính sách về phụ nữ và kinh tế."
)


def test_gender_words_far_down_an_article_whose_headline_names_no_gender_are_a_side_topic() -> None:
    auditor = default_auditor()
    text = SUMMIT_LEAD + SUMMIT_FILLER * 6 + SUMMIT_WOMEN
    assert text.index("doanh nghiệp nữ") > 1000
    assert auditor.audit(text, SUMMIT_TITLE).ge_item is False
    # The same paragraph in the lead makes it the piece's subject ...
    assert auditor.audit(SUMMIT_WOMEN + " " + SUMMIT_LEAD, SUMMIT_TITLE).ge_item is True
    # ... and so does a headline that names women, wherever the paragraph is.
    assert auditor.audit(text, "Hội nghị thượng đỉnh bàn cách trao quyền cho phụ nữ").ge_item is True


def test_one_girl_harmed_in_the_headline_is_a_single_crime_girls_as_a_group_are_the_problem() -> None:
    auditor = default_auditor()
    text = ("Chiều qua, người cha về nhà thì phát hiện con gái 8 tuổi bị hàng xóm xâm hại. Gia đình đã "
            "trình báo, công an huyện đang làm rõ vụ việc.")
    assert auditor.audit(text, "Gã thanh niên xâm hại bé gái 8 tuổi").ge_item is False
    group = ("Nhiều bé gái ở các bản vùng cao bị xâm hại nhưng gia đình ngại trình báo. Cán bộ xã cho biết "
             "việc phát hiện và hỗ trợ các em còn chậm.")
    assert auditor.audit(group, "Những bé gái bị xâm hại ở vùng cao").ge_item is True


def test_a_head_count_of_women_in_a_congress_report_is_a_share_not_the_subject() -> None:
    auditor = default_auditor()
    title = "Ông Trần Văn Hải tái đắc cử Bí thư Huyện ủy"
    text = ("Đại hội Đảng bộ huyện lần thứ XX đã bế mạc sau ba ngày làm việc. Đại hội bầu Ban Chấp hành "
            "khóa mới gồm 45 đồng chí, trong đó có 8 đại biểu nữ. Ông Trần Văn Hải được bầu làm bí thư; "
            "đại hội đề ra mục tiêu tăng trưởng kinh tế 9 % mỗi năm.")
    assert auditor.audit(text, title).ge_item is False
    # Women's share as the subject still makes an item.
    share = ("Tỷ lệ đại biểu nữ trong Ban Chấp hành tăng lên 27 %. Tỉnh chú trọng quy hoạch, đào tạo cán bộ "
             "nữ và tạo điều kiện để phụ nữ tham gia chính trị, thực hiện mục tiêu bình đẳng giới.")
    assert auditor.audit(share, "Tỉnh đạt mục tiêu về cán bộ nữ trong cấp ủy").ge_item is True


def test_a_disciplinary_case_against_one_official_is_a_single_incident() -> None:
    auditor = default_auditor()
    title = "Trưởng phòng bị kiểm điểm vì ứng xử với nữ nhân viên"
    text = ("Ông N.V.B., trưởng phòng của một sở, bị tố cáo có hành vi thiếu chuẩn mực với cán bộ nữ trong "
            "cơ quan. Ủy ban kiểm tra đã họp kiểm điểm ông B.; nội dung tố cáo về thái độ thiếu chuẩn mực "
            "với cán bộ nữ là đúng.")
    assert auditor.audit(text, title).ge_item is False


def test_a_plea_for_one_familys_aid_is_not_an_item() -> None:
    auditor = default_auditor()
    title = "Thương người vợ nghèo có chồng bệnh nặng"
    text = ("Chồng chị phát bệnh, nhiều lần đánh đập vợ con, chị phải bế con về nhà mẹ đẻ. Là phụ nữ ai "
            "cũng mong một mái ấm. Mọi sự giúp đỡ của nhà hảo tâm xin gửi về số tài khoản của báo, "
            "chuyển khoản ghi rõ hoàn cảnh chị Lan.")
    assert auditor.audit(text, title).ge_item is False


def test_a_headline_about_a_law_is_not_a_single_incident_though_it_names_a_crime() -> None:
    auditor = default_auditor()
    title = "Bang này thông qua luật cấm phá thai, kể cả khi người phụ nữ bị cưỡng hiếp"
    text = ("Những bác sĩ thực hiện ca phá thai có thể bị phạt tù. Các nhóm phản đối cho rằng việc cấm "
            "phá thai vi phạm quyền sinh sản của phụ nữ và sẽ kiện ra tòa.")
    assert auditor.audit(text, title).ge_item is True
    # A crime headline with no word on a law or the problem at large stays a single incident.
    crime = "Nghi phạm cưỡng hiếp một phụ nữ bị bắt sau hai ngày lẩn trốn"
    assert auditor.audit("Công an huyện đã bắt giữ nghi phạm. Nạn nhân đang được điều trị.", crime).ge_item is False


def test_the_trafficking_lure_is_health_education_with_or_without_its_comma() -> None:
    # The lure names jobs and pay, the words of the economic topic; the lure itself is trafficking.
    auditor = default_auditor()
    title = "Những lời hứa 'việc nhẹ, lương cao' nơi xứ người"
    text = ("Nhiều phụ nữ nông thôn tin lời hứa việc nhẹ, lương cao: có việc làm, thu nhập tốt, tiền lương gửi "
            "về giúp kinh tế gia đình. Sang đến nơi, các chị bị giữ giấy tờ, không được trả lương. Tình trạng "
            "phụ nữ bị lừa bán qua những lời hứa về việc làm và thu nhập như vậy vẫn diễn ra.")
    result = auditor.audit(text, title)
    assert result.ge_item is True and result.ge_topic == "health_education"


def test_the_bride_kidnapping_custom_in_quotes_is_the_practice_not_a_robbery() -> None:
    title = "Ngăn những biến tướng của một phong tục"
    text = ("Mạng xã hội lan truyền clip một cô gái dân tộc Thái bị nhóm thanh niên xúm vào “bắt vợ” giữa "
            "đường. Ở một xã vùng cao khác, một nữ sinh lớp 9 bị “kéo vợ” về nhà trai dù thầy giáo xin cho "
            "em học hết năm. Nhiều người nói đây là tục “cướp vợ”, nhưng theo luật sư, cưỡng ép một cô gái "
            "về làm vợ là vi phạm pháp luật.")
    assert _verdict(text, title) == (True, "health_education")
    # A husband who makes his wife do something is not the custom.
    assert _verdict("Anh ấy hay bắt vợ dậy sớm nấu cơm. Cả nhà ăn xong mới đi làm.", "Chuyện nhà tôi")[0] is False


def test_womens_pandemic_relief_work_is_not_an_item() -> None:
    auditor = default_auditor()
    title = "Phụ nữ bộ đội biên phòng tỉnh chung tay chống dịch Covid-19"
    text = ("Chi hội phụ nữ đơn vị đã may hàng nghìn khẩu trang, nấu cơm tiếp sức lực lượng tuyến đầu chống "
            "dịch. Các chị em phụ nữ còn quyên góp gạo, rau cho các chốt kiểm soát phòng chống dịch.")
    assert auditor.audit(text, title).ge_item is False


def test_a_shops_list_for_the_8_march_flowers_is_shopping() -> None:
    auditor = default_auditor()
    title = "Hoa tặng nhau ngày 8-3"
    text = ("Nhân Ngày Quốc tế Phụ nữ 8-3, xin giới thiệu vài kiểu hoa đẹp để bạn gửi lời chúc đến mẹ, vợ "
            "và đồng nghiệp nữ. Địa chỉ tham khảo: cửa hàng Hoa Mai, 12 Lê Lợi; cửa hàng Hồng Nhung nhận "
            "điện hoa trong nước và quốc tế.")
    assert auditor.audit(text, title).ge_item is False


def test_prize_money_split_unevenly_between_the_sexes_is_equal_pay_not_a_match_report() -> None:
    # The headline states it, as news of a prize-money decision does.
    title = "Giải quần vợt lâu đời nhất nước Anh vẫn có tiền thưởng không được chia đều cho phái nam và nữ"
    text = ("Nhà vô địch đơn nam năm nay nhận nhiều hơn nhà vô địch đơn nữ. Nhà vô địch đơn nữ năm "
            "ngoái nói các tay vợt nữ muốn được đối xử ngang bằng với nam giới, và đây là chuyện của nữ giới "
            "nói chung. Ban tổ chức cho rằng mức thưởng hiện nay là hợp lý.")
    assert _verdict(text, title) == (True, "economic")
    # The same sport words with a medal tally split between men and women's events are a match report.
    medals = ("Chủ nhà giành 7 huy chương vàng, chia đều cho nam và nữ. Trận chung kết đơn nữ diễn ra hấp dẫn, "
              "tay vợt nữ chủ nhà vô địch sau ba ván. Nhà vô địch đơn nam là tay vợt hạt giống số một.")
    assert _verdict(medals, "Chủ nhà giành 7 huy chương vàng giải mở rộng") == (False, None)


def test_women_married_abroad_as_a_group_are_the_subject() -> None:
    text = ("Giúp phụ nữ Việt Nam kết hôn với người nước ngoài ổn định cuộc sống. Đại sứ quán cho biết chính "
            "phủ nước sở tại đang xem xét các chính sách hỗ trợ phụ nữ nước ngoài kết hôn và di cư, từ lớp học "
            "tiếng đến tư vấn pháp lý cho họ và con cái.")
    assert _verdict(text) == (True, "health_education")
    brides = ("Trong số hàng chục ngàn cô gái Việt Nam lấy chồng Đài Loan, có người may mắn, có người sống "
              "như giúp việc không công. Nhiều cô dâu không biết tiếng, không được đi làm, không dám về quê.")
    assert _verdict(brides, "Đời cô dâu xa xứ") == (True, "health_education")
    # One woman's wedding to a foreigner is a society item.
    wedding = "Ca sĩ Lan Anh kết hôn với người Pháp. Đám cưới diễn ra ấm cúng tại một khách sạn ven biển."
    assert _verdict(wedding, "Ca sĩ Lan Anh lên xe hoa") == (False, None)


def test_womens_emulation_movement_in_the_headline_is_their_standing() -> None:
    text = "Truyền hình tỉnh cập nhật tin tức trong nước và quốc tế hằng ngày."
    assert _verdict(text, "Phụ nữ ngành giáo dục thi đua dạy tốt, học tốt")[0] is True
    # One woman's competition result is not a movement.
    assert _verdict(text, "Người phụ nữ thi đấu giành huy chương vàng")[0] is False


def test_women_as_a_group_in_an_era_or_a_sector_are_their_standing() -> None:
    text = ("Tỷ lệ nữ lập trình viên còn thấp, nhưng ngày càng nhiều cô gái chọn học công nghệ thông tin. "
            "Các chuyên gia cho rằng cần xóa bỏ quan niệm kỹ thuật là nghề của nam giới.")
    assert _verdict(text, "Phụ nữ trong thời đại công nghệ số")[0] is True
    assert _verdict(text, "'Một nửa thế giới' với ngành công nghệ thông tin")[0] is True
    # One woman of a sector in a crime report is a single incident.
    fraud = "Chị H. bị kẻ gian giả danh công an lừa chuyển khoản 2 tỷ đồng. Công an đang điều tra."
    assert _verdict(fraud, "Người phụ nữ ngành ngân hàng bị lừa mất 2 tỷ đồng")[0] is False


def test_family_violence_said_as_bao_hanh_gia_dinh_is_the_problem_at_large() -> None:
    # "bạo hành gia đình" / "bạo lực trong gia đình" are the everyday names of "bạo lực gia đình".
    title = "Đừng im lặng trước bạo hành gia đình"
    text = ("Nhiều chị em chịu cảnh bạo hành gia đình suốt nhiều năm mà không dám lên tiếng vì sợ mang tiếng. "
            "Các chuyên gia cho rằng đây không phải chuyện riêng của mỗi nhà: nạn nhân cần được tư vấn, hỗ trợ "
            "kịp thời, và người gây ra bạo hành trong gia đình phải bị xử lý.")
    assert _verdict(text, title) == (True, "gbv")
    # One husband's assault stays a single incident, whatever the text calls it.
    assault = ("Tối qua, sau khi uống rượu, anh T. đánh vợ gãy tay. Hàng xóm cho biết đây là vụ bạo hành gia "
               "đình thứ hai trong xóm năm nay. Công an xã đang xác minh.")
    assert _verdict(assault, "Người vợ bị chồng đánh nhập viện")[0] is False


def test_the_gender_gap_is_a_gender_equality_term() -> None:
    title = "Nữ kỹ sư trẻ truyền cảm hứng cho các em gái học công nghệ"
    assert _verdict("Chị vừa được mời làm đại sứ cho chương trình thu hẹp khoảng cách giới trong lĩnh vực "
                    "công nghệ.", title)[0] is True
    # "khoảng cách giới hạn" is a limit distance, not a gap between the sexes.
    assert _verdict("Chị thiết kế cảm biến đo khoảng cách giới hạn cho xe tự hành.",
                    "Nữ kỹ sư trẻ giải bài toán cảm biến")[0] is False
    # The same profile about a green start-up programme is not about gender equality.
    assert _verdict("Chị vừa được mời làm đại sứ cho chương trình khởi nghiệp xanh của tỉnh.",
                    "Cô gái trẻ làm giàu từ trang trại dê")[0] is False


def test_bride_kidnapping_said_as_cuop_vo_is_the_custom_not_a_robbery() -> None:
    # "cướp" counts against an item as a robbery word, but "cướp vợ" names the custom, and its topic.
    title = "Khi hủ tục còn đeo bám bản làng"
    text = ("Ở một số bản vùng cao, tục bắt vợ vẫn còn. Có em mới 15 tuổi đã bị trai bản cướp vợ về làm dâu, "
            "phải bỏ học giữa chừng. Cán bộ xã cho biết nhiều gia đình coi việc cướp vợ là phong tục nên không "
            "báo chính quyền.")
    assert _verdict(text, title) == (True, "health_education")


def test_the_first_woman_to_suffer_an_illness_is_not_a_first_woman_in_a_role() -> None:
    title = "Bé gái mắc hội chứng hiếm được phẫu thuật thành công"
    text = ("Các bác sĩ vừa phẫu thuật thành công cho cô bé 10 tuổi, được cho là người phụ nữ đầu tiên trên thế "
            "giới mắc hội chứng này. Cô bé sẽ sớm được xuất viện và tiếp tục điều trị.")
    assert _verdict(text, title)[0] is False
    # The first woman to hold a post is still a role model.
    post = ("Bà Nguyễn Thị Lan là người phụ nữ đầu tiên của tỉnh giữ chức giám đốc sở. Bà cho biết sẽ ưu tiên "
            "cải cách thủ tục hành chính.")
    assert _verdict(post, "Bà Lan nhận chức giám đốc sở") == (True, "role_model")


def test_a_word_inside_a_stronger_phrase_counts_once_as_that_phrase() -> None:
    # A family piece that opens on women's rising role: "vai trò của phụ nữ" is one piece of evidence,
    # not three ("vai trò", "phụ nữ" and the phrase), so one passing clause does not make it an item.
    title = "Nỗi lo của những bà mẹ nuôi con một mình"
    text = ("Xã hội càng hiện đại, vai trò của phụ nữ càng được nâng cao, nhưng nhiều mái ấm lại thiếu vắng "
            "người cha. Ở nội thành, cứ hai cặp kết hôn thì có một cặp ra tòa ly hôn. Chị Lan nuôi con một "
            "mình từ khi bé lên năm; con bé không bao giờ hỏi về bố, còn chị chỉ mong con lớn lên khỏe mạnh, "
            "ngoan ngoãn.")
    assert _verdict(text, title) == (False, None)
    # The same phrase as the subject of the piece still makes one.
    subject = ("Hội thảo bàn về vai trò của phụ nữ trong phát triển kinh tế địa phương. Các đại biểu nêu giải "
               "pháp nâng cao vai trò của phụ nữ, hỗ trợ phụ nữ khởi nghiệp và vay vốn làm ăn.")
    assert _verdict(subject, "Nâng cao vai trò của phụ nữ trong phát triển kinh tế")[0] is True
