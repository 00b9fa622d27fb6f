"""The review web app (FastAPI): login, review queue, article review, self-check, drafts, JSON API.

    from auditor.review.app import create_app
    app = create_app("auditor.db")          # then: uvicorn.run(app, host="127.0.0.1", port=8000)

Security, in brief: argon2 password hashes; a signed session cookie (HttpOnly, SameSite=Lax, key from
``AUDITOR_SECRET_KEY`` or the database); a CSRF token in every POST form (and the ``X-CSRF-Token``
header for the API when called with the session cookie); login throttled per username + address;
editors reach only the self-check and their agency's drafts; Jinja autoescapes every page and the
highlighted text is built from escaped segments; a Content-Security-Policy forbids inline scripts.

(No ``from __future__ import annotations`` here: FastAPI must evaluate the route annotations, and the
dependency aliases they use are local to :func:`create_app`.)
"""


import logging
import secrets
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

import jinja2
import sqlite_utils
from fastapi import Depends, FastAPI, File, Form, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from auditor.audit import default_auditor
from auditor.audit.engine import Auditor
from auditor.audit.report import line_column, summarize
from auditor.audit.types import CATEGORIES, GE_TOPICS, ROLES, AuditResult, Finding, Person
from auditor.db import open_db
from auditor.errors import InputError
from auditor.review import labels as L
from auditor.review import store
from auditor.review.accounts import LoginThrottle, authenticate, get_user, session_secret
from auditor.review.highlight import highlight, locate
from auditor.review.intake import MAX_UPLOAD_BYTES, IntakeError, check_text, draft_from_upload

__all__ = ["create_app"]

log = logging.getLogger("auditor.review")

HERE = Path(__file__).parent
SESSION_MAX_AGE = 8 * 60 * 60
TOKEN_MAX_AGE = 12 * 60 * 60
REVIEWERS = ("admin", "inspector")
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'")
STATUS_MESSAGES = {
    400: "Yêu cầu không hợp lệ.",
    401: "Bạn cần đăng nhập.",
    403: "Bạn không có quyền truy cập trang này.",
    404: "Không tìm thấy trang hoặc mục được yêu cầu.",
    405: "Phương thức không được hỗ trợ cho địa chỉ này.",
    413: "Dữ liệu gửi lên quá lớn.",
    415: "Định dạng dữ liệu không được hỗ trợ.",
    422: "Dữ liệu không hợp lệ.",
    429: "Quá nhiều yêu cầu, hãy thử lại sau.",
    500: "Lỗi máy chủ. Yêu cầu không được thực hiện; dữ liệu của bạn không bị mất.",
}


class UserFacingError(StarletteHTTPException):
    """An HTTP error whose ``detail`` is a Vietnamese message meant for the user."""


class LoginRequired(Exception):
    pass


class BodyTooLarge(Exception):
    pass


# --- API models (they make the OpenAPI schema at /openapi.json) ---------------------------------------

class CheckRequest(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"title": "Nữ giám đốc xinh đẹp", "text": "Bà Lan cho biết doanh nghiệp tăng trưởng 20%."}]})
    title: str | None = Field(None, max_length=1000, description="Tiêu đề (không bắt buộc)")
    text: str = Field(..., description="Nội dung bản thảo (tối đa 200.000 ký tự)")


class FindingOut(BaseModel):
    rule: str
    category: str
    field: str = Field(description="'title' hoặc 'text': offsets đếm trong trường này")
    start: int
    end: int
    excerpt: str
    by: str
    score: float
    message: str
    suggestion: str = ""


class PersonOut(BaseModel):
    name: str
    gender: str = Field(description="F (nữ), M (nam), U (không rõ)")
    quoted: bool
    role: str
    mentions: list[list[int]] = []


class Position(BaseModel):
    line: int
    column: int


class CheckSummary(BaseModel):
    words: int
    n_findings: int
    by_category: dict[str, int]
    people: dict[str, int] = Field(description="số nhân vật theo giới: F, M, U")
    quoted: dict[str, int] = Field(description="số nguồn được trích lời theo giới")
    quoted_share: dict[str, float | None] = Field(description="tỷ lệ nguồn trích lời là nữ (F) / nam (M)")
    positions: list[Position] = Field(description="dòng/cột (từ 1) của từng phát hiện, cùng thứ tự")


class CheckResponse(BaseModel):
    id: Any = None
    ge_item: bool
    ge_topic: str | None
    ge_score: float
    findings: list[FindingOut]
    people: list[PersonOut]
    summary: CheckSummary


class TokenRequest(BaseModel):
    username: str
    password: str


class TokenResponse(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int


class ErrorOut(BaseModel):
    error: str


API_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorOut, "description": STATUS_MESSAGES[code]} for code in (400, 401, 413, 415, 422, 429)
}


# --- middleware ----------------------------------------------------------------------------------------

def _wants_json(scope_or_request: Any) -> bool:
    path = scope_or_request["path"] if isinstance(scope_or_request, dict) else scope_or_request.url.path
    return path.startswith("/api/")


class BodyLimitMiddleware:
    """Refuse request bodies over ``max_bytes`` with 413 before they are read into memory."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_bytes:
            await _too_large_response(scope)(scope, receive, send)
            return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge()
            return message

        await self.app(scope, limited, send)


def _too_large_response(scope: Scope) -> Response:
    message = (f"Dữ liệu gửi lên quá lớn: tối đa {MAX_UPLOAD_BYTES // (1024 * 1024)} MB. "
               "Hãy tách bản thảo thành nhiều phần.")
    if _wants_json(scope):
        return JSONResponse({"error": message}, status_code=413)
    return Response(f"<!doctype html><meta charset=utf-8><title>413</title><p>{message}</p>",
                    status_code=413, media_type="text/html")


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        docs = scope["path"].startswith("/api/docs")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"same-origin"),
                            (b"x-frame-options", b"DENY")]
                if not docs:  # Swagger UI needs its inline script
                    headers.append((b"content-security-policy", CSP.encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


# --- the app -------------------------------------------------------------------------------------------

def _templates() -> Jinja2Templates:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True)
    env.globals.update(L=L, label=L.label, CATEGORIES=CATEGORIES, GE_TOPICS=GE_TOPICS, ROLES=ROLES)
    return Jinja2Templates(env=env)


def create_app(db_path: str | Path, *, auditor: Auditor | None = None, secret_key: str | None = None,
               https_only: bool = False, throttle: LoginThrottle | None = None) -> FastAPI:
    """The web app over the database at ``db_path`` (migrated now). ``auditor`` defaults to
    :func:`default_auditor`; ``https_only`` marks the session cookie Secure (behind TLS)."""
    db_path = Path(db_path)
    setup_db = open_db(db_path)
    secret = secret_key or session_secret(setup_db)
    setup_db.close()

    app = FastAPI(
        title="Gender Media Auditor: tự kiểm tra bản thảo",
        version="1",
        description="API tự kiểm tra bản thảo tin bài theo Bộ chỉ số nhạy cảm giới trong truyền thông. "
                    "Lấy token bằng `POST /api/token`, rồi gửi `Authorization: Bearer <token>`.",
        docs_url="/api/docs", redoc_url=None, openapi_url="/openapi.json",
    )
    app.state.db_path = db_path
    app.state.auditor = auditor
    app.state.throttle = throttle or LoginThrottle()
    app.state.tokens = URLSafeTimedSerializer(secret, salt="auditor-api-token")
    templates = _templates()
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_middleware(SessionMiddleware, secret_key=secret, session_cookie="auditor_session",
                       max_age=SESSION_MAX_AGE, same_site="lax", https_only=https_only)
    app.add_middleware(SecurityHeadersMiddleware)
    # Multipart framing adds a little to the 4 MB a file may have.
    app.add_middleware(BodyLimitMiddleware, max_bytes=MAX_UPLOAD_BYTES + 64 * 1024)

    def the_auditor() -> Auditor:
        return app.state.auditor or default_auditor()

    # -- dependencies --

    def get_db() -> Iterator[sqlite_utils.Database]:
        db = store.connect(app.state.db_path)
        try:
            yield db
        finally:
            db.conn.close()

    Db = Annotated[sqlite_utils.Database, Depends(get_db)]

    def optional_user(request: Request, db: Db) -> dict[str, Any] | None:
        user_id = request.session.get("user_id")
        if not isinstance(user_id, int):
            return None
        user = get_user(db, user_id)
        if user is None or user["stamp"] != request.session.get("stamp"):
            request.session.clear()  # account locked, or password changed since this login
            return None
        return user

    def current_user(user: Annotated[dict[str, Any] | None, Depends(optional_user)]) -> dict[str, Any]:
        if user is None:
            raise LoginRequired()
        return user

    def reviewer(user: Annotated[dict[str, Any], Depends(current_user)]) -> dict[str, Any]:
        if user["role"] not in REVIEWERS:
            raise UserFacingError(403, "Chỉ thanh tra viên và quản trị viên được duyệt tin bài. "
                                       "Biên tập viên dùng trang Tự kiểm tra.")
        return user

    User = Annotated[dict[str, Any], Depends(current_user)]
    Reviewer = Annotated[dict[str, Any], Depends(reviewer)]
    bearer = HTTPBearer(auto_error=False, description="Token từ POST /api/token")

    def api_user(request: Request, db: Db,
                 credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> dict[str, Any]:
        user = None
        if credentials is not None:
            try:
                payload = app.state.tokens.loads(credentials.credentials, max_age=TOKEN_MAX_AGE)
            except SignatureExpired as exc:
                raise UserFacingError(401, "Token đã hết hạn: lấy token mới bằng POST /api/token.") from exc
            except BadSignature as exc:
                raise UserFacingError(401, "Token không hợp lệ.") from exc
            if isinstance(payload, list) and len(payload) == 2 and isinstance(payload[0], int):
                user = get_user(db, payload[0])
                if user is not None and user["stamp"] != payload[1]:
                    raise UserFacingError(401, "Mật khẩu đã đổi: lấy token mới bằng POST /api/token.")
        elif isinstance(request.session.get("user_id"), int):
            sent = request.headers.get("x-csrf-token", "")
            if not secrets.compare_digest(sent, request.session.get("csrf", "")):
                raise UserFacingError(403, "Thiếu hoặc sai mã chống giả mạo (X-CSRF-Token).")
            user = get_user(db, request.session["user_id"])
            if user is not None and user["stamp"] != request.session.get("stamp"):
                user = None
        if user is None:
            raise UserFacingError(401, "Cần đăng nhập: gửi 'Authorization: Bearer <token>' "
                                       "(lấy token bằng POST /api/token).")
        return user

    # -- helpers --

    def csrf_token(request: Request) -> str:
        token = request.session.get("csrf")
        if not token:
            token = request.session["csrf"] = secrets.token_urlsafe(32)
        return token

    def check_csrf(request: Request, sent: str) -> None:
        expected = request.session.get("csrf", "")
        if not expected or not secrets.compare_digest(sent or "", expected):
            raise UserFacingError(403, "Phiên làm việc đã hết hạn hoặc biểu mẫu không hợp lệ (CSRF). "
                                       "Hãy tải lại trang rồi thử lại.")

    def render(request: Request, name: str, context: dict[str, Any], status_code: int = 200,
               user: dict[str, Any] | None = None) -> Response:
        context = {"user": user, "csrf": csrf_token(request), **context}
        return templates.TemplateResponse(request, name, context, status_code=status_code,
                                          headers={"Cache-Control": "no-store"})

    def client_address(request: Request) -> str:
        return request.client.host if request.client else "?"

    def safe_next(target: str | None) -> str:
        if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
            return target
        return "/"

    # -- errors --

    @app.exception_handler(LoginRequired)
    async def login_required(request: Request, exc: LoginRequired) -> Response:
        if _wants_json(request):
            return JSONResponse({"error": STATUS_MESSAGES[401]}, status_code=401)
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse("/login?" + urlencode({"next": target}), status_code=303)

    @app.exception_handler(BodyTooLarge)
    async def body_too_large(request: Request, exc: BodyTooLarge) -> Response:
        return _too_large_response(request.scope)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if isinstance(exc.__cause__, BodyTooLarge):  # FastAPI wraps errors raised while reading the body
            return _too_large_response(request.scope)
        message = exc.detail if isinstance(exc, UserFacingError) else STATUS_MESSAGES.get(
            exc.status_code, f"Lỗi {exc.status_code}.")
        headers = getattr(exc, "headers", None)
        if exc.status_code == 401 and _wants_json(request):
            headers = {**(headers or {}), "WWW-Authenticate": "Bearer"}
        if _wants_json(request):
            return JSONResponse({"error": message}, status_code=exc.status_code, headers=headers)
        return render(request, "error.html", {"status": exc.status_code, "message": message},
                      status_code=exc.status_code, user=None)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        errors = exc.errors()
        content_type = request.headers.get("content-type", "")
        if any(e.get("type") == "json_invalid" for e in errors):
            status, message = 400, "JSON không hợp lệ: kiểm tra dấu ngoặc, dấu phẩy và dấu nháy kép."
        elif _wants_json(request) and request.method == "POST" and "json" not in content_type.lower():
            status, message = 415, "API chỉ nhận JSON: gửi kèm 'Content-Type: application/json'."
        else:
            fields = ", ".join(sorted({".".join(str(p) for p in e.get("loc", ())[1:]) or "body"
                                       for e in errors}))
            status, message = 422, f"Dữ liệu không hợp lệ ở trường: {fields}. Cần {{\"text\": \"...\"}}."
        if _wants_json(request):
            return JSONResponse({"error": message}, status_code=status)
        return render(request, "error.html", {"status": status, "message": message}, status_code=status)

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        if _wants_json(request):
            return JSONResponse({"error": STATUS_MESSAGES[500]}, status_code=500)
        return Response(f"<!doctype html><meta charset=utf-8><p>{STATUS_MESSAGES[500]}</p>",
                        status_code=500, media_type="text/html")

    # -- auth pages --

    @app.get("/", include_in_schema=False)
    def home(user: Annotated[dict[str, Any] | None, Depends(optional_user)]) -> Response:
        if user is None:
            return RedirectResponse("/login", status_code=303)
        return RedirectResponse("/queue" if user["role"] in REVIEWERS else "/check", status_code=303)

    @app.get("/login", include_in_schema=False)
    def login_form(request: Request, next: str = "/") -> Response:
        return render(request, "login.html", {"next": safe_next(next), "error": None})

    @app.post("/login", include_in_schema=False)
    def login(request: Request, db: Db, username: Annotated[str, Form()] = "",
              password: Annotated[str, Form()] = "", csrf_token: Annotated[str, Form()] = "",
              next: Annotated[str, Form()] = "/") -> Response:
        check_csrf(request, csrf_token)
        address = client_address(request)
        wait = app.state.throttle.retry_after(username, address)
        if wait:
            minutes = (wait + 59) // 60
            return render(request, "login.html",
                          {"next": safe_next(next), "username": username,
                           "error": f"Đăng nhập sai quá nhiều lần. Hãy thử lại sau {minutes} phút."},
                          status_code=429)
        user = authenticate(db, username, password) if username and password else None
        if user is None:
            app.state.throttle.failed(username, address)
            return render(request, "login.html",
                          {"next": safe_next(next), "username": username,
                           "error": "Sai tên đăng nhập hoặc mật khẩu."}, status_code=401)
        app.state.throttle.succeeded(username, address)
        request.session.clear()  # a new session on login: no fixation
        request.session["user_id"] = user["id"]
        request.session["stamp"] = user["stamp"]
        request.session["csrf"] = secrets.token_urlsafe(32)
        target = safe_next(next)
        if target == "/" or (user["role"] not in REVIEWERS and not target.startswith(("/check", "/drafts"))):
            target = "/queue" if user["role"] in REVIEWERS else "/check"
        return RedirectResponse(target, status_code=303)

    @app.post("/logout", include_in_schema=False)
    def logout(request: Request, csrf_token: Annotated[str, Form()] = "") -> Response:
        check_csrf(request, csrf_token)
        request.session.clear()
        return RedirectResponse("/login", status_code=303)

    # -- review --

    def queue_filter(outlet: str = "", province: str = "", period: str = "", category: str = "",
                     rule: str = "", status: str = "pending", page: int = 1) -> store.QueueFilter:
        if status not in ("pending", "reviewed", "all"):
            status = "pending"
        return store.QueueFilter(outlet=outlet, province=province, period=period.strip(),
                                 category=category, rule=rule, status=status, page=max(1, page))

    Filter = Annotated[store.QueueFilter, Depends(queue_filter)]

    @app.get("/queue", include_in_schema=False)
    def review_queue(request: Request, db: Db, user: Reviewer, f: Filter) -> Response:
        error = None
        try:
            rows, total = store.queue(db, f)
        except InputError as exc:
            error, rows, total = str(exc), [], 0
        keep = f.query_items()
        return render(request, "queue.html", {
            "rows": rows, "total": total, "f": f, "options": store.filter_options(db), "error": error,
            "keep": urlencode(keep), "page_size": store.PAGE_SIZE,
            "prev_page": urlencode({**keep, "page": f.page - 1}) if f.page > 1 else None,
            "next_page": urlencode({**keep, "page": f.page + 1}) if f.page * store.PAGE_SIZE < total else None,
        }, status_code=422 if error else 200, user=user)

    def neighbours(db: sqlite_utils.Database, f: store.QueueFilter, article_id: str) -> tuple[str | None, str | None]:
        try:
            ids = store.queue_ids(db, f)
        except InputError:
            return None, None
        if article_id in ids:
            i = ids.index(article_id)
            return (ids[i - 1] if i > 0 else None), (ids[i + 1] if i + 1 < len(ids) else None)
        # Just reviewed, so no longer in a "pending" queue: neighbours by position in the whole queue.
        everything = store.queue_ids(db, replace(f, status="all"))
        if article_id not in everything:
            return None, None
        i, wanted = everything.index(article_id), set(ids)
        before = next((x for x in reversed(everything[:i]) if x in wanted), None)
        after = next((x for x in everything[i + 1:] if x in wanted), None)
        return before, after

    def article_page(request: Request, db: sqlite_utils.Database, user: dict[str, Any], article_id: str,
                     f: store.QueueFilter, error: str | None = None, status_code: int = 200) -> Response:
        view = store.article_view(db, article_id)
        if view is None:
            raise UserFacingError(404, "Không tìm thấy bài viết.")
        article = view["article"]
        sources = {"title": article["title"] or "", "text": article["text"] or ""}
        spans: dict[str, list[tuple[int, int, str]]] = {"title": [], "text": []}
        for finding in view["findings"]:
            field = finding["field"] if finding["field"] in sources else "text"
            where = locate(sources[field], finding["start"], finding["end"], finding["excerpt"])
            finding["located"] = where is not None
            if where:
                spans[field].append((*where, str(finding["id"])))
                finding["line"], finding["column"] = line_column(sources[field], where[0])
        prev_id, next_id = neighbours(db, f, article_id)
        url = article.get("url") or ""
        return render(request, "article.html", {
            **view,
            "title_html": highlight(sources["title"], spans["title"]),
            "text_html": highlight(sources["text"], spans["text"]),
            "safe_url": url if url.startswith(("http://", "https://")) else None,
            "keep": urlencode(f.query_items()), "prev_id": prev_id, "next_id": next_id,
            "error": error,
        }, status_code=status_code, user=user)

    @app.get("/articles/{article_id}", include_in_schema=False)
    def review_article(request: Request, db: Db, user: Reviewer, article_id: str, f: Filter) -> Response:
        return article_page(request, db, user, article_id, f)

    @app.post("/articles/{article_id}/decisions", include_in_schema=False)
    def decide(request: Request, db: Db, user: Reviewer, article_id: str, f: Filter,
               csrf_token: Annotated[str, Form()] = "", target: Annotated[str, Form()] = "",
               target_id: Annotated[str, Form()] = "", action: Annotated[str, Form()] = "",
               reason: Annotated[str, Form()] = "", category: Annotated[str, Form()] = "",
               ge_item: Annotated[str, Form()] = "", ge_topic: Annotated[str, Form()] = "",
               gender: Annotated[str, Form()] = "", quoted: Annotated[str, Form()] = "",
               role: Annotated[str, Form()] = "") -> Response:
        check_csrf(request, csrf_token)
        try:
            store.record_decision(
                db, user, article_id, target=target, target_id=target_id, action=action, reason=reason,
                values={"category": category, "ge_item": ge_item, "ge_topic": ge_topic, "gender": gender,
                        "quoted": quoted, "role": role})
        except store.ArticleNotFound as exc:
            raise UserFacingError(404, str(exc)) from exc
        except InputError as exc:
            return article_page(request, db, user, article_id, f, error=str(exc), status_code=422)
        keep = urlencode(f.query_items())
        anchor = {"finding": f"#finding-{target_id}", "person": f"#person-{target_id}",
                  "ge_item": "#ge", "article": "#trail"}.get(target, "")
        return RedirectResponse(f"/articles/{article_id}" + (f"?{keep}" if keep else "") + anchor,
                                status_code=303)

    # -- self-check --

    def run_check(text: str, title: str | None) -> tuple[AuditResult, dict[str, Any]]:
        try:
            result = the_auditor().audit(text, title or None, id=None)
        except InputError as exc:
            raise IntakeError(f"Không kiểm tra được bản thảo: {exc}", status=422) from exc
        return result, summarize(result, text, title)

    def result_context(text: str, title: str | None, result: AuditResult,
                       summary: dict[str, Any]) -> dict[str, Any]:
        spans: dict[str, list[tuple[int, int, str]]] = {"title": [], "text": []}
        for i, finding in enumerate(result.findings):
            source = (title or "") if finding.field == "title" else text
            where = locate(source, finding.start, finding.end, finding.excerpt)
            if where:
                spans["title" if finding.field == "title" else "text"].append((*where, str(i)))
        return {
            "result": result, "summary": summary,
            "items": list(zip(result.findings, summary["positions"], strict=True)),
            "title_html": highlight(title or "", spans["title"]),
            "text_html": highlight(text, spans["text"]),
        }

    @app.get("/check", include_in_schema=False)
    def check_form(request: Request, user: User) -> Response:
        return render(request, "check.html", {"title": "", "text": "", "error": None}, user=user)

    @app.post("/check", include_in_schema=False)
    def check_submit(request: Request, db: Db, user: User, csrf_token: Annotated[str, Form()] = "",
                     title: Annotated[str, Form(max_length=1000)] = "", text: Annotated[str, Form()] = "",
                     file: Annotated[UploadFile | None, File()] = None,
                     save: Annotated[str, Form()] = "") -> Response:
        check_csrf(request, csrf_token)
        title = title.strip()
        try:
            if file is not None and file.filename:
                draft = draft_from_upload(file.file.read(MAX_UPLOAD_BYTES + 1), file.filename)
            else:
                draft = check_text(text)
            result, summary = run_check(draft, title)
        except IntakeError as exc:
            return render(request, "check.html", {"title": title, "text": text, "error": str(exc)},
                          status_code=exc.status, user=user)
        saved_id = None
        if save:
            saved_id = store.save_draft(db, user, title, draft, {**result.to_dict(), "summary": summary})
        return render(request, "check.html", {
            "title": title, "text": draft, "error": None, "saved_id": saved_id,
            **result_context(draft, title, result, summary)}, user=user)

    @app.get("/drafts", include_in_schema=False)
    def drafts(request: Request, db: Db, user: User) -> Response:
        return render(request, "drafts.html", {"drafts": store.list_drafts(db, user)}, user=user)

    def result_from_dict(data: dict[str, Any]) -> AuditResult:
        fields = Finding.__dataclass_fields__
        return AuditResult(
            id=data.get("id"), ge_item=bool(data.get("ge_item")), ge_topic=data.get("ge_topic"),
            ge_score=float(data.get("ge_score") or 0.0),
            findings=[Finding(**{k: v for k, v in f.items() if k in fields}) for f in data.get("findings", [])],
            people=[Person(**{k: v for k, v in p.items() if k in Person.__dataclass_fields__})
                    for p in data.get("people", [])],
        )

    @app.get("/drafts/{draft_id}", include_in_schema=False)
    def draft_view(request: Request, db: Db, user: User, draft_id: int) -> Response:
        draft = store.get_draft(db, user, draft_id)
        if draft is None:
            raise UserFacingError(404, "Không tìm thấy bản thảo (hoặc bản thảo thuộc cơ quan khác).")
        data = draft["result_obj"] or {}
        result = result_from_dict(data)
        summary = data.get("summary") or summarize(result, draft["text"], draft["title"])
        return render(request, "draft.html", {
            "draft": draft, **result_context(draft["text"], draft["title"], result, summary)}, user=user)

    @app.post("/drafts/{draft_id}/delete", include_in_schema=False)
    def draft_delete(request: Request, db: Db, user: User, draft_id: int,
                     csrf_token: Annotated[str, Form()] = "") -> Response:
        check_csrf(request, csrf_token)
        if not store.delete_draft(db, user, draft_id):
            raise UserFacingError(404, "Không tìm thấy bản thảo (hoặc bản thảo thuộc cơ quan khác).")
        return RedirectResponse("/drafts", status_code=303)

    # -- JSON API --

    @app.get("/api/health", tags=["api"], summary="Máy chủ đang chạy")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.post("/api/token", tags=["api"], response_model=TokenResponse, responses=API_ERRORS,
              summary="Lấy token truy cập (12 giờ)")
    def api_token(request: Request, db: Db, body: TokenRequest) -> dict[str, Any]:
        address = client_address(request)
        wait = app.state.throttle.retry_after(body.username, address)
        if wait:
            raise UserFacingError(429, f"Đăng nhập sai quá nhiều lần. Hãy thử lại sau {(wait + 59) // 60} phút.",
                                  headers={"Retry-After": str(wait)})
        user = authenticate(db, body.username, body.password)
        if user is None:
            app.state.throttle.failed(body.username, address)
            raise UserFacingError(401, "Sai tên đăng nhập hoặc mật khẩu.")
        app.state.throttle.succeeded(body.username, address)
        return {"access_token": app.state.tokens.dumps([user["id"], user["stamp"]]), "token_type": "bearer",
                "expires_in": TOKEN_MAX_AGE}

    @app.post("/api/check", tags=["api"], response_model=CheckResponse, responses=API_ERRORS,
              summary="Tự kiểm tra một bản thảo",
              description="Trả về kết quả kiểm tra (hợp đồng JSONL của `auditor audit`) kèm phần tóm tắt: "
                          "số phát hiện theo loại, nhân vật và nguồn trích lời theo giới, dòng/cột. "
                          "Bản thảo không được lưu.")
    def api_check(body: CheckRequest, user: Annotated[dict[str, Any], Depends(api_user)]) -> dict[str, Any]:
        try:
            text = check_text(body.text)
            result, summary = run_check(text, body.title)
        except IntakeError as exc:
            raise UserFacingError(exc.status, str(exc)) from exc
        return {**result.to_dict(), "summary": summary}

    return app
