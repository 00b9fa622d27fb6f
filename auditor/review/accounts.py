"""Accounts (admin, inspector, editor), argon2 password hashes, login throttling, the session key."""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import threading
import time
from collections import deque
from typing import Any

import sqlite_utils
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from auditor.db import now_iso
from auditor.errors import InputError

__all__ = [
    "ROLES",
    "MIN_PASSWORD_LENGTH",
    "create_user",
    "authenticate",
    "get_user",
    "list_users",
    "set_disabled",
    "set_password",
    "LoginThrottle",
    "session_secret",
]

ROLES = ("admin", "inspector", "editor")
MIN_PASSWORD_LENGTH = 8
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
_hasher = PasswordHasher()
# Verified against when the username does not exist, so a miss costs as long as a wrong password.
_DUMMY_HASH = _hasher.hash(secrets.token_hex(16))


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InputError(f"Mật khẩu phải có ít nhất {MIN_PASSWORD_LENGTH} ký tự.")


def create_user(db: sqlite_utils.Database, username: str, password: str, role: str,
                agency: str | None = None) -> int:
    """Add an account; returns its id. Usernames are lowercase ASCII (letters, digits, . _ -)."""
    username = username.strip().lower()
    if not _USERNAME.match(username):
        raise InputError("Tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu . _ - (2-64 ký tự).")
    if role not in ROLES:
        raise InputError(f"Vai trò '{role}' không hợp lệ: chọn một trong {', '.join(ROLES)}.")
    if role == "editor" and not agency:
        raise InputError("Biên tập viên phải thuộc một cơ quan báo chí: thêm --agency.")
    _check_password(password)
    if db.execute("SELECT 1 FROM users WHERE username = ?", [username]).fetchone():
        raise InputError(f"Tên đăng nhập '{username}' đã tồn tại.")
    with db.conn:
        cursor = db.execute(
            "INSERT INTO users (username, password_hash, role, agency, created_at, disabled) "
            "VALUES (?, ?, ?, ?, ?, 0)",
            [username, _hasher.hash(password), role, agency or None, now_iso()],
        )
    return int(cursor.lastrowid)


def authenticate(db: sqlite_utils.Database, username: str, password: str) -> dict[str, Any] | None:
    """The user row when ``password`` is right and the account enabled; else None."""
    row = db.execute(
        "SELECT id, username, password_hash, role, agency, disabled FROM users WHERE username = ?",
        [username.strip().lower()],
    ).fetchone()
    if row is None:
        try:
            _hasher.verify(_DUMMY_HASH, password)
        except VerificationError:
            pass
        return None
    user = dict(zip(("id", "username", "password_hash", "role", "agency", "disabled"), row, strict=True))
    try:
        _hasher.verify(user["password_hash"], password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    if user["disabled"]:
        return None
    if _hasher.check_needs_rehash(user["password_hash"]):
        with db.conn:
            db.execute("UPDATE users SET password_hash = ? WHERE id = ?", [_hasher.hash(password), user["id"]])
        return get_user(db, user["id"])
    user["stamp"] = _stamp(user.pop("password_hash"))
    return user


def _stamp(password_hash: str) -> str:
    # Sessions and API tokens carry this; a new password changes it, which ends them all.
    return hashlib.sha256(password_hash.encode()).hexdigest()[:16]


def get_user(db: sqlite_utils.Database, user_id: int) -> dict[str, Any] | None:
    """An enabled user by id, or None. ``stamp`` identifies the current password (not the hash)."""
    row = db.execute(
        "SELECT id, username, role, agency, password_hash FROM users WHERE id = ? AND NOT disabled", [user_id]
    ).fetchone()
    if row is None:
        return None
    user = dict(zip(("id", "username", "role", "agency"), row[:4], strict=True))
    user["stamp"] = _stamp(row[4])
    return user


def list_users(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    rows = db.execute(
        "SELECT id, username, role, agency, created_at, disabled FROM users ORDER BY username"
    ).fetchall()
    return [dict(zip(("id", "username", "role", "agency", "created_at", "disabled"), r, strict=True))
            for r in rows]


def _require_user(db: sqlite_utils.Database, username: str) -> None:
    if not db.execute("SELECT 1 FROM users WHERE username = ?", [username.strip().lower()]).fetchone():
        raise InputError(f"Không có tài khoản '{username}'.")


def set_disabled(db: sqlite_utils.Database, username: str, disabled: bool) -> None:
    _require_user(db, username)
    with db.conn:
        db.execute("UPDATE users SET disabled = ? WHERE username = ?", [int(disabled), username.strip().lower()])


def set_password(db: sqlite_utils.Database, username: str, password: str) -> None:
    _require_user(db, username)
    _check_password(password)
    with db.conn:
        db.execute("UPDATE users SET password_hash = ? WHERE username = ?",
                   [_hasher.hash(password), username.strip().lower()])


class LoginThrottle:
    """At most ``max_failures`` failed logins per (username, client address) in ``window`` seconds.

    Kept in memory: the server is one process, and a restart forgetting counts is harmless.
    """

    def __init__(self, max_failures: int = 5, window: float = 15 * 60) -> None:
        self.max_failures, self.window = max_failures, window
        self._failures: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: tuple[str, str], now: float) -> deque[float]:
        times = self._failures.setdefault(key, deque())
        while times and now - times[0] > self.window:
            times.popleft()
        return times

    def retry_after(self, username: str, address: str) -> int:
        """Seconds until this pair may try again; 0 when it may try now."""
        key, now = (username.strip().lower(), address), time.monotonic()
        with self._lock:
            times = self._recent(key, now)
            if len(times) < self.max_failures:
                return 0
            return max(1, int(times[0] + self.window - now) + 1)

    def failed(self, username: str, address: str) -> None:
        key, now = (username.strip().lower(), address), time.monotonic()
        with self._lock:
            self._recent(key, now).append(now)
            if len(self._failures) > 10_000:  # bound memory under a spray of usernames
                for k in [k for k, v in self._failures.items() if not v]:
                    del self._failures[k]

    def succeeded(self, username: str, address: str) -> None:
        with self._lock:
            self._failures.pop((username.strip().lower(), address), None)


def session_secret(db: sqlite_utils.Database) -> str:
    """The key that signs session cookies and API tokens: ``AUDITOR_SECRET_KEY``, else one generated
    once and kept in the database (so a restart keeps people logged in)."""
    from_env = os.environ.get("AUDITOR_SECRET_KEY")
    if from_env:
        return from_env
    with db.conn:
        db.execute("INSERT OR IGNORE INTO app_secrets (name, value, created_at) VALUES ('session', ?, ?)",
                   [secrets.token_urlsafe(48), now_iso()])
    return db.execute("SELECT value FROM app_secrets WHERE name = 'session'").fetchone()[0]
