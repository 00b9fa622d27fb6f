"""Re-auditing an article keeps inspectors' decisions on the passages and persons they were made on."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_review_support import A1_TEXT, A1_TITLE, A4_TEXT, seed

from auditor.audit.commands import audit_db
from auditor.audit.engine import ENGINE_VERSION, Auditor
from auditor.audit.rules import default_rules_dir
from auditor.audit.store import save_audit, unaudited_article_ids
from auditor.audit.types import AuditResult, Finding, Person
from auditor.db import open_db
from auditor.review.store import article_view, record_decision

VERSIONS = {"engine_version": "v2", "rules_version": "v2", "model_version": ""}


def _finding(source: str, field: str, excerpt: str, category: str, rule: str) -> Finding:
    start = source.index(excerpt)
    return Finding(rule=rule, category=category, field=field, start=start, end=start + len(excerpt),
                   excerpt=excerpt, by="rule", score=1.0, message=f"Mô tả {category}")


@pytest.fixture
def reviewed(tmp_path: Path):  # noqa: ANN201
    path = tmp_path / "auditor.db"
    users = seed(path)
    db = open_db(path)
    inspector = {"id": users["inspector"], "username": "thanhtra"}
    yield db, inspector
    db.close()


def _status(db, article_id: str) -> dict[str, tuple[int, str]]:  # noqa: ANN001
    return {f["excerpt"]: (f["id"], f["status"]) for f in article_view(db, article_id)["findings"]}


def _decide(db, inspector: dict, article_id: str, excerpt: str, action: str, reason: str | None = None) -> int:  # noqa: ANN001
    """Decide on the finding of ``article_id`` over ``excerpt``; returns the finding's id."""
    finding_id = _status(db, article_id)[excerpt][0]
    record_decision(db, inspector, article_id, target="finding", target_id=str(finding_id), action=action,
                    reason=reason)
    return finding_id


def _reaudit(db, article_id: str, findings: tuple | list = (), people: tuple | list = ()) -> None:  # noqa: ANN001
    result = AuditResult(id=article_id, ge_item=False, ge_topic=None, ge_score=0.2, findings=list(findings),
                         people=list(people))
    save_audit(db, article_id, result, VERSIONS)


def test_a_reaudit_keeps_finding_decisions_in_place(reviewed) -> None:  # noqa: ANN001
    db, inspector = reviewed
    before = _status(db, "a1")
    kitchen_id = _decide(db, inspector, "a1", "chu toàn việc bếp núc", "dismiss", "Chị tự kể về mình")
    # A new engine finds one more passage, listed first, and the old ones in another order.
    _reaudit(db, "a1", [
        _finding(A1_TEXT, "text", "Chị Hoa vẫn", "gender_marking", "gender_marking.new"),
        _finding(A1_TEXT, "text", "chu toàn việc bếp núc", "domestic_role", "domestic_role.kitchen"),
        _finding(A1_TITLE, "title", "Nữ giám đốc", "gender_marking", "gender_marking.occupation"),
    ])
    after = _status(db, "a1")
    assert after["chu toàn việc bếp núc"] == (kitchen_id, "dismissed")
    assert after["Nữ giám đốc"][0] == before["Nữ giám đốc"][0]
    assert after["Chị Hoa vẫn"][1] == "pending"
    assert after["Chị Hoa vẫn"][0] > max(f["id"] for f in db["findings"].rows if f["article_id"] != "a1")


def test_an_edited_article_and_a_renamed_rule_keep_their_decisions(reviewed) -> None:  # noqa: ANN001
    db, inspector = reviewed
    kitchen_id = _decide(db, inspector, "a1", "chu toàn việc bếp núc", "accept")
    edited = "Cập nhật lúc 9 giờ. " + A1_TEXT  # the passage moved 20 characters
    db["articles"].update("a1", {"text": edited, "version": 2})
    _reaudit(db, "a1", [_finding(edited, "text", "chu toàn việc bếp núc", "domestic_role", "domestic_role.chores")])
    assert _status(db, "a1")["chu toàn việc bếp núc"] == (kitchen_id, "accepted")


def test_an_id_a_decision_named_is_never_given_to_another_finding(reviewed) -> None:  # noqa: ANN001
    db, inspector = reviewed
    # a4 holds the newest findings, whose ids SQLite would hand out again once they are deleted.
    dismissed_id = _decide(db, inspector, "a4", "cánh mày râu", "dismiss", "Trích lời nhân vật")
    _reaudit(db, "a4", [
        _finding(A4_TEXT, "text", "lo cơm nước", "domestic_role", "domestic_role.chores"),
        _finding(A4_TEXT, "text", "bàn chuyện làm ăn", "trait", "trait.business"),
    ])
    after = _status(db, "a4")
    assert {status for _, status in after.values()} == {"pending"}
    assert all(finding_id > dismissed_id for finding_id, _ in after.values())


def test_a_person_correction_survives_a_reaudit(reviewed) -> None:  # noqa: ANN001
    db, inspector = reviewed
    nam = next(p for p in article_view(db, "a1")["people"] if p["name"] == "Trần Văn Nam")
    record_decision(db, inspector, "a1", target="person", target_id=str(nam["id"]), action="correct",
                    values={"gender": "M", "quoted": "1", "role": "official"})
    _reaudit(db, "a1", people=[Person("Trần Văn Nam", "M", True, "business", [[81, 93]]),
                               Person("Nguyễn Thị Hoa", "F", True, "business", [[4, 18]])])
    people = {p["name"]: p for p in article_view(db, "a1")["people"]}
    assert people["Trần Văn Nam"]["id"] == nam["id"]
    assert people["Trần Văn Nam"]["role"] == "official" and people["Trần Văn Nam"]["corrected"]
    assert not people["Nguyễn Thị Hoa"]["corrected"]


def test_stale_audits_are_found_by_any_version(reviewed) -> None:  # noqa: ANN001
    db, _ = reviewed
    seeded = {"engine_version": "test", "rules_version": "test", "model_version": ""}
    assert unaudited_article_ids(db, seeded) == []
    assert sorted(unaudited_article_ids(db, {**seeded, "rules_version": "other"})) == ["a1", "a2", "a3", "a4"]
    assert len(unaudited_article_ids(db, {**seeded, "model_version": "ge_item@x"})) == 4
    db["articles"].insert({"id": "a5", "outlet_id": "baolangson", "url": "https://example.vn/a5",
                           "canonical_url": "https://example.vn/a5", "content_hash": "a5", "title": "Mới",
                           "text": "Bài mới chưa kiểm tra.", "source_kind": "crawl", "version": 1})
    assert unaudited_article_ids(db) == ["a5"]


def test_versions_follow_every_rule_file_the_audit_reads(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), rules)
    before = Auditor(rules_dir=rules).versions
    assert before["engine_version"].startswith(f"{ENGINE_VERSION}+")
    assert before == Auditor(rules_dir=rules).versions
    for lexicon in ("ge_topics.yaml", "people.yaml"):
        path = rules / "lexicons" / lexicon
        path.write_text(path.read_text(encoding="utf-8") + "\n# sửa đổi\n", encoding="utf-8")
        after = Auditor(rules_dir=rules).versions
        assert after["rules_version"] != before["rules_version"], lexicon
        before = after


def test_audit_db_reaudits_what_an_older_version_made(reviewed, tmp_path: Path) -> None:  # noqa: ANN001
    db, _ = reviewed
    path = Path(db.conn.execute("PRAGMA database_list").fetchone()[2])
    assert audit_db(str(path), everything=False, no_model=True) == (4, 0)  # seeded as version "test"
    assert audit_db(str(path), everything=False, no_model=True) == (0, 0)
    assert audit_db(str(path), everything=True, no_model=True) == (4, 0)
