"""End to end in headless Debian chromium: a real uvicorn server on 127.0.0.1, Playwright driving it.

Logs in, reviews an item with the keyboard (dismiss with a reason), checks the audit trail, self-checks
a draft, and checks that script tags and onerror images in articles and drafts never run.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_review_support import PASSWORD, USERNAMES, KeywordAuditor, seed

CHROMIUM = "/usr/bin/chromium"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM),
                       reason=f"Debian's chromium is not installed at {CHROMIUM} (apt-get install chromium)"),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (python) is not installed")

CHROMIUM_ARGS = ["--no-sandbox", "--headless=new", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
XSS_DRAFT = ("Cô ấy xinh đẹp.\n<script>window.__xss = 3</script>\n"
             '<img src=x onerror="window.__xss = 4">\nChị Lan lo việc bếp núc.')


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from auditor.review.app import create_app

    db_path: Path = tmp_path_factory.mktemp("e2e") / "auditor.db"
    seed(db_path)
    app = create_app(db_path, auditor=KeywordAuditor())
    port = _free_port()
    uv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not uv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _nothing_ran(page: object) -> None:
    assert page.evaluate("typeof window.__xss") == "undefined"  # type: ignore[attr-defined]


def test_review_and_self_check_in_the_browser(server: str, browser: object) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    errors: list[str] = []
    dialogs: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.set_default_timeout(15_000)

    # log in
    page.goto(f"{server}/queue")
    assert "/login" in page.url
    page.fill("input[name=username]", USERNAMES["inspector"])
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit].primary")
    page.wait_for_url(f"{server}/queue")
    assert page.locator("tr.qrow").count() == 3

    # open the oldest item with the keyboard: j three times, Enter
    for _ in range(3):
        page.keyboard.press("j")
    assert page.locator("tr.qrow.selected").count() == 1
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.startswith(f"{server}/articles/a1")

    # the article text is shown as text: the script tag and the onerror image did nothing
    body = page.locator("#article-text")
    assert "<script>window.__xss = 1</script>" in body.inner_text()
    assert body.locator("script").count() == 0 and page.locator("img[onerror]").count() == 0
    _nothing_ran(page)
    marks = page.locator("#article-text mark.hl")
    assert marks.count() == 2 and marks.first.inner_text() == "nữ giám đốc xinh đẹp"

    # review: select the first finding (j), dismiss it (d, type the reason, Enter)
    page.keyboard.press("j")
    selected = page.locator("#findings .finding.selected")
    assert selected.count() == 1
    fid = selected.get_attribute("data-fid")
    page.keyboard.press("d")
    page.keyboard.type("Chức danh cần nêu giới trong ngữ cảnh này")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    finding = page.locator(f"#finding-{fid}")
    assert "Đã bác bỏ" in finding.inner_text()

    # the audit trail shows who, what, the reason, before and after
    trail = page.locator("#trail tbody tr").first.inner_text()
    for expected in (USERNAMES["inspector"], "Bác bỏ", "Chức danh cần nêu giới trong ngữ cảnh này",
                     "status: pending", "status: dismissed"):
        assert expected in trail

    # self-check a draft that carries script and onerror payloads, and save it
    page.goto(f"{server}/check")
    page.fill("input[name=title]", "Bản nháp <img src=x onerror=\"window.__xss = 5\">")
    page.fill("#draft-input", XSS_DRAFT)
    with page.expect_navigation():
        page.click("#check-save-button")
    assert page.locator("#result").is_visible()
    draft_marks = page.locator("#draft-text mark.hl")
    assert [draft_marks.nth(i).inner_text() for i in range(draft_marks.count())] == ["xinh đẹp", "bếp núc"]
    assert "Bỏ nhận xét về ngoại hình." in page.locator(".findings-list").inner_text()
    assert "<script>window.__xss = 3</script>" in page.locator("#draft-text").inner_text()
    assert page.locator("#result script, #result img").count() == 0
    _nothing_ran(page)

    # the saved draft is escaped as well
    page.click("text=Xem bản đã lưu")
    page.wait_for_url(f"{server}/drafts/*")
    assert "Bản nháp <img" in page.locator("h1").inner_text()
    assert page.locator("main img").count() == 0
    _nothing_ran(page)

    # upload a Word file instead of pasting
    import io

    import docx

    document, buffer = docx.Document(), io.BytesIO()
    document.add_paragraph("Nữ phóng viên xinh đẹp đưa tin từ hiện trường.")
    document.save(buffer)
    page.goto(f"{server}/check")
    page.set_input_files("input[name=file]", files=[{
        "name": "bai.docx", "buffer": buffer.getvalue(),
        "mimeType": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}])
    with page.expect_navigation():
        page.click("#check-button")
    assert page.locator("#draft-text mark.hl").first.inner_text() == "xinh đẹp"
    assert "Đã lưu" not in page.content()  # "Kiểm tra" alone stores nothing

    assert dialogs == [] and errors == []
    context.close()


def test_pages_fit_a_phone_screen(server: str, browser: object) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(f"{server}/login")
    page.fill("input[name=username]", USERNAMES["admin"])
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.click("button[type=submit].primary")
    for path in ("/queue?status=all", "/articles/a1", "/check"):
        page.goto(f"{server}{path}")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{path} scrolls sideways by {overflow}px on a phone"
    context.close()
