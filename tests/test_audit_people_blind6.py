"""People and quotes: the causes found on the blind6 check set (data/check/README.md), and the sport
lists read from rules/lexicons/people.yaml. Every sentence is written for these tests."""

import shutil
from pathlib import Path

import yaml

from auditor.audit import audit
from auditor.audit.people import PeopleFinder
from auditor.audit.rules import default_rules_dir


def people(text: str) -> dict[str, tuple[str, bool, str]]:
    return {p.name: (p.gender, p.quoted, p.role) for p in audit(text).people}


def _genders(finder: PeopleFinder, text: str) -> dict[str, str]:
    return {" ".join(c.tokens): c.gender for c in finder.find(text)}


def test_the_sport_page_lists_are_read_from_people_yaml(tmp_path: Path) -> None:
    # A men's league the shipped list does not name: its player stays U until people.yaml names it.
    text = ("Vòng 12 giải Hạng Nhất Quốc Gia: tiền đạo Iago Aspas lập cú đúp, cầu thủ này ghi bàn ở phút 80 "
            "và đội bóng thắng trận đấu thứ ba.")
    rules = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), rules)
    assert _genders(PeopleFinder(rules), text)["Iago Aspas"] == "U"
    path = rules / "lexicons" / "people.yaml"
    lex = yaml.safe_load(path.read_text(encoding="utf-8"))
    lex["sport_page"]["mens_competitions"].append("hạng nhất quốc gia")
    path.write_text(yaml.safe_dump(lex, allow_unicode=True), encoding="utf-8")
    assert _genders(PeopleFinder(rules), text)["Iago Aspas"] == "M"
    # ... and a women's-sport word from the list still rules the reading out.
    assert _genders(PeopleFinder(rules), "Giải bóng đá nữ " + text)["Iago Aspas"] == "U"
