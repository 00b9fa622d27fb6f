"""Write a tally as the 6-month report inspectors file: terminal table, CSV, XLSX and self-contained HTML.

Everything a reader sees is Vietnamese. The CSV starts with a UTF-8 BOM so Excel shows Vietnamese
letters; the XLSX has a summary sheet, a month sheet and one sheet per outlet kind with frozen headers;
the HTML page inlines its CSS and SVG charts (no script, no network).
"""

from __future__ import annotations

import csv
import html
import io
import os
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from auditor.tally.columns import ROW_COLUMNS, female_share_text, notes, peaks_text, topics_text
from auditor.tally.periods import LOCAL_TZ, PERIOD_LABELS
from auditor.tally.rules import OUTLET_KINDS
from auditor.tally.tally import STATUS_LABELS, MonthAgg, TallyResult, TallyRow

__all__ = [
    "SUMMARY_HEADERS",
    "format_table",
    "kind_summaries",
    "report_title",
    "write_csv",
    "write_html",
    "write_report",
    "write_xlsx",
]

SUMMARY_HEADERS = [
    "Loại cơ quan", "Số cơ quan", "Số dòng (cơ quan × kỳ)", "Đạt", "Chưa đạt", "Kỳ chưa trọn",
    "Không có chỉ tiêu", "Không có dữ liệu", "Tin, bài", "Tin, bài BĐG", "BĐG do máy chấm", "BĐG đã duyệt",
    "BĐG trong đợt cao điểm", "Nguồn nữ", "Nguồn nam", "Nguồn không rõ giới", "Tỉ lệ nữ trong nguồn",
]


def report_title(result: TallyResult) -> str:
    start, end = result.start, result.end
    if start.month == 1 and start.day == 1 and end == date(start.year, 6, 30):
        span = f"6 THÁNG ĐẦU NĂM {start.year}"
    elif start.month == 7 and start.day == 1 and end == date(start.year, 12, 31):
        span = f"6 THÁNG CUỐI NĂM {start.year}"
    else:
        span = f"TỪ {start:%d/%m/%Y} ĐẾN {end:%d/%m/%Y}"
    return f"BÁO CÁO KẾT QUẢ THÔNG TIN, TUYÊN TRUYỀN VỀ BÌNH ĐẲNG GIỚI {span}"


def _scope(result: TallyResult) -> str:
    units = list(dict.fromkeys(r.unit_name for r in sorted(result.rows, key=lambda r: r.period.start)
                               if r.unit_name))
    place = f"Địa bàn: {result.province}" if result.province else "Địa bàn: tất cả"
    if result.province and units and units != [result.province]:
        place += f" ({' → '.join(units)})"
    return (f"{place}; thời gian: {result.start:%d/%m/%Y} – {result.end:%d/%m/%Y}; "
            f"kỳ: {PERIOD_LABELS[result.period]}")


def kind_summaries(result: TallyResult) -> list[list]:
    """One summary line per outlet kind present, then the total line (values in SUMMARY_HEADERS order)."""
    by_kind: dict[str, list[TallyRow]] = defaultdict(list)
    for row in result.rows:
        by_kind[row.outlet.kind].append(row)
    lines = []
    groups = [(OUTLET_KINDS.get(k, k), by_kind[k]) for k in [*OUTLET_KINDS, *sorted(set(by_kind) - set(OUTLET_KINDS))]
              if by_kind.get(k)]
    groups.append(("Tổng cộng", result.rows))
    for label, rows in groups:
        total, statuses = result.totals(rows), result.status_counts(rows)
        lines.append([
            label, len({r.outlet.id for r in rows}), len(rows), statuses["met"], statuses["not_met"],
            statuses["incomplete"], statuses["no_quota"] + statuses["not_evaluated"], statuses["no_data"],
            total.articles, total.ge_items, total.ge_machine, total.ge_reviewed, total.ge_in_peaks,
            total.quoted_f, total.quoted_m, total.quoted_unknown, total.female_share,
        ])
    return lines


# ---------------------------------------------------------------- terminal table

def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def format_table(result: TallyResult) -> str:
    """A readable Vietnamese table for the terminal, with the notes underneath."""
    headers = ["Cơ quan", "Kỳ", "Tỉnh", "BĐG", "Tính CT", "Chỉ tiêu", "Trạng thái", "Cao điểm", "Máy/Duyệt",
               "Nữ/nguồn", "Chủ đề"]
    lines: list[list[str] | str] = []
    kind = None
    for row in result.rows:
        c = row.counts
        if row.outlet.kind != kind:
            kind = row.outlet.kind
            lines.append(f"▸ {OUTLET_KINDS.get(kind, kind)}")
        lines.append([
            _fit(row.outlet.name, 32), row.period.label, _fit(row.unit_name or row.unit_code or "", 14),
            str(c.ge_items), str(row.counted), "—" if row.required is None else str(row.required),
            STATUS_LABELS[row.status],
            str(c.ge_in_peaks), f"{c.ge_machine}/{c.ge_reviewed}", female_share_text(c.female_share),
            _fit(topics_text(row, 3), 40),
        ])
    table = [line for line in lines if isinstance(line, list)]
    widths = [max([len(h), *(len(line[i]) for line in table)]) for i, h in enumerate(headers)]
    numeric = {3, 4, 5, 7, 8, 9}

    def render(cells: list[str]) -> str:
        return "  ".join(cell.rjust(w) if i in numeric else cell.ljust(w)
                         for i, (cell, w) in enumerate(zip(cells, widths, strict=True))).rstrip()

    out = [report_title(result), _scope(result), "", render(headers), render(["─" * w for w in widths])]
    out += [line if isinstance(line, str) else render(line) for line in lines] or ["(không có cơ quan nào thuộc địa bàn và thời gian đã chọn)"]
    out.append("")
    statuses = result.status_counts()
    out.append("BĐG: tin, bài bình đẳng giới; Tính CT: số so với chỉ tiêu (số kỳ chuyên mục nếu quy định đếm "
               "chuyên mục); Máy/Duyệt: tin, bài BĐG do máy chấm / đã được thanh tra viên duyệt.")
    out.append("Tổng: " + ", ".join(f"{STATUS_LABELS[s]} {n}" for s, n in statuses.most_common()))
    out += [f"* {note}" for note in notes(result)]
    for rule in result.rules:
        out.append(f"* {rule.id}: {rule.requirement} — {rule.source.citation}")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- CSV

def _csv_value(value):
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:.4f}"
    return "" if value is None else value


def write_csv(result: TallyResult, out: str | os.PathLike[str] | io.TextIOBase, *, bom: bool = True) -> None:
    """One row per outlet and period, UTF-8 with BOM (Excel then reads Vietnamese correctly); a stream
    given as ``out`` gets the BOM only when ``bom`` is true."""
    def write(handle) -> None:
        writer = csv.writer(handle)
        writer.writerow([c.header for c in ROW_COLUMNS])
        for row in result.rows:
            writer.writerow([_csv_value(c.value(row)) for c in ROW_COLUMNS])

    if isinstance(out, io.TextIOBase):
        if bom:
            out.write("\ufeff")
        write(out)
        return
    with open(out, "w", encoding="utf-8-sig", newline="") as handle:
        write(handle)


# ---------------------------------------------------------------- XLSX

_HEADER_FONT = Font(bold=True, color="FFFFFF")
_HEADER_FILL = PatternFill("solid", fgColor="7A1F5C")
_STATUS_FILLS = {
    "met": PatternFill("solid", fgColor="D9EAD3"),
    "not_met": PatternFill("solid", fgColor="F4CCCC"),
    "no_data": PatternFill("solid", fgColor="EEEEEE"),
    "incomplete": PatternFill("solid", fgColor="FFF2CC"),
}


def _header_row(ws, row: int, headers: list[str], widths: list[int]) -> None:
    for col, (header, width) in enumerate(zip(headers, widths, strict=True), start=1):
        cell = ws.cell(row=row, column=col, value=header)
        cell.font, cell.fill = _HEADER_FONT, _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        letter = get_column_letter(col)
        ws.column_dimensions[letter].width = max(ws.column_dimensions[letter].width or 0, width)


def _sheet_title(label: str, used: set[str]) -> str:
    title = "".join(ch for ch in label if ch not in "[]:*?/\\")[:31]
    base, n = title, 2
    while title in used:
        title = f"{base[:28]} {n}"
        n += 1
    used.add(title)
    return title


def write_xlsx(result: TallyResult, out: str | os.PathLike[str]) -> None:
    """Summary sheet, a month sheet, then one sheet per outlet kind (header row frozen)."""
    wb = Workbook()
    summary = wb.active
    summary.title = "Tổng hợp"
    used = {summary.title}
    summary["A1"] = report_title(result)
    summary["A1"].font = Font(bold=True, size=13)
    summary["A2"] = _scope(result)
    summary["A3"] = f"Lập lúc: {datetime.now(LOCAL_TZ):%d/%m/%Y %H:%M} (giờ Việt Nam)"
    _header_row(summary, 5, SUMMARY_HEADERS, [30, 10, 12, 8, 9, 10, 11, 11, 10, 11, 12, 11, 13, 9, 9, 11, 12])
    for offset, line in enumerate(kind_summaries(result)):
        for col, value in enumerate(line, start=1):
            cell = summary.cell(row=6 + offset, column=col, value=value)
            if col == len(line):
                cell.number_format = "0.0%"
        if line[0] == "Tổng cộng":
            for col in range(1, len(line) + 1):
                summary.cell(row=6 + offset, column=col).font = Font(bold=True)
    summary.freeze_panes = "B6"
    row = summary.max_row + 2
    summary.cell(row=row, column=1, value="Ghi chú").font = Font(bold=True)
    for note in notes(result):
        row += 1
        summary.cell(row=row, column=1, value=note)
    row += 2
    summary.cell(row=row, column=1, value="Quy định chỉ tiêu đã áp dụng").font = Font(bold=True)
    row += 1
    rule_headers = ["Mã quy định", "Văn bản", "Yêu cầu", "Hiệu lực", "Trích văn bản"]
    for col, header in enumerate(rule_headers, start=1):
        cell = summary.cell(row=row, column=col, value=header)
        cell.font, cell.fill = _HEADER_FONT, _HEADER_FILL
    for rule in result.rules:
        row += 1
        values = [rule.id, rule.source.citation, rule.requirement if rule.minimum is not None
                  else f"{rule.requirement}: {rule.no_quota}",
                  f"{rule.effective_from:%d/%m/%Y} – {rule.effective_to:%d/%m/%Y}", rule.quote]
        for col, value in enumerate(values, start=1):
            summary.cell(row=row, column=col, value=value)

    months = wb.create_sheet(_sheet_title("Theo tháng", used))
    month_headers = ["Tháng", "Tin, bài", "Tin, bài BĐG", "BĐG do máy chấm", "BĐG đã duyệt",
                     "BĐG trong đợt cao điểm", "Tỉ lệ nữ trong nguồn"]
    _header_row(months, 1, month_headers, [10, 10, 12, 14, 12, 14, 14])
    for index, (month, agg) in enumerate(sorted(result.monthly.items()), start=2):
        values = [f"{month[5:]}/{month[:4]}", agg.articles, agg.ge_items, agg.ge_machine, agg.ge_reviewed,
                  agg.ge_in_peaks, agg.female_share]
        for col, value in enumerate(values, start=1):
            months.cell(row=index, column=col, value=value)
        months.cell(row=index, column=7).number_format = "0.0%"
    months.freeze_panes = "A2"

    status_col = next(i for i, c in enumerate(ROW_COLUMNS, start=1) if c.header == "Trạng thái")
    for kind in [*OUTLET_KINDS, *sorted({r.outlet.kind for r in result.rows} - set(OUTLET_KINDS))]:
        rows = [r for r in result.rows if r.outlet.kind == kind]
        if not rows:
            continue
        ws = wb.create_sheet(_sheet_title(OUTLET_KINDS.get(kind, kind), used))
        _header_row(ws, 1, [c.header for c in ROW_COLUMNS], [c.width for c in ROW_COLUMNS])
        for r_index, row in enumerate(rows, start=2):
            for c_index, column in enumerate(ROW_COLUMNS, start=1):
                cell = ws.cell(row=r_index, column=c_index, value=column.value(row))
                if column.number_format:
                    cell.number_format = column.number_format
            fill = _STATUS_FILLS.get(row.status)
            if fill:
                ws.cell(row=r_index, column=status_col).fill = fill
        ws.freeze_panes = "B2"
        ws.auto_filter.ref = ws.dimensions
    wb.save(out)


# ---------------------------------------------------------------- HTML

_CSS = """
body{font-family:"Segoe UI",Roboto,Arial,sans-serif;margin:2rem auto;max-width:1200px;color:#222;padding:0 1rem}
h1{font-size:1.35rem;color:#7a1f5c}h2{font-size:1.1rem;margin-top:2rem;border-bottom:2px solid #7a1f5c}
table{border-collapse:collapse;width:100%;font-size:.85rem;margin:.5rem 0}
th,td{border:1px solid #ccc;padding:.25rem .4rem;text-align:left;vertical-align:top}
th{background:#7a1f5c;color:#fff}td.n{text-align:right;font-variant-numeric:tabular-nums}
tr.total td{font-weight:bold;background:#f6eef3}
.s-met{background:#d9ead3}.s-not_met{background:#f4cccc}.s-no_data{background:#eee}.s-incomplete{background:#fff2cc}
.note{font-size:.85rem;color:#444}svg{max-width:100%;height:auto}svg text{font-size:11px;fill:#222}
.scroll{overflow-x:auto}table.detail{min-width:1500px}table.detail td:first-child{min-width:11rem}
td.topics,td.req,td.peaks{min-width:14rem}td.n,td.s{white-space:nowrap}
.legend span{display:inline-block;margin-right:1rem;font-size:.8rem}
.sw{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:middle}
"""

_MAX_CHART_OUTLETS = 80


def _e(value) -> str:
    return html.escape("" if value is None else str(value))


def _per_outlet(result: TallyResult) -> list[tuple[str, int, int | None, MonthAgg, str]]:
    """(name, counted, required, totals, worst status) per outlet over the whole report."""
    grouped: dict[str, list[TallyRow]] = defaultdict(list)
    for row in result.rows:
        grouped[row.outlet.id].append(row)
    out = []
    for rows in grouped.values():
        required = [r.required for r in rows if r.required is not None]
        statuses = {r.status for r in rows}
        worst = next((s for s in ("not_met", "incomplete", "met") if s in statuses), "no_quota")
        out.append((rows[0].outlet.name, sum(r.counted for r in rows), sum(required) if required else None,
                    result.totals(rows), worst))
    return out


def _chart_quota(result: TallyResult) -> str:
    data = _per_outlet(result)[:_MAX_CHART_OUTLETS]
    if not data:
        return "<p class='note'>Không có số liệu.</p>"
    top = max([1, *(d[1] for d in data), *(d[2] or 0 for d in data)])
    label_w, bar_w, row_h = 240, 560, 22
    height = row_h * len(data) + 30
    parts = [f"<svg xmlns='http://www.w3.org/2000/svg' width='{label_w + bar_w + 60}' height='{height}' "
             "role='img' aria-label='Số tin, bài so với chỉ tiêu theo cơ quan'>"]
    colors = {"met": "#6aa84f", "not_met": "#cc4125", "incomplete": "#e6b800"}
    for i, (name, counted, required, _, status) in enumerate(data):
        y = 10 + i * row_h
        width = counted / top * bar_w
        color = colors.get(status, "#999999")
        parts.append(f"<text x='{label_w - 6}' y='{y + 14}' text-anchor='end'>{_e(name[:38])}</text>")
        parts.append(f"<rect x='{label_w}' y='{y + 3}' width='{width:.1f}' height='14' fill='{color}'/>")
        parts.append(f"<text x='{label_w + width + 4:.1f}' y='{y + 14}'>{counted}"
                     f"{'' if required is None else f' / {required}'}</text>")
        if required is not None:
            x = label_w + required / top * bar_w
            parts.append(f"<line x1='{x:.1f}' x2='{x:.1f}' y1='{y}' y2='{y + 20}' stroke='#222' "
                         "stroke-width='2' stroke-dasharray='3,2'/>")
    parts.append("</svg>")
    legend = ("<p class='legend'><span><i class='sw' style='background:#6aa84f'></i>đạt chỉ tiêu</span>"
              "<span><i class='sw' style='background:#cc4125'></i>chưa đạt (ít nhất một kỳ)</span>"
              "<span><i class='sw' style='background:#e6b800'></i>kỳ chưa trọn</span>"
              "<span><i class='sw' style='background:#999'></i>không có chỉ tiêu số</span>"
              "<span>- - - mức chỉ tiêu</span></p>")
    more = len(_per_outlet(result)) - len(data)
    tail = f"<p class='note'>Và {more} cơ quan khác (xem bảng).</p>" if more > 0 else ""
    return "".join(parts) + legend + tail


def _chart_trend(result: TallyResult) -> str:
    months = sorted(result.monthly.items())
    if not months:
        return ""
    top = max([1, *(agg.ge_items for _, agg in months)])
    col_w, chart_h, left, top_margin = 60, 180, 40, 20
    width = left + col_w * len(months) + 20
    parts = [f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{chart_h + 50 + top_margin}' role='img' "
             f"viewBox='0 {-top_margin} {width} {chart_h + 50 + top_margin}' "
             "aria-label='Tin, bài bình đẳng giới theo tháng'>",
             f"<line x1='{left}' x2='{width - 10}' y1='{chart_h + 10}' y2='{chart_h + 10}' stroke='#999'/>"]
    for i, (month, agg) in enumerate(months):
        x = left + i * col_w + 10
        h = agg.ge_items / top * chart_h
        reviewed_h = agg.ge_reviewed / top * chart_h
        parts.append(f"<rect x='{x}' y='{chart_h + 10 - h:.1f}' width='{col_w - 20}' height='{h:.1f}' "
                     "fill='#b45f9a'/>")
        if reviewed_h:
            parts.append(f"<rect x='{x}' y='{chart_h + 10 - reviewed_h:.1f}' width='{col_w - 20}' "
                         f"height='{reviewed_h:.1f}' fill='#7a1f5c'/>")
        parts.append(f"<text x='{x + (col_w - 20) / 2}' y='{chart_h + 5 - h:.1f}' text-anchor='middle'>"
                     f"{agg.ge_items}</text>")
        parts.append(f"<text x='{x + (col_w - 20) / 2}' y='{chart_h + 28}' text-anchor='middle'>"
                     f"{month[5:]}/{month[:4]}</text>")
    parts.append("</svg>")
    return "".join(parts) + ("<p class='legend'><span><i class='sw' style='background:#b45f9a'></i>"
                             "do máy chấm</span><span><i class='sw' style='background:#7a1f5c'></i>"
                             "đã được duyệt</span></p>")


def _chart_female(result: TallyResult) -> str:
    data = [(d[0], d[3]) for d in _per_outlet(result) if d[3].female_share is not None]
    data = data[:_MAX_CHART_OUTLETS]
    if not data:
        return "<p class='note'>Chưa có nguồn được trích dẫn có xác định giới.</p>"
    label_w, bar_w, row_h = 240, 500, 22
    height = row_h * len(data) + 30
    parts = [f"<svg xmlns='http://www.w3.org/2000/svg' width='{label_w + bar_w + 80}' height='{height}' "
             "role='img' aria-label='Tỉ lệ nữ trong nguồn được trích dẫn'>"]
    for i, (name, agg) in enumerate(data):
        y = 10 + i * row_h
        share = agg.female_share or 0.0
        parts.append(f"<text x='{label_w - 6}' y='{y + 14}' text-anchor='end'>{_e(name[:38])}</text>")
        parts.append(f"<rect x='{label_w}' y='{y + 3}' width='{bar_w}' height='14' fill='#e7dbe3'/>")
        parts.append(f"<rect x='{label_w}' y='{y + 3}' width='{share * bar_w:.1f}' height='14' fill='#7a1f5c'/>")
        parts.append(f"<text x='{label_w + bar_w + 6}' y='{y + 14}'>{female_share_text(share)} "
                     f"({agg.quoted_f}/{agg.quoted_f + agg.quoted_m})</text>")
    mid = label_w + bar_w / 2
    parts.append(f"<line x1='{mid}' x2='{mid}' y1='5' y2='{height - 10}' stroke='#222' stroke-dasharray='3,2'/>")
    parts.append("</svg>")
    return "".join(parts) + "<p class='note'>Đường đứt: 50%. Nguồn không rõ giới không tính.</p>"


def write_html(result: TallyResult, out: str | os.PathLike[str]) -> None:
    """A self-contained page: summary, charts (inline SVG), the rules applied and the full tables."""
    title = report_title(result)
    body = [f"<h1>{_e(title)}</h1>", f"<p>{_e(_scope(result))}</p>",
            f"<p class='note'>Lập lúc {datetime.now(LOCAL_TZ):%d/%m/%Y %H:%M} (giờ Việt Nam)</p>",
            "<h2>Tổng hợp theo loại cơ quan</h2><table><thead><tr>"
            + "".join(f"<th>{_e(h)}</th>" for h in SUMMARY_HEADERS) + "</tr></thead><tbody>"]
    for line in kind_summaries(result):
        cls = " class='total'" if line[0] == "Tổng cộng" else ""
        cells = [f"<td>{_e(line[0])}</td>"] + [f"<td class='n'>{_e(v)}</td>" for v in line[1:-1]]
        cells.append(f"<td class='n'>{_e(female_share_text(line[-1]))}</td>")
        body.append(f"<tr{cls}>{''.join(cells)}</tr>")
    body.append("</tbody></table><ul class='note'>" + "".join(f"<li>{_e(n)}</li>" for n in notes(result))
                + "</ul>")
    body += ["<h2>Số tin, bài so với chỉ tiêu (cả kỳ báo cáo)</h2>", _chart_quota(result),
             "<h2>Tin, bài bình đẳng giới theo tháng</h2>", _chart_trend(result),
             "<h2>Tỉ lệ nữ trong nguồn được trích dẫn</h2>", _chart_female(result)]
    if result.rules:
        body.append("<h2>Quy định chỉ tiêu đã áp dụng</h2><table><thead><tr><th>Mã</th><th>Văn bản</th>"
                    "<th>Yêu cầu</th><th>Hiệu lực</th><th>Trích văn bản</th></tr></thead><tbody>")
        for rule in result.rules:
            requirement = rule.requirement if rule.minimum is not None else f"{rule.requirement}: {rule.no_quota}"
            body.append(f"<tr><td>{_e(rule.id)}</td><td>{_e(rule.source.citation)}</td><td>{_e(requirement)}</td>"
                        f"<td>{rule.effective_from:%d/%m/%Y} – {rule.effective_to:%d/%m/%Y}</td>"
                        f"<td>“{_e(rule.quote)}”</td></tr>")
        body.append("</tbody></table>")
    shown = [c for c in ROW_COLUMNS if c.header not in {"Mã cơ quan", "Loại", "Từ ngày", "Đến ngày", "Đã phân tích",
                                                    "Quy định áp dụng"}]
    for kind in [*OUTLET_KINDS, *sorted({r.outlet.kind for r in result.rows} - set(OUTLET_KINDS))]:
        rows = [r for r in result.rows if r.outlet.kind == kind]
        if not rows:
            continue
        body.append(f"<h2>{_e(OUTLET_KINDS.get(kind, kind))}</h2><div class='scroll'><table class='detail'><thead><tr>"
                    + "".join(f"<th>{_e(c.header)}</th>" for c in shown) + "<th>Đợt cao điểm</th></tr></thead><tbody>")
        for row in rows:
            cells = []
            for column in shown:
                value = column.value(row)
                if column.header == "Tỉ lệ nữ trong nguồn":
                    cells.append(f"<td class='n'>{female_share_text(value)}</td>")
                elif column.header == "Trạng thái":
                    cells.append(f"<td class='s s-{row.status}'>{_e(value)}</td>")
                elif column.header in ("Chủ đề", "Yêu cầu"):
                    cells.append(f"<td class='{'topics' if column.header == 'Chủ đề' else 'req'}'>{_e(value)}</td>")
                elif isinstance(value, int) or value is None:
                    cells.append(f"<td class='n'>{'—' if value is None else value}</td>")
                else:
                    cells.append(f"<td>{_e(value)}</td>")
            cells.append(f"<td class='peaks'>{_e(peaks_text(row, result.peak_names))}</td>")
            body.append(f"<tr>{''.join(cells)}</tr>")
        body.append("</tbody></table></div>")
    page = ("<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'>"
            "<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>" + "\n".join(body) + "</body></html>\n")
    Path(out).write_text(page, encoding="utf-8")


def write_report(result: TallyResult, out: str | os.PathLike[str], fmt: str) -> None:
    writers = {"xlsx": write_xlsx, "csv": write_csv, "html": write_html}
    writers[fmt](result, out)
