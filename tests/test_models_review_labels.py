"""Inspectors' review decisions exported as training labels (`auditor train --review-db`)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_review_support import A1_TEXT, A1_TITLE, A4_TEXT, seed

from auditor.audit.store import save_audit
from auditor.audit.types import AuditResult
from auditor.cli import cli
from auditor.db import open_db
from auditor.errors import InputError
from auditor.models.review_labels import (
    ARTICLES_FILE,
    SENTENCES_FILE,
    collect_review_labels,
    export_review_labels,
)
from auditor.models.train import load_examples
from auditor.review.store import record_decision


def _finding_id(db, article_id: str, excerpt: str) -> str:  # noqa: ANN001
    rows = list(db["findings"].rows_where("article_id = ? AND excerpt = ?", [article_id, excerpt]))
    assert len(rows) == 1, (article_id, excerpt)
    return str(rows[0]["id"])


@pytest.fixture
def reviewed_db(tmp_path: Path) -> Path:
    """The review tests' database, with the decisions an inspector would make."""
    path = tmp_path / "auditor.db"
    users = seed(path)
    inspector = {"id": users["inspector"], "username": "thanhtra"}
    db = open_db(path)

    def decide(article_id: str, target: str, target_id: str, action: str, **values: str) -> None:
        reason = values.pop("reason", None)
        record_decision(db, inspector, article_id, target=target, target_id=target_id, action=action,
                        reason=reason, values=values)

    decide("a2", "ge_item", "a2", "dismiss", reason="Tin hoạt động, không bàn về bình đẳng giới")
    decide("a3", "ge_item", "a3", "correct", ge_item="1", ge_topic="economic")
    # Two findings of one title sentence: one accepted, one dismissed -> the sentence is stereotyped.
    decide("a1", "finding", _finding_id(db, "a1", "Nữ giám đốc"), "accept")
    decide("a1", "finding", _finding_id(db, "a1", "xinh đẹp"), "dismiss", reason="Tin về sắc đẹp")
    # Accepted, then dismissed: the latest decision wins.
    kitchen = _finding_id(db, "a1", "chu toàn việc bếp núc")
    decide("a1", "finding", kitchen, "accept")
    decide("a1", "finding", kitchen, "dismiss", reason="Chị tự kể về mình")
    decide("a4", "finding", _finding_id(db, "a4", "cánh mày râu"), "correct", category="trait")
    decide("a4", "article", "a4", "note", reason="Cần xem lại cả bài")
    db.close()
    return path


def test_decisions_become_article_and_sentence_labels(reviewed_db: Path) -> None:
    labels = collect_review_labels(reviewed_db, eval_dir=None)
    articles = {row["id"]: row for row in labels.articles}
    assert set(articles) == {"review:a2", "review:a3"}
    assert articles["review:a2"]["ge_item"] == 0 and articles["review:a2"]["ge_topic"] is None
    assert articles["review:a3"]["ge_item"] == 1 and articles["review:a3"]["ge_topic"] == "economic"
    assert articles["review:a3"]["text"] == "Giá lúa trên địa bàn tăng nhẹ so với tuần trước."
    assert articles["review:a3"]["decided_by"] == "thanhtra"

    sentences = {row["sentence"]: row for row in labels.sentences}
    assert sentences[A1_TITLE]["stereotype"] == 1
    assert sentences[A1_TITLE]["category"] == "gender_marking"
    kitchen = "Chị Hoa vẫn chu toàn việc bếp núc sau giờ làm."
    assert kitchen in A1_TEXT and sentences[kitchen]["stereotype"] == 0
    assert sentences[A4_TEXT]["stereotype"] == 1 and sentences[A4_TEXT]["category"] == "trait"
    assert len(labels.sentences) == 3 and (labels.ge_items, labels.stereotyped) == (1, 2)


def test_training_reads_the_export_as_hand_labels(reviewed_db: Path, tmp_path: Path) -> None:
    data = tmp_path / "train"
    export_review_labels(reviewed_db, data, eval_dir=None)
    articles = {row_id: label for row_id, _, label in load_examples(data, "ge_item")}
    assert articles == {"review:a2": "none", "review:a3": "economic"}
    sentences = {label for _, text, label in load_examples(data, "stereo")}
    assert sentences == {"none", "gender_marking", "trait"}
    # A second export replaces the first (a snapshot of the decisions), never appends.
    export_review_labels(reviewed_db, data, eval_dir=None)
    assert len((data / ARTICLES_FILE).read_text(encoding="utf-8").splitlines()) == 2
    assert not list(data.glob("*.tmp"))


def test_eval_items_and_replaced_findings_are_left_out(reviewed_db: Path, tmp_path: Path) -> None:
    eval_dir = tmp_path / "eval"
    eval_dir.mkdir()
    (eval_dir / "topic_dev.jsonl").write_text(json.dumps(
        {"id": "t1", "title": "Giá lúa tăng nhẹ", "text": "Giá lúa trên địa bàn tăng nhẹ so với tuần trước.",
         "ge_item": 0}, ensure_ascii=False) + "\n", encoding="utf-8")
    db = open_db(reviewed_db)
    save_audit(db, "a4", AuditResult(id="a4", ge_item=False, ge_topic=None, ge_score=0.1),
               {"engine_version": "test", "rules_version": "test", "model_version": ""})
    db.close()
    labels = collect_review_labels(reviewed_db, eval_dir=eval_dir)
    assert [row["id"] for row in labels.articles] == ["review:a2"]
    assert labels.near_eval == 1
    assert labels.unplaced == 1  # the a4 finding a re-audit replaced
    assert A4_TEXT not in {row["sentence"] for row in labels.sentences}


def test_bad_databases_get_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="không tìm thấy"):
        collect_review_labels(tmp_path / "missing.db", eval_dir=None)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"\x00\x01 not a database " * 100)
    with pytest.raises(InputError, match="không phải cơ sở dữ liệu SQLite"):
        collect_review_labels(junk, eval_dir=None)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE notes (x TEXT)").connection.commit()
    with pytest.raises(InputError, match="thiếu bảng articles"):
        collect_review_labels(other, eval_dir=None)


def test_cli_export_only(reviewed_db: Path, tmp_path: Path) -> None:
    data = tmp_path / "train"
    result = CliRunner().invoke(cli, ["train", "--review-db", str(reviewed_db), "--data", str(data),
                                      "--export-only"])
    assert result.exit_code == 0, result.output
    assert "2 bài (1 tin bình đẳng giới)" in result.output and "3 câu (2 có định kiến)" in result.output
    assert (data / ARTICLES_FILE).exists() and (data / SENTENCES_FILE).exists()
    result = CliRunner().invoke(cli, ["train", "--export-only"])
    assert result.exit_code == 2 and "--review-db" in result.output
    result = CliRunner().invoke(cli, ["train", "--review-db", str(tmp_path / "none.db"), "--export-only"])
    assert result.exit_code == 1 and "không tìm thấy" in result.output


def test_a_sentence_waits_for_all_its_findings(tmp_path: Path) -> None:
    path = tmp_path / "auditor.db"
    users = seed(path)
    inspector = {"id": users["inspector"], "username": "thanhtra"}
    db = open_db(path)
    record_decision(db, inspector, "a4", target="finding", target_id=_finding_id(db, "a4", "cánh mày râu"),
                    action="dismiss", reason="Trích lời nhân vật")
    # "bà nội trợ đảm đang", in the same sentence, is still pending: no label yet.
    assert collect_review_labels(path, eval_dir=None).sentences == []
    record_decision(db, inspector, "a4", target="finding",
                    target_id=_finding_id(db, "a4", "bà nội trợ đảm đang"), action="dismiss", reason="Văn cảnh")
    db.close()
    [row] = collect_review_labels(path, eval_dir=None).sentences
    assert (row["sentence"], row["stereotype"], row["category"]) == (A4_TEXT, 0, None)
