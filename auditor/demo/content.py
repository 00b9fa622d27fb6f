"""The demo network: six outlets of Quảng Ngãi province (2025, former Kon Tum included) and their news.

Written for this project (fictional events and people; real administrative units). The mix is what an
inspector meets: gender-equality items (Action Month, Women's Union, Project 8, role models, gender
violence), stereotyped wording (appearance, "nữ quái", domestic role, victim blaming), neutral local
news, people quoted by name, one article republished by a commune portal, one deleted article (404) and
one printer-friendly page that robots.txt forbids.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

__all__ = ["DemoArticle", "DemoOutlet", "OUTLETS"]


@dataclass(frozen=True)
class DemoArticle:
    slug: str
    title: str
    published: str  # ISO 8601, +07:00
    author: str
    lead: str
    paragraphs: tuple[str, ...]
    section: str = "Tin tức"


@dataclass(frozen=True)
class DemoOutlet:
    id: str
    name: str
    kind: str
    units: dict[str, str]  # feeds.yaml place fields: province, old_province, old_district, commune
    feed: str  # rss | html
    layout: str  # "cms" (paper, radio-TV) | "portal" (district and commune portals)
    articles: tuple[DemoArticle, ...]
    sections: dict[str, tuple[str, ...]] = field(default_factory=dict)  # extra RSS: title -> slugs
    broken_links: tuple[str, ...] = ()  # listed but deleted (404)
    print_links: tuple[str, ...] = ()  # printer pages: robots.txt disallows /ban-in/


DIA_CHI_TIN_CAY = DemoArticle(
    slug="tinh-khe-ra-mat-mo-hinh-dia-chi-tin-cay-tai-cong-dong",
    title="Tịnh Khê ra mắt mô hình “Địa chỉ tin cậy” phòng, chống bạo lực gia đình",
    published="2025-11-18T09:30:00+07:00",
    author="Minh Thư",
    lead="Xã Tịnh Khê vừa ra mắt mô hình “Địa chỉ tin cậy tại cộng đồng” ở thôn Cổ Lũy, nơi tạm lánh an toàn "
         "cho phụ nữ và trẻ em bị bạo lực gia đình.",
    paragraphs=(
        "Mô hình do Hội Liên hiệp Phụ nữ xã phối hợp với Công an xã xây dựng trong Tháng hành động vì bình đẳng "
        "giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới năm 2025. Địa chỉ tin cậy đặt tại nhà bà "
        "Trương Thị Mến, tổ trưởng tổ hòa giải thôn, có số điện thoại trực 24 giờ.",
        "Bà Nguyễn Thị Kim Oanh, Chủ tịch Hội Liên hiệp Phụ nữ xã Tịnh Khê, cho biết: “Nhiều chị em bị chồng "
        "đánh nhưng ngại nói ra vì sợ mất hòa khí gia đình. Có một địa chỉ gần nhà, kín đáo, các chị sẽ dám "
        "lên tiếng và được hỗ trợ kịp thời”.",
        "Trong năm 2025, tổ hòa giải thôn đã can thiệp 7 vụ việc bạo lực gia đình, trong đó 5 nạn nhân là phụ "
        "nữ. Đại úy Lê Văn Hậu, Trưởng Công an xã, khẳng định các hành vi bạo lực sẽ được xử lý nghiêm theo "
        "Luật Phòng, chống bạo lực gia đình năm 2022.",
        "Dịp này, xã đã tặng 20 áo phao và sổ tay pháp luật cho các hộ ngư dân, đồng thời tổ chức sân khấu hóa "
        "tuyên truyền về bình đẳng giới cho hơn 300 người dân.",
    ),
    section="Xã hội",
)

BAO_QUANG_NGAI = DemoOutlet(
    id="demo-bao-quangngai",
    name="Báo Quảng Ngãi (demo)",
    kind="provincial_paper",
    units={"province": "51", "old_province": "51", "commune": "21025"},
    feed="rss",
    layout="cms",
    # The paper's gender-equality column has its own feed: its items count as column items in the tally.
    sections={"Bình đẳng giới": ("quang-ngai-phat-dong-thang-hanh-dong-vi-binh-dang-gioi-2025",
                         "tinh-khe-ra-mat-mo-hinh-dia-chi-tin-cay-tai-cong-dong",
                         "nu-can-bo-xa-vung-cao-dua-chi-em-thoat-ngheo")},
    articles=(
        DemoArticle(
            slug="quang-ngai-phat-dong-thang-hanh-dong-vi-binh-dang-gioi-2025",
            title="Quảng Ngãi phát động Tháng hành động vì bình đẳng giới năm 2025",
            published="2025-11-14T08:15:00+07:00",
            author="Thanh Nhàn",
            lead="Sáng 14/11, UBND tỉnh Quảng Ngãi tổ chức lễ phát động Tháng hành động vì bình đẳng giới và "
                 "phòng ngừa, ứng phó với bạo lực trên cơ sở giới năm 2025 với chủ đề “Chung tay thúc đẩy bình "
                 "đẳng giới, chấm dứt bạo lực trên cơ sở giới”.",
            paragraphs=(
                "Đây là lần đầu tiên Tháng hành động được tổ chức trên địa bàn tỉnh Quảng Ngãi mới, sau khi hợp "
                "nhất với tỉnh Kon Tum từ ngày 1/7/2025. Hơn 500 đại biểu, đoàn viên, hội viên đã tham dự lễ "
                "phát động.",
                "Phát biểu tại buổi lễ, bà Nguyễn Thị Thu Hà, Phó Chủ tịch UBND tỉnh, nhấn mạnh: “Tỷ lệ nữ tham "
                "gia cấp ủy cấp xã của tỉnh mới đạt 21,4%, còn thấp so với mục tiêu của Chiến lược quốc gia về "
                "bình đẳng giới. Các địa phương phải có kế hoạch cụ thể để đào tạo, quy hoạch cán bộ nữ”.",
                "Theo Sở Y tế, năm 2024 toàn tỉnh ghi nhận 312 vụ bạo lực gia đình, trong đó hơn 80% nạn nhân "
                "là phụ nữ và trẻ em. Tỷ số giới tính khi sinh ở một số xã vùng đồng bằng vẫn ở mức 112 bé trai "
                "trên 100 bé gái.",
                "Ông Phạm Văn Tùng, Giám đốc Sở Y tế, cho biết trong tháng 11 và 12, ngành y tế sẽ phối hợp với "
                "Hội Liên hiệp Phụ nữ tỉnh mở 40 lớp truyền thông về phòng, chống bạo lực gia đình tại các xã "
                "vùng sâu, vùng xa.",
            ),
            section="Xã hội",
        ),
        DemoArticle(
            slug="nu-can-bo-xa-vung-cao-dua-chi-em-thoat-ngheo",
            title="Nữ cán bộ xã vùng cao và hành trình đưa chị em thoát nghèo",
            published="2025-11-10T07:00:00+07:00",
            author="Hồng Vân",
            lead="Mười năm làm cán bộ phụ nữ ở xã vùng cao Sơn Tây, chị Đinh Thị Lan đã giúp hơn 200 hội viên "
                 "người Ca Dong vay vốn, học nghề và có thu nhập ổn định.",
            paragraphs=(
                "Năm 2015, khi chị Lan nhận nhiệm vụ Chủ tịch Hội Phụ nữ xã, gần một nửa số hộ trong xã thuộc "
                "diện hộ nghèo. Nhiều chị em chưa từng đến ngân hàng, không biết làm hồ sơ vay vốn.",
                "“Mình phải đến từng nhà, ngồi bên bếp lửa mà nói chuyện. Chị em tin rồi thì mới dám vay, dám "
                "làm”, chị Đinh Thị Lan kể.",
                "Từ nguồn vốn ủy thác của Ngân hàng Chính sách xã hội, Hội đã thành lập 6 tổ hợp tác trồng quế "
                "và nuôi heo đen. Năm 2025, chị Lan được bầu làm Phó Chủ tịch UBND xã Sơn Tây, là nữ lãnh đạo "
                "đầu tiên của xã.",
                "Bà Võ Thị Thanh Tâm, Chủ tịch Hội Liên hiệp Phụ nữ tỉnh, đánh giá: “Chị Lan là tấm gương cho "
                "thấy phụ nữ dân tộc thiểu số hoàn toàn có thể làm lãnh đạo giỏi khi được tạo cơ hội”.",
            ),
            section="Xã hội",
        ),
        DemoArticle(
            slug="nu-tai-xe-xinh-dep-lai-xe-tai-cho-mia",
            title="Nữ tài xế xinh đẹp gây bất ngờ khi cầm lái xe tải chở mía",
            published="2025-11-08T16:20:00+07:00",
            author="Quốc Bảo",
            lead="Sở hữu gương mặt khả ái cùng đôi chân dài miên man, cô gái 24 tuổi ở Bình Sơn khiến cánh mày "
                 "râu trầm trồ khi điều khiển chiếc xe tải 8 tấn chở mía về nhà máy.",
            paragraphs=(
                "Bóng hồng Phạm Thị Thu Trang cho biết cô học lái xe hạng C từ năm 20 tuổi vì muốn phụ giúp "
                "công việc vận tải của gia đình. Dù là phái yếu, cô vẫn tự tay chằng buộc hàng, thay lốp xe.",
                "“Ban đầu nhiều người không tin con gái lái được xe tải. Giờ thì các chủ ruộng mía quen rồi, "
                "còn gọi riêng em chở hàng”, Thu Trang nói.",
                "Ông Nguyễn Văn Sang, chủ một ruộng mía ở xã Bình Minh, nhận xét cô lái xe cẩn thận, đúng giờ. "
                "Mỗi vụ ép mía, Thu Trang chạy trung bình 6 chuyến một ngày.",
            ),
            section="Đời sống",
        ),
        DemoArticle(
            slug="quang-ngai-day-nhanh-giai-ngan-von-dau-tu-cong",
            title="Quảng Ngãi đẩy nhanh tiến độ giải ngân vốn đầu tư công",
            published="2025-11-12T10:45:00+07:00",
            author="Văn Long",
            lead="Đến hết tháng 10, tỉnh Quảng Ngãi mới giải ngân được 58% kế hoạch vốn đầu tư công năm 2025; "
                 "UBND tỉnh yêu cầu các chủ đầu tư tháo gỡ vướng mắc về mặt bằng.",
            paragraphs=(
                "Theo báo cáo của Sở Tài chính, tổng kế hoạch vốn năm 2025 sau hợp nhất là hơn 9.800 tỷ đồng. "
                "Nhiều dự án giao thông ở khu vực phía tây tỉnh chậm tiến độ do thiếu vật liệu đắp nền.",
                "Ông Trần Văn Minh, Giám đốc Sở Tài chính, cho biết: “Sở sẽ điều chuyển vốn từ các dự án giải "
                "ngân chậm sang những dự án có khối lượng hoàn thành lớn”.",
                "Chủ tịch UBND tỉnh yêu cầu người đứng đầu các sở, ngành và xã chịu trách nhiệm nếu để chậm giải "
                "ngân, phấn đấu đạt trên 95% kế hoạch trước ngày 31/1/2026.",
            ),
            section="Kinh tế",
        ),
        DemoArticle(
            slug="ngu-dan-ly-son-trung-dam-ca-ngu-dau-vu",
            title="Ngư dân Lý Sơn trúng đậm cá ngừ đầu vụ",
            published="2025-11-05T06:30:00+07:00",
            author="Thanh Hải",
            lead="Những ngày đầu tháng 11, nhiều tàu cá của ngư dân đặc khu Lý Sơn cập cảng với hàng chục tấn cá "
                 "ngừ đại dương, giá bán ổn định.",
            paragraphs=(
                "Tàu QNg 96417 TS của ông Lê Văn Tư về cảng sau 18 ngày bám biển với gần 9 tấn cá ngừ, thu về "
                "hơn 700 triệu đồng.",
                "“Năm nay thời tiết thuận, luồng cá về sớm. Trừ chi phí, mỗi bạn thuyền được chia khoảng 25 triệu "
                "đồng”, ông Tư phấn khởi nói.",
                "Ban Quản lý cảng cá Lý Sơn cho biết từ đầu vụ đã có 46 lượt tàu cập cảng, sản lượng đạt hơn 320 "
                "tấn hải sản các loại.",
            ),
            section="Kinh tế",
        ),
        DIA_CHI_TIN_CAY,
        DemoArticle(
            slug="nu-quai-cam-dau-duong-day-lua-dao-qua-mang",
            title="Bắt “nữ quái” hot girl cầm đầu đường dây lừa đảo qua mạng",
            published="2025-11-15T19:05:00+07:00",
            author="Đức Toàn",
            lead="Công an tỉnh Quảng Ngãi vừa bắt giữ Lê Thị Mỹ Duyên (27 tuổi), nữ quái xinh đẹp cầm đầu đường "
                 "dây lừa đảo chiếm đoạt hơn 3 tỷ đồng qua mạng xã hội.",
            paragraphs=(
                "Theo cơ quan điều tra, Duyên thường đăng ảnh gợi cảm, khoe vòng một nóng bỏng trên mạng xã hội "
                "để làm quen với các nạn nhân, sau đó dụ họ đầu tư vào sàn giao dịch ảo.",
                "Thượng tá Nguyễn Văn Dũng, Phó Trưởng phòng Cảnh sát hình sự, cho biết đường dây có 6 đối "
                "tượng, hoạt động tại nhiều tỉnh miền Trung.",
                "Công an tỉnh khuyến cáo người dân không chuyển tiền cho người lạ quen qua mạng, kịp thời trình "
                "báo khi phát hiện dấu hiệu lừa đảo.",
            ),
            section="Pháp luật",
        ),
    ),
)

PTTH_KON_TUM = DemoOutlet(
    id="demo-ptth-kontum",
    name="Đài Phát thanh - Truyền hình Kon Tum (demo)",
    kind="provincial_radio_tv",
    units={"province": "51", "old_province": "62", "commune": "23293"},
    feed="rss",
    layout="cms",
    articles=(
        DemoArticle(
            slug="hoi-lhpn-kon-tum-tong-ket-du-an-8",
            title="Hội LHPN tỉnh Kon Tum tổng kết Dự án 8 về bình đẳng giới",
            published="2025-05-20T15:00:00+07:00",
            author="Y Nguyệt",
            lead="Sau 4 năm thực hiện Dự án 8 “Thực hiện bình đẳng giới và giải quyết những vấn đề cấp thiết "
                 "đối với phụ nữ và trẻ em”, Kon Tum đã thành lập 212 tổ truyền thông cộng đồng ở các thôn "
                 "đồng bào dân tộc thiểu số.",
            paragraphs=(
                "Dự án đã hỗ trợ 1.540 phụ nữ dân tộc thiểu số tiếp cận vốn vay, 96 câu lạc bộ “Thủ lĩnh của sự "
                "thay đổi” trong trường học và hàng trăm buổi đối thoại chính sách tại cơ sở.",
                "Bà Y Thương, Chủ tịch Hội Liên hiệp Phụ nữ tỉnh Kon Tum, cho biết: “Điều đáng mừng nhất là nhận "
                "thức của nam giới đã thay đổi. Nhiều anh chồng cùng vợ đi họp, chia sẻ việc nhà, cùng bàn "
                "chuyện làm ăn”.",
                "Tình trạng tảo hôn ở các xã thực hiện dự án giảm từ 14% năm 2021 xuống còn 6% năm 2024. Tuy "
                "vậy, vẫn còn 37 trường hợp hôn nhân cận huyết thống được phát hiện.",
                "Dự án tiếp tục được triển khai sau khi Kon Tum hợp nhất vào tỉnh Quảng Ngãi từ ngày 1/7/2025.",
            ),
            section="Xã hội",
        ),
        DemoArticle(
            slug="nguoi-phu-nu-dam-dang-ven-kheo-viec-nha",
            title="Người phụ nữ đảm đang, vén khéo việc nhà ở làng Kon Klor",
            published="2025-03-08T09:00:00+07:00",
            author="Minh Đức",
            lead="Nhân ngày Quốc tế Phụ nữ 8/3, chúng tôi về làng Kon Klor gặp chị Y Hoa, người vợ hiền, mẹ đảm "
                 "luôn chu toàn thiên chức của người phụ nữ.",
            paragraphs=(
                "Dù bận rộn với công việc ở Hội Phụ nữ thôn, chị Y Hoa vẫn luôn giỏi việc nước, đảm việc nhà, "
                "sáng dậy sớm nấu cơm cho chồng con rồi mới đi làm.",
                "“Phụ nữ thì việc bếp núc, chăm chồng con là bổn phận, mình làm thêm được việc xã hội thì càng "
                "vui”, chị Y Hoa chia sẻ.",
                "Anh A Blưk, chồng chị, cười hiền: “Vợ lo hết việc nhà nên tôi yên tâm đi rẫy”.",
            ),
            section="Xã hội",
        ),
        DemoArticle(
            slug="kon-tum-cham-soc-ca-phe-mua-kho",
            title="Nông dân Kon Tum tập trung tưới cà phê mùa khô",
            published="2025-02-25T17:30:00+07:00",
            author="A Sang",
            lead="Nắng hạn kéo dài khiến nhiều diện tích cà phê ở Đăk Hà, Ngọc Hồi thiếu nước tưới; nông dân "
                 "phải khoan thêm giếng và chuyển sang tưới tiết kiệm.",
            paragraphs=(
                "Toàn tỉnh có hơn 27.000 ha cà phê, trong đó khoảng 3.000 ha có nguy cơ thiếu nước trong tháng 3 "
                "và tháng 4.",
                "Ông A Định, Phó Chủ tịch UBND xã Đăk Mar, cho biết: “Xã vận động bà con lắp hệ thống tưới nhỏ "
                "giọt, vừa tiết kiệm nước vừa giảm công tưới”.",
                "Sở Nông nghiệp và Phát triển nông thôn khuyến cáo nông dân tủ gốc bằng rơm, cỏ khô để giữ ẩm.",
            ),
            section="Kinh tế",
        ),
        DemoArticle(
            slug="khanh-thanh-cau-treo-qua-song-dak-bla",
            title="Khánh thành cầu treo qua sông Đăk Bla",
            published="2025-04-18T11:00:00+07:00",
            author="Trung Kiên",
            lead="Cây cầu treo dài 120 m nối hai làng Kon Jơ Ri và Plei Đôn được đưa vào sử dụng, giúp hơn 300 "
                 "hộ dân đi lại an toàn trong mùa mưa lũ.",
            paragraphs=(
                "Công trình có tổng vốn 9,5 tỷ đồng từ Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội "
                "vùng đồng bào dân tộc thiểu số.",
                "Ông Nguyễn Đức Tuy, Chủ tịch UBND thành phố Kon Tum, đề nghị chính quyền các xã giao cho thôn "
                "quản lý, bảo dưỡng cầu thường xuyên.",
            ),
            section="Thời sự",
        ),
        DemoArticle(
            slug="nu-bac-si-tre-gan-bo-tram-y-te-vung-bien",
            title="Nữ bác sĩ trẻ gắn bó với trạm y tế vùng biên",
            published="2025-06-12T08:00:00+07:00",
            author="Thu Hiền",
            lead="Tốt nghiệp Đại học Y Dược Huế, bác sĩ Lê Thị Mỹ Dung chọn về trạm y tế xã Bờ Y, sát biên giới "
                 "Việt - Lào, nơi chưa từng có bác sĩ thường trực.",
            paragraphs=(
                "Ba năm qua, bác sĩ Dung cùng 4 đồng nghiệp đã khám cho hơn 6.000 lượt người, vận động 90% phụ "
                "nữ mang thai đến trạm khám thai định kỳ.",
                "“Nhiều sản phụ trước đây sinh con ở nhà, rất nguy hiểm. Mình đi từng thôn nói chuyện với cả "
                "chồng và mẹ chồng, giờ bà con đã tin trạm”, bác sĩ Lê Thị Mỹ Dung nói.",
                "Bác sĩ Dung vừa được Bộ Y tế tặng bằng khen vì có thành tích xuất sắc trong chăm sóc sức khỏe "
                "bà mẹ, trẻ em vùng biên giới.",
            ),
            section="Y tế",
        ),
    ),
)

TTVH_SON_TINH = DemoOutlet(
    id="demo-ttvh-sontinh",
    name="Trung tâm VH-TT và Truyền thông huyện Sơn Tịnh (demo)",
    kind="district_centre",
    units={"province": "51", "old_province": "51", "old_district": "527", "commune": "21220"},
    feed="html",
    layout="portal",
    broken_links=("tin-tuc/hoi-nghi-so-ket-quy-1-da-go.html",),
    print_links=("ban-in/son-tinh-tap-huan-binh-dang-gioi.html",),
    articles=(
        DemoArticle(
            slug="son-tinh-tap-huan-binh-dang-gioi",
            title="Sơn Tịnh tập huấn kiến thức về bình đẳng giới cho cán bộ cơ sở",
            published="2025-04-09T14:00:00+07:00",
            author="Trung tâm VH-TT&TT",
            lead="Ngày 9/4, Ban Vì sự tiến bộ của phụ nữ huyện Sơn Tịnh mở lớp tập huấn kiến thức về bình đẳng "
                 "giới cho 85 cán bộ các xã, thị trấn.",
            paragraphs=(
                "Học viên được giới thiệu Luật Bình đẳng giới, các chỉ tiêu của Chiến lược quốc gia về bình đẳng "
                "giới giai đoạn 2021-2030 và kỹ năng lồng ghép giới trong xây dựng kế hoạch.",
                "Bà Phạm Thị Ngọc, Chủ tịch Hội Liên hiệp Phụ nữ huyện, nói: “Bình đẳng giới không phải việc "
                "riêng của phụ nữ. Cán bộ nam phải cùng tham gia thì mới thay đổi được nếp nghĩ trọng nam khinh "
                "nữ”.",
                "Hiện tỷ lệ nữ trong Ban Chấp hành Đảng bộ huyện đạt 18,6%, tỷ lệ nữ đại biểu HĐND huyện đạt 27%.",
            ),
        ),
        DemoArticle(
            slug="nong-dan-son-tinh-thu-hoach-lua-dong-xuan",
            title="Nông dân Sơn Tịnh thu hoạch lúa Đông Xuân được mùa",
            published="2025-04-22T07:30:00+07:00",
            author="Trung tâm VH-TT&TT",
            lead="Vụ Đông Xuân 2024-2025, năng suất lúa bình quân toàn huyện ước đạt 68 tạ/ha, tăng 3 tạ/ha so "
                 "với cùng kỳ.",
            paragraphs=(
                "Ông Nguyễn Văn Ba, nông dân xã Tịnh Hà, cho biết gia đình thu hoạch 1,2 ha lúa bằng máy gặt đập "
                "liên hợp, chi phí thấp hơn thuê người gặt.",
                "Phòng Nông nghiệp huyện khuyến cáo bà con phơi khô, bảo quản lúa giống cho vụ Hè Thu.",
            ),
        ),
        DemoArticle(
            slug="hoi-thi-nguoi-dep-mua-lua-chin",
            title="Các cô gái khoe sắc tại hội thi “Người đẹp mùa lúa chín”",
            published="2025-05-03T20:00:00+07:00",
            author="Trung tâm VH-TT&TT",
            lead="Tối 3/5, 15 thí sinh là các cô gái chân dài của các xã đã khoe vòng eo thon gọn và làn da "
                 "nóng bỏng trong trang phục áo tắm tại hội thi.",
            paragraphs=(
                "Ban tổ chức cho biết tiêu chí chấm điểm gồm nhan sắc, trang phục và phần ứng xử về quê hương.",
                "Giải nhất thuộc về thí sinh Nguyễn Thị Bích Ngọc, 19 tuổi, được nhận xét là “cô gái có thân hình "
                "bốc lửa nhất đêm thi”.",
                "Ông Võ Văn Thành, Phó Giám đốc Trung tâm, cho biết hội thi sẽ được tổ chức hằng năm.",
            ),
        ),
        DemoArticle(
            slug="giai-bong-chuyen-nam-nu-mung-xuan",
            title="Sôi nổi giải bóng chuyền nam, nữ mừng Xuân Ất Tỵ",
            published="2025-02-02T16:00:00+07:00",
            author="Trung tâm VH-TT&TT",
            lead="Giải thu hút 18 đội nam và 10 đội nữ của các xã, thị trấn và cơ quan trên địa bàn huyện.",
            paragraphs=(
                "Đội nữ xã Tịnh Hà lần đầu vô địch sau trận chung kết kéo dài 5 hiệp.",
                "Đội trưởng Hồ Thị Mai chia sẻ: “Cả đội tập luyện buổi tối sau giờ làm suốt hai tháng. Chiến "
                "thắng này là của cả những người chồng đã ở nhà trông con cho vợ đi tập”.",
                "Ở nội dung nam, đội Công an huyện giành cúp vô địch.",
            ),
        ),
    ),
)

TTVH_DAK_HA = DemoOutlet(
    id="demo-ttvh-dakha",
    name="Trung tâm VH-TT và Truyền thông huyện Đăk Hà (demo)",
    kind="district_centre",
    units={"province": "51", "old_province": "62", "old_district": "615", "commune": "23500"},
    feed="rss",
    layout="portal",
    articles=(
        DemoArticle(
            slug="phu-nu-dan-toc-thieu-so-vay-von-sinh-ke",
            title="120 phụ nữ dân tộc thiểu số Đăk Hà được vay vốn phát triển sinh kế",
            published="2025-06-05T10:00:00+07:00",
            author="Ngọc Ánh",
            lead="Từ nguồn vốn Dự án 8, Hội Liên hiệp Phụ nữ huyện Đăk Hà đã giải ngân 3,6 tỷ đồng cho 120 hội "
                 "viên người Xơ Đăng, Ba Na vay phát triển chăn nuôi và trồng cây ăn quả.",
            paragraphs=(
                "Chị Y Bình ở làng Kon Stiu dùng 30 triệu đồng vay được để mua bò giống và làm chuồng trại.",
                "“Trước đây việc lớn trong nhà đều do chồng quyết. Giờ mình đứng tên khoản vay, hai vợ chồng cùng "
                "bàn cách làm ăn”, chị Y Bình nói.",
                "Hội Phụ nữ huyện sẽ tiếp tục mở lớp hướng dẫn kỹ thuật chăn nuôi và quản lý chi tiêu gia đình "
                "cho các hộ vay vốn.",
            ),
        ),
        DemoArticle(
            slug="dak-ha-ra-quan-phong-chong-chay-rung",
            title="Đăk Hà ra quân phòng, chống cháy rừng mùa khô",
            published="2025-02-14T08:30:00+07:00",
            author="Văn Tiến",
            lead="Huyện Đăk Hà huy động hơn 400 người tham gia ra quân làm đường băng cản lửa, bảo vệ 12.000 ha "
                 "rừng trong mùa khô.",
            paragraphs=(
                "Ông Trần Quốc Hùng, Hạt trưởng Hạt Kiểm lâm huyện, cho biết: “Chúng tôi phân công lực lượng trực "
                "24/24 giờ tại các điểm có nguy cơ cháy cao”.",
                "Các xã được yêu cầu quản lý chặt việc đốt nương rẫy, xử lý nghiêm người cố ý gây cháy rừng.",
            ),
        ),
        DemoArticle(
            slug="ngay-hoi-gia-dinh-lang-kon-stiu",
            title="Ngày hội gia đình hạnh phúc ở làng Kon Stiu",
            published="2025-06-28T18:00:00+07:00",
            author="Ngọc Ánh",
            lead="Hơn 60 gia đình tham gia các trò chơi dân gian, thi nấu ăn và giao lưu văn nghệ nhân Ngày Gia "
                 "đình Việt Nam 28/6.",
            paragraphs=(
                "Phần thi nấu ăn dành riêng cho các bà nội trợ, bởi theo ban tổ chức, phụ nữ vốn khéo tay, "
                "chuyện bếp núc là sở trường của phái đẹp, còn đàn ông là trụ cột kinh tế của gia đình.",
                "Ông A Thuyên, Trưởng thôn Kon Stiu, cho biết năm nay thôn có 52 gia đình đạt danh hiệu gia đình "
                "văn hóa.",
            ),
        ),
        DemoArticle(
            slug="tuyen-truyen-giam-mat-can-bang-gioi-tinh-khi-sinh",
            title="Tuyên truyền giảm thiểu mất cân bằng giới tính khi sinh",
            published="2025-03-26T09:15:00+07:00",
            author="Văn Tiến",
            lead="Trung tâm Y tế huyện Đăk Hà tổ chức 12 buổi nói chuyện chuyên đề về mất cân bằng giới tính khi "
                 "sinh cho các cặp vợ chồng trong độ tuổi sinh đẻ.",
            paragraphs=(
                "Bác sĩ Nguyễn Thị Hạnh, Phó Giám đốc Trung tâm Y tế huyện, nhấn mạnh: “Lựa chọn giới tính thai "
                "nhi là hành vi bị pháp luật nghiêm cấm. Con trai hay con gái đều có quyền được sinh ra”.",
                "Năm 2024, tỷ số giới tính khi sinh của huyện là 109 bé trai trên 100 bé gái.",
            ),
        ),
    ),
)

TRUYEN_THANH_TINH_KHE = DemoOutlet(
    id="demo-tt-tinhkhe",
    name="Đài truyền thanh xã Tịnh Khê (demo)",
    kind="commune_radio",
    units={"province": "51", "old_province": "51", "commune": "21211"},
    feed="html",
    layout="portal",
    articles=(
        # republished word for word from the provincial paper, the next day
        replace(DIA_CHI_TIN_CAY, published="2025-11-19T07:00:00+07:00", author="Đài truyền thanh xã"),
        DemoArticle(
            slug="thong-bao-lich-tiem-chung-mo-rong-thang-11",
            title="Thông báo lịch tiêm chủng mở rộng tháng 11/2025",
            published="2025-11-03T07:00:00+07:00",
            author="Đài truyền thanh xã",
            lead="Trạm Y tế xã Tịnh Khê thông báo lịch tiêm chủng mở rộng cho trẻ em dưới 5 tuổi trong tháng "
                 "11/2025.",
            paragraphs=(
                "Buổi tiêm diễn ra vào sáng thứ Ba ngày 11/11 tại Trạm Y tế xã. Phụ huynh mang theo sổ tiêm chủng "
                "của trẻ.",
                "Trẻ đang sốt hoặc mắc bệnh cấp tính sẽ được hẹn tiêm bù vào đợt sau.",
            ),
        ),
        DemoArticle(
            slug="chi-hoi-phu-nu-co-luy-ra-mat-to-hop-tac-nuoc-mam",
            title="Chi hội phụ nữ thôn Cổ Lũy ra mắt tổ hợp tác làm nước mắm",
            published="2025-10-20T15:30:00+07:00",
            author="Đài truyền thanh xã",
            lead="Tổ hợp tác gồm 15 thành viên là phụ nữ trong thôn, sản xuất nước mắm cá cơm theo phương pháp "
                 "truyền thống.",
            paragraphs=(
                "Tổ trưởng Võ Thị Hồng cho biết: “Chị em tận dụng cá cơm của chồng đánh bắt về, làm ra sản phẩm "
                "có nhãn mác để bán cho khách du lịch. Mỗi người có thêm 3 đến 4 triệu đồng mỗi tháng”.",
                "Hội Liên hiệp Phụ nữ xã hỗ trợ tổ hợp tác đăng ký sản phẩm OCOP trong năm 2026.",
            ),
        ),
        DemoArticle(
            slug="tinh-khe-ra-quan-don-ve-sinh-bien",
            title="Tịnh Khê ra quân dọn vệ sinh môi trường biển",
            published="2025-10-26T06:30:00+07:00",
            author="Đài truyền thanh xã",
            lead="Hơn 200 đoàn viên, hội viên và người dân đã thu gom 3 tấn rác thải dọc bãi biển Mỹ Khê.",
            paragraphs=(
                "Ông Đỗ Văn Lực, Phó Chủ tịch UBND xã, đề nghị các hộ kinh doanh ven biển không xả rác ra bãi cát.",
                "Xã sẽ duy trì hoạt động ra quân vào ngày chủ nhật cuối mỗi tháng.",
            ),
        ),
    ),
)

TRUYEN_THANH_NGOC_LINH = DemoOutlet(
    id="demo-tt-ngoclinh",
    name="Đài truyền thanh xã Ngọc Linh (demo)",
    kind="commune_radio",
    units={"province": "51", "old_province": "62", "old_district": "610", "commune": "23365"},
    feed="html",
    layout="portal",
    articles=(
        DemoArticle(
            slug="ngoc-linh-ho-tro-nguoi-dan-trong-sam",
            title="Xã Ngọc Linh hỗ trợ người dân trồng sâm dưới tán rừng",
            published="2025-09-15T09:00:00+07:00",
            author="Đài truyền thanh xã",
            lead="Năm 2025, xã Ngọc Linh cấp 25.000 cây sâm giống cho 80 hộ đồng bào Xơ Đăng trồng dưới tán "
                 "rừng tự nhiên.",
            paragraphs=(
                "Ông A Lâm, Chủ tịch UBND xã, cho biết: “Trồng sâm dưới tán rừng vừa giữ được rừng vừa cho thu "
                "nhập lâu dài cho bà con”.",
                "Các hộ được cán bộ khuyến nông hướng dẫn kỹ thuật làm đất, che bóng và phòng bệnh thối củ.",
            ),
        ),
        DemoArticle(
            slug="clb-thu-linh-cua-su-thay-doi-truong-ngoc-linh",
            title="Câu lạc bộ “Thủ lĩnh của sự thay đổi” ở trường vùng cao",
            published="2025-10-08T14:00:00+07:00",
            author="Đài truyền thanh xã",
            lead="Câu lạc bộ ở Trường Phổ thông dân tộc bán trú Ngọc Linh giúp học sinh hiểu về quyền trẻ em, "
                 "bình đẳng giới và tác hại của tảo hôn.",
            paragraphs=(
                "Em Y Nhàn, học sinh lớp 9, chủ nhiệm câu lạc bộ, nói: “Em muốn học tiếp lên cấp ba rồi làm cô "
                "giáo, không lấy chồng sớm như các chị trong làng”.",
                "Cô giáo Lê Thị Hương, phụ trách câu lạc bộ, cho biết năm học trước không có học sinh nào của "
                "trường bỏ học để kết hôn.",
            ),
        ),
        DemoArticle(
            slug="canh-giac-thu-doan-mua-ban-nguoi",
            title="Cảnh giác với thủ đoạn mua bán người qua biên giới",
            published="2025-10-30T10:00:00+07:00",
            author="Đài truyền thanh xã",
            lead="Hai thiếu nữ trong xã suýt bị bán sang nước ngoài; do ham việc nhẹ lương cao, nhẹ dạ cả tin nên "
                 "các em đã tự chuốc lấy rắc rối.",
            paragraphs=(
                "Theo Công an xã, đối tượng làm quen với các em qua mạng xã hội, hứa hẹn việc làm phục vụ nhà hàng "
                "lương 15 triệu đồng mỗi tháng.",
                "Thiếu tá A Khoa, Trưởng Công an xã, khuyến cáo: “Người dân thấy lời mời làm việc bất thường thì "
                "báo ngay cho công an hoặc trưởng thôn”.",
            ),
        ),
        DemoArticle(
            slug="thong-bao-lich-cat-dien-thang-11",
            title="Thông báo lịch tạm ngừng cung cấp điện tháng 11",
            published="2025-11-06T16:00:00+07:00",
            author="Đài truyền thanh xã",
            lead="Điện lực Đăk Glei thông báo tạm ngừng cấp điện để bảo dưỡng đường dây vào ngày 16/11/2025.",
            paragraphs=(
                "Thời gian mất điện từ 7 giờ đến 16 giờ, khu vực các thôn Tu Thốp, Đăk Rế và Kon Năng.",
                "Đề nghị các hộ dân và cơ sở sản xuất chủ động sắp xếp công việc.",
            ),
        ),
    ),
)

OUTLETS: tuple[DemoOutlet, ...] = (
    BAO_QUANG_NGAI, PTTH_KON_TUM, TTVH_SON_TINH, TTVH_DAK_HA, TRUYEN_THANH_TINH_KHE, TRUYEN_THANH_NGOC_LINH,
)
