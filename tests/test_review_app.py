"""HTTP tests of the review app, in process (FastAPI TestClient), on a temp database with real rows."""

from __future__ import annotations

import codecs
import io
import json
import re
import sqlite3

import pytest
from fastapi.testclient import TestClient
from test_review_support import A1_TEXT, PASSWORD, USERNAMES, KeywordAuditor, csrf_of, login, seed

from auditor.crawl.decoding import encode_cp1258
from auditor.review.accounts import LoginThrottle
from auditor.review.app import create_app


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict:
    db_path = tmp_path_factory.mktemp("review") / "auditor.db"
    users = seed(db_path)
    app = create_app(db_path, auditor=KeywordAuditor(), secret_key="test-secret")
    return {"db_path": db_path, "users": users, "app": app}


@pytest.fixture(scope="module")
def clients(env: dict) -> dict[str, TestClient]:
    """One logged-in client per role (each has its own cookie jar)."""
    out = {}
    for role in ("admin", "inspector", "editor", "editor2", "other_editor"):
        client = TestClient(env["app"])
        assert login(client, role).status_code == 303
        out[role] = client
    return out


def rows(env: dict, sql: str, params: tuple = ()) -> list[tuple]:
    conn = sqlite3.connect(env["db_path"])
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def finding_id(env: dict, article_id: str, excerpt: str) -> int:
    return rows(env, "SELECT id FROM findings WHERE article_id = ? AND excerpt = ?", (article_id, excerpt))[0][0]


def queue_ids(client: TestClient, **params: str) -> list[str]:
    page = client.get("/queue", params=params)
    assert page.status_code == 200, page.text
    return re.findall(r'<a href="/articles/([^"?]+)', page.text)


# --- anonymous ------------------------------------------------------------------------------------------

def test_anonymous_is_sent_to_login(env: dict) -> None:
    client = TestClient(env["app"])
    for path in ("/", "/queue", "/articles/a1", "/check", "/drafts", "/drafts/1"):
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 303, path
        assert response.headers["location"].startswith("/login")
    assert client.get("/queue?status=all", follow_redirects=False).headers["location"] == \
        "/login?next=%2Fqueue%3Fstatus%3Dall"
    api = client.post("/api/check", json={"text": "Bà Lan nói."})
    assert api.status_code == 401
    assert api.headers["www-authenticate"] == "Bearer"
    assert "Cần đăng nhập" in api.json()["error"]
    assert client.get("/api/health").json() == {"status": "ok"}
    assert client.get("/static/style.css").status_code == 200


def test_login_sets_a_safe_session_cookie(env: dict) -> None:
    client = TestClient(env["app"])
    response = login(client, "inspector")
    assert response.status_code == 303 and response.headers["location"] == "/queue"
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie
    page = client.get("/queue")
    assert page.status_code == 200
    assert "default-src 'self'" in page.headers["content-security-policy"]
    # logging out needs the CSRF token too, then the session is gone
    assert client.post("/logout", data={}, follow_redirects=False).status_code == 403
    out = client.post("/logout", data={"csrf_token": csrf_of(page.text)}, follow_redirects=False)
    assert out.status_code == 303
    assert client.get("/queue", follow_redirects=False).status_code == 303


def test_login_rejects_wrong_password_missing_csrf_and_open_redirect(env: dict) -> None:
    client = TestClient(env["app"])
    wrong = login(client, "editor", password="sai-mat-khau")
    assert wrong.status_code == 401 and "Sai tên đăng nhập hoặc mật khẩu" in wrong.text
    no_csrf = client.post("/login", data={"username": USERNAMES["editor"], "password": PASSWORD})
    assert no_csrf.status_code == 403 and "CSRF" in no_csrf.text
    page = client.get("/login?next=//evil.example/x")
    response = client.post("/login", data={"username": USERNAMES["inspector"], "password": PASSWORD,
                                           "csrf_token": csrf_of(page.text), "next": "//evil.example/x"},
                           follow_redirects=False)
    assert response.headers["location"] == "/queue"


def test_login_is_rate_limited_per_username_and_address(env: dict) -> None:
    app = create_app(env["db_path"], auditor=KeywordAuditor(), secret_key="test-secret",
                     throttle=LoginThrottle(max_failures=5, window=900))
    client = TestClient(app)
    for _ in range(5):
        assert login(client, "editor", password="sai-mat-khau").status_code == 401
    blocked = login(client, "editor")  # even the right password waits now
    assert blocked.status_code == 429 and "thử lại sau" in blocked.text
    token = client.post("/api/token", json={"username": USERNAMES["editor"], "password": PASSWORD})
    assert token.status_code == 429 and "Retry-After" in token.headers
    assert login(client, "editor2").status_code == 303  # another username is not affected


# --- roles ----------------------------------------------------------------------------------------------

def test_roles_decide_what_each_user_reaches(env: dict, clients: dict[str, TestClient]) -> None:
    editor = clients["editor"]
    assert editor.get("/", follow_redirects=False).headers["location"] == "/check"
    for path in ("/queue", "/articles/a1"):
        denied = editor.get(path)
        assert denied.status_code == 403 and "Biên tập viên dùng trang Tự kiểm tra" in denied.text
    token = csrf_of(editor.get("/check").text)
    post = editor.post("/articles/a1/decisions", data={"csrf_token": token, "target": "ge_item",
                                                        "target_id": "a1", "action": "accept"})
    assert post.status_code == 403
    assert rows(env, "SELECT count(*) FROM decisions WHERE username = ?", (USERNAMES["editor"],))[0][0] == 0
    for role in ("inspector", "admin"):
        assert clients[role].get("/", follow_redirects=False).headers["location"] == "/queue"
        assert clients[role].get("/queue").status_code == 200
        assert clients[role].get("/articles/a1").status_code == 200
        assert clients[role].get("/check").status_code == 200
    assert clients["inspector"].get("/articles/nope").status_code == 404


def test_queue_filters(clients: dict[str, TestClient]) -> None:
    inspector = clients["inspector"]
    assert set(queue_ids(inspector, status="all")) == {"a1", "a2", "a4"}  # a3: no findings, not an item
    assert queue_ids(inspector, status="all") == ["a4", "a2", "a1"]  # newest first
    assert set(queue_ids(inspector, status="all", outlet="baogialai")) == {"a2", "a4"}
    assert queue_ids(inspector, status="all", province="Lạng Sơn") == ["a1"]
    assert queue_ids(inspector, status="all", period="2025-07") == ["a1"]
    assert set(queue_ids(inspector, status="all", period="2025-Q3")) == {"a1", "a2", "a4"}
    assert queue_ids(inspector, status="all", period="2024") == []
    assert set(queue_ids(inspector, status="all", category="domestic_role")) == {"a1", "a4"}
    assert queue_ids(inspector, status="all", rule="demeaning_label.slang") == ["a4"]
    bad = inspector.get("/queue", params={"period": "tháng 7"})
    assert bad.status_code == 422 and "không hợp lệ" in bad.text


def test_article_page_highlights_findings_and_escapes_text(env: dict, clients: dict[str, TestClient]) -> None:
    page = clients["inspector"].get("/articles/a1")
    assert page.status_code == 200
    html = page.text
    fid = finding_id(env, "a1", "nữ giám đốc xinh đẹp")
    assert f'<mark class="hl" data-f="{fid}" id="m-{fid}">nữ giám đốc xinh đẹp</mark>' in html
    kitchen = finding_id(env, "a1", "chu toàn việc bếp núc")
    assert f'id="m-{kitchen}">chu toàn việc bếp núc</mark>' in html
    title_hit = finding_id(env, "a1", "xinh đẹp")
    assert f'id="m-{title_hit}">xinh đẹp</mark>' in html  # in the title
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt;" in html
    assert "<script>window" not in html and 'onerror="window' not in html
    assert "Nguyễn Thị Hoa" in html and "Trần Văn Nam" in html
    assert "bỏ nhận xét ngoại hình" in html  # the suggestion, from the stored contract
    assert "nội dung, dòng 1, cột 21" in html  # 1-based column of offset 20
    assert A1_TEXT.index("nữ giám đốc xinh đẹp") == 20


def _decide(client: TestClient, article_id: str, **data: str):  # noqa: ANN202
    token = csrf_of(client.get(f"/articles/{article_id}").text)
    return client.post(f"/articles/{article_id}/decisions", data={"csrf_token": token, **data},
                       follow_redirects=False)


def test_decisions_are_validated_recorded_and_shown(env: dict, clients: dict[str, TestClient]) -> None:
    inspector = clients["inspector"]
    housewife = finding_id(env, "a4", "bà nội trợ đảm đang")
    slang = finding_id(env, "a4", "cánh mày râu")

    no_reason = _decide(inspector, "a4", target="finding", target_id=str(housewife), action="dismiss")
    assert no_reason.status_code == 422 and "Hãy ghi lý do bác bỏ" in no_reason.text
    no_csrf = inspector.post("/articles/a4/decisions", data={"target": "finding", "target_id": str(slang),
                                                             "action": "accept"})
    assert no_csrf.status_code == 403
    foreign = _decide(inspector, "a4", target="finding", target_id=str(finding_id(env, "a1", "xinh đẹp")),
                      action="accept")
    assert foreign.status_code == 422 and "không thuộc bài viết" in foreign.text
    assert rows(env, "SELECT count(*) FROM decisions WHERE article_id = 'a4'")[0][0] == 0

    done = _decide(inspector, "a4", target="finding", target_id=str(housewife), action="dismiss",
                   reason="Trích nguyên văn ca dao")
    assert done.status_code == 303 and done.headers["location"] == f"/articles/a4#finding-{housewife}"
    assert _decide(inspector, "a4", target="finding", target_id=str(slang), action="correct",
                   category="trait").status_code == 303
    assert _decide(inspector, "a4", target="ge_item", target_id="a4", action="correct", ge_item="1",
                   ge_topic="gbv").status_code == 303
    assert _decide(inspector, "a4", target="article", target_id="a4", action="note",
                   reason="Cần hỏi lại phóng viên").status_code == 303

    trail = rows(env, "SELECT username, target, target_id, action, reason, before, after FROM decisions "
                      "WHERE article_id = 'a4' ORDER BY id")
    assert [(t[1], t[3]) for t in trail] == [("finding", "dismiss"), ("finding", "correct"),
                                             ("ge_item", "correct"), ("article", "note")]
    assert trail[0][0] == USERNAMES["inspector"] and trail[0][2] == str(housewife)
    assert trail[0][4] == "Trích nguyên văn ca dao"
    assert json.loads(trail[0][5]) == {"status": "pending", "category": "domestic_role"}
    assert json.loads(trail[0][6]) == {"status": "dismissed", "category": "domestic_role"}
    assert json.loads(trail[1][6]) == {"status": "corrected", "category": "trait"}
    assert json.loads(trail[2][5]) == {"ge_item": False, "ge_topic": None}
    assert json.loads(trail[2][6]) == {"ge_item": True, "ge_topic": "gbv"}

    page = inspector.get("/articles/a4").text
    assert "Trích nguyên văn ca dao" in page and "Cần hỏi lại phóng viên" in page
    assert "Đã bác bỏ" in page and "Gán tính cách theo giới" in page
    assert 'id="ge-effective">Có</strong> · Phòng chống bạo lực gia đình, bạo lực giới' in page
    # the queue shows the inspector's verdict, not the machine's
    assert re.search(r'href="/articles/a4[^"]*">Chuyện bếp núc ngày Tết</a>.*?Có · Phòng chống bạo lực gia đình, bạo lực giới <span class="muted" '
                     r'title="theo quyết định của thanh tra">', inspector.get("/queue?status=all").text, re.S)
    # reviewed now: it left the pending queue
    assert "a4" not in queue_ids(inspector)
    assert "a4" in queue_ids(inspector, status="reviewed")
    # the trail cannot be edited, not even by SQL
    conn = sqlite3.connect(env["db_path"])
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("UPDATE decisions SET reason = 'x'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM decisions")
    conn.close()


def test_person_correction_and_ge_dismiss(env: dict, clients: dict[str, TestClient]) -> None:
    admin = clients["admin"]
    person = rows(env, "SELECT id FROM people WHERE article_id = 'a1' AND name = 'Nguyễn Thị Hoa'")[0][0]
    bad = _decide(admin, "a1", target="person", target_id=str(person), action="correct", gender="X",
                  role="expert")
    assert bad.status_code == 422
    assert _decide(admin, "a1", target="person", target_id=str(person), action="correct", gender="F",
                   quoted="1", role="expert").status_code == 303
    assert _decide(admin, "a2", target="ge_item", target_id="a2", action="dismiss",
                   reason="Chỉ là tin hoạt động").status_code == 303
    before, after = rows(env, "SELECT before, after FROM decisions WHERE target = 'person'")[0]
    assert json.loads(before) == {"gender": "F", "quoted": False, "role": "business"}
    assert json.loads(after) == {"gender": "F", "quoted": True, "role": "expert"}
    ge = rows(env, "SELECT before, after FROM decisions WHERE article_id = 'a2' AND target = 'ge_item'")[0]
    assert json.loads(ge[0]) == {"ge_item": True, "ge_topic": "womens_union"}
    assert json.loads(ge[1]) == {"ge_item": False, "ge_topic": None}
    page = admin.get("/articles/a1").text
    assert re.search(r'<tr id="person-\d+" class="corrected">\s*<td data-label="Tên">Nguyễn Thị Hoa</td>\s*'
                     r'<td data-label="Giới">Nữ</td>\s*<td data-label="Trích lời">Có</td>\s*'
                     r'<td data-label="Vai trò">Chuyên gia</td>', page)


def test_next_and_previous_article_follow_the_filtered_queue(clients: dict[str, TestClient]) -> None:
    page = clients["inspector"].get("/articles/a2", params={"status": "all"}).text
    assert 'href="/articles/a4?status=all" id="prev-article"' in page
    assert 'href="/articles/a1?status=all" id="next-article"' in page


# --- self-check and drafts --------------------------------------------------------------------------------

def _check(client: TestClient, **data: str):  # noqa: ANN202
    token = csrf_of(client.get("/check").text)
    return client.post("/check", data={"csrf_token": token, **data})


def test_self_check_form_highlights_and_stores_nothing(env: dict, clients: dict[str, TestClient]) -> None:
    response = _check(clients["editor"], title="Cô gái xinh đẹp",
                      text='Bà Lan nói "tốt" về bếp núc <script>window.__xss=1</script>')
    assert response.status_code == 200
    html = response.text
    assert '<mark class="hl" data-f="0" id="m-0">xinh đẹp</mark>' in html
    assert 'id="m-1">bếp núc</mark>' in html
    assert "Nhận xét ngoại hình không liên quan." in html and "Bỏ nhận xét về ngoại hình." in html
    assert "&lt;script&gt;" in html and "<script>window" not in html
    assert rows(env, "SELECT count(*) FROM drafts")[0][0] == 0


def test_saved_drafts_are_scoped_to_the_agency(env: dict, clients: dict[str, TestClient]) -> None:
    saved = _check(clients["editor"], title="Bản nháp chung", text="Chị Mai nói về việc bếp núc.", save="1")
    assert saved.status_code == 200 and "Đã lưu bản thảo" in saved.text
    draft_id, agency = rows(env, "SELECT id, agency FROM drafts WHERE title = 'Bản nháp chung'")[0]
    assert agency == "Báo Lạng Sơn"
    colleague = clients["editor2"]  # same agency
    assert "Bản nháp chung" in colleague.get("/drafts").text
    opened = colleague.get(f"/drafts/{draft_id}")
    assert opened.status_code == 200 and 'id="m-0">bếp núc</mark>' in opened.text
    for outsider in ("other_editor", "inspector", "admin"):
        assert "Bản nháp chung" not in clients[outsider].get("/drafts").text
        assert clients[outsider].get(f"/drafts/{draft_id}").status_code == 404
    token = csrf_of(clients["other_editor"].get("/drafts").text)
    assert clients["other_editor"].post(f"/drafts/{draft_id}/delete", data={"csrf_token": token}).status_code == 404
    token = csrf_of(colleague.get("/drafts").text)
    assert colleague.post(f"/drafts/{draft_id}/delete", data={"csrf_token": token},
                          follow_redirects=False).status_code == 303
    assert rows(env, "SELECT count(*) FROM drafts WHERE id = ?", (draft_id,))[0][0] == 0


def _docx_bytes(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


TEXT = "Cô ấy xinh đẹp và đảm đang việc bếp núc."


@pytest.mark.parametrize("filename,data", [
    ("bai.txt", TEXT.encode("utf-8")),
    ("bai.txt", codecs.BOM_UTF8 + TEXT.encode("utf-8")),
    ("bai.txt", TEXT.encode("utf-16")),  # with BOM
    ("bai.txt", encode_cp1258(TEXT)),  # precomposed vowels, combining tones
    ("bai.docx", _docx_bytes(["Tiêu đề phụ", TEXT])),
], ids=["utf8", "utf8-bom", "utf16", "cp1258", "docx"])
def test_upload_in_every_supported_encoding(clients: dict[str, TestClient], filename: str, data: bytes) -> None:
    client = clients["editor"]
    token = csrf_of(client.get("/check").text)
    response = client.post("/check", data={"csrf_token": token}, files={"file": (filename, data)})
    assert response.status_code == 200, response.text
    assert 'id="m-0">xinh đẹp</mark>' in response.text
    assert "đảm đang" in response.text


@pytest.mark.parametrize("filename,data,status,message", [
    ("trong.txt", b"", 422, "trống"),
    ("anh.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", 415, "nhị phân"),
    ("bai.pdf", b"%PDF-1.4 ...", 415, "chỉ nhận .txt hoặc .docx"),
    ("hong.docx", b"PK\x03\x04 not really a zip", 415, ".docx"),
    ("lon.txt", b"a" * (5 * 1024 * 1024), 413, "quá lớn"),
    ("nhat.txt", "日本語のテキストです。".encode("shift_jis") * 20, 415, "bảng mã"),
    ("dieu-khien.txt", bytes(range(1, 32)) * 10, 422, "nhị phân"),
    ("chi-cach.txt", b"   \n\t  ", 422, "trống"),
], ids=["empty", "binary", "pdf", "bad-docx", "5mb", "shift-jis", "controls", "blank"])
def test_bad_uploads_get_a_clear_error(clients: dict[str, TestClient], filename: str, data: bytes, status: int,
                                       message: str) -> None:
    client = clients["editor"]
    token = csrf_of(client.get("/check").text)
    response = client.post("/check", data={"csrf_token": token}, files={"file": (filename, data)})
    assert response.status_code == status
    assert message in response.text
    assert client.get("/api/health").status_code == 200  # still serving


def test_empty_pasted_text_and_missing_csrf(clients: dict[str, TestClient]) -> None:
    empty = _check(clients["editor"], text="   ")
    assert empty.status_code == 422 and "Bản thảo trống" in empty.text
    assert clients["editor"].post("/check", data={"text": "Bà Lan"}).status_code == 403


# --- JSON API ---------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def token(env: dict) -> str:
    client = TestClient(env["app"])
    wrong = client.post("/api/token", json={"username": USERNAMES["editor"], "password": "sai-mat-khau"})
    assert wrong.status_code == 401 and "Sai tên đăng nhập" in wrong.json()["error"]
    response = client.post("/api/token", json={"username": USERNAMES["editor"], "password": PASSWORD})
    assert response.status_code == 200
    return response.json()["access_token"]


def test_api_check_returns_the_contract_and_a_summary(env: dict, token: str) -> None:
    client = TestClient(env["app"])
    response = client.post("/api/check", headers={"Authorization": f"Bearer {token}"},
                           json={"title": "Nữ CEO xinh đẹp", "text": "Dòng một.\nChị Hoa lo việc bếp núc."})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"id", "ge_item", "ge_topic", "ge_score", "findings", "people", "summary"}
    assert [(f["field"], f["excerpt"]) for f in body["findings"]] == [("title", "xinh đẹp"), ("text", "bếp núc")]
    assert body["findings"][0]["suggestion"] == "Bỏ nhận xét về ngoại hình."
    summary = body["summary"]
    assert summary["n_findings"] == 2 and summary["by_category"] == {"appearance": 1, "domestic_role": 1}
    assert summary["positions"] == [{"line": 1, "column": 8}, {"line": 2, "column": 17}]
    assert set(summary["quoted_share"]) == {"F", "M"} and set(summary["people"]) == {"F", "M", "U"}
    assert rows(env, "SELECT count(*) FROM drafts")[0][0] == 0


@pytest.mark.parametrize("kwargs,status,message", [
    ({"content": '{"text": "thiếu ngoặc"'.encode(), "headers": {"content-type": "application/json"}}, 400, "JSON không hợp lệ"),
    ({"content": b"text=abc", "headers": {"content-type": "text/plain"}}, 415, "chỉ nhận JSON"),
    ({"json": {"title": "không có nội dung"}}, 422, "text"),
    ({"json": {"text": "   "}}, 422, "Bản thảo trống"),
    ({"json": {"text": "\x00\x01\x02\x03\x04\x05" * 50}}, 422, "nhị phân"),
    ({"json": {"text": "a" * (5 * 1024 * 1024)}}, 413, "quá lớn"),
    ({"json": {"text": "a " * 150_000}}, 413, "quá lớn"),
    ({"json": ["text"]}, 422, "Dữ liệu không hợp lệ"),
], ids=["malformed", "not-json", "no-text", "blank", "binary", "5mb", "too-many-chars", "array"])
def test_api_bad_input(env: dict, token: str, kwargs: dict, status: int, message: str) -> None:
    client = TestClient(env["app"])
    headers = {"Authorization": f"Bearer {token}", **kwargs.pop("headers", {})}
    response = client.post("/api/check", headers=headers, **kwargs)
    assert response.status_code == status, response.text
    assert message in response.json()["error"]


def test_api_auth_token_and_session(env: dict, clients: dict[str, TestClient]) -> None:
    client = TestClient(env["app"])
    bad = client.post("/api/check", headers={"Authorization": "Bearer forged"}, json={"text": "Bà Lan"})
    assert bad.status_code == 401 and "Token không hợp lệ" in bad.json()["error"]
    inspector = clients["inspector"]
    no_header = inspector.post("/api/check", json={"text": "Bà Lan nói."})
    assert no_header.status_code == 403 and "X-CSRF-Token" in no_header.json()["error"]
    token = csrf_of(inspector.get("/check").text)
    ok = inspector.post("/api/check", json={"text": "Bà Lan nói."}, headers={"X-CSRF-Token": token})
    assert ok.status_code == 200


def test_openapi_documents_the_check_api(env: dict) -> None:
    schema = TestClient(env["app"]).get("/openapi.json").json()
    operation = schema["paths"]["/api/check"]["post"]
    assert operation["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith("/CheckRequest")
    assert {"200", "400", "401", "413", "415", "422"} <= set(operation["responses"])
    assert "HTTPBearer" in schema["components"]["securitySchemes"]
    assert "/queue" not in schema["paths"]  # HTML pages are not part of the API


ROUTE_MATRIX = {
    # path: expected status for anonymous, editor, inspector, admin (303 = sent to the login page)
    "/": (303, 303, 303, 303),
    "/login": (200, 200, 200, 200),
    "/queue": (303, 403, 200, 200),
    "/queue?status=reviewed&category=appearance": (303, 403, 200, 200),
    "/articles/a1": (303, 403, 200, 200),
    "/articles/a3": (303, 403, 200, 200),  # not flagged, still viewable by id
    "/articles/missing": (303, 403, 404, 404),
    "/check": (303, 200, 200, 200),
    "/drafts": (303, 200, 200, 200),
    "/drafts/999999": (303, 404, 404, 404),
    "/api/health": (200, 200, 200, 200),
    "/openapi.json": (200, 200, 200, 200),
    "/api/docs": (200, 200, 200, 200),
    "/static/review.js": (200, 200, 200, 200),
    "/nowhere": (404, 404, 404, 404),
}


@pytest.mark.parametrize("path", list(ROUTE_MATRIX))
def test_every_page_for_every_role(env: dict, clients: dict[str, TestClient], path: str) -> None:
    for role, expected in zip(("anonymous", "editor", "inspector", "admin"), ROUTE_MATRIX[path], strict=True):
        client = TestClient(env["app"]) if role == "anonymous" else clients[role]
        response = client.get(path, follow_redirects=False)
        assert response.status_code == expected, (role, path, response.status_code)
        if response.headers.get("content-type", "").startswith("text/html") and expected >= 400:
            assert "Lỗi" in response.text and "<script>" not in response.text.replace(
                '<script src="/static/review.js"></script>', "")


def test_wrong_methods_and_unknown_decision_targets(clients: dict[str, TestClient]) -> None:
    inspector = clients["inspector"]
    assert inspector.get("/api/check").status_code == 405
    assert inspector.get("/logout").status_code == 405
    for target, action in (("article", "dismiss"), ("nothing", "accept"), ("person", "accept"),
                           ("finding", "delete")):
        response = _decide(inspector, "a1", target=target, target_id="1", action=action)
        assert response.status_code == 422, (target, action)
    missing = _decide(inspector, "a1", target="ge_item", target_id="a1", action="accept")
    assert missing.status_code == 303
    token = csrf_of(inspector.get("/check").text)
    assert inspector.post("/articles/missing/decisions", data={"csrf_token": token, "target": "ge_item",
                                                               "action": "accept"}).status_code == 404


def test_a_streamed_body_over_the_limit_is_cut_off(env: dict, token: str) -> None:
    def chunks():  # noqa: ANN202 - no Content-Length: the limit must hold while reading
        yield b'{"text": "'
        for _ in range(80):
            yield b"a" * 65536
        yield b'"}'

    client = TestClient(env["app"])
    response = client.post("/api/check", content=chunks(), headers={"Authorization": f"Bearer {token}",
                                                                    "Content-Type": "application/json"})
    assert response.status_code == 413 and "quá lớn" in response.json()["error"]


def test_a_new_password_ends_sessions_and_tokens(env: dict) -> None:
    from auditor.db import open_db
    from auditor.review.accounts import create_user, set_password

    db = open_db(env["db_path"])
    create_user(db, "doimatkhau", PASSWORD, "editor", "Báo Gia Lai")  # its own account: the others stay valid
    browser, api = TestClient(env["app"]), TestClient(env["app"])
    page = browser.get("/login")
    assert browser.post("/login", data={"username": "doimatkhau", "password": PASSWORD,
                                        "csrf_token": csrf_of(page.text)}, follow_redirects=False).status_code == 303
    token = api.post("/api/token", json={"username": "doimatkhau", "password": PASSWORD}).json()
    headers = {"Authorization": f"Bearer {token['access_token']}"}
    assert api.post("/api/check", headers=headers, json={"text": "Bà Lan"}).status_code == 200
    assert browser.get("/check").status_code == 200
    set_password(db, "doimatkhau", "mat-khau-moi-hoan-toan")
    db.close()
    assert browser.get("/check", follow_redirects=False).status_code == 303  # back to the login page
    stale = api.post("/api/check", headers=headers, json={"text": "Bà Lan"})
    assert stale.status_code == 401 and "Mật khẩu đã đổi" in stale.json()["error"]
