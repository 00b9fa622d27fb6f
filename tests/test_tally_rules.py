"""Quota rules as data: the shipped rules load, and bad YAML fails with file, rule and field named."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

import pytest

from auditor.errors import ConfigError
from auditor.tally.periods import Period, period_containing, periods_between
from auditor.tally.rules import load_quota_book, province_key

GOOD_RULE = """
source:
  number: 99/KH-UBND
  date: 2024-01-15
  issuer: UBND tỉnh Thử
  province: Kon Tum
  title: Kế hoạch thử
rules:
  - id: test-commune
    effective_from: 2024-01-01
    effective_to: 2024-12-31
    kinds: [commune_radio]
    province: {scheme: pre2025, code: "62", name: Kon Tum}
    period: quarter
    minimum: 3
    counts: ge_item
    quote: mỗi quý có ít nhất 03 tin, bài về bình đẳng giới
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    (tmp_path / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return tmp_path


def test_shipped_rules_load_with_sources_and_quotes() -> None:
    book = load_quota_book()
    rules = {rule.id: rule for rule in book.rules}
    commune = rules["kontum-2023-commune-radio"]
    assert (commune.period, commune.minimum, commune.kinds) == ("quarter", 3, ("commune_radio",))
    assert "ít nhất 03 tin, bài về bình đẳng giới" in commune.quote
    assert rules["kontum-2023-provincial-column"].counts == "column"
    assert rules["tanyen-2022-district-commune"].minimum == 4
    assert rules["tanyen-2022-district-commune"].district.name == "Tân Yên"
    lang_son = rules["langson-58-2020-press"]
    assert lang_son.source.number == "58/KH-UBND" and lang_son.source.date == date(2020, 4, 2)
    # Plans without a numeric quota say so instead of inventing one.
    for rule_id in ("langson-58-2020-press", "backan-112-2022-media", "gialai-202-2019-columns"):
        assert rules[rule_id].minimum is None and rules[rule_id].no_quota
    column = rules["kontum-2023-provincial-column"].column
    assert column.matches("Bình Đẳng Giới", None, "Tin tức")  # the section name, case-free
    assert column.matches(None, None, "[Chuyên đề] Vì sự tiến bộ của phụ nữ: nữ cán bộ Măng Đen")
    assert not column.matches("Xã hội", None, "Hội nghị tổng kết công tác bình đẳng giới năm 2023")
    assert {p.id for p in book.peaks} >= {"womens-day-8-3", "action-month-15-11-15-12"}
    action = next(p for p in book.peaks if p.id == "action-month-15-11-15-12")
    assert action.contains(date(2024, 11, 15)) and action.contains(date(2024, 12, 15))
    assert not action.contains(date(2024, 12, 16))


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        (("minimum: 3", "minimun: 3"), "minimun", "trường không hợp lệ"),
        (("[commune_radio]", "[dai_xa]"), "kinds", "loại cơ quan không biết"),
        (("effective_to: 2024-12-31", "effective_to: 31/12/2024"), "effective_to", "ngày không đọc được"),
        (("period: quarter", "period: fortnight"), "period", "kỳ không hợp lệ"),
        (("minimum: 3", "minimum: -1"), "minimum", "số nguyên dương"),
        (("minimum: 3", "minimum: null"), "no_quota", "không có chỉ tiêu số"),
        (("counts: ge_item", "counts: words"), "counts", "không biết đếm gì"),
        (("scheme: pre2025", "scheme: 2026"), "province.scheme", "scheme"),
    ],
)
def test_bad_rule_names_file_rule_and_field(tmp_path: Path, change: tuple[str, str], field: str,
                                            words: str) -> None:
    text = textwrap.dedent(GOOD_RULE.replace(*change))
    write(tmp_path, "bad.yaml", text)
    with pytest.raises(ConfigError) as info:
        load_quota_book(tmp_path)
    message = str(info.value)
    lines = text.splitlines()
    rules_at = lines.index("rules:")
    key = field.split(".")[0] + ":"
    line = next((i + 1 for i, text_line in enumerate(lines)
                 if i > rules_at and text_line.strip().lstrip("- ").startswith(key)), rules_at + 2)
    assert f"bad.yaml:{line}," in message and info.value.line == line
    assert "test-commune" in message and f"field '{field}'" in message
    assert words in message
    assert info.value.field == field and info.value.item == "test-commune"


def test_overlapping_rules_are_rejected(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", GOOD_RULE)
    second = GOOD_RULE.replace("test-commune", "test-commune-2").replace("2024-01-01", "2024-06-01") \
        .replace("2024-12-31", "2025-06-30")
    write(tmp_path, "b.yaml", second)
    with pytest.raises(ConfigError) as info:
        load_quota_book(tmp_path)
    message = str(info.value)
    assert "b.yaml" in message and "test-commune-2" in message and "test-commune" in message
    assert "chồng lấn" in message and "2024-06-01 – 2024-12-31" in message


def test_same_kind_different_period_or_province_is_not_an_overlap(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", GOOD_RULE)
    write(tmp_path, "b.yaml", GOOD_RULE.replace("test-commune", "monthly").replace("period: quarter",
                                                                                  "period: month"))
    write(tmp_path, "c.yaml", GOOD_RULE.replace("test-commune", "other-province")
          .replace('code: "62", name: Kon Tum', 'code: "20", name: Lạng Sơn'))
    assert len(load_quota_book(tmp_path).rules) == 3


def test_unparseable_yaml_and_bad_peak_window(tmp_path: Path) -> None:
    write(tmp_path, "broken.yaml", "rules: [\n  - id: x\n")
    with pytest.raises(ConfigError, match=r"broken\.yaml:\d+.*YAML"):
        load_quota_book(tmp_path)
    (tmp_path / "broken.yaml").unlink()
    write(tmp_path, "peaks.yaml", 'peak_windows:\n  - {id: tet, name: Tết, from: "13-01", to: "02-10"}\n')
    with pytest.raises(ConfigError) as info:
        load_quota_book(tmp_path)
    assert "peaks.yaml" in str(info.value) and info.value.item == "tet" and info.value.field == "from"


def test_duplicate_rule_id(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", GOOD_RULE)
    write(tmp_path, "b.yaml", GOOD_RULE.replace("2024-", "2022-"))
    with pytest.raises(ConfigError, match="id trùng"):
        load_quota_book(tmp_path)


def test_periods_follow_the_calendar() -> None:
    assert period_containing(date(2025, 8, 20), "quarter") == Period(date(2025, 7, 1), date(2025, 9, 30), "quarter")
    half = period_containing(date(2025, 2, 28), "half_year")
    assert (half.start, half.end, half.key, half.label) == (date(2025, 1, 1), date(2025, 6, 30), "2025H1",
                                                            "6T đầu 2025")
    months = list(periods_between(date(2024, 1, 15), date(2024, 3, 31), "month"))
    assert [m.key for m in months] == ["2024-01", "2024-02", "2024-03"]
    assert months[0].partial and months[0].start == date(2024, 1, 15) and not months[1].partial
    assert months[1].end == date(2024, 2, 29)  # leap year
    assert [p.key for p in periods_between(date(2024, 1, 1), date(2025, 12, 31), "year")] == ["2024", "2025"]


def test_province_key_ignores_prefix_case_and_accents() -> None:
    assert province_key("Tỉnh Kon Tum") == province_key("kon tum") == "kon tum"
    assert province_key("Quảng Ngãi") == province_key("QUANG NGAI")
    assert province_key("Tỉnh Đắk Lắk") == "dak lak"
