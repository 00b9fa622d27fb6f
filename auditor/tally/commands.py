"""``auditor tally`` and ``auditor report``: thin click wrappers over :func:`run_tally` and the writers."""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

import click

from auditor.db import DEFAULT_DB, open_db
from auditor.errors import AuditorError
from auditor.tally.columns import notes
from auditor.tally.periods import PERIOD_KINDS, parse_day
from auditor.tally.report import format_table, write_csv, write_report
from auditor.tally.rules import OUTLET_KINDS, load_quota_book
from auditor.tally.tally import TallyResult, run_tally

__all__ = ["tally", "report"]


class _Failure(click.ClickException):
    """One "Lỗi: ..." line on stderr, exit code 1."""

    def show(self, file=None) -> None:
        click.echo(f"Lỗi: {self.format_message()}", err=True)


class _Day(click.ParamType):
    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx) -> date:
        try:
            return parse_day(value)
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


def _half(value: str) -> tuple[date, date]:
    match = re.fullmatch(r"(\d{4})\s*[Hh]([12])", value.strip())
    if not match:
        raise click.BadParameter(f"{value!r}: cần dạng 2025H1 (6 tháng đầu) hoặc 2025H2", param_hint="--half")
    year, half = int(match[1]), int(match[2])
    return (date(year, 1, 1), date(year, 6, 30)) if half == 1 else (date(year, 7, 1), date(year, 12, 31))


def _common(func):
    options = [
        click.option("--db", "db_path", type=click.Path(dir_okay=False), envvar="AUDITOR_DB",
                     default=DEFAULT_DB, show_default=True, help="Cơ sở dữ liệu SQLite."),
        click.option("--province", help="Mã hoặc tên tỉnh (tỉnh trước 2025 cho kỳ trước 01/07/2025, "
                                        "tỉnh sau sắp xếp cho kỳ sau)."),
        click.option("--kind", "kinds", multiple=True, type=click.Choice(list(OUTLET_KINDS)),
                     help="Chỉ loại cơ quan này (lặp lại được)."),
        click.option("--period", type=click.Choice(list(PERIOD_KINDS)), default="quarter", show_default=True,
                     help="Kỳ tổng hợp."),
        click.option("--rules", "rules_dir", type=click.Path(file_okay=False),
                     help="Thư mục quy định chỉ tiêu (mặc định rules/quotas, hoặc $AUDITOR_QUOTAS)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _run(db_path: str, rules_dir: str | None, start: date, end: date, period: str, province: str | None,
         kinds: tuple[str, ...]) -> TallyResult:
    if not Path(db_path).exists():
        raise _Failure(f"không có cơ sở dữ liệu {db_path} (chỉ định bằng --db)")
    try:
        book = load_quota_book(rules_dir)
        return run_tally(open_db(db_path), book, start=start, end=end, period=period, province=province,
                         kinds=kinds)
    except AuditorError as exc:
        raise _Failure(str(exc)) from None


@click.command()
@_common
@click.option("--from", "start", type=_Day(), required=True, help="Ngày đầu (giờ Việt Nam).")
@click.option("--to", "end", type=_Day(), required=True, help="Ngày cuối, tính cả ngày này.")
@click.option("--csv", "as_csv", is_flag=True, help="In CSV (mỗi dòng một cơ quan × kỳ).")
@click.option("--json", "as_json", is_flag=True, help="In JSON.")
def tally(db_path: str, province: str | None, kinds: tuple[str, ...], period: str, rules_dir: str | None,
          start: date, end: date, as_csv: bool, as_json: bool) -> None:
    """Đếm tin, bài bình đẳng giới theo cơ quan và kỳ, so với chỉ tiêu của kế hoạch tỉnh.

    Quyết định duyệt của thanh tra viên thay cho kết quả chấm của máy. Kỳ không có dữ liệu thu thập
    ghi "Không có dữ liệu", không phải "0, chưa đạt".

    \b
    Ví dụ:
        auditor tally --db auditor.db --province "Kon Tum" --from 2023-01-01 --to 2023-06-30
        auditor tally --province 51 --from 2025-01-01 --to 2025-12-31 --period month --json
    """
    if as_csv and as_json:
        raise click.UsageError("chọn một trong --csv và --json")
    result = _run(db_path, rules_dir, start, end, period, province, kinds)
    if as_json:
        payload = {
            "from": start.isoformat(), "to": end.isoformat(), "period": period, "province": province,
            "rows": [row.to_dict() for row in result.rows],
            "notes": notes(result),
            "rules": [{"id": r.id, "requirement": r.requirement, "source": r.source.citation,
                       "quote": r.quote} for r in result.rules],
        }
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    elif as_csv:
        write_csv(result, sys.stdout, bom=False)
    else:
        click.echo(format_table(result), nl=False)


@click.command()
@_common
@click.option("--half", help="Kỳ báo cáo 6 tháng: 2025H1 hoặc 2025H2.")
@click.option("--from", "start", type=_Day(), help="Ngày đầu (thay cho --half).")
@click.option("--to", "end", type=_Day(), help="Ngày cuối (thay cho --half).")
@click.option("--format", "fmt", type=click.Choice(["xlsx", "csv", "html"]),
              help="Định dạng (mặc định theo đuôi tệp --out).")
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="Tệp báo cáo ghi ra.")
def report(db_path: str, province: str | None, kinds: tuple[str, ...], period: str, rules_dir: str | None,
           half: str | None, start: date | None, end: date | None, fmt: str | None, out: str) -> None:
    """Báo cáo 6 tháng về thông tin, tuyên truyền bình đẳng giới: XLSX, CSV hoặc trang HTML.

    \b
    Ví dụ:
        auditor report --db auditor.db --province "Quảng Ngãi" --half 2025H1 --out bao-cao.xlsx
        auditor report --province 62 --from 2023-01-01 --to 2023-06-30 --format html --out bc.html
    """
    if half:
        if start or end:
            raise click.UsageError("dùng --half hoặc --from/--to, không dùng cả hai")
        start, end = _half(half)
    elif not (start and end):
        raise click.UsageError("cần --half 2025H1 hoặc cả --from và --to")
    fmt = fmt or Path(out).suffix.lower().lstrip(".")
    if fmt not in {"xlsx", "csv", "html"}:
        raise click.UsageError(f"không đoán được định dạng từ {out!r}: thêm --format xlsx|csv|html")
    result = _run(db_path, rules_dir, start, end, period, province, kinds)
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    write_report(result, out, fmt)
    statuses = result.status_counts()
    click.echo(f"Đã ghi {out} ({fmt.upper()}): {len({r.outlet.id for r in result.rows})} cơ quan, "
               f"{len(result.rows)} dòng; đạt {statuses['met']}, chưa đạt {statuses['not_met']}, "
               f"không có dữ liệu {statuses['no_data']}.")
