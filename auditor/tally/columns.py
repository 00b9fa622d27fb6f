"""The columns of a tally table, declared once and shared by the terminal table, CSV, XLSX and HTML."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from auditor.tally.rules import OUTLET_KINDS
from auditor.tally.tally import STATUS_LABELS, TallyResult, TallyRow

__all__ = ["Column", "ROW_COLUMNS", "female_share_text", "notes", "topics_text", "peaks_text"]


@dataclass(frozen=True)
class Column:
    header: str
    width: int  # XLSX column width (characters)
    value: Callable[[TallyRow], Any]
    number_format: str | None = None


def female_share_text(share: float | None) -> str:
    return "—" if share is None else f"{share * 100:.1f}%".replace(".", ",")


def topics_text(row: TallyRow, limit: int = 5) -> str:
    return "; ".join(f"{topic} ({n})" for topic, n in row.counts.topics.most_common(limit))


def peaks_text(row: TallyRow, names: dict[str, str]) -> str:
    return "; ".join(f"{names.get(peak, peak)}: {n}" for peak, n in sorted(row.counts.peaks.items()))


ROW_COLUMNS: list[Column] = [
    Column("Cơ quan", 34, lambda r: r.outlet.name),
    Column("Mã cơ quan", 16, lambda r: r.outlet.id),
    Column("Loại", 26, lambda r: OUTLET_KINDS.get(r.outlet.kind, r.outlet.kind)),
    Column("Tỉnh (theo kỳ)", 16, lambda r: r.unit_name or r.unit_code or ""),
    Column("Kỳ", 22, lambda r: r.period.label),
    Column("Từ ngày", 11, lambda r: r.period.start, "DD/MM/YYYY"),
    Column("Đến ngày", 11, lambda r: r.period.end, "DD/MM/YYYY"),
    Column("Số tin, bài", 10, lambda r: r.counts.articles, "0"),
    Column("Đã phân tích", 11, lambda r: r.counts.audited, "0"),
    Column("Tin, bài BĐG", 11, lambda r: r.counts.ge_items, "0"),
    Column("BĐG do máy chấm", 13, lambda r: r.counts.ge_machine, "0"),
    Column("BĐG đã duyệt", 12, lambda r: r.counts.ge_reviewed, "0"),
    Column("Kỳ chuyên mục", 12, lambda r: r.counts.column_items, "0"),
    Column("Số đếm theo chỉ tiêu", 14, lambda r: r.counted, "0"),
    Column("Chỉ tiêu tối thiểu", 12, lambda r: r.required, "0"),
    Column("Yêu cầu", 40, lambda r: r.requirement),
    Column("Trạng thái", 18, lambda r: STATUS_LABELS[r.status]),
    Column("BĐG trong đợt cao điểm", 14, lambda r: r.counts.ge_in_peaks, "0"),
    Column("Chủ đề", 40, lambda r: topics_text(r)),
    Column("Nguồn nữ", 9, lambda r: r.counts.quoted_f, "0"),
    Column("Nguồn nam", 9, lambda r: r.counts.quoted_m, "0"),
    Column("Nguồn không rõ giới", 11, lambda r: r.counts.quoted_unknown, "0"),
    Column("Tỉ lệ nữ trong nguồn", 12, lambda r: r.counts.female_share, "0.0%"),
    Column("Quy định áp dụng", 30, lambda r: ", ".join(c.rule.id for c in r.checks)),
]


def notes(result: TallyResult) -> list[str]:
    """The methodological notes every output carries, in Vietnamese."""
    total = result.totals()
    lines = [
        "Tin, bài BĐG: quyết định duyệt mới nhất của thanh tra viên (nếu có) thay cho kết quả chấm của máy; "
        f"trong kỳ có {total.ge_items} tin, bài BĐG: {total.ge_machine} do máy chấm, {total.ge_reviewed} đã được "
        f"duyệt ({total.reviewed} tin, bài có quyết định duyệt).",
        "Tỉ lệ nữ trong nguồn = nguồn nữ / (nguồn nữ + nguồn nam) được trích dẫn; "
        f"{total.quoted_unknown} nguồn không rõ giới không tính.",
        "Không có dữ liệu: kỳ không có tin, bài nào được lưu và không có lượt thu thập thành công; "
        "không được hiểu là 0 tin, bài.",
        "Đơn vị hành chính theo ngày: trước 01/07/2025 theo tỉnh cũ, từ 01/07/2025 theo tỉnh sau sắp xếp; "
        "thời gian tính theo giờ Việt Nam (Asia/Ho_Chi_Minh).",
    ]
    if result.undated:
        lines.append(f"{result.undated} tin, bài của các cơ quan này không có ngày đăng đọc được nên không "
                     "được tính vào kỳ nào.")
    return lines
