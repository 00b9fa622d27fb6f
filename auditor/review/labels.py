"""Vietnamese labels for the codes the audit uses (categories, roles, topics, genders)."""

from __future__ import annotations

CATEGORY_LABELS: dict[str, str] = {
    "appearance": "Ngoại hình",
    "sexualisation": "Tình dục hoá",
    "gender_marking": "Đánh dấu giới tính",
    "domestic_role": "Vai trò nội trợ, gia đình",
    "trait": "Định kiến tính cách",
    "demeaning_label": "Nhãn gọi hạ thấp",
    "victim_blaming": "Đổ lỗi cho nạn nhân",
    "lgbt": "LGBT",
}
ROLE_LABELS: dict[str, str] = {
    "official": "Cán bộ, quan chức",
    "expert": "Chuyên gia",
    "business": "Doanh nhân",
    "citizen": "Người dân",
    "victim": "Nạn nhân",
    "suspect": "Nghi phạm",
    "celebrity": "Người nổi tiếng",
    "other": "Khác",
}
TOPIC_LABELS: dict[str, str] = {
    "policy_law": "Chính sách, pháp luật",
    "politics_leadership": "Chính trị, lãnh đạo",
    "gbv": "Bạo lực giới",
    "economic": "Kinh tế, việc làm",
    "role_model": "Gương điển hình",
    "womens_union": "Hội Phụ nữ",
    "sex_ratio": "Mất cân bằng giới tính khi sinh",
    "health_education": "Y tế, giáo dục",
    "other": "Khác",
}
GENDER_LABELS: dict[str, str] = {"F": "Nữ", "M": "Nam", "U": "Không rõ"}
ROLE_NAMES: dict[str, str] = {"admin": "Quản trị", "inspector": "Thanh tra viên", "editor": "Biên tập viên"}
ACTION_LABELS: dict[str, str] = {
    "accept": "Xác nhận",
    "dismiss": "Bác bỏ",
    "correct": "Sửa",
    "note": "Ghi chú",
}
TARGET_LABELS: dict[str, str] = {
    "finding": "Phát hiện",
    "person": "Nhân vật",
    "ge_item": "Tin bình đẳng giới",
    "article": "Bài viết",
}
FIELD_LABELS: dict[str, str] = {"title": "tiêu đề", "text": "nội dung"}


def label(table: dict[str, str], code: str | None) -> str:
    """The Vietnamese label of ``code``, or the code itself when unknown (a new category, say)."""
    if code is None:
        return "—"
    return table.get(code, code)
