"""Vietnamese labels of the review app (roles, actions, targets); the audit's own labels live in
:mod:`auditor.audit.labels` and are re-exported here for the templates."""

from __future__ import annotations

from auditor.audit.labels import (  # noqa: F401  (re-exported for the templates)
    CATEGORY_LABELS,
    FIELD_LABELS,
    GENDER_LABELS,
    ROLE_LABELS,
    TOPIC_LABELS,
    label,
)

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
