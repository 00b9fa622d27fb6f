"""Indicator rules are data: each rule's own examples are tests, and bad rule files fail early."""

from pathlib import Path

import pytest
import yaml

from auditor.audit.engine import Auditor
from auditor.audit.rules import default_rules_dir, load_rules
from auditor.errors import RuleError

RULES = load_rules()
AUDITOR = Auditor()


def _cases():
    for rule in RULES:
        for kind in ("flag", "pass"):
            for i, sentence in enumerate(rule.examples.get(kind, [])):
                yield pytest.param(rule.id, kind, sentence, id=f"{rule.id}-{kind}-{i}")


@pytest.mark.parametrize(("rule_id", "kind", "sentence"), list(_cases()))
def test_rule_example(rule_id: str, kind: str, sentence: str) -> None:
    hits = [f for f in AUDITOR.audit(sentence).findings if f.rule == rule_id]
    if kind == "flag":
        assert hits, f"{rule_id} should flag: {sentence}"
        for f in hits:
            assert sentence[f.start:f.end] == f.excerpt
    else:
        assert not hits, f"{rule_id} should not flag «{hits[0].excerpt}» in: {sentence}"


def test_every_category_has_rules_and_every_rule_has_examples() -> None:
    categories = {r.category for r in RULES}
    assert categories == {"appearance", "sexualisation", "gender_marking", "domestic_role", "trait",
                          "demeaning_label", "victim_blaming", "lgbt"}
    for r in RULES:
        assert r.examples["flag"], r.id
        assert r.message and r.suggestion, r.id


def _rules_dir_with(tmp_path: Path, rule: dict) -> Path:
    src = default_rules_dir()
    (tmp_path / "lexicons").mkdir()
    (tmp_path / "lexicons" / "terms.yaml").write_text((src / "lexicons" / "terms.yaml").read_text("utf-8"), "utf-8")
    (tmp_path / "indicators").mkdir()
    doc = {"category": "appearance", "indicator": "B1.2b", "rules": [rule]}
    (tmp_path / "indicators" / "x.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), "utf-8")
    return tmp_path


GOOD = {"id": "GM901", "name": "appearance.test", "message": "m", "suggestion": "s", "match": ["người đẹp"],
        "examples": {"flag": ["Người đẹp bị bắt."]}}


@pytest.mark.parametrize(
    ("change", "field"),
    [({"colour": "red"}, "colour"), ({"id": "X1"}, "id"), ({"match": []}, "match"),
     ({"severity": 7}, "severity"), ({"match": ["re:(unclosed"]}, "match"),
     ({"unless_sentence": ["{no_such_list}"]}, "unless_sentence"), ({"examples": {"pass": ["x"]}}, "examples"),
     ({"near": {"words": ["a"], "window": 0}}, "near"), ({"unless_ge_item": "yes"}, "unless_ge_item")],
)
def test_invalid_rule_names_file_rule_and_field(tmp_path: Path, change: dict, field: str) -> None:
    rules_dir = _rules_dir_with(tmp_path, {**GOOD, **change})
    with pytest.raises(RuleError) as err:
        load_rules(rules_dir)
    assert "x.yaml" in str(err.value)
    assert f"'{field}'" in str(err.value)


def test_duplicate_rule_id_and_broken_yaml_are_errors(tmp_path: Path) -> None:
    rules_dir = _rules_dir_with(tmp_path, GOOD)
    (rules_dir / "indicators" / "y.yaml").write_text(
        yaml.safe_dump({"category": "trait", "rules": [GOOD]}, allow_unicode=True), "utf-8")
    with pytest.raises(RuleError, match="duplicate"):
        load_rules(rules_dir)
    (rules_dir / "indicators" / "y.yaml").write_text("rules: [unclosed", "utf-8")
    with pytest.raises(RuleError, match=r"y\.yaml:\d+"):
        load_rules(rules_dir)


def test_a_new_rule_is_just_yaml(tmp_path: Path) -> None:
    rules_dir = _rules_dir_with(tmp_path, {**GOOD, "match": ["chim sa cá lặn"]})
    shutil_copy_lexicons(rules_dir)
    auditor = Auditor(rules_dir=rules_dir)
    result = auditor.audit("Cô ấy đẹp chim sa cá lặn.")
    assert [f.rule for f in result.findings] == ["GM901"]


def shutil_copy_lexicons(rules_dir: Path) -> None:
    src = default_rules_dir() / "lexicons"
    for p in src.glob("*.yaml"):
        if not (rules_dir / "lexicons" / p.name).exists():
            (rules_dir / "lexicons" / p.name).write_text(p.read_text("utf-8"), "utf-8")


def test_a_key_given_twice_is_an_error_not_a_silently_lost_list(tmp_path: Path) -> None:
    # Plain YAML keeps the last of two equal keys and drops the first without a word.
    rules_dir = _rules_dir_with(tmp_path, GOOD)
    shutil_copy_lexicons(rules_dir)
    vocabulary = rules_dir / "lexicons" / "ge_topics.yaml"
    text = vocabulary.read_text("utf-8")
    assert "\nthreshold:" in text
    vocabulary.write_text(text + "threshold: 9\n", "utf-8")
    with pytest.raises(RuleError, match=r"ge_topics\.yaml:\d+.*twice"):
        Auditor(rules_dir=rules_dir)


def test_a_word_list_inside_a_regex_becomes_an_alternation(tmp_path: Path) -> None:
    rules_dir = _rules_dir_with(tmp_path, {**GOOD, "match": ["re:nữ (?:{test_jobs})"], "anchors": ["nữ"],
                                           "examples": {"flag": ["Nữ phi công hạ cánh an toàn."]}})
    terms = rules_dir / "lexicons" / "terms.yaml"
    terms.write_text(terms.read_text("utf-8") + "\ntest_jobs:\n  - phi công\n  - tiếp viên hàng không\n", "utf-8")
    shutil_copy_lexicons(rules_dir)
    auditor = Auditor(rules_dir=rules_dir)
    found = auditor.audit("Nữ tiếp viên hàng không và nữ phi công đều trực Tết.").findings
    assert [f.excerpt for f in found] == ["Nữ tiếp viên hàng không", "nữ phi công"]
    assert not auditor.audit("Nữ bác sĩ trực Tết.").findings
