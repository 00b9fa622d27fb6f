"""CLI of the review stage: ``auditor serve``, ``auditor user ...`` and ``auditor check``."""

from __future__ import annotations

import ipaddress
import json
import os
import sys
from pathlib import Path

import click

from auditor.db import DEFAULT_DB, open_db
from auditor.errors import InputError

db_option = click.option(
    "--db", "db_path", type=click.Path(dir_okay=False, path_type=Path),
    default=lambda: os.environ.get("AUDITOR_DB", DEFAULT_DB), show_default="$AUDITOR_DB or auditor.db",
    help="SQLite database.",
)


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--https-only", is_flag=True, help="Mark the session cookie Secure (behind a TLS proxy).")
def serve(db_path: Path, host: str, port: int, https_only: bool) -> None:
    """Chạy ứng dụng web rà soát và tự kiểm tra (start the review and self-check web app).

    \b
    Example:
        auditor user add lan --role inspector      # once
        auditor serve --db auditor.db --port 8000  # then open http://127.0.0.1:8000
    """
    import uvicorn

    from auditor.audit import default_auditor
    from auditor.review.app import create_app

    app = create_app(db_path, https_only=https_only)
    # Load rules and model now, so the first self-check of the day is as fast as the rest.
    default_auditor().audit("Khởi động máy chủ.", None)
    db = open_db(db_path)
    n_users = db.execute("SELECT count(*) FROM users WHERE NOT disabled").fetchone()[0]
    db.close()
    if not n_users:
        click.echo("Chưa có tài khoản nào: tạo bằng `auditor user add TÊN --role admin`.", err=True)
    try:
        public = not ipaddress.ip_address(host).is_loopback
    except ValueError:
        public = host != "localhost"
    if public and not https_only:
        click.echo("Lưu ý: máy chủ nghe trên địa chỉ ngoài loopback; hãy đặt sau HTTPS và dùng --https-only.",
                   err=True)
    click.echo(f"Mở http://{host}:{port}/  (Ctrl+C để dừng)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="info", proxy_headers=False)


@click.group()
def user() -> None:
    """Quản lý tài khoản ứng dụng rà soát: admin, thanh tra, biên tập (manage accounts)."""


def _read_password(password_stdin: bool) -> str:
    if password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return click.prompt("Mật khẩu", hide_input=True, confirmation_prompt="Nhập lại mật khẩu")


@user.command("add")
@click.argument("username")
@click.option("--role", type=click.Choice(["admin", "inspector", "editor"]), required=True)
@click.option("--agency", default=None, help="Press agency (required for editors; scopes saved drafts).")
@click.option("--password-stdin", is_flag=True, help="Read the password from the first line of stdin.")
@db_option
def user_add(username: str, role: str, agency: str | None, password_stdin: bool, db_path: Path) -> None:
    """Create an account; the password is prompted (or read with --password-stdin).

    \b
    Example:
        auditor user add lan --role inspector
        echo 'mat-khau-dai' | auditor user add minh --role editor --agency "Báo Lạng Sơn" --password-stdin
    """
    from auditor.review.accounts import create_user

    db = open_db(db_path)
    try:
        user_id = create_user(db, username, _read_password(password_stdin), role, agency)
    except InputError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Đã tạo tài khoản '{username.strip().lower()}' (#{user_id}, {role}"
               + (f", {agency}" if agency else "") + ").")


@user.command("list")
@db_option
def user_list(db_path: Path) -> None:
    """Liệt kê tài khoản (list accounts)."""
    from auditor.review.accounts import list_users

    users = list_users(open_db(db_path))
    if not users:
        click.echo("Chưa có tài khoản nào.")
        return
    width = max(len(u["username"]) for u in users)
    agency_width = max(len(u["agency"] or "—") for u in users)
    for u in users:
        state = " (đã khoá)" if u["disabled"] else ""
        click.echo(f"{u['username']:<{width}}  {u['role']:<9}  {u['agency'] or '—':<{agency_width}}  "
                   f"{u['created_at']}{state}")


def _set_disabled(username: str, db_path: Path, disabled: bool) -> None:
    from auditor.review.accounts import set_disabled

    try:
        set_disabled(open_db(db_path), username, disabled)
    except InputError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Đã {'khoá' if disabled else 'mở khoá'} tài khoản '{username}'.")


@user.command("disable")
@click.argument("username")
@db_option
def user_disable(username: str, db_path: Path) -> None:
    """Lock an account (its sessions and tokens stop working at once)."""
    _set_disabled(username, db_path, True)


@user.command("enable")
@click.argument("username")
@db_option
def user_enable(username: str, db_path: Path) -> None:
    """Unlock an account."""
    _set_disabled(username, db_path, False)


@user.command("passwd")
@click.argument("username")
@click.option("--password-stdin", is_flag=True, help="Read the password from the first line of stdin.")
@db_option
def user_passwd(username: str, password_stdin: bool, db_path: Path) -> None:
    """Set a new password."""
    from auditor.review.accounts import set_password

    try:
        set_password(open_db(db_path), username, _read_password(password_stdin))
    except InputError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Đã đổi mật khẩu của '{username}'.")


@click.command()
@click.argument("source", type=click.Path(allow_dash=True, dir_okay=False, path_type=str))
@click.option("--title", default=None, help="The draft's title (audited too).")
@click.option("--json", "as_json", is_flag=True, help="Print the audit contract plus the summary as JSON.")
@click.option("--color/--no-color", default=None, help="Colour the flagged passages (default: on a terminal).")
def check(source: str, title: str | None, as_json: bool, color: bool | None) -> None:
    """Tự kiểm tra bản thảo trước khi đăng (self-check a draft: .txt, .docx or - for stdin).

    Prints each flagged passage with its line and column, the reason and a better wording, the people
    named by gender, the share of quoted sources who are women, and whether the piece counts as a
    gender-equality item. Nothing is stored.

    \b
    Example:
        auditor check bai-viet.docx
        auditor check - --title "Nữ giám đốc" < bai.txt
        auditor check bai.txt --json
    """
    from auditor.audit import default_auditor
    from auditor.audit.report import format_report, summarize
    from auditor.review.intake import MAX_UPLOAD_BYTES, draft_from_upload

    try:
        if source == "-":
            data, name = sys.stdin.buffer.read(MAX_UPLOAD_BYTES + 1), "stdin.txt"
        else:
            path = Path(source)
            if not path.is_file():
                raise InputError(f"Không tìm thấy tệp '{source}'.")
            with path.open("rb") as handle:
                data, name = handle.read(MAX_UPLOAD_BYTES + 1), path.name
        text = draft_from_upload(data, name)
        result = default_auditor().audit(text, title, id=None if source == "-" else source)
    except InputError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps({**result.to_dict(), "summary": summarize(result, text, title)},
                              ensure_ascii=False, indent=2))
        return
    use_color = sys.stdout.isatty() if color is None else color
    click.echo(format_report(result, text, title, name="stdin" if source == "-" else source, color=use_color))
