"""Vietnamese labels for the audit's codes (categories, roles, topics, genders, fields), shared by the
CLI report, the review app and the tally reports."""

from __future__ import annotations

CATEGORY_LABELS: dict[str, str] = {
    "appearance": "Nhấn mạnh ngoại hình",
    "sexualisation": "Tình dục hóa",
    "gender_marking": "Nêu giới tính không cần thiết",
    "domestic_role": "Vai trò gia đình rập khuôn",
    "trait": "Gán tính cách theo giới",
    "demeaning_label": "Gọi bằng nhãn hạ thấp",
    "victim_blaming": "Đổ lỗi cho nạn nhân",
    "lgbt": "Miệt thị người LGBT",
}
ROLE_LABELS: dict[str, str] = {
    "official": "Cán bộ, quan chức",
    "expert": "Chuyên gia",
    "business": "Doanh nhân",
    "citizen": "Người dân",
    "victim": "Nạn nhân",
    "suspect": "Nghi phạm, bị cáo",
    "celebrity": "Người nổi tiếng",
    "other": "Khác",
}
TOPIC_LABELS: dict[str, str] = {
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
GENDER_LABELS: dict[str, str] = {"F": "Nữ", "M": "Nam", "U": "Không rõ"}
FIELD_LABELS: dict[str, str] = {"title": "tiêu đề", "text": "nội dung"}


def label(table: dict[str, str], code: str | None) -> str:
    """The Vietnamese label of ``code``, or the code itself when unknown (a new category, say)."""
    if code is None:
        return "—"
    return table.get(code, code)
