"""Reporting periods (month, quarter, half-year, year) on the Vietnamese calendar.

Boundaries are calendar days in Asia/Ho_Chi_Minh time: an article published at 2025-03-31T23:30+07:00
belongs to March and Q1 even though it is already 16:30 UTC. Every period is a whole number of months,
so tallies aggregate per month once and roll months up into the requested period.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

__all__ = [
    "LOCAL_TZ",
    "PERIOD_KINDS",
    "PERIOD_LABELS",
    "Period",
    "local_utc_offset_hours",
    "month_key",
    "months_between",
    "parse_day",
    "period_containing",
    "periods_between",
]

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")

# kind -> length in months
PERIOD_KINDS: dict[str, int] = {"month": 1, "quarter": 3, "half_year": 6, "year": 12}
PERIOD_LABELS: dict[str, str] = {"month": "tháng", "quarter": "quý", "half_year": "6 tháng", "year": "năm"}


def parse_day(value: str | date) -> date:
    """``YYYY-MM-DD`` (or a date) -> date; raises ValueError with the bad value in the message."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValueError(f"ngày không hợp lệ: {value!r} (cần dạng YYYY-MM-DD)") from None


def month_key(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def months_between(start: date, end: date) -> list[str]:
    """Month keys (``YYYY-MM``) from the month of ``start`` to the month of ``end``, inclusive."""
    keys, cursor = [], date(start.year, start.month, 1)
    while cursor <= end:
        keys.append(month_key(cursor))
        cursor = _add_months(cursor, 1)
    return keys


@dataclass(frozen=True, order=True)
class Period:
    """A calendar period, possibly clipped to a requested range (``partial``)."""

    start: date  # first day, inclusive
    end: date  # last day, inclusive
    kind: str
    partial: bool = False

    @property
    def months(self) -> list[str]:
        return months_between(self.start, self.end)

    @property
    def label(self) -> str:
        """Vietnamese label: ``T03/2025``, ``Q1/2025``, ``6T đầu 2025``, ``2025``."""
        year, month = self.start.year, self.start.month
        if self.kind == "month":
            text = f"T{month:02d}/{year}"
        elif self.kind == "quarter":
            text = f"Q{(month - 1) // 3 + 1}/{year}"
        elif self.kind == "half_year":
            text = f"6T {'đầu' if month <= 6 else 'cuối'} {year}"
        else:
            text = str(year)
        return text + (" (chưa trọn kỳ)" if self.partial else "")

    @property
    def key(self) -> str:
        """Stable machine key: ``2025-03``, ``2025Q1``, ``2025H1``, ``2025``."""
        year, month = self.start.year, self.start.month
        return {
            "month": f"{year:04d}-{month:02d}",
            "quarter": f"{year}Q{(month - 1) // 3 + 1}",
            "half_year": f"{year}H{1 if month <= 6 else 2}",
            "year": f"{year}",
        }[self.kind]

    def overlaps(self, first: date, last: date) -> bool:
        return self.start <= last and first <= self.end


def period_containing(day: date, kind: str) -> Period:
    """The full (unclipped) period of ``kind`` that contains ``day``."""
    if kind not in PERIOD_KINDS:
        raise ValueError(f"kỳ không hợp lệ: {kind!r} (chọn: {', '.join(PERIOD_KINDS)})")
    length = PERIOD_KINDS[kind]
    first_month = (day.month - 1) // length * length + 1
    start = date(day.year, first_month, 1)
    end = _add_months(start, length) - timedelta(days=1)
    return Period(start, end, kind)


def periods_between(start: date, end: date, kind: str) -> Iterator[Period]:
    """The periods of ``kind`` that overlap ``[start, end]``, clipped to it (clipped ones are partial)."""
    if end < start:
        raise ValueError(f"khoảng ngày rỗng: {start} > {end}")
    cursor = start
    while cursor <= end:
        full = period_containing(cursor, kind)
        clipped = Period(max(full.start, start), min(full.end, end), kind)
        partial = clipped.start != full.start or clipped.end != full.end
        yield Period(clipped.start, clipped.end, kind, partial)
        cursor = full.end + timedelta(days=1)


def local_utc_offset_hours(day: date) -> float:
    """UTC offset of Asia/Ho_Chi_Minh on ``day`` in hours (7 since 1975)."""
    moment = datetime(day.year, day.month, day.day, 12, tzinfo=LOCAL_TZ)
    offset = moment.utcoffset()
    return offset.total_seconds() / 3600 if offset else 0.0
