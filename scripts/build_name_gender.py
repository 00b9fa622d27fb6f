#!/usr/bin/env python3
"""Build auditor/data/name_gender.json, the name -> gender table the audit uses.

Sources (see ../shared/lexicons/):
  names_gender_locle/  gender counts aggregated from 40,496 labelled Vietnamese full names
                       (Le Tan Loc, 2022): given syllable, middle syllable, middle+given, surnames
  names_duyet/         boy / girl given-name lists (Duyet, MIT), used as a weak prior (+3 per list)
  admin_units_dvhcvn/  names of the 63 provinces and 696 districts before 2025 (only the place names
                       are used, as facts, so that "Hải Phòng" or "Hữu Lũng" is not taken for a person)

Usage:  python scripts/build_name_gender.py [--shared ../shared] [--out auditor/data/name_gender.json]
The output is deterministic (sorted keys), so rebuilding gives the same file.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from auditor.text import fold  # noqa: E402

LIST_PRIOR = 3  # a given name that appears in a boy/girl list counts as 3 labelled examples
MIN_PAIR_TOTAL = 3  # keep middle+given pairs seen at least this often


def read_counts(path: Path) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            key = fold(next(iter(row.values())))
            m, f = int(row["male"]), int(row["female"])
            prev = out.setdefault(key, [0, 0])
            prev[0] += m
            prev[1] += f
    return out


def main() -> None:
    repo = Path(__file__).resolve().parents[1]
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=repo.parent / "shared")
    ap.add_argument("--out", type=Path, default=repo / "auditor" / "data" / "name_gender.json")
    args = ap.parse_args()
    lex = args.shared / "lexicons"
    locle, duyet = lex / "names_gender_locle", lex / "names_duyet"

    given = read_counts(locle / "given_name_syllable_gender_counts.tsv")
    for fname, idx in (("boy_one_word.txt", 0), ("girl_one_word.txt", 1)):
        for line in (duyet / fname).read_text(encoding="utf-8").splitlines():
            if line.strip():
                given.setdefault(fold(line), [0, 0])[idx] += LIST_PRIOR
    middle = read_counts(locle / "middle_syllable_gender_counts.tsv")
    pairs = {k: v for k, v in read_counts(locle / "middle_plus_given_gender_counts.tsv").items()
             if sum(v) >= MIN_PAIR_TOTAL}
    surnames: dict[str, int] = {}
    with (locle / "surname_counts.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            surnames[fold(row["surname"])] = int(row["count"])

    places: set[str] = set()
    units = json.loads((lex / "admin_units_dvhcvn" / "dvhcvn.json").read_text(encoding="utf-8"))["data"]
    prefixes = ("thành phố ", "tỉnh ", "quận ", "huyện ", "thị xã ")
    for province in units:
        for name in [province["name"], *(d["name"] for d in province["level2s"])]:
            name = fold(name)
            for pre in prefixes:
                if name.startswith(pre):
                    name = name[len(pre):]
            if not name[:1].isdigit():
                places.add(name)

    table = {
        "_source": "names_gender_locle (MIT, Le Tan Loc 2022) + names_duyet (MIT); "
                   "built by scripts/build_name_gender.py",
        "_format": "counts are [male, female]; keys folded (NFC, unified tones, lowercase)",
        "given": dict(sorted(given.items())),
        "middle": dict(sorted(middle.items())),
        "middle_given": dict(sorted(pairs.items())),
        "surnames": dict(sorted(surnames.items())),
        "places": sorted(places),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(table, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(given)} given, {len(middle)} middle, {len(pairs)} pairs, "
          f"{len(surnames)} surnames, {len(places)} places")


if __name__ == "__main__":
    main()
