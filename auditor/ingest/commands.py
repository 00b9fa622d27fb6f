"""`auditor ingest` and `auditor outlets`: thin click layers over :mod:`auditor.ingest`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from auditor.errors import AuditorError
from auditor.ingest.outlets import OUTLET_KINDS, OutletRow, add_outlet, import_outlets, list_outlets
from auditor.ingest.pipeline import SOURCE_KINDS, FileReport, IngestOptions, check_outlet, ingest_file
from auditor.ingest.readers import DEFAULT_MAX_BYTES, SUPPORTED_SUFFIXES

_db_option = click.option("--db", "db_path", type=click.Path(dir_okay=False), default=None,
                          help="Cơ sở dữ liệu SQLite (mặc định: $AUDITOR_DB hoặc auditor.db).")


def _open(db_path: str | None):  # noqa: ANN202
    from auditor.db import open_db

    return open_db(db_path)


def _parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"'{value}' không phải ngày dạng YYYY-MM-DD") from exc


def format_report(report: FileReport, *, items: bool = True) -> str:
    """The Vietnamese summary of one ingested file; with ``items``, one line per item."""
    name = Path(report.path).name
    added, already, dup = report.count("added"), report.count("already"), report.count("duplicate")
    days: dict[str, int] = {}
    for item in report.items:
        days[item.broadcast_date] = days.get(item.broadcast_date, 0) + 1
    day_text = ", ".join(f"{d} ({n})" for d, n in sorted(days.items()))
    audited = [i for i in report.items if i.status == "added" and i.ge_item is not None]
    lines = [
        f"{name}: {len(report.items)} mục · định dạng {report.format}, bảng mã {encoding_label(report.encoding)}, "
        f"tách theo {_SCHEME_VI.get(report.scheme, report.scheme)}",
        f"  ngày phát sóng: {day_text}",
        f"  thêm mới {added} · đã có từ trước {already} · trùng nội dung với bài khác {dup}",
    ]
    if audited:
        lines.append(f"  mục bình đẳng giới: {sum(1 for i in audited if i.ge_item)} · "
                     f"đoạn bị gắn cờ: {sum(i.n_findings for i in audited)}")
    elif added:
        lines.append("  chưa kiểm tra (--no-audit): chạy `auditor audit` để kiểm tra")
    if report.replaced:
        lines.append(f"  đã thay {report.replaced} mục của bản trước cùng tên")
    if report.preamble_lines:
        lines.append(f"  bỏ qua {report.preamble_lines} dòng mở đầu (tiêu đề cơ quan, lời chào)")
    if report.empty_items:
        lines.append(f"  bỏ qua {len(report.empty_items)} đề mục không có nội dung: "
                     + "; ".join(t[:40] for t in report.empty_items[:5]))
    for item in report.items if items else []:
        mark = {"added": "+", "already": "=", "duplicate": "≈"}[item.status]
        flags = ""
        if item.ge_item:
            flags += " [BĐG]"
        if item.n_findings:
            flags += f" [{item.n_findings} cờ]"
        lines.append(f"  {mark} {item.position + 1}. {item.broadcast_date} {item.title[:70]}{flags}")
    return "\n".join(lines)


_ENCODING_VI = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "utf-16-le": "UTF-16", "utf-16-be": "UTF-16",
                "utf-16": "UTF-16", "cp1258": "Windows-1258", "tcvn3": "TCVN3 (ABC)", "vni": "VNI"}


def encoding_label(encoding: str) -> str:
    """'tcvn3' -> 'TCVN3 (ABC)', 'docx+vni' -> 'VNI (đã chuyển sang Unicode)', 'docx' -> 'Unicode'."""
    base, _, legacy = encoding.partition("+")
    if legacy:
        return " + ".join(_ENCODING_VI.get(e, e) for e in legacy.split("+")) + " (đã chuyển sang Unicode)"
    if base in ("docx", "pdf", "xlsx"):
        return "Unicode"
    label = _ENCODING_VI.get(base, base)
    return f"{label} (đã chuyển sang Unicode)" if base in ("cp1258", "tcvn3", "vni") else label


_SCHEME_VI = {"marker": "nhãn Tin:/Bài:", "heading": "kiểu tiêu đề Word", "numbered": "đề mục đánh số",
              "bold": "dòng in đậm", "caps": "dòng chữ hoa", "whole": "cả tệp là một mục",
              "report": "dòng của bảng báo cáo"}


def expand_paths(paths: tuple[Path, ...]) -> list[Path]:
    """Files as given; a folder stands for the supported files in it and its subfolders, sorted."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
                              and not p.name.startswith(("~$", "."))))  # Word's lock files, hidden files
        else:
            out.append(path)
    return out


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--outlet", "outlet_id", required=True, help="Mã đài/cơ quan phát (xem `auditor outlets list`).")
@click.option("--date", "default_date", callback=_parse_date, default=None,
              help="Ngày phát sóng (YYYY-MM-DD) cho các mục mà tệp không ghi ngày.")
@click.option("--kind", "source_kind", type=click.Choice(SOURCE_KINDS), default="ingest", show_default=True,
              help="'transcript' cho bản gỡ băng/chuyển giọng nói thành chữ của chương trình đã phát.")
@click.option("--encoding", type=click.Choice(["utf-8", "utf-16", "cp1258", "tcvn3", "vni"]), default=None,
              help="Bảng mã của tệp .txt khi không tự nhận ra được.")
@click.option("--max-size", "max_mb", type=click.FloatRange(min=0.001), default=DEFAULT_MAX_BYTES / 1024 / 1024,
              show_default=True, help="Cỡ tệp tối đa (MB).")
@click.option("--no-audit", is_flag=True, help="Chỉ lưu, chưa kiểm tra (kiểm tra sau bằng `auditor audit`).")
@click.option("--replace", is_flag=True,
              help="Tệp đã sửa: thay các mục của bản trước cùng tên (nếu chưa mục nào được kiểm duyệt).")
@click.option("-q", "--quiet", is_flag=True, help="Chỉ in tóm tắt mỗi tệp, không liệt kê từng mục.")
@_db_option
def ingest(files: tuple[Path, ...], outlet_id: str, default_date: date | None, source_kind: str,
           encoding: str | None, max_mb: float, no_audit: bool, replace: bool, quiet: bool,
           db_path: str | None) -> None:
    """Nạp kịch bản, bản tin (.txt, .docx, .pdf) và bảng báo cáo (.docx, .xlsx) thành bài đã kiểm tra.

    Mỗi mục ("Tin:", "Bài:", đề mục đánh số, in đậm hay kiểu Heading) của mỗi tệp thành một bài, ngày
    phát sóng lấy từ tiêu đề chương trình ("Chương trình phát thanh ngày 12/3/2024") hoặc --date; mỗi
    dòng của bảng báo cáo ("Ngày phát | Tên tin, bài") cũng thành một bài. Tệp .txt ở UTF-8, UTF-16,
    Windows-1258, TCVN3 hay VNI được nhận bảng mã tự động. Mỗi tệp vào trọn vẹn hoặc không vào gì;
    nạp lại không thêm gì. Chi tiết: docs/ingest.md.

    \b
    Ví dụ:
        auditor ingest ban-tin-thang-3.docx kich-ban.txt --outlet xa-tan-yen
        auditor ingest thu-muc-thang-3/ --outlet xa-tan-yen   # mọi tệp .txt/.docx/.pdf/.xlsx bên trong
        auditor ingest go-bang-12-3.txt --outlet xa-tan-yen --kind transcript --date 2024-03-12
    """
    db = _open(db_path)
    options = IngestOptions(outlet_id=outlet_id, default_date=default_date, source_kind=source_kind,
                            max_bytes=int(max_mb * 1024 * 1024), encoding=encoding, audit=not no_audit,
                            replace=replace)
    failed = 0
    totals = {"added": 0, "already": 0, "duplicate": 0}
    try:
        check_outlet(db, outlet_id)
    except AuditorError as exc:
        raise click.ClickException(str(exc)) from exc
    files = tuple(expand_paths(files))
    if not files:
        raise click.ClickException("không có tệp .txt, .docx, .pdf hay .xlsx nào trong các thư mục đã cho")
    for path in files:
        try:
            report = ingest_file(db, path, options)
        except AuditorError as exc:
            failed += 1
            click.echo(f"Lỗi: {exc}", err=True)
            continue
        for status in totals:
            totals[status] += report.count(status)
        click.echo(format_report(report, items=not quiet))
    if len(files) > 1:
        click.echo(f"Tổng: {len(files) - failed}/{len(files)} tệp nạp được; thêm mới {totals['added']} mục, "
                   f"đã có {totals['already']}, trùng nội dung {totals['duplicate']}")
    if failed:
        raise SystemExit(1)


@click.group()
def outlets() -> None:
    """Đài, cơ quan không có trang tin/RSS: đài truyền thanh xã, trung tâm cấp huyện.

    \b
    Ví dụ:
        auditor outlets add xa-dai-son --name "Đài truyền thanh xã Đại Sơn" --kind commune_radio \\
            --province "Bắc Ninh" --commune "Đại Sơn" --old-province "Bắc Giang"
        auditor outlets import communes.csv
        auditor outlets list --kind commune_radio
    """


@outlets.command("add")
@click.argument("outlet_id")
@click.option("--name", required=True, help="Tên đầy đủ, ví dụ 'Đài truyền thanh xã Đại Sơn'.")
@click.option("--kind", type=click.Choice(OUTLET_KINDS), required=True, help="Loại đài/cơ quan.")
@click.option("--province", default="", help="Tỉnh (mã hoặc tên; đơn vị từ 1/7/2025 hoặc tỉnh cũ).")
@click.option("--commune", default="", help="Xã/phường (mã hoặc tên, đơn vị từ 1/7/2025).")
@click.option("--old-province", default="", help="Tỉnh trước 1/7/2025, khi tỉnh mới gộp nhiều tỉnh cũ.")
@click.option("--agency", default="", help="Cơ quan chủ quản.")
@click.option("--homepage", default="", help="Trang chủ (nếu có).")
@click.option("--replace", is_flag=True, help="Cập nhật nếu mã đã có.")
@_db_option
def outlets_add(outlet_id: str, name: str, kind: str, province: str, commune: str, old_province: str,
                agency: str, homepage: str, replace: bool, db_path: str | None) -> None:
    """Thêm một đài/cơ quan."""
    db = _open(db_path)
    try:
        record = add_outlet(db, OutletRow(outlet_id, name, kind, province, commune, old_province, agency,
                                          homepage), replace=replace)
    except AuditorError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Đã lưu {record['id']}: {record['name']} ({record['kind']}) · {_units_text(record)}")


@outlets.command("import")
@click.argument("csv_path", type=click.Path(exists=True, dir_okay=False))
@_db_option
def outlets_import(csv_path: str, db_path: str | None) -> None:
    """Nhập đài/cơ quan từ CSV có dòng tiêu đề: id,name,kind,province,commune,old_province,agency,homepage.

    Mọi dòng được kiểm trước; chỉ một dòng sai (báo số dòng và tên cột) là không nhập dòng nào.
    """
    db = _open(db_path)
    try:
        added, updated = import_outlets(db, csv_path)
    except AuditorError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Đã nhập {added + updated} cơ quan/đài: thêm mới {added}, cập nhật {updated}")


@outlets.command("list")
@click.option("--kind", type=click.Choice(OUTLET_KINDS), default=None)
@_db_option
def outlets_list(kind: str | None, db_path: str | None) -> None:
    """Liệt kê đài/cơ quan với đơn vị hành chính."""
    rows = list_outlets(_open(db_path), kind)
    for row in rows:
        click.echo(f"{row['id']}\t{row['kind']}\t{row['name']}\t{_units_text(row)}")
    click.echo(f"{len(rows)} cơ quan/đài")


def _units_text(row: dict) -> str:
    parts = [row.get("commune_name"), row.get("province_name")]
    text = ", ".join(p for p in parts if p) or "chưa có đơn vị hành chính"
    if row.get("old_province_name") and row.get("old_province_name") != row.get("province_name"):
        text += f" (trước 2025: {row['old_province_name']})"
    return text
