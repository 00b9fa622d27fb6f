"""Vietnamese labels for the audit's codes (categories, roles, topics, genders), shared by the CLI
report, the review app and the tally reports."""

from __future__ import annotations

CATEGORY_LABELS = {
    "appearance": "Nhấn mạnh ngoại hình",
    "sexualisation": "Tình dục hóa",
    "gender_marking": "Nêu giới tính không cần thiết",
    "domestic_role": "Vai trò gia đình rập khuôn",
    "trait": "Gán tính cách theo giới",
    "demeaning_label": "Gọi bằng nhãn hạ thấp",
    "victim_blaming": "Đổ lỗi cho nạn nhân",
    "lgbt": "Miệt thị người LGBT",
}
ROLE_LABELS = {
    "official": "cán bộ, công chức",
    "expert": "chuyên gia",
    "business": "doanh nghiệp",
    "citizen": "người dân",
    "victim": "nạn nhân",
    "suspect": "nghi phạm, bị cáo",
    "celebrity": "người nổi tiếng",
    "other": "khác",
}
TOPIC_LABELS = {
    "policy_law": "Chính sách, pháp luật về bình đẳng giới",
    "politics_leadership": "Phụ nữ tham gia chính trị, lãnh đạo",
    "gbv": "Phòng chống bạo lực gia đình, bạo lực giới",
    "economic": "Phụ nữ và kinh tế, việc làm",
    "role_model": "Gương điển hình",
    "womens_union": "Hoạt động Hội Liên hiệp Phụ nữ",
    "sex_ratio": "Mất cân bằng giới tính khi sinh",
    "health_education": "Sức khỏe, giáo dục, mua bán người",
    "other": "Chủ đề bình đẳng giới khác",
}
GENDER_LABELS = {"F": "nữ", "M": "nam", "U": "không rõ"}
