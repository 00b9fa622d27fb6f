"""Vietnam's administrative units before and after the reform of 1 July 2025.

On 2025-07-01 the 63 provinces became 34 (Kon Tum joined Quảng Ngãi, Bắc Kạn joined Thái Nguyên...)
and districts were abolished. An outlet keeps both its 2025 unit and its pre-2025 one, so that counts
made for a period before the reform fall under the old province and counts from then on under the new:

    from auditor.units import units
    u = units()
    u.new_province_of("62")                    # '51' (Kon Tum -> Quảng Ngãi)
    u.province_on("51", "62", "2025-03-08")    # ('62', 'Kon Tum'): the unit in force on that date
    u.province_on("51", "62", "2025-07-01")    # ('51', 'Quảng Ngãi')

The tables are in ``auditor/data/admin_units.json``, built by ``scripts/build_admin_units.py`` (sources
and licences in its ``meta``).
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

__all__ = ["EFFECTIVE_DATE", "AdminUnits", "Unit", "units", "fold_name"]

DATA_FILE = Path(__file__).parent / "data" / "admin_units.json"
EFFECTIVE_DATE = date(2025, 7, 1)


@dataclass(frozen=True)
class Unit:
    code: str
    name: str
    parent: str | None = None  # province code of a district or commune; 2025 code of an old province


def fold_name(name: str) -> str:
    """Lower-case ASCII key of a unit name without its type: 'Tỉnh Kon Tum' -> 'kon tum'."""
    name = unicodedata.normalize("NFC", name).replace("Đ", "D").replace("đ", "d")
    name = "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))
    name = re.sub(r"^(?:(?:tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran|dac khu)\s+|(?:tp|tx)(?:\.\s*|\s+))",
                  "", name.strip().lower())
    return re.sub(r"[^a-z0-9]+", " ", name).strip()


class AdminUnits:
    """Lookups over the four tables: 2025 provinces and communes, pre-2025 provinces and districts."""

    def __init__(self, data: dict) -> None:
        self.meta = data["meta"]
        self.provinces = {p["code"]: Unit(p["code"], p["short_name"]) for p in data["provinces"]}
        self.merged_from = {p["code"]: list(p["merged_from"]) for p in data["provinces"]}
        self.old_provinces = {p["code"]: Unit(p["code"], p["short_name"], p["new_code"])
                              for p in data["old_provinces"]}
        self.old_districts = {d["code"]: Unit(d["code"], d["name"], d["province_code"])
                              for d in data["old_districts"]}
        self.communes = {c["code"]: Unit(c["code"], c["name"], c["province_code"]) for c in data["communes"]}
        # 2025 commune -> the pre-2025 district of the commune whose code it kept (3,316 of 3,321)
        self.commune_old_district = {c["code"]: c["old_district_code"] for c in data["communes"]
                                     if c.get("old_district_code")}
        self._province_names = {fold_name(u.name): code for code, u in self.provinces.items()}
        self._old_province_names = {fold_name(u.name): code for code, u in self.old_provinces.items()}

    def province_code(self, code_or_name: str) -> str | None:
        """The 2025 province code for a code ('51') or a name ('Quảng Ngãi', 'Tỉnh Quảng Ngãi')."""
        value = str(code_or_name).strip()
        if value in self.provinces:
            return value
        return self._province_names.get(fold_name(value))

    def old_province_code(self, code_or_name: str) -> str | None:
        """The pre-2025 province code for a code ('62') or a name ('Kon Tum')."""
        value = str(code_or_name).strip()
        if value in self.old_provinces:
            return value
        return self._old_province_names.get(fold_name(value))

    def new_province_of(self, old_code: str) -> str:
        """The 2025 province a pre-2025 province belongs to."""
        return self.old_provinces[old_code].parent or old_code

    def sole_old_province(self, new_code: str) -> str | None:
        """The pre-2025 province of a 2025 province that merged nothing (Cao Bằng), else None."""
        merged = self.merged_from.get(new_code, [])
        return merged[0] if len(merged) == 1 else None

    def province_on(self, new_code: str, old_code: str | None, when: str | date | datetime | None
                    ) -> tuple[str, str]:
        """(code, name) of the province in force on ``when``: the old one before 2025-07-01.

        ``when`` may be an ISO date or datetime string; with no date or no old unit, the 2025 unit.
        """
        day = _to_date(when)
        if old_code and day is not None and day < EFFECTIVE_DATE:
            return old_code, self.old_provinces[old_code].name
        return new_code, self.provinces[new_code].name


def _to_date(when: str | date | datetime | None) -> date | None:
    if when is None or when == "":
        return None
    if isinstance(when, datetime):
        return when.date()
    if isinstance(when, date):
        return when
    return date.fromisoformat(str(when)[:10])


@functools.cache
def units() -> AdminUnits:
    """The packaged tables, loaded once."""
    return AdminUnits(json.loads(DATA_FILE.read_text(encoding="utf-8")))
