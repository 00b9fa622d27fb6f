"""Outlets without a feed (commune radio, district centres): add one, import a province's list, list them.

Rows go to the ``outlets`` table. The province and commune are given as a code or a name; with the
administrative-unit tables (:mod:`auditor.units`) they are resolved to the 2025 province and commune
and, where the province merged only one old province or ``old_province`` is given, the pre-2025 one.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from auditor.db import now_iso
from auditor.errors import InputError

__all__ = ["OUTLET_KINDS", "OutletRow", "RowError", "resolve_outlet", "add_outlet", "import_outlets",
           "list_outlets", "CSV_COLUMNS"]

OUTLET_KINDS = ("provincial_paper", "provincial_radio_tv", "district_centre", "commune_radio", "national")
# The same id rule as feeds.yaml (auditor/crawl/feeds.py), so an outlet can move between the two.
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")
CSV_COLUMNS = ("id", "name", "kind", "province", "commune", "old_province", "agency", "homepage")
REQUIRED_COLUMNS = ("id", "name", "kind")


class RowError(InputError):
    """A value that cannot be used, with where it is: row (the line of the CSV file) and column."""

    def __init__(self, message: str, *, row: int | None = None, column: str | None = None) -> None:
        self.row, self.column = row, column
        where = ", ".join(p for p in (f"dòng {row}" if row else "", f"cột '{column}'" if column else "") if p)
        super().__init__(f"{where}: {message}" if where else message)


@dataclass
class OutletRow:
    id: str
    name: str
    kind: str
    province: str = ""
    commune: str = ""
    old_province: str = ""
    agency: str = ""
    homepage: str = ""


def _units():  # noqa: ANN202
    try:
        from auditor.units import units
    except ImportError:  # a build without the unit tables: codes are stored as given
        return None
    try:
        return units()
    except (OSError, ValueError):
        return None


def resolve_outlet(row: OutletRow, *, line: int | None = None) -> dict:
    """The ``outlets`` row for ``row``; :class:`RowError` (naming ``line`` and the column) when invalid."""
    if not row.id or not row.id.strip():
        raise RowError("thiếu mã (id)", row=line, column="id")
    if not _ID_RE.match(row.id.strip()):
        raise RowError(f"mã '{row.id}' chỉ gồm chữ thường không dấu, số, '-', '_', '.' (tối đa 64 ký tự), "
                       "ví dụ 'xa-tan-yen'", row=line, column="id")
    if not row.name.strip():
        raise RowError("thiếu tên", row=line, column="name")
    if row.kind not in OUTLET_KINDS:
        raise RowError(f"loại '{row.kind}' không hợp lệ; một trong: {', '.join(OUTLET_KINDS)}",
                       row=line, column="kind")
    out = {"id": row.id.strip(), "name": row.name.strip(), "kind": row.kind,
           "agency": row.agency.strip() or None, "homepage": row.homepage.strip() or None,
           "updated_at": now_iso()}
    table = _units()
    province, commune, old = row.province.strip(), row.commune.strip(), row.old_province.strip()
    if table is None:
        # No unit tables: keep what was given; names go to *_name, codes to *_code.
        for key, value in (("province", province), ("commune", commune), ("old_province", old)):
            if value:
                out[f"{key}_{'code' if value.isdigit() else 'name'}"] = value
        return out
    commune_unit = None
    if commune:
        commune_unit = table.communes.get(commune)
        if commune_unit is None:
            code = _commune_by_name(table, commune, province, line=line)
            commune_unit = table.communes.get(code) if code else None
        if commune_unit is None:
            raise RowError(f"không tìm thấy xã/phường '{commune}' (mã hoặc tên, theo đơn vị từ 1/7/2025)"
                           + (f" trong tỉnh '{province}'" if province else ""), row=line, column="commune")
        out["commune_code"], out["commune_name"] = commune_unit.code, commune_unit.name
    province_code = table.province_code(province) if province else None
    if province and province_code is None:
        # A pre-2025 province ("Bắc Kạn") is accepted too: it gives both units.
        old_code = table.old_province_code(province)
        if old_code is None:
            raise RowError(f"không tìm thấy tỉnh '{province}'", row=line, column="province")
        province_code, old = table.new_province_of(old_code), old or old_code
    if commune_unit is not None:
        if province_code and commune_unit.parent != province_code:
            raise RowError(f"xã '{commune_unit.name}' thuộc tỉnh mã {commune_unit.parent}, không phải '{province}'",
                           row=line, column="commune")
        province_code = commune_unit.parent
    if province_code:
        out["province_code"], out["province_name"] = province_code, table.provinces[province_code].name
    elif province_code is None and row.kind != "national":
        raise RowError("thiếu tỉnh (mã hoặc tên; chỉ cơ quan trung ương được bỏ trống)", row=line, column="province")
    old_code = table.old_province_code(old) if old else None
    if old and old_code is None:
        raise RowError(f"không tìm thấy tỉnh cũ (trước 2025) '{old}'", row=line, column="old_province")
    # As the feeds.yaml loader does: a commune keeps its pre-2025 district (the commune whose code it
    # kept), which gives the old province when none is given; a commune radio is counted under it.
    old_district = getattr(table, "commune_old_district", {}).get(commune_unit.code) if commune_unit else None
    if old_district and old_district in table.old_districts:
        district_province = table.old_districts[old_district].parent
        old_code = old_code or district_province
        if row.kind == "commune_radio" and district_province == old_code:
            out["old_district_code"] = old_district
            out["old_district_name"] = table.old_districts[old_district].name
    if old_code is None and province_code:
        old_code = table.sole_old_province(province_code)
    if old_code:
        if province_code and table.new_province_of(old_code) != province_code:
            raise RowError(f"tỉnh cũ '{old}' không thuộc tỉnh mã {province_code}", row=line, column="old_province")
        out["old_province_code"], out["old_province_name"] = old_code, table.old_provinces[old_code].name
    return out


def _commune_by_name(table, name: str, province: str, *, line: int | None) -> str | None:  # noqa: ANN001
    """The code of the commune called ``name`` (with or without "Xã"/"Phường") in ``province``."""
    from auditor.units import fold_name

    province_code = table.province_code(province) if province else None
    in_province = [u for u in table.communes.values() if province_code is None or u.parent == province_code]
    exact = [u.code for u in in_province if u.name.casefold() == name.casefold()]
    if len(exact) == 1:
        return exact[0]
    key = fold_name(name)
    matches = exact or [u.code for u in in_province if fold_name(u.name) == key]
    if len(matches) > 1:
        raise RowError(f"có {len(matches)} xã/phường tên '{name}': ghi mã ({', '.join(matches[:5])}) hoặc "
                       "tên đủ kèm 'Xã'/'Phường'" + ("" if province else ", hoặc thêm tỉnh"),
                       row=line, column="commune")
    return matches[0] if matches else None


def add_outlet(db: sqlite_utils.Database, row: OutletRow, *, replace: bool = False) -> dict:
    record = resolve_outlet(row)
    exists = db.execute("SELECT 1 FROM outlets WHERE id = ?", [record["id"]]).fetchone()
    if exists and not replace:
        raise RowError(f"đã có cơ quan/đài mã '{record['id']}' (dùng --replace để cập nhật)", column="id")
    with db.conn:
        db["outlets"].upsert(record, pk="id")
    return record


def import_outlets(db: sqlite_utils.Database, path: str | Path) -> tuple[int, int]:
    """Import a CSV (header row; columns :data:`CSV_COLUMNS`) in one transaction: all rows or none.

    Returns (added, updated). Every invalid row is reported in one :class:`InputError`; a file in no
    encoding we can tell raises :class:`~auditor.errors.IngestError`.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: không đọc được tệp ({exc.strerror})") from exc
    # Excel saves CSV as UTF-8 (with BOM), as "Unicode text" (UTF-16, tab-separated) or in the
    # Windows code page; lists typed long ago may be TCVN3/VNI: the same detection as `ingest`.
    from auditor.ingest.legacy import decode_bytes

    text = decode_bytes(data, path=str(path)).text
    dialect = csv.excel
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        pass
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise InputError(f"{path}: thiếu cột {', '.join(missing)} ở dòng tiêu đề (cần: {', '.join(CSV_COLUMNS)})")
    unknown = [h for h in header if h not in CSV_COLUMNS]
    if unknown:
        raise InputError(f"{path}: cột không biết: {', '.join(unknown)} (dùng: {', '.join(CSV_COLUMNS)})")
    records: list[dict] = []
    errors: list[str] = []
    seen: dict[str, int] = {}
    for raw in reader:
        number = reader.line_num  # the line in the file (the header is line 1), as editors show it
        values = {k.strip().lower(): (v or "").strip() for k, v in raw.items() if k}
        if not any(values.values()):
            continue
        try:
            record = resolve_outlet(OutletRow(**{c: values.get(c, "") for c in CSV_COLUMNS}), line=number)
        except RowError as exc:
            errors.append(str(exc))
            continue
        if record["id"] in seen:
            errors.append(str(RowError(f"mã '{record['id']}' trùng với dòng {seen[record['id']]}",
                                       row=number, column="id")))
            continue
        seen[record["id"]] = number
        records.append(record)
    if errors:
        shown = "\n  ".join(errors[:30])
        more = f"\n  ... và {len(errors) - 30} lỗi nữa" if len(errors) > 30 else ""
        raise InputError(f"{path}: {len(errors)} dòng lỗi, không nhập dòng nào (số dòng tính cả dòng tiêu đề):\n  "
                         f"{shown}{more}")
    existing = {r[0] for r in db.execute("SELECT id FROM outlets").fetchall()}
    with db.conn:
        db["outlets"].upsert_all(records, pk="id")
    updated = sum(1 for r in records if r["id"] in existing)
    return len(records) - updated, updated


def list_outlets(db: sqlite_utils.Database, kind: str | None = None) -> list[dict]:
    sql = "SELECT * FROM outlets" + (" WHERE kind = ?" if kind else "") + " ORDER BY province_code, kind, id"
    return [dict(r) for r in db.query(sql, [kind] if kind else [])]
