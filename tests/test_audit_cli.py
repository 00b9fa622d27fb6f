"""`auditor audit`: the JSONL contract, plain-file reports, the database mode."""

import json
import subprocess
import sys
import unicodedata
from pathlib import Path

from click.testing import CliRunner

from auditor.audit.commands import audit, rules
from auditor.db import open_db

TEXT = ("Nữ quái xinh đẹp cầm đầu đường dây lừa đảo bị bắt. Bà Nguyễn Thị Lan, Chủ tịch Hội Liên hiệp "
        "Phụ nữ xã, cho biết: \"Chúng tôi sẽ hỗ trợ nạn nhân\".")


def run_jsonl(lines: list[str]) -> list[dict]:
    result = CliRunner().invoke(audit, ["--jsonl", "-", "--workers", "1"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


def test_one_line_out_per_line_in_with_error_lines_in_order() -> None:
    lines = [
        json.dumps({"id": "a", "title": "Tin an ninh", "text": TEXT}, ensure_ascii=False),
        "NOT JSON",
        json.dumps({"id": "empty", "text": ""}),
        json.dumps({"id": 7, "title": "Chỉ có tiêu đề"}, ensure_ascii=False),
        json.dumps([1, 2]),
        json.dumps({"text": "Anh Trần Văn Hùng nói rằng mọi việc vẫn ổn."}, ensure_ascii=False),
        json.dumps({"id": "nfd", "text": unicodedata.normalize("NFD", TEXT)}, ensure_ascii=False),
    ]
    out = run_jsonl(lines)
    assert len(out) == len(lines)
    assert out[0]["id"] == "a" and out[0]["findings"] and out[0]["people"]
    assert out[1] == {"line": 2, "error": out[1]["error"]} and "JSON" in out[1]["error"]
    assert out[2]["id"] == "empty" and "rỗng" in out[2]["error"]
    assert out[3]["id"] == 7 and "thiếu" in out[3]["error"]
    assert out[4]["line"] == 5 and "error" in out[4]
    assert out[5]["line"] == 6 and out[5]["people"][0]["name"] == "Trần Văn Hùng"
    nfd = unicodedata.normalize("NFD", TEXT)
    assert len(out[6]["findings"]) == len(out[0]["findings"])
    for f in out[6]["findings"]:
        assert nfd[f["start"]:f["end"]] == f["excerpt"]


def test_bom_and_blank_lines_keep_one_output_line_per_input_line() -> None:
    body = "\ufeff" + json.dumps({"id": 1, "text": "Anh Trần Văn Hùng nói vậy."}, ensure_ascii=False) + "\r\n\r\n"
    body += json.dumps({"id": 3, "text": "Chị Lê Thị Hoa nói vậy."}, ensure_ascii=False) + "\n"
    out = [json.loads(line) for line in CliRunner().invoke(
        audit, ["--jsonl", "-", "--workers", "1"], input=body.encode("utf-8")).stdout.splitlines()]
    assert [o.get("id", o.get("line")) for o in out] == [1, 2, 3]
    assert "error" not in out[0] and "trống" in out[1]["error"] and "error" not in out[2]


def test_binary_junk_and_invalid_utf8_lines_become_errors() -> None:
    junk = json.dumps({"id": "bin", "text": "\x00\x01\x02\x03" * 50})
    result = CliRunner().invoke(audit, ["--jsonl", "-", "--workers", "1"],
                                input=junk.encode() + b"\n" + b"\xff\xfe\xfa not utf8\n")
    out = [json.loads(line) for line in result.output.splitlines()]
    assert out[0]["id"] == "bin" and "nhị phân" in out[0]["error"]
    assert out[1]["line"] == 2 and "UTF-8" in out[1]["error"]


def test_parallel_workers_keep_order(tmp_path: Path) -> None:
    rows = [{"id": i, "text": f"Bà Nguyễn Thị Lan nói lần thứ {i}."} for i in range(260)]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "auditor", "audit", "--jsonl", str(path), "--workers", "2",
                           "--no-model"], capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode()
    out = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [o["id"] for o in out] == list(range(260))


def test_plain_file_gets_a_vietnamese_report(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(audit, [str(draft)])
    assert result.exit_code == 0, result.output
    assert "Đoạn cần xem lại: 2" in result.output
    assert "dòng 1, cột 1" in result.output and "«[[Nữ quái]] xinh đẹp cầm đầu" in result.output
    assert "Nguyễn Thị Lan: Nữ, được trích lời" in result.output
    as_json = CliRunner().invoke(audit, ["--json", str(draft)])
    assert json.loads(as_json.output)["findings"]


def test_plain_files_in_any_vietnamese_encoding(tmp_path: Path) -> None:
    from auditor.crawl.decoding import encode_cp1258
    from auditor.ingest.legacy import encode_legacy

    text = "Chị Lê Thị Hoa cho biết phụ nữ tham gia lãnh đạo ngày càng nhiều."
    encodings = {"utf8.txt": text.encode("utf-8"), "bom.txt": b"\xef\xbb\xbf" + text.encode("utf-8"),
                 "utf16.txt": text.encode("utf-16"), "cp1258.txt": encode_cp1258(text),
                 "tcvn3.txt": encode_legacy(text, "tcvn3")}
    for name, data in encodings.items():
        (tmp_path / name).write_bytes(data)
        result = CliRunner().invoke(audit, ["--json", str(tmp_path / name)])
        assert result.exit_code == 0, (name, result.output)
        assert [p["name"] for p in json.loads(result.stdout)["people"]] == ["Lê Thị Hoa"], name


def test_empty_and_binary_files_fail_clearly(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    png = tmp_path / "image.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    result = CliRunner().invoke(audit, [str(empty), str(png)])
    assert result.exit_code == 1
    assert "rỗng" in result.output and "image.txt" in result.output


def test_audit_db_audits_stored_articles(tmp_path: Path) -> None:
    db_path = tmp_path / "a.db"
    db = open_db(db_path)
    db["outlets"].insert({"id": "o1", "name": "Báo Thử", "kind": "provincial_paper"})
    db["articles"].insert_all([
        {"id": "x1", "outlet_id": "o1", "canonical_url": "https://e.vn/1", "title": "Tin", "text": TEXT},
        {"id": "x2", "outlet_id": "o1", "canonical_url": "https://e.vn/2", "title": "Trống", "text": " "},
    ])
    result = CliRunner().invoke(audit, ["--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert "Đã kiểm tra 1 bài; bỏ qua 1" in result.output
    row = db["audits"].get("x1")
    assert row["n_findings"] >= 1 and row["n_quoted_f"] == 1 and row["engine_version"]
    assert db["findings"].count >= 1 and db["people"].count == 1


def test_usage_errors_and_rules_commands() -> None:
    assert CliRunner().invoke(audit, []).exit_code == 2
    listed = CliRunner().invoke(rules, ["list"])
    assert "GM101" in listed.output and "quy tắc" in listed.output
    checked = CliRunner().invoke(rules, ["check"])
    assert checked.exit_code == 0 and "0 ví dụ sai" in checked.output
