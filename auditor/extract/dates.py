"""Publication dates as Vietnamese sites write them, to ISO 8601 with a time zone offset.

Handles ISO strings from metadata ("2025-10-22T19:25:52+07:00", "2025-10-22 19:25"), and the
day-first forms of page text: "Thứ tư, 22/10/2025, 07:30 (GMT+7)", "22/10/2025 07:30",
"07:30 22-10-2025", "Cập nhật lúc 10h20 ngày 22/10/2025", "ngày 22 tháng 10 năm 2025".
A time without an offset is Vietnam time (Asia/Ho_Chi_Minh, UTC+7, no daylight saving).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from dateutil import parser as dateutil_parser

__all__ = ["VIETNAM_TZ", "parse_date"]

VIETNAM_TZ = timezone(timedelta(hours=7), "Asia/Ho_Chi_Minh")

_ISO_RE = re.compile(r"^\s*\d{4}-\d{1,2}-\d{1,2}([T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?\s*$")
_DMY_RE = re.compile(r"(?<![\d/.-])(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})(?![\d/])")
_MONTH_WORDS = {"một": 1, "giêng": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7,
                "tám": 8, "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "chạp": 12}
_MONTH_WORD_RE = "|".join(sorted(map(re.escape, _MONTH_WORDS), key=len, reverse=True))
# "22 tháng 10 năm 2025", "22 Tháng Mười, 2025" (WordPress in Vietnamese)
_WORDS_RE = re.compile(rf"(?<!\d)(\d{{1,2}})\s+tháng\s+(\d{{1,2}}|{_MONTH_WORD_RE})\s*(?:,|năm)?\s*(\d{{4}})(?!\d)",
                       re.IGNORECASE)
_YMD_RE = re.compile(r"(?<!\d)(\d{4})\s*[/-]\s*(\d{1,2})\s*[/-]\s*(\d{1,2})(?!\d)")
_TIME_RE = re.compile(r"(?<![\d/.-])(\d{1,2})\s*(?::|h|giờ)\s*(\d{2})(?:\s*:\s*(\d{2}))?(?!\d)\s*"
                      r"(AM|PM|SA|CH|sáng|trưa|chiều|tối|đêm)?", re.IGNORECASE)
_AFTERNOON = ("PM", "CH", "CHIỀU", "TỐI")
_MORNING = ("AM", "SA", "SÁNG")
_OFFSET_RE = re.compile(r"(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?", re.IGNORECASE)

_EARLIEST_YEAR = 1990  # no Vietnamese news site publishes earlier articles online


def _fix_offset(dt: datetime) -> datetime:
    return dt.replace(tzinfo=VIETNAM_TZ) if dt.tzinfo is None else dt


def _iso(dt: datetime) -> str:
    return _fix_offset(dt).replace(microsecond=0).isoformat(timespec="seconds")


def _plausible(dt: datetime) -> bool:
    return _EARLIEST_YEAR <= dt.year <= datetime.now().year + 1


def has_time(value: str | None) -> bool:
    """True when ``value`` carries a time of day, not only a date."""
    return bool(value) and bool(re.search(r"\d[T ]\d{1,2}:\d{2}", value) or _TIME_RE.search(
        _DMY_RE.sub(" ", value)))


def month_first_page(text: str) -> bool:
    """True when the page writes dates month-first (forum software: "12-27-2012").

    Decided from the page's own dates: some has a second number above 12 and none a first one.
    """
    second_big = first_big = False
    for match in _DMY_RE.finditer(text):
        first, second = int(match.group(1)), int(match.group(3))
        first_big |= first > 12
        second_big |= second > 12 and first <= 12
    return second_big and not first_big


def parse_date(value: str | None, *, month_first: bool = False) -> str | None:
    """Return ``value`` as ISO 8601 with offset ("2025-10-22T07:30:00+07:00"), or None.

    Day-first (Vietnamese usage) unless ``month_first`` (see :func:`month_first_page`). Only the
    first date in the string is used, with the first time found next to it. Two-digit years are
    20xx; "chiều"/"tối"/"PM" move the hour past noon.
    """
    if not value:
        return None
    value = " ".join(value.split())
    if _ISO_RE.match(value):
        try:
            dt = dateutil_parser.isoparse(value.replace(" ", "T", 1) if "T" not in value else value)
        except (ValueError, OverflowError):
            dt = None
        if dt is not None and _plausible(dt):
            return _iso(dt)
    date_match = _DMY_RE.search(value)
    if date_match:
        day, month, year = int(date_match.group(1)), int(date_match.group(3)), int(date_match.group(4))
        if month_first:
            day, month = month, day
        if year < 100:
            year += 2000
    elif (date_match := _WORDS_RE.search(value)):
        raw_month = date_match.group(2).lower()
        day, year = int(date_match.group(1)), int(date_match.group(3))
        month = int(raw_month) if raw_month.isdigit() else _MONTH_WORDS[raw_month]
    else:
        ymd = _YMD_RE.search(value)
        if not ymd:
            return _parse_loosely(value)
        year, month, day = (int(g) for g in ymd.groups())
        date_match = ymd
    hour = minute = second = 0
    rest = value[: date_match.start()] + " " + value[date_match.end():]
    time_match = _TIME_RE.search(rest)
    if time_match:
        hour, minute = int(time_match.group(1)), int(time_match.group(2))
        second = int(time_match.group(3) or 0)
        meridiem = (time_match.group(4) or "").upper()
        if meridiem in _AFTERNOON and hour < 12:
            hour += 12
        elif meridiem in _MORNING and hour == 12:
            hour = 0
    tz = VIETNAM_TZ
    offset_match = _OFFSET_RE.search(value)
    if offset_match:
        sign = -1 if offset_match.group(1) == "-" else 1
        hours, minutes = int(offset_match.group(2)), int(offset_match.group(3) or 0)
        if hours <= 14 and minutes < 60:
            tz = timezone(sign * timedelta(hours=hours, minutes=minutes))
    try:
        dt = datetime(year, month, day, hour, minute, second, tzinfo=tz)
    except ValueError:
        return None
    return _iso(dt) if _plausible(dt) else None


def _parse_loosely(value: str) -> str | None:
    """Last resort for English-style dates in metadata ("Oct 22, 2025 7:30 PM")."""
    if not re.search(r"\d{4}", value):
        return None
    try:
        dt = dateutil_parser.parse(value, dayfirst=True, fuzzy=True)
    except (ValueError, OverflowError):
        return None
    return _iso(dt) if _plausible(dt) else None
