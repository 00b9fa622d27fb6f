"""Shared setup of the review tests: a temp database with real rows, accounts, a keyword auditor.

Imported by the other ``test_review_*`` files (it holds no tests itself).
"""

from __future__ import annotations

import re
from pathlib import Path

from auditor.audit.engine import Auditor
from auditor.audit.store import save_audit
from auditor.audit.types import AuditResult, Finding, Person
from auditor.db import now_iso, open_db
from auditor.review.accounts import create_user

PASSWORD = "mat-khau-rat-dai"
XSS_SCRIPT = "<script>window.__xss = 1</script>"
XSS_IMG = '<img src=x onerror="window.__xss = 2">'

A1_TITLE = "Nữ giám đốc xinh đẹp điều hành nhà máy"
A1_TEXT = (
    "Chị Nguyễn Thị Hoa, nữ giám đốc xinh đẹp, cho biết nhà máy tăng trưởng 20%.\n"
    "Ông Trần Văn Nam nói: \"Chúng tôi sẽ mở rộng sản xuất.\"\n"
    f"Bình luận của độc giả: {XSS_SCRIPT} {XSS_IMG}\n"
    "Chị Hoa vẫn chu toàn việc bếp núc sau giờ làm."
)
A4_TEXT = "Các bà nội trợ đảm đang lo cơm nước, còn cánh mày râu bàn chuyện làm ăn."


def _finding(source: str, field: str, excerpt: str, category: str, rule: str, **extra: object) -> Finding:
    start = source.index(excerpt)
    return Finding(rule=rule, category=category, field=field, start=start, end=start + len(excerpt),
                   excerpt=excerpt, by="rule", score=1.0,
                   message=extra.get("message", f"Mô tả {category}"),  # type: ignore[arg-type]
                   suggestion=extra.get("suggestion", ""))  # type: ignore[arg-type]


def seed(db_path: Path) -> dict[str, object]:
    """Fill a database the way crawl + audit would: outlets, articles, audits, findings, people, users."""
    db = open_db(db_path)
    with db.conn:
        db["outlets"].insert_all([
            {"id": "baolangson", "name": "Báo Lạng Sơn", "kind": "provincial_paper", "province_code": "20",
             "province_name": "Lạng Sơn", "agency": "Báo Lạng Sơn"},
            {"id": "baogialai", "name": "Báo Gia Lai", "kind": "provincial_paper", "province_code": "64",
             "province_name": "Gia Lai", "agency": "Báo Gia Lai"},
        ])
        articles = [
            ("a1", "baolangson", "2025-07-10T08:00:00+07:00", A1_TITLE, A1_TEXT),
            ("a2", "baogialai", "2025-08-02T09:00:00+07:00", "Hội Phụ nữ tỉnh ra mắt mô hình hỗ trợ sinh kế",
             "Hội Liên hiệp Phụ nữ tỉnh Gia Lai ra mắt mô hình hỗ trợ phụ nữ khởi nghiệp."),
            ("a3", "baolangson", "2025-07-20T10:00:00+07:00", "Giá lúa tăng nhẹ",
             "Giá lúa trên địa bàn tăng nhẹ so với tuần trước."),
            ("a4", "baogialai", "2025-09-01T07:30:00+07:00", "Chuyện bếp núc ngày Tết", A4_TEXT),
        ]
        db["articles"].insert_all(
            {"id": i, "outlet_id": o, "url": f"https://example.vn/{i}", "canonical_url": f"https://example.vn/{i}",
             "content_hash": i, "title": t, "published_at": p, "text": x, "source_kind": "crawl",
             "fetched_at": now_iso(), "version": 1}
            for i, o, p, t, x in articles
        )
    versions = {"engine_version": "test", "rules_version": "test", "model_version": ""}
    a1 = AuditResult(
        id="a1", ge_item=False, ge_topic=None, ge_score=0.2,
        findings=[
            _finding(A1_TITLE, "title", "Nữ giám đốc", "gender_marking", "gender_marking.occupation",
                     suggestion="giám đốc"),
            _finding(A1_TITLE, "title", "xinh đẹp", "appearance", "appearance.beauty",
                     suggestion="bỏ nhận xét ngoại hình"),
            _finding(A1_TEXT, "text", "nữ giám đốc xinh đẹp", "appearance", "appearance.beauty",
                     suggestion="giám đốc"),
            _finding(A1_TEXT, "text", "chu toàn việc bếp núc", "domestic_role", "domestic_role.kitchen"),
        ],
        people=[
            Person("Nguyễn Thị Hoa", "F", False, "business", [[4, 18]]),
            Person("Trần Văn Nam", "M", True, "business", [[81, 93]]),
        ],
    )
    a2 = AuditResult(id="a2", ge_item=True, ge_topic="womens_union", ge_score=0.93)
    a3 = AuditResult(id="a3", ge_item=False, ge_topic=None, ge_score=0.01)
    a4 = AuditResult(id="a4", ge_item=False, ge_topic=None, ge_score=0.1, findings=[
        _finding(A4_TEXT, "text", "bà nội trợ đảm đang", "domestic_role", "domestic_role.housewife"),
        _finding(A4_TEXT, "text", "cánh mày râu", "demeaning_label", "demeaning_label.slang"),
    ])
    for article_id, result in (("a1", a1), ("a2", a2), ("a3", a3), ("a4", a4)):
        save_audit(db, article_id, result, versions)
    users = {
        "admin": create_user(db, "quantri", PASSWORD, "admin"),
        "inspector": create_user(db, "thanhtra", PASSWORD, "inspector"),
        "editor": create_user(db, "bientap", PASSWORD, "editor", "Báo Lạng Sơn"),
        "editor2": create_user(db, "bientap2", PASSWORD, "editor", "Báo Lạng Sơn"),
        "other_editor": create_user(db, "giala", PASSWORD, "editor", "Báo Gia Lai"),
    }
    db.close()
    return users


USERNAMES = {"admin": "quantri", "inspector": "thanhtra", "editor": "bientap", "editor2": "bientap2",
             "other_editor": "giala"}


class KeywordAuditor(Auditor):
    """The real engine plus fixed keyword findings, so self-check tests see findings whatever the rules say."""

    KEYWORDS = {"xinh đẹp": ("appearance", "appearance.beauty", "Nhận xét ngoại hình không liên quan.",
                             "Bỏ nhận xét về ngoại hình."),
                "bếp núc": ("domestic_role", "domestic_role.kitchen", "Gắn phụ nữ với việc bếp núc.",
                            "Nêu việc nhà là việc của cả gia đình.")}

    def audit(self, text: str, title: str | None = None, *, id: object = None) -> AuditResult:
        result = super().audit(text, title, id=id)
        result.findings = []  # only ours, so assertions do not depend on the rules of the day
        for field, source in (("title", title or ""), ("text", text)):
            for word, (category, rule, message, suggestion) in self.KEYWORDS.items():
                for m in re.finditer(re.escape(word), source):
                    result.findings.append(Finding(rule, category, field, m.start(), m.end(), word, "rule", 1.0,
                                                   message, suggestion))
        return result


CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(html: str) -> str:
    match = CSRF.search(html)
    assert match, "no CSRF token in the page"
    return match.group(1)


def login(client, role: str, password: str = PASSWORD):  # noqa: ANN001, ANN201
    """Log ``client`` in as the seeded user of ``role``; returns the login response."""
    page = client.get("/login")
    return client.post("/login", data={"username": USERNAMES[role], "password": password,
                                       "csrf_token": csrf_of(page.text), "next": "/"},
                       follow_redirects=False)
