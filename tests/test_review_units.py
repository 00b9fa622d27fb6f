"""The review stage's library parts and its CLI: decoding drafts, highlighting, reports, accounts."""

from __future__ import annotations

import codecs
import html
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from test_review_support import PASSWORD

from auditor.audit.report import format_report, line_column, summarize
from auditor.audit.types import AuditResult, Finding, Person
from auditor.cli import cli
from auditor.db import open_db
from auditor.errors import InputError
from auditor.ingest.legacy import encode_legacy
from auditor.review.accounts import LoginThrottle, authenticate, create_user, session_secret
from auditor.review.highlight import highlight, locate
from auditor.review.intake import IntakeError, check_text, decode_draft, draft_from_upload
from auditor.review.store import parse_period

# --- intake -----------------------------------------------------------------------------------------------

def test_decode_draft_encodings() -> None:
    text = "Phụ nữ đảm đang, thuỷ thủ hoà nhã."
    assert decode_draft(text.encode()) == text
    assert decode_draft(codecs.BOM_UTF8 + text.encode()) == text
    assert decode_draft(codecs.BOM_UTF16_LE + text.encode("utf-16-le")) == text
    assert decode_draft(codecs.BOM_UTF16_BE + text.encode("utf-16-be")) == text
    assert decode_draft("Hà Nội".encode("cp1258", errors="ignore") + b" ok").endswith("ok")
    with pytest.raises(IntakeError) as binary:
        decode_draft(b"\x00\x01PK")
    assert binary.value.status == 415 and "nhị phân" in str(binary.value)
    with pytest.raises(IntakeError) as garbled:
        decode_draft("ロシア語のテキスト".encode("shift_jis") * 5)
    assert garbled.value.status == 415 and "UTF-8" in str(garbled.value)


@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "cp1258"])
def test_decode_draft_reads_legacy_vietnamese_encodings(encoding: str) -> None:
    # Press agencies still keep drafts typed with .VnTime (TCVN3) and VNI fonts.
    text = ("Hội phụ nữ xã tổ chức tuyên truyền về bình đẳng giới cho chị em trong thôn. "
            "Nhiều gia đình đã chia sẻ việc nhà và cùng nhau chăm sóc con cái.")
    assert decode_draft(encode_legacy(text, encoding)) == text


def test_docx_typed_in_a_legacy_font_is_converted(tmp_path) -> None:
    import docx

    text = ("Hội phụ nữ xã tổ chức tuyên truyền về bình đẳng giới cho chị em trong thôn. "
            "Nhiều gia đình đã chia sẻ việc nhà và cùng nhau chăm sóc con cái.")
    # What Word shows for TCVN3 bytes under a cp1252 reading: "Héi phô n÷ x· ..."
    as_stored = encode_legacy(text, "tcvn3").decode("cp1252", errors="replace")
    document = docx.Document()
    document.add_paragraph(as_stored)
    path = tmp_path / "ban-thao.docx"
    document.save(path)
    assert draft_from_upload(path.read_bytes(), "ban-thao.docx") == text


def test_check_text_limits_and_newlines() -> None:
    assert check_text("dòng 1\r\ndòng 2\rdòng 3") == "dòng 1\ndòng 2\ndòng 3"
    for bad, status in (("", 422), ("  \n ", 422), ("a" * 200_001, 413), ("\x01\x02\x03\x04" * 10, 422)):
        with pytest.raises(IntakeError) as err:
            check_text(bad)
        assert err.value.status == status
    assert issubclass(IntakeError, InputError)


def test_draft_from_upload_kinds() -> None:
    assert draft_from_upload("Bà Lan".encode(), "bai.TXT") == "Bà Lan"
    assert draft_from_upload("Bà Lan".encode(), None) == "Bà Lan"
    for data, name, status in ((b"x" * (4 * 1024 * 1024 + 1), "a.txt", 413), (b"", "a.txt", 422),
                               (b"{\\rtf1}", "a.doc", 415), (b"PK\x03\x04....", "a.txt", 415),
                               (b"PK\x03\x04....", "a.docx", 415), (b"%PDF", "a.pdf", 415)):
        with pytest.raises(IntakeError) as err:
            draft_from_upload(data, name)
        assert err.value.status == status, name


# --- highlighting -----------------------------------------------------------------------------------------

def test_highlight_escapes_everything_between_offsets() -> None:
    source = 'a <b onmouseover="x()">xinh đẹp</b> & <script>1</script>'
    start = source.index("xinh đẹp")
    out = str(highlight(source, [(start, start + 8, "7")]))
    assert '<mark class="hl" data-f="7" id="m-7">xinh đẹp</mark>' in out
    assert "<b " not in out and "<script>" not in out and "&lt;script&gt;" in out and "&amp;" in out


def test_highlight_overlaps_and_bad_spans() -> None:
    out = str(highlight("0123456789", [(2, 6, "a"), (4, 8, "b"), (9, 99, "c"), (5, 5, "empty")]))
    assert out == ('01<mark class="hl" data-f="a" id="m-a">23</mark>'
                   '<mark class="hl multi" data-f="a b" id="m-b">45</mark>'
                   '<mark class="hl" data-f="b">67</mark>8<mark class="hl" data-f="c" id="m-c">9</mark>')


@given(st.text(alphabet=st.sampled_from(list("ab<>&\"' đẹ\n")), max_size=40),
       st.lists(st.tuples(st.integers(0, 45), st.integers(0, 45)), max_size=5))
def test_highlight_keeps_the_text(source: str, spans: list[tuple[int, int]]) -> None:
    out = str(highlight(source, [(s, e, str(i)) for i, (s, e) in enumerate(spans)]))
    assert html.unescape(re.sub(r"</?mark[^>]*>", "", out)) == source
    assert "<" not in re.sub(r"</?mark[^>]*>", "", out)


def test_locate_finds_a_moved_excerpt() -> None:
    text = "Thêm một câu. Cô ấy xinh đẹp. Lại xinh đẹp."
    assert locate(text, 20, 28, "xinh đẹp") == (20, 28)
    assert locate(text, 18, 26, "xinh đẹp") == (20, 28)  # edited since the audit: nearest occurrence
    assert locate(text, 0, 4, "không có") is None


# --- reports ----------------------------------------------------------------------------------------------

def _result() -> tuple[AuditResult, str, str]:
    title = "Nữ tài xế xinh đẹp"
    text = "Dòng một.\nChị Lan nói: \"Tôi lo việc bếp núc.\"\nÔng Hùng cho biết thêm."
    start = text.index("bếp núc")
    result = AuditResult(id=None, ge_item=True, ge_topic="gbv", ge_score=0.81, findings=[
        Finding("appearance.beauty", "appearance", "title", 10, 18, "xinh đẹp", "rule", 1.0,
                "Nhận xét ngoại hình.", "Bỏ nhận xét ngoại hình."),
        Finding("domestic_role.kitchen", "domestic_role", "text", start, start + 7, "bếp núc", "model", 0.7,
                "Gắn phụ nữ với bếp núc.", ""),
    ], people=[Person("Lan", "F", True, "citizen"), Person("Hùng", "M", False, "official"),
               Person("X", "U", True, "other")])
    return result, text, title


def test_summary_and_line_column() -> None:
    result, text, title = _result()
    assert line_column("ab\ncd", 4) == (2, 2) and line_column("ab", 0) == (1, 1)
    summary = summarize(result, text, title)
    assert summary["positions"] == [{"line": 1, "column": 11}, {"line": 2, "column": 27}]
    assert summary["people"] == {"F": 1, "M": 1, "U": 1}
    assert summary["quoted"] == {"F": 1, "M": 0, "U": 1}
    assert summary["quoted_share"] == {"F": 0.5, "M": 0.0}
    assert summary["by_category"] == {"appearance": 1, "domestic_role": 1}


def test_terminal_report_is_vietnamese_and_complete() -> None:
    result, text, title = _result()
    report = format_report(result, text, title, name="bai.txt")
    assert "Tin bình đẳng giới: Có (chủ đề: Phòng chống bạo lực gia đình, bạo lực giới, điểm 0.81)" in report
    assert "tiêu đề, dòng 1, cột 11 · Nhấn mạnh ngoại hình (appearance.beauty)" in report
    assert "nội dung, dòng 2, cột 27 · Vai trò gia đình rập khuôn" in report
    assert "[[bếp núc]]" in report and "Gợi ý: Bỏ nhận xét ngoại hình." in report
    assert "Nguồn được trích lời: 2 (Nữ 1 = 50% · Nam 0 = 0% · Không rõ 1)" in report
    assert "- Hùng: Nam, không trích lời, Cán bộ, quan chức" in report


def test_parse_period() -> None:
    assert parse_period("2025") == ("2025-01-01", "2026-01-01")
    assert parse_period("2025-07") == ("2025-07-01", "2025-08-01")
    assert parse_period("2025-12") == ("2025-12-01", "2026-01-01")
    assert parse_period("2025-Q4") == ("2025-10-01", "2026-01-01")
    for bad in ("2025-13", "Q3", "hôm qua"):
        with pytest.raises(InputError):
            parse_period(bad)


# --- accounts ---------------------------------------------------------------------------------------------

def test_accounts_and_throttle(tmp_path: Path) -> None:
    db = open_db(tmp_path / "a.db")
    user_id = create_user(db, "Lan.Nguyen", PASSWORD, "inspector")
    stored = db.execute("SELECT password_hash FROM users WHERE id = ?", [user_id]).fetchone()[0]
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert authenticate(db, "lan.nguyen", PASSWORD)["role"] == "inspector"
    assert authenticate(db, "lan.nguyen", "sai") is None and authenticate(db, "ai-do", PASSWORD) is None
    for args, message in ((("lan.nguyen", PASSWORD, "inspector"), "đã tồn tại"),
                          (("minh", "ngan", "inspector"), "ít nhất 8"),
                          (("minh", PASSWORD, "boss"), "không hợp lệ"),
                          (("minh", PASSWORD, "editor"), "--agency"),
                          (("Minh Ánh", PASSWORD, "admin"), "Tên đăng nhập")):
        with pytest.raises(InputError, match=message):
            create_user(db, *args)
    assert session_secret(db) == session_secret(db) and len(session_secret(db)) > 40

    throttle = LoginThrottle(max_failures=2, window=60)
    throttle.failed("lan", "1.2.3.4")
    assert throttle.retry_after("lan", "1.2.3.4") == 0
    throttle.failed("LAN", "1.2.3.4")
    assert 0 < throttle.retry_after("lan", "1.2.3.4") <= 61
    assert throttle.retry_after("lan", "5.6.7.8") == 0
    throttle.succeeded("lan", "1.2.3.4")
    assert throttle.retry_after("lan", "1.2.3.4") == 0


# --- CLI --------------------------------------------------------------------------------------------------

def test_cli_user_add_and_list(tmp_path: Path) -> None:
    runner, db = CliRunner(), str(tmp_path / "u.db")
    added = runner.invoke(cli, ["user", "add", "minh", "--role", "editor", "--agency", "Báo Lạng Sơn",
                                "--password-stdin", "--db", db], input=PASSWORD + "\n")
    assert added.exit_code == 0, added.output
    assert "Đã tạo tài khoản 'minh' (#1, editor, Báo Lạng Sơn)." in added.output
    prompted = runner.invoke(cli, ["user", "add", "lan", "--role", "inspector", "--db", db],
                             input=f"{PASSWORD}\n{PASSWORD}\n")
    assert prompted.exit_code == 0, prompted.output
    again = runner.invoke(cli, ["user", "add", "minh", "--role", "admin", "--password-stdin", "--db", db],
                          input=PASSWORD + "\n")
    assert again.exit_code == 1 and "đã tồn tại" in again.output
    listed = runner.invoke(cli, ["user", "list", "--db", db])
    assert listed.exit_code == 0
    assert re.search(r"^lan\s+inspector\s+—", listed.output, re.M)
    assert re.search(r"^minh\s+editor\s+Báo Lạng Sơn", listed.output, re.M)
    assert runner.invoke(cli, ["user", "disable", "lan", "--db", db]).exit_code == 0
    assert "(đã khoá)" in runner.invoke(cli, ["user", "list", "--db", db]).output
    assert authenticate(open_db(db), "lan", PASSWORD) is None
    assert runner.invoke(cli, ["user", "enable", "lan", "--db", db]).exit_code == 0
    changed = runner.invoke(cli, ["user", "passwd", "lan", "--password-stdin", "--db", db], input="mat-khau-moi-123\n")
    assert changed.exit_code == 0 and "Đã đổi mật khẩu" in changed.output
    assert authenticate(open_db(db), "lan", "mat-khau-moi-123")["username"] == "lan"
    unknown = runner.invoke(cli, ["user", "disable", "ai-do", "--db", db])
    assert unknown.exit_code == 1 and "Không có tài khoản 'ai-do'" in unknown.output


def test_cli_check(tmp_path: Path) -> None:
    runner = CliRunner()
    draft = tmp_path / "bai.txt"
    draft.write_text("Ông Hùng, giám đốc sở, cho biết: \"Chúng tôi sẽ làm ngay.\"\n", encoding="utf-16")
    report = runner.invoke(cli, ["check", str(draft), "--title", "Tin sở", "--no-color"])
    assert report.exit_code == 0, report.output
    assert report.output.startswith(f"Tự kiểm tra bản thảo: {draft}\nTiêu đề: Tin sở\n")
    assert "Tin bình đẳng giới:" in report.output and "Nguồn được trích lời:" in report.output
    as_json = runner.invoke(cli, ["check", "-", "--json"], input="Bà Lan nói: \"Tốt.\"".encode())
    assert as_json.exit_code == 0, as_json.output
    body = json.loads(as_json.output)
    assert {"ge_item", "findings", "people", "summary"} <= set(body) and body["summary"]["words"] == 4
    empty = tmp_path / "trong.txt"
    empty.write_bytes(b"")
    failed = runner.invoke(cli, ["check", str(empty)])
    assert failed.exit_code == 1 and "Tệp trống" in failed.output
    missing = runner.invoke(cli, ["check", str(tmp_path / "khong-co.txt")])
    assert missing.exit_code == 1 and "Không tìm thấy tệp" in missing.output


def test_cli_serve_starts_a_real_server(tmp_path: Path) -> None:
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-m", "auditor", "serve", "--db", str(tmp_path / "s.db"),
                                "--port", str(port)], stderr=subprocess.PIPE, text=True)
    try:
        deadline, page = time.monotonic() + 30, None
        while page is None and time.monotonic() < deadline:
            try:
                page = httpx.get(f"http://127.0.0.1:{port}/login", timeout=2)
            except httpx.HTTPError:
                time.sleep(0.2)
        assert page is not None and page.status_code == 200 and "Đăng nhập" in page.text
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=10)
    assert "Chưa có tài khoản nào" in stderr
