"""``feeds.yaml``: which outlets to crawl, their administrative units and their sources.

    fetch:                      # optional: fetch settings (docs/crawl-fetch.md), e.g. host_delay_s
      host_delay_s: 1.0
    crawl:                      # optional: crawl options (docs/crawl.md)
      revisit_days: 2
    outlets:
      - id: qng-bao
        name: Báo Quảng Ngãi
        kind: provincial_paper  # provincial_paper | provincial_radio_tv | district_centre | commune_radio | national
        province: "51"          # 2025 province: code or name ("Quảng Ngãi")
        old_province: "51"      # pre-2025 province (Kon Tum "62" for an outlet of former Kon Tum)
        old_district: "527"     # pre-2025 district (district centres)
        commune: "21550"        # 2025 commune/ward
        homepage: https://baoquangngai.vn
        verified: false         # the URLs have not been checked live
        sources:
          - rss: https://baoquangngai.vn/rss/home.rss
          - html: https://baoquangngai.vn/xa-hoi/
            link_selector: "h3.title a"
            section: Xã hội

:func:`load_feeds` validates the whole file and raises :class:`~auditor.errors.ConfigError` naming the
file, line and field of the first problem; :func:`sync_to_db` upserts the outlets and feeds tables
without touching the conditional-GET state already stored.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import soupsieve
import sqlite_utils
import yaml

from auditor.db import now_iso
from auditor.errors import ConfigError
from auditor.units import units

__all__ = ["KINDS", "Source", "Outlet", "CrawlOptions", "FeedsConfig", "load_feeds", "parse_feeds",
           "sync_to_db", "feed_id"]

KINDS = ("provincial_paper", "provincial_radio_tv", "district_centre", "commune_radio", "national")
_OUTLET_KEYS = {"id", "name", "kind", "province", "commune", "old_province", "old_district", "homepage",
                "agency", "local", "verified", "note", "sources", "gender_column"}
_COLUMN_KEYS = ("sections", "url_patterns", "title_patterns")
_SOURCE_KEYS = {"rss", "html", "link_selector", "section"}
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")


@dataclass(frozen=True)
class CrawlOptions:
    """Options of the crawl itself (the fetch layer has its own settings)."""

    revisit_days: float = 2.0  # known articles first seen this recently are re-fetched (conditional GET)
    max_articles: int = 0  # article pages fetched per outlet and run; 0 = no limit
    max_attempts: int = 5  # runs in which a failing article link is tried before it is given up


@dataclass(frozen=True)
class Source:
    kind: str  # rss | html
    url: str
    link_selector: str | None = None
    section: str | None = None


@dataclass(frozen=True)
class Outlet:
    id: str
    name: str
    kind: str
    province_code: str | None = None
    province_name: str | None = None
    commune_code: str | None = None
    commune_name: str | None = None
    old_province_code: str | None = None
    old_province_name: str | None = None
    old_district_code: str | None = None
    old_district_name: str | None = None
    homepage: str | None = None
    agency: str | None = None
    local: bool = False
    verified: bool = False
    note: str | None = None
    sources: tuple[Source, ...] = ()
    # How the tally recognises this outlet's gender-equality column (docs/tally.md): sections,
    # url_patterns, title_patterns (regular expressions). Stored in outlets.config.
    gender_column: dict[str, list[str]] | None = None
    line: int | None = None


@dataclass
class FeedsConfig:
    path: str
    outlets: list[Outlet]
    fetch: dict[str, Any] = field(default_factory=dict)
    crawl: CrawlOptions = field(default_factory=CrawlOptions)

    def select(self, ids: list[str] | tuple[str, ...]) -> list[Outlet]:
        """The outlets named in ``ids`` (all when empty); an unknown id is a ConfigError."""
        if not ids:
            return list(self.outlets)
        known = {o.id: o for o in self.outlets}
        unknown = [i for i in ids if i not in known]
        if unknown:
            raise ConfigError(f"không có nguồn tin '{', '.join(unknown)}' (có: {', '.join(known)})",
                              path=self.path, field="--outlet")
        return [known[i] for i in ids]


def feed_id(outlet_id: str, url: str) -> str:
    return hashlib.sha1(f"{outlet_id}\n{url}".encode()).hexdigest()[:16]


# --- YAML with line numbers -------------------------------------------------------------------------

class _Mapping(dict):
    """A YAML mapping that remembers its line and the line of each key (1-based)."""

    line: int
    key_lines: dict[str, int]


class _LineLoader(yaml.SafeLoader):
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> _Mapping:  # type: ignore[override]
        mapping = _Mapping(super().construct_mapping(node, deep=True))
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {str(k.value): k.start_mark.line + 1 for k, _ in node.value}
        return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _LineLoader.construct_mapping)


def _line(mapping: Any, key: str | None = None) -> int | None:
    if not isinstance(mapping, _Mapping):
        return None
    if key is not None and key in mapping.key_lines:
        return mapping.key_lines[key]
    return mapping.line


# --- validation ---------------------------------------------------------------------------------------

class _Checker:
    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, message: str, mapping: Any = None, key: str | None = None, item: str | None = None
             ) -> ConfigError:
        return ConfigError(message, path=self.path, item=item, field=key, line=_line(mapping, key))

    def text(self, mapping: Mapping, key: str, item: str, required: bool = False) -> str | None:
        value = mapping.get(key)
        if value is None or value == "":
            if required:
                raise self.fail("thiếu trường bắt buộc", mapping, key, item)
            return None
        if isinstance(value, bool) or isinstance(value, Mapping | list):
            raise self.fail(f"phải là chuỗi, không phải {type(value).__name__}", mapping, key, item)
        return str(value).strip()

    def flag(self, mapping: Mapping, key: str, item: str) -> bool:
        value = mapping.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(f"phải là true hoặc false, không phải {value!r}", mapping, key, item)
        return value

    def url(self, mapping: Mapping, key: str, item: str, local: bool) -> str | None:
        value = self.text(mapping, key, item)
        if value is None:
            return None
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise self.fail(f"địa chỉ không hợp lệ {value!r}: cần http(s)://tên-miền/...", mapping, key, item)
        if not local and _is_private_host(parts.hostname):
            raise self.fail(f"{value} trỏ tới địa chỉ nội bộ; chỉ nguồn có 'local: true' (trang demo) "
                            "mới được tải từ địa chỉ này", mapping, key, item)
        return value


def _is_private_host(host: str) -> bool:
    if host in ("localhost",) or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return not address.is_global


def parse_feeds(text: str, path: str = "feeds.yaml") -> FeedsConfig:
    """Validate the YAML ``text`` of a feeds file; ``path`` is only used in error messages."""
    check = _Checker(path)
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        raise ConfigError(f"YAML không đọc được: {exc.problem}", path=path,
                          line=mark.line + 1 if mark else None) from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"YAML không đọc được: {exc}", path=path) from exc
    if not isinstance(data, Mapping):
        raise ConfigError("tệp phải là một bảng (mapping) có khoá 'outlets'", path=path)
    unknown = set(data) - {"version", "fetch", "crawl", "outlets"}
    if unknown:
        key = sorted(unknown)[0]
        raise check.fail("khoá không biết (có: version, fetch, crawl, outlets)", data, key)

    fetch = data.get("fetch") or {}
    if not isinstance(fetch, Mapping):
        raise check.fail("phải là một bảng cài đặt", data, "fetch")
    _check_fetch_settings(check, fetch)
    crawl = _crawl_options(check, data.get("crawl") or {}, data)

    raw_outlets = data.get("outlets")
    if not isinstance(raw_outlets, list) or not raw_outlets:
        raise check.fail("cần một danh sách nguồn tin (outlets) không rỗng", data,
                         "outlets" if "outlets" in data else None)
    outlets: list[Outlet] = []
    seen: dict[str, int | None] = {}
    for index, raw in enumerate(raw_outlets):
        outlet = _outlet(check, raw, index, data)
        if outlet.id in seen:
            raise check.fail(f"id '{outlet.id}' trùng với nguồn tin ở dòng {seen[outlet.id]}", raw, "id",
                             f"outlets[{index}]")
        seen[outlet.id] = outlet.line
        outlets.append(outlet)
    return FeedsConfig(path=path, outlets=outlets, fetch=dict(fetch), crawl=crawl)


def load_feeds(path: str | Path) -> FeedsConfig:
    """Read and validate a feeds file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ConfigError("không tìm thấy tệp cấu hình nguồn tin", path=str(path)) from exc
    except UnicodeDecodeError as exc:
        raise ConfigError("tệp không phải UTF-8", path=str(path)) from exc
    return parse_feeds(text, str(path))


def _check_fetch_settings(check: _Checker, fetch: Mapping) -> None:
    from auditor.crawl.settings import FetchSettings

    try:
        FetchSettings.from_mapping(fetch)
    except ConfigError as exc:
        raise check.fail(str(exc).split(": ", 1)[-1], fetch, exc.field, "fetch") from exc


def _crawl_options(check: _Checker, raw: Any, data: Mapping) -> CrawlOptions:
    if not isinstance(raw, Mapping):
        raise check.fail("phải là một bảng tuỳ chọn", data, "crawl")
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key == "revisit_days" and isinstance(value, int | float) and not isinstance(value, bool) \
                and value >= 0:
            values[key] = float(value)
        elif key in ("max_articles", "max_attempts") and isinstance(value, int) and not isinstance(value, bool) \
                and value >= (1 if key == "max_attempts" else 0):
            values[key] = value
        elif key in ("revisit_days", "max_articles", "max_attempts"):
            least = "số nguyên ≥ 1" if key == "max_attempts" else "số không âm"
            raise check.fail(f"phải là {least}, không phải {value!r}", raw, key, "crawl")
        else:
            raise check.fail("tuỳ chọn không biết (có: revisit_days, max_articles, max_attempts)", raw, key,
                             "crawl")
    return CrawlOptions(**values)


def _outlet(check: _Checker, raw: Any, index: int, data: Mapping) -> Outlet:
    item = f"outlets[{index}]"
    if not isinstance(raw, Mapping):
        raise ConfigError("mỗi nguồn tin phải là một bảng (id, name, kind, ...)", path=check.path, item=item,
                          line=_line(data, "outlets"))
    outlet_id = check.text(raw, "id", item, required=True)
    assert outlet_id is not None
    if not _ID_RE.match(outlet_id):
        raise check.fail("id chỉ gồm chữ thường không dấu, số, '-', '_', '.' (tối đa 64 ký tự)", raw, "id", item)
    item = f"nguồn tin '{outlet_id}'"
    unknown = sorted(set(raw) - _OUTLET_KEYS)
    if unknown:
        raise check.fail(f"trường không biết (có: {', '.join(sorted(_OUTLET_KEYS))})", raw, unknown[0], item)
    name = check.text(raw, "name", item, required=True)
    kind = check.text(raw, "kind", item, required=True)
    if kind not in KINDS:
        raise check.fail(f"loại '{kind}' không hợp lệ (có: {', '.join(KINDS)})", raw, "kind", item)
    local = check.flag(raw, "local", item)
    places = _places(check, raw, item, kind)

    sources_raw = raw.get("sources") or []
    if not isinstance(sources_raw, list):
        raise check.fail("phải là một danh sách nguồn (rss / html)", raw, "sources", item)
    sources: list[Source] = []
    for number, source in enumerate(sources_raw):
        sources.append(_source(check, source, f"{item}, sources[{number}]", local, raw))
    urls = [s.url for s in sources]
    duplicated = next((u for u in urls if urls.count(u) > 1), None)
    if duplicated:
        raise check.fail(f"nguồn {duplicated} khai hai lần", raw, "sources", item)
    return Outlet(
        id=outlet_id, name=name or outlet_id, kind=kind, **places,
        homepage=check.url(raw, "homepage", item, local=True),
        agency=check.text(raw, "agency", item), local=local, verified=check.flag(raw, "verified", item),
        note=check.text(raw, "note", item), sources=tuple(sources),
        gender_column=_gender_column(check, raw, item), line=_line(raw),
    )


def _gender_column(check: _Checker, raw: Mapping, item: str) -> dict[str, list[str]] | None:
    value = raw.get("gender_column")
    if value is None:
        return None
    if not isinstance(value, Mapping) or not value:
        raise check.fail(f"phải là một bảng có {', '.join(_COLUMN_KEYS)}", raw, "gender_column", item)
    column: dict[str, list[str]] = {}
    for key, patterns in value.items():
        where = f"{item}, gender_column"
        if key not in _COLUMN_KEYS:
            raise check.fail(f"khoá không biết (có: {', '.join(_COLUMN_KEYS)})", value, key, where)
        if isinstance(patterns, str):
            patterns = [patterns]
        if not isinstance(patterns, list) or not all(isinstance(p, str) and p.strip() for p in patterns):
            raise check.fail("phải là một danh sách chuỗi", value, key, where)
        if key != "sections":
            for pattern in patterns:
                try:
                    re.compile(pattern)
                except re.error as exc:
                    raise check.fail(f"biểu thức chính quy không hợp lệ {pattern!r}: {exc}", value, key,
                                     where) from exc
        column[key] = [p.strip() for p in patterns]
    return column


def _places(check: _Checker, raw: Mapping, item: str, kind: str) -> dict[str, str | None]:
    """Resolve province / commune / old_province / old_district to codes and names, consistently."""
    u = units()
    province_value = check.text(raw, "province", item)
    old_value = check.text(raw, "old_province", item)
    district_value = check.text(raw, "old_district", item)
    commune_value = check.text(raw, "commune", item)
    out: dict[str, str | None] = {}

    province = None
    if province_value is not None:
        province = u.province_code(province_value)
        if province is None:
            raise check.fail(f"không có tỉnh/thành (2025) '{province_value}': dùng mã 2 số (vd. 51) "
                             "hoặc tên một trong 34 tỉnh/thành", raw, "province", item)
    old_province = None
    if old_value is not None:
        old_province = u.old_province_code(old_value)
        if old_province is None:
            raise check.fail(f"không có tỉnh/thành trước 2025 '{old_value}' (63 tỉnh/thành cũ)",
                             raw, "old_province", item)
    district = None
    if district_value is not None:
        district = district_value.zfill(3)
        unit = u.old_districts.get(district)
        if unit is None:
            raise check.fail(f"không có quận/huyện (trước 2025) mã '{district_value}'", raw, "old_district",
                             item)
        if old_province is None:
            old_province = unit.parent
        elif unit.parent != old_province:
            raise check.fail(f"{unit.name} thuộc {u.old_provinces[unit.parent or ''].name}, không thuộc "
                             f"{u.old_provinces[old_province].name}", raw, "old_district", item)
    commune = commune_value.zfill(5) if commune_value is not None else None
    if commune is not None and commune not in u.communes:
        raise check.fail(f"không có xã/phường (2025) mã '{commune_value}'", raw, "commune", item)
    if province is None and old_province is not None:
        province = u.new_province_of(old_province)
    if province is None and commune is not None:
        province = u.communes[commune].parent
    if commune is not None and province is not None and u.communes[commune].parent != province:
        unit = u.communes[commune]
        raise check.fail(f"{unit.name} thuộc {u.provinces[unit.parent or ''].name}, không thuộc "
                         f"{u.provinces[province].name}", raw, "commune", item)
    if commune is not None and commune in u.commune_old_district:
        # The commune's pre-2025 unit (the commune whose code it kept) says where it was counted before.
        commune_district = u.commune_old_district[commune]
        if old_province is None:
            old_province = u.old_districts[commune_district].parent
        if district is None and kind == "commune_radio" and u.old_districts[commune_district].parent == old_province:
            district = commune_district
    if province is None:
        if kind != "national":
            raise ConfigError("thiếu trường bắt buộc (tỉnh/thành 2025; chỉ báo trung ương được bỏ trống)",
                              path=check.path, item=item, field="province", line=_line(raw))
        return {}
    if old_province is None:
        old_province = u.sole_old_province(province)
    elif u.new_province_of(old_province) != province:
        raise check.fail(
            f"{u.old_provinces[old_province].name} nhập vào {u.provinces[u.new_province_of(old_province)].name} "
            f"từ 2025-07-01, không phải {u.provinces[province].name}", raw, "old_province", item)
    if commune is not None:
        out.update(commune_code=commune, commune_name=u.communes[commune].name)
    out.update(province_code=province, province_name=u.provinces[province].name)
    if old_province is not None:
        out.update(old_province_code=old_province, old_province_name=u.old_provinces[old_province].name)
    if district is not None:
        out.update(old_district_code=district, old_district_name=u.old_districts[district].name)
    return out


def _source(check: _Checker, raw: Any, item: str, local: bool, outlet_raw: Mapping) -> Source:
    if not isinstance(raw, Mapping):
        raise check.fail("mỗi nguồn là một bảng {rss: URL} hoặc {html: URL, link_selector: CSS}",
                         outlet_raw, "sources", item)
    unknown = sorted(set(raw) - _SOURCE_KEYS)
    if unknown:
        raise check.fail(f"trường không biết (có: {', '.join(sorted(_SOURCE_KEYS))})", raw, unknown[0], item)
    if ("rss" in raw) == ("html" in raw):
        raise check.fail("cần đúng một trong hai: 'rss: URL' hoặc 'html: URL'", raw, None, item)
    kind = "rss" if "rss" in raw else "html"
    url = check.url(raw, kind, item, local)
    if url is None:
        raise check.fail("thiếu địa chỉ", raw, kind, item)
    selector = check.text(raw, "link_selector", item)
    if kind == "html":
        if selector is None:
            raise check.fail("trang danh sách (html) cần 'link_selector' (bộ chọn CSS của liên kết bài)",
                             raw, "link_selector", item)
        try:
            soupsieve.compile(selector)
        except soupsieve.SelectorSyntaxError as exc:
            raise check.fail(f"bộ chọn CSS không hợp lệ {selector!r}: {exc.args[0]}", raw, "link_selector",
                             item) from exc
    elif selector is not None:
        raise check.fail("'link_selector' chỉ dùng cho nguồn html", raw, "link_selector", item)
    return Source(kind=kind, url=url, link_selector=selector, section=check.text(raw, "section", item))


# --- database -----------------------------------------------------------------------------------------

def sync_to_db(db: sqlite_utils.Database, config: FeedsConfig) -> None:
    """Upsert the outlets and their feeds (one transaction); stored ETag/Last-Modified state is kept.

    ``outlets.config`` (JSON) gets ``note``, ``file``, ``sources`` and ``gender_column`` from the file;
    keys set there by other commands are kept.
    """
    now = now_iso()
    with db.conn:
        for outlet in config.outlets:
            row = {k: v for k, v in asdict(outlet).items()
                   if k not in ("sources", "note", "line", "gender_column")}
            stored = db.execute("SELECT config FROM outlets WHERE id = ?", [outlet.id]).fetchone()
            try:
                settings = json.loads(stored[0]) if stored and stored[0] else {}
            except ValueError:
                settings = {}
            settings = settings if isinstance(settings, dict) else {}
            settings.update(note=outlet.note, file=config.path, sources=[asdict(s) for s in outlet.sources])
            if outlet.gender_column is not None:
                settings["gender_column"] = outlet.gender_column
            row.update(local=int(outlet.local), verified=int(outlet.verified), updated_at=now,
                       config=json.dumps(settings, ensure_ascii=False))
            db["outlets"].upsert(row, pk="id")
            for source in outlet.sources:
                db["feeds"].upsert(
                    {"id": feed_id(outlet.id, source.url), "outlet_id": outlet.id, "url": source.url,
                     "kind": source.kind, "link_selector": source.link_selector, "section": source.section},
                    pk="id",
                )
