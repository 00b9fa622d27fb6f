"""Quota rules as data: ``rules/quotas/*.yaml``, loaded and checked before any tally runs.

A file holds either one source document with its ``rules`` or the ``peak_windows`` calendar:

    source: {number: 58/KH-UBND, date: 2020-04-02, issuer: ..., province: Lạng Sơn, title: ...}
    rules:
      - id: langson-58-2020-press            # stable, never reused
        name: ...
        effective_from: 2020-04-02
        effective_to: 2021-05-23
        kinds: [provincial_paper, provincial_radio_tv]
        province: {scheme: pre2025, code: "20", name: Lạng Sơn}
        district: {code: "...", name: ...}     # optional: a district plan (pre-2025 units only)
        period: quarter                        # month | quarter | half_year | year
        minimum: 3                             # or null with no_quota: "why"
        counts: ge_item                        # or column (see `column`)
        column: {sections: [...], url_patterns: [...], title_patterns: [...]}   # optional
        quote: "the sentence of the plan that sets it"

Everything is validated on load; any problem raises :class:`ConfigError` naming the file, the rule id
and the field. Two rules for the same outlet kind, province (and district) and period whose effective
dates overlap are rejected, because a tally could not say which minimum applies.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from auditor.errors import ConfigError
from auditor.tally.periods import PERIOD_KINDS, parse_day

__all__ = [
    "OUTLET_KINDS",
    "REFORM_DATE",
    "ColumnSpec",
    "PeakWindow",
    "ProvinceRef",
    "QuotaBook",
    "QuotaRule",
    "SourceDocument",
    "default_quota_dir",
    "load_quota_book",
    "province_key",
]

# Outlet kinds (outlets.kind) with their Vietnamese names, in report order.
OUTLET_KINDS: dict[str, str] = {
    "provincial_paper": "Báo tỉnh",
    "provincial_radio_tv": "Đài Phát thanh - Truyền hình tỉnh",
    "district_centre": "Trung tâm VH-TT-TT cấp huyện",
    "commune_radio": "Đài truyền thanh cấp xã",
    "national": "Cơ quan báo chí trung ương",
}

# The 2025 reform: provinces merged (63 -> 34) and districts abolished from this day.
REFORM_DATE = date(2025, 7, 1)

SCHEMES = {"2025", "pre2025"}
COUNTS = {"ge_item", "column"}

_SOURCE_FIELDS = {"number", "date", "issuer", "province", "title", "implements", "file", "url", "note"}
_RULE_FIELDS = {
    "id", "name", "effective_from", "effective_to", "kinds", "province", "district", "period",
    "minimum", "no_quota", "counts", "column", "quote", "note",
}
_REQUIRED_RULE_FIELDS = ("id", "effective_from", "effective_to", "kinds", "province", "period", "counts",
                         "quote")
_COLUMN_FIELDS = {"sections", "url_patterns", "title_patterns"}
_PEAK_FIELDS = {"id", "name", "from", "to", "source", "note"}
_RULE_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_MONTH_DAY = re.compile(r"^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")
_UNIT_PREFIXES = ("thanh pho ", "tinh ", "tp. ", "tp ", "huyen ", "thi xa ", "quan ")


@lru_cache(maxsize=4096)
def province_key(name: str | None) -> str:
    """Accent- and case-free key of an administrative unit name: "Tỉnh Kon Tum" -> "kon tum"."""
    if not name:
        return ""
    text = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = " ".join(text.split())
    for prefix in _UNIT_PREFIXES:
        if text.startswith(prefix):
            return text[len(prefix):]
    return text


@dataclass(frozen=True)
class SourceDocument:
    number: str | None
    date: date | None
    issuer: str
    province: str
    title: str
    implements: str | None = None
    file: str | None = None
    url: str | None = None
    note: str | None = None

    @property
    def citation(self) -> str:
        """"Kế hoạch 58/KH-UBND ngày 02/04/2020 (UBND tỉnh Lạng Sơn)" with what is known."""
        parts = [self.title]
        if self.number:
            parts.append(f"số {self.number}")
        if self.date:
            parts.append(f"ngày {self.date:%d/%m/%Y}")
        return " ".join(parts) + f" ({self.issuer})"


@dataclass(frozen=True)
class ProvinceRef:
    scheme: str  # "2025" or "pre2025"
    code: str | None
    name: str | None

    def matches(self, code: str | None, name: str | None) -> bool:
        """Same unit: codes agree when both are known and names agree when both are known."""
        known = False
        if self.code and code:
            if str(self.code) != str(code):
                return False
            known = True
        if self.name and name:
            if province_key(self.name) != province_key(name):
                return False
            known = True
        return known


@dataclass(frozen=True)
class ColumnSpec:
    """How a recurring gender-equality column is recognised in an outlet's articles."""

    sections: tuple[str, ...] = ()
    url_patterns: tuple[str, ...] = ()
    title_patterns: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.sections or self.url_patterns or self.title_patterns)

    def matches(self, section: str | None, url: str | None, title: str | None) -> bool:
        if section and any(province_key(section) == province_key(s) for s in self.sections):
            return True
        if url and any(re.search(p, url) for p in self.url_patterns):
            return True
        return bool(title and any(re.search(p, unicodedata.normalize("NFC", title), re.IGNORECASE)
                                  for p in self.title_patterns))

    @classmethod
    def from_mapping(cls, data: Any, *, path: str, item: str, field_name: str) -> ColumnSpec:
        if not isinstance(data, dict):
            raise ConfigError("phải là một bảng (sections / url_patterns / title_patterns)",
                              path=path, item=item, field=field_name)
        _reject_unknown(data, _COLUMN_FIELDS, path=path, item=item, prefix=f"{field_name}.")
        values: dict[str, tuple[str, ...]] = {}
        for key in _COLUMN_FIELDS:
            raw = data.get(key) or []
            if isinstance(raw, str):
                raw = [raw]
            if not isinstance(raw, list) or not all(isinstance(v, str) and v for v in raw):
                raise ConfigError("phải là danh sách chuỗi", path=path, item=item, field=f"{field_name}.{key}")
            if key != "sections":
                for pattern in raw:
                    try:
                        re.compile(pattern)
                    except re.error as exc:
                        raise ConfigError(f"biểu thức chính quy sai {pattern!r}: {exc}",
                                          path=path, item=item, field=f"{field_name}.{key}") from None
            values[key] = tuple(raw)
        return cls(**values)


@dataclass(frozen=True)
class QuotaRule:
    id: str
    name: str
    source: SourceDocument
    effective_from: date
    effective_to: date
    kinds: tuple[str, ...]
    province: ProvinceRef
    district: ProvinceRef | None
    period: str
    minimum: int | None
    no_quota: str | None
    counts: str
    column: ColumnSpec
    quote: str
    path: str
    note: str | None = None

    def in_force(self, first: date, last: date) -> bool:
        return self.effective_from <= last and first <= self.effective_to

    @property
    def requirement(self) -> str:
        """Vietnamese requirement text: "≥ 3 tin, bài GE/quý", "≥ 1 chuyên mục/tháng", "không có chỉ tiêu số"."""
        if self.minimum is None:
            return "không có chỉ tiêu số"
        unit = "chuyên mục" if self.counts == "column" else "tin, bài BĐG"
        per = {"month": "tháng", "quarter": "quý", "half_year": "6 tháng", "year": "năm"}[self.period]
        return f"≥ {self.minimum} {unit}/{per}"


@dataclass(frozen=True)
class PeakWindow:
    """A yearly window (``MM-DD`` to ``MM-DD``, inclusive) of heightened coverage."""

    id: str
    name: str
    start: str
    end: str
    source: str = ""

    def contains(self, day: date) -> bool:
        return self.start <= f"{day.month:02d}-{day.day:02d}" <= self.end


@dataclass
class QuotaBook:
    rules: list[QuotaRule] = field(default_factory=list)
    peaks: list[PeakWindow] = field(default_factory=list)

    def rules_for(self, kind: str) -> list[QuotaRule]:
        return [rule for rule in self.rules if kind in rule.kinds]


def default_quota_dir() -> Path:
    """``$AUDITOR_QUOTAS`` or the repository's ``rules/quotas``."""
    env = os.environ.get("AUDITOR_QUOTAS")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "rules" / "quotas"


def _reject_unknown(data: dict, allowed: set[str], *, path: str, item: str | None, prefix: str = "") -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise ConfigError(f"trường không hợp lệ; cho phép: {sorted(allowed)}", path=path, item=item,
                          field=prefix + unknown[0])


def _item_name(data: Any, section: str, index: int, what: str, allowed: set[str], path: str) -> str:
    """Check that ``section[index]`` is a mapping with known fields; return its id for messages."""
    if not isinstance(data, dict):
        raise ConfigError(f"mỗi {what} phải là một bảng", path=path, item=f"{section}[{index}]")
    item = str(data.get("id") or f"{section}[{index}]")
    _reject_unknown(data, allowed, path=path, item=item)
    return item


def _day(value: Any, *, path: str, item: str, field_name: str, allow_none: bool = False) -> date | None:
    if value is None and allow_none:
        return None
    try:
        if value is None:
            raise ValueError("thiếu ngày")
        return parse_day(value)
    except ValueError:
        raise ConfigError(f"ngày không đọc được: {value!r} (cần dạng YYYY-MM-DD)",
                          path=path, item=item, field=field_name) from None


def _text(value: Any, *, path: str, item: str, field_name: str, required: bool = True) -> str | None:
    if value is None and not required:
        return None
    if not isinstance(value, str | int) or not str(value).strip():
        raise ConfigError("phải là chuỗi không rỗng", path=path, item=item, field=field_name)
    return unicodedata.normalize("NFC", str(value).strip())


def _unit(data: Any, *, path: str, item: str, field_name: str, scheme_required: bool) -> ProvinceRef:
    if not isinstance(data, dict):
        raise ConfigError("phải là bảng {scheme, code, name}", path=path, item=item, field=field_name)
    _reject_unknown(data, {"scheme", "code", "name"}, path=path, item=item, prefix=f"{field_name}.")
    scheme = str(data.get("scheme", "pre2025" if not scheme_required else ""))
    if scheme not in SCHEMES:
        raise ConfigError(f"scheme phải là một trong {sorted(SCHEMES)} (đơn vị hành chính 2025 hay trước 2025)",
                          path=path, item=item, field=f"{field_name}.scheme")
    code = _text(data.get("code"), path=path, item=item, field_name=f"{field_name}.code", required=False)
    name = _text(data.get("name"), path=path, item=item, field_name=f"{field_name}.name", required=False)
    if not code and not name:
        raise ConfigError("cần code hoặc name", path=path, item=item, field=field_name)
    return ProvinceRef(scheme, code, name)


def _source(data: Any, path: str) -> SourceDocument:
    if not isinstance(data, dict):
        raise ConfigError("thiếu bảng 'source' (văn bản gốc)", path=path, field="source")
    _reject_unknown(data, _SOURCE_FIELDS, path=path, item="source")
    number = _text(data.get("number"), path=path, item="source", field_name="number", required=False)
    day = _day(data.get("date"), path=path, item="source", field_name="date", allow_none=True)
    if not number and not day and not data.get("note"):
        raise ConfigError("văn bản không có số và ngày: ghi rõ lý do ở 'note'", path=path, item="source",
                          field="note")
    return SourceDocument(
        number=number,
        date=day,
        issuer=_text(data.get("issuer"), path=path, item="source", field_name="issuer") or "",
        province=_text(data.get("province"), path=path, item="source", field_name="province") or "",
        title=_text(data.get("title"), path=path, item="source", field_name="title") or "",
        implements=_text(data.get("implements"), path=path, item="source", field_name="implements",
                         required=False),
        file=_text(data.get("file"), path=path, item="source", field_name="file", required=False),
        url=_text(data.get("url"), path=path, item="source", field_name="url", required=False),
        note=_text(data.get("note"), path=path, item="source", field_name="note", required=False),
    )


def _rule(data: Any, source: SourceDocument, path: str, index: int) -> QuotaRule:
    item = _item_name(data, "rules", index, "quy định", _RULE_FIELDS, path)
    for name in _REQUIRED_RULE_FIELDS:
        if data.get(name) in (None, "", []):
            raise ConfigError("thiếu trường bắt buộc", path=path, item=item, field=name)
    if "minimum" not in data:
        raise ConfigError("thiếu trường bắt buộc (ghi null và 'no_quota' nếu văn bản không đặt chỉ tiêu số)",
                          path=path, item=item, field="minimum")
    if not isinstance(data["id"], str) or not _RULE_ID.match(data["id"]):
        raise ConfigError("id chỉ gồm chữ thường không dấu, số, '.', '_', '-'", path=path, item=item, field="id")
    kinds = data["kinds"] if isinstance(data["kinds"], list) else [data["kinds"]]
    for kind in kinds:
        if kind not in OUTLET_KINDS:
            raise ConfigError(f"loại cơ quan không biết: {kind!r}; chọn: {', '.join(OUTLET_KINDS)}",
                              path=path, item=item, field="kinds")
    period = data["period"]
    if period not in PERIOD_KINDS:
        raise ConfigError(f"kỳ không hợp lệ: {period!r}; chọn: {', '.join(PERIOD_KINDS)}", path=path, item=item,
                          field="period")
    counts = data["counts"]
    if counts not in COUNTS:
        raise ConfigError(f"không biết đếm gì: {counts!r}; chọn: {', '.join(sorted(COUNTS))}", path=path,
                          item=item, field="counts")
    minimum = data["minimum"]
    if minimum is not None and (isinstance(minimum, bool) or not isinstance(minimum, int) or minimum < 1):
        raise ConfigError(f"phải là số nguyên dương hoặc null: {minimum!r}", path=path, item=item,
                          field="minimum")
    no_quota = _text(data.get("no_quota"), path=path, item=item, field_name="no_quota", required=False)
    if minimum is None and not no_quota:
        raise ConfigError("minimum là null: ghi rõ ở 'no_quota' vì sao văn bản không có chỉ tiêu số",
                          path=path, item=item, field="no_quota")
    start = _day(data["effective_from"], path=path, item=item, field_name="effective_from")
    end = _day(data["effective_to"], path=path, item=item, field_name="effective_to")
    assert start and end
    if end < start:
        raise ConfigError(f"effective_to ({end}) trước effective_from ({start})", path=path, item=item,
                          field="effective_to")
    district = None
    if data.get("district") is not None:
        district = _unit(data["district"], path=path, item=item, field_name="district", scheme_required=False)
        if district.scheme != "pre2025":
            raise ConfigError("cấp huyện chỉ có trước 2025 (scheme: pre2025)", path=path, item=item,
                              field="district.scheme")
    column = ColumnSpec()
    if data.get("column") is not None:
        column = ColumnSpec.from_mapping(data["column"], path=path, item=item, field_name="column")
    return QuotaRule(
        id=data["id"],
        name=_text(data.get("name") or data["id"], path=path, item=item, field_name="name") or "",
        source=source,
        effective_from=start,
        effective_to=end,
        kinds=tuple(kinds),
        province=_unit(data["province"], path=path, item=item, field_name="province", scheme_required=True),
        district=district,
        period=period,
        minimum=minimum,
        no_quota=no_quota,
        counts=counts,
        column=column,
        quote=_text(data["quote"], path=path, item=item, field_name="quote") or "",
        path=path,
        note=_text(data.get("note"), path=path, item=item, field_name="note", required=False),
    )


def _peak(data: Any, path: str, index: int) -> PeakWindow:
    item = _item_name(data, "peak_windows", index, "đợt cao điểm", _PEAK_FIELDS, path)
    if not isinstance(data.get("id"), str) or not _RULE_ID.match(data["id"]):
        raise ConfigError("id chỉ gồm chữ thường không dấu, số, '.', '_', '-'", path=path, item=item, field="id")
    bounds = {}
    for name in ("from", "to"):
        value = str(data.get(name, ""))
        if not _MONTH_DAY.match(value):
            raise ConfigError(f"ngày không đọc được: {data.get(name)!r} (cần dạng \"MM-DD\" trong dấu nháy)",
                              path=path, item=item, field=name)
        bounds[name] = value
    if bounds["to"] < bounds["from"]:
        raise ConfigError("đợt cao điểm không được vắt qua năm mới", path=path, item=item, field="to")
    return PeakWindow(
        id=_text(data.get("id"), path=path, item=item, field_name="id") or "",
        name=_text(data.get("name"), path=path, item=item, field_name="name") or "",
        start=bounds["from"],
        end=bounds["to"],
        source=str(data.get("source") or ""),
    )


def _overlap_key(rule: QuotaRule, kind: str) -> tuple:
    district = (province_key(rule.district.name), rule.district.code) if rule.district else None
    return (kind, rule.province.scheme, province_key(rule.province.name), rule.province.code, district,
            rule.period)


def _check_overlaps(rules: list[QuotaRule]) -> None:
    seen: dict[tuple, list[QuotaRule]] = {}
    for rule in rules:
        for kind in rule.kinds:
            for other in seen.setdefault(_overlap_key(rule, kind), []):
                if rule.in_force(other.effective_from, other.effective_to):
                    raise ConfigError(
                        f"chồng lấn với quy định '{other.id}' ({other.path}) cho cùng loại '{kind}', "
                        f"cùng địa bàn và cùng kỳ '{rule.period}' trong thời gian "
                        f"{max(rule.effective_from, other.effective_from)} – "
                        f"{min(rule.effective_to, other.effective_to)}",
                        path=rule.path, item=rule.id, field="effective_from")
            seen[_overlap_key(rule, kind)].append(rule)


def _yaml_line(root: yaml.Node | None, section: str, index: int | None, field_name: str | None) -> int | None:
    """1-based line of ``section[index].field`` (or of the item, or the section) in a composed YAML tree."""
    if not isinstance(root, yaml.MappingNode):
        return None
    node = next((v for k, v in root.value if k.value == section), None)
    if node is None:
        return None
    line = node.start_mark.line + 1
    if index is None or not isinstance(node, yaml.SequenceNode) or index >= len(node.value):
        return line
    item = node.value[index]
    line = item.start_mark.line + 1
    top = (field_name or "").split(".")[0]
    if isinstance(item, yaml.MappingNode) and top:
        line = next((k.start_mark.line + 1 for k, _ in item.value if k.value == top), line)
    return line


def _with_line(error: ConfigError, line: int | None) -> ConfigError:
    if line is None or error.line is not None:
        return error
    prefix = str(ConfigError("", path=error.path, item=error.item, field=error.field))
    return ConfigError(str(error)[len(prefix):], path=error.path, item=error.item, field=error.field, line=line)


def load_quota_book(directory: str | os.PathLike[str] | None = None) -> QuotaBook:
    """Load and validate every ``*.yaml`` under ``directory`` (default :func:`default_quota_dir`)."""
    root = Path(directory) if directory else default_quota_dir()
    if not root.is_dir():
        raise ConfigError("không tìm thấy thư mục quy định chỉ tiêu", path=str(root))
    book = QuotaBook()
    ids: dict[str, str] = {}
    peak_ids: dict[str, str] = {}
    lines: dict[str, int | None] = {}  # rule id -> line of its effective_from, for overlap errors
    for file in sorted(root.glob("*.yaml")):
        path = str(file)
        try:
            text = file.read_text(encoding="utf-8")
            data = yaml.safe_load(text)
            root = yaml.compose(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise ConfigError(f"YAML không đọc được: {getattr(exc, 'problem', exc)}", path=path,
                              line=mark.line + 1 if mark else None) from None
        except UnicodeDecodeError:
            raise ConfigError("tệp không phải UTF-8", path=path) from None
        if not isinstance(data, dict):
            raise ConfigError("tệp phải là một bảng có 'rules' hoặc 'peak_windows'", path=path)
        unknown = set(data) - {"source", "rules", "peak_windows"}
        if unknown:
            raise ConfigError("trường cấp tệp không hợp lệ; cho phép: source, rules, peak_windows", path=path,
                              field=sorted(unknown)[0])
        for index, raw in enumerate(data.get("peak_windows") or []):
            try:
                peak = _peak(raw, path, index)
            except ConfigError as exc:
                raise _with_line(exc, _yaml_line(root, "peak_windows", index, exc.field)) from None
            if peak.id in peak_ids:
                raise ConfigError(f"id trùng với {peak_ids[peak.id]}", path=path, item=peak.id, field="id")
            peak_ids[peak.id] = path
            book.peaks.append(peak)
        if "rules" in data:
            if not isinstance(data["rules"], list):
                raise ConfigError("'rules' phải là danh sách", path=path, field="rules")
            try:
                source = _source(data.get("source"), path)
            except ConfigError as exc:
                raise _with_line(exc, _yaml_line(root, "source", None, None)) from None
            for index, raw in enumerate(data["rules"]):
                try:
                    rule = _rule(raw, source, path, index)
                except ConfigError as exc:
                    raise _with_line(exc, _yaml_line(root, "rules", index, exc.field)) from None
                lines[rule.id] = _yaml_line(root, "rules", index, "effective_from")
                if rule.id in ids:
                    raise ConfigError(f"id trùng với quy định trong {ids[rule.id]}", path=path, item=rule.id,
                                      field="id")
                ids[rule.id] = path
                book.rules.append(rule)
    try:
        _check_overlaps(book.rules)
    except ConfigError as exc:
        raise _with_line(exc, lines.get(exc.item or "")) from None
    return book
