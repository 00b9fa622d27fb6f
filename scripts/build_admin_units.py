"""Build ``auditor/data/admin_units.json``: Vietnam's administrative units before and after 1 July 2025.

    .venv/bin/python scripts/build_admin_units.py            # reads ../shared/lexicons/admin_units_*

Sources (read from the development folder ``../shared/lexicons``, never at run time):

- ``admin_units_2025_34/nested-province-2025.json``: the 34 provinces and 3,321 communes/wards after
  the reform, with ``merged_from`` (names of the pre-2025 provinces folded into each new one).
- ``admin_units_dvhcvn/dvhcvn.json`` (data date 01/03/2025, GPL-3.0, github.com/daohoangson/dvhcvn):
  the 63 provinces, 696 districts and 10,047 communes before the reform.

Only derived tables are written: codes and official names of provinces (old -> new, effective
2025-07-01), pre-2025 districts (code, name, province) and 2025 communes (code, name, province). The
unit names and codes themselves are the official General Statistics Office list; the derived tables
from dvhcvn are still noted as GPL-3.0 in the output's ``meta``. A 2025 commune's ``old_district_code``
is the pre-2025 district of the commune whose code it kept. Running the script twice gives the
same bytes.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "lexicons"
OUT = REPO / "auditor" / "data" / "admin_units.json"
EFFECTIVE = "2025-07-01"


def fold(name: str) -> str:
    """ASCII key for a province name: 'Tỉnh Bà Rịa - Vũng Tàu' and 'Ba Ria – Vung Tau' agree."""
    name = unicodedata.normalize("NFC", name).replace("Đ", "D").replace("đ", "d")
    name = "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))
    name = re.sub(r"^(Tinh|Thanh pho)\s+", "", name.strip())
    return re.sub(r"[^a-z0-9]+", " ", name.lower()).strip()


def short_name(name: str) -> str:
    """'Tỉnh Kon Tum' -> 'Kon Tum', 'Thành phố Hà Nội' -> 'Hà Nội' (the name people write)."""
    return re.sub(r"^(Tỉnh|Thành phố)\s+", "", unicodedata.normalize("NFC", name).strip())


def build(shared: Path = SHARED) -> dict:
    new = json.loads((shared / "admin_units_2025_34" / "nested-province-2025.json").read_text("utf-8"))
    old = json.loads((shared / "admin_units_dvhcvn" / "dvhcvn.json").read_text("utf-8"))
    old_date = (shared / "admin_units_dvhcvn" / "date.txt").read_text("utf-8").strip()

    old_by_fold = {fold(p["name"]): p for p in old["data"]}
    old_to_new: dict[str, str] = {}
    provinces = []
    for p in new:
        code = p["code"]
        merged = []
        for ascii_name in p["merged_from"]:
            match = old_by_fold.get(fold(ascii_name))
            if match is None:
                raise SystemExit(f"merged_from {ascii_name!r} of {p['name']} matches no pre-2025 province")
            merged.append(match["level1_id"])
            old_to_new[match["level1_id"]] = code
        # The province that gives the new one its name is not listed in merged_from; its code may
        # change (Lào Cai 10 + Yên Bái 15 -> Lào Cai 15), so match it by name ('Thành phố Huế' was
        # 'Tỉnh Thừa Thiên Huế', same code 46: fall back to the code).
        namesake = old_by_fold.get(fold(p["name"])) or next(
            (o for o in old["data"] if o["level1_id"] == code), None)
        if namesake is None:
            raise SystemExit(f"no pre-2025 province named like {p['name']}")
        old_to_new[namesake["level1_id"]] = code
        provinces.append({"code": code, "name": unicodedata.normalize("NFC", p["name"]),
                          "short_name": short_name(p["name"]),
                          "merged_from": [namesake["level1_id"], *merged]})
    missing = [p["name"] for p in old["data"] if p["level1_id"] not in old_to_new]
    if missing:
        raise SystemExit(f"pre-2025 provinces with no 2025 province: {missing}")

    old_provinces = [{"code": p["level1_id"], "name": unicodedata.normalize("NFC", p["name"]),
                      "short_name": short_name(p["name"]), "new_code": old_to_new[p["level1_id"]]}
                     for p in old["data"]]
    old_districts = [{"code": d["level2_id"], "name": unicodedata.normalize("NFC", d["name"]),
                      "province_code": p["level1_id"]}
                     for p in old["data"] for d in p["level2s"]]
    # A 2025 commune keeps the code of one of the communes it merged (3,316 of 3,321 do): that
    # commune's pre-2025 district is the commune's old unit (the one its records were filed under).
    old_district_of = {c["level3_id"]: d["level2_id"]
                       for p in old["data"] for d in p["level2s"] for c in d["level3s"]}
    communes = []
    for p in new:
        for w in p["wards"]:
            row = {"code": w["code"], "name": unicodedata.normalize("NFC", w["name"]), "province_code": p["code"]}
            if w["code"] in old_district_of:
                row["old_district_code"] = old_district_of[w["code"]]
            communes.append(row)
    return {
        "meta": {
            "effective_date": EFFECTIVE,
            "built_by": "scripts/build_admin_units.py",
            "sources": [
                {"tables": ["provinces", "communes"],
                 "source": "admin_units_2025_34/nested-province-2025.json (34 provinces, 3,321 communes "
                           "after the 2025 reform; compiled from thuvienphapluat.vn's list)",
                 "licence": "none stated upstream; official unit names and codes"},
                {"tables": ["old_provinces", "old_districts", "communes.old_district_code"],
                 "source": f"dvhcvn (github.com/daohoangson/dvhcvn), data date {old_date}",
                 "licence": "GPL-3.0 (derived table: codes and names only)"},
            ],
        },
        "provinces": provinces,
        "old_provinces": old_provinces,
        "old_districts": old_districts,
        "communes": communes,
    }


def dump(data: dict) -> str:
    """JSON with one unit per line: small diffs when a unit changes."""
    lines = ["{", f'"meta": {json.dumps(data["meta"], ensure_ascii=False, indent=1)},']
    tables = [k for k in data if k != "meta"]
    for i, key in enumerate(tables):
        rows = ",\n".join(json.dumps(r, ensure_ascii=False) for r in data[key])
        lines.append(f'"{key}": [\n{rows}\n]' + ("," if i < len(tables) - 1 else ""))
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> None:
    shared = Path(argv[1]) if len(argv) > 1 else SHARED
    data = build(shared)
    OUT.write_text(dump(data), encoding="utf-8")
    print(f"{OUT.relative_to(REPO)}: {len(data['provinces'])} provinces, {len(data['old_provinces'])} "
          f"pre-2025 provinces, {len(data['old_districts'])} pre-2025 districts, "
          f"{len(data['communes'])} communes")


if __name__ == "__main__":
    main(sys.argv)
