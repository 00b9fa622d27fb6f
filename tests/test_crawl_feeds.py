"""feeds.yaml: validation with file, line and field; unit resolution (2025 and pre-2025); sync to the DB."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from auditor.crawl.feeds import feed_id, load_feeds, parse_feeds, sync_to_db
from auditor.db import open_db
from auditor.errors import ConfigError

REPO = Path(__file__).resolve().parents[1]

GOOD = """\
fetch:
  host_delay_s: 2.0
crawl:
  revisit_days: 3
outlets:
  - id: qng-bao
    name: Báo Quảng Ngãi
    kind: provincial_paper
    province: "51"
    commune: "21025"
    sources:
      - rss: https://baoquangngai.vn/rss/home.rss
      - html: https://baoquangngai.vn/xa-hoi/
        link_selector: "h3.title a"
        section: Xã hội
  - id: kt-dakha
    name: Trung tâm VH-TT&TT huyện Đăk Hà
    kind: district_centre
    old_district: "615"
    commune: "23500"
  - id: phunu
    name: Báo Phụ nữ Việt Nam
    kind: national
    sources:
      - rss: https://phunuvietnam.vn/rss/home.rss
"""


def error_of(text: str) -> ConfigError:
    with pytest.raises(ConfigError) as info:
        parse_feeds(text, "feeds.yaml")
    return info.value


def test_good_file_resolves_units():
    config = parse_feeds(GOOD, "feeds.yaml")
    bao, dakha, phunu = config.outlets
    assert (bao.province_code, bao.province_name, bao.old_province_code, bao.commune_name) == (
        "51", "Quảng Ngãi", "51", "Phường Cẩm Thành")
    assert [s.kind for s in bao.sources] == ["rss", "html"] and bao.sources[1].section == "Xã hội"
    # A district of former Kon Tum: the 2025 province is derived, the old units are kept.
    assert (dakha.province_code, dakha.old_province_code, dakha.old_province_name, dakha.old_district_name) == (
        "51", "62", "Kon Tum", "Huyện Đắk Hà")
    assert dakha.sources == ()  # no web feed: its content comes by `auditor ingest`
    assert phunu.province_code is None
    assert config.fetch == {"host_delay_s": 2.0} and config.crawl.revisit_days == 3.0


def test_names_are_accepted_for_provinces():
    text = GOOD.replace('province: "51"', "province: Tỉnh Quảng Ngãi")
    assert parse_feeds(text).outlets[0].province_code == "51"
    text = GOOD.replace('    old_district: "615"\n', "    province: Quảng Ngãi\n    old_province: kon tum\n")
    assert parse_feeds(text).outlets[1].old_province_code == "62"


@pytest.mark.parametrize(
    ("old", "new", "line", "field", "words"),
    [
        ("kind: provincial_paper", "kind: newspaper", 8, "kind", "loại 'newspaper'"),
        ('province: "51"', 'province: "62"', 9, "province", "không có tỉnh/thành (2025) '62'"),
        ('commune: "21025"', 'commune: "00070"', 10, "commune", "Phường Hoàn Kiếm thuộc Hà Nội"),
        ("    name: Báo Quảng Ngãi\n", "", 6, "name", "thiếu trường bắt buộc"),
        ("https://baoquangngai.vn/rss/home.rss", "ftp://baoquangngai.vn/rss", 12, "rss", "địa chỉ không hợp lệ"),
        ('link_selector: "h3.title a"', 'link_selector: "h3[title"', 14, "link_selector", "bộ chọn CSS"),
        ("        link_selector: \"h3.title a\"\n", "", 13, "link_selector", "cần 'link_selector'"),
        ("host_delay_s: 2.0", "host_delay_s: nhanh", 2, "host_delay_s", "expected a number"),
        ("revisit_days: 3", "revisit_day: 3", 4, "revisit_day", "tuỳ chọn không biết"),
        ("    kind: district_centre", "    kind: district_centre\n    homepage_url: x", 19, "homepage_url",
         "trường không biết"),
        ('old_district: "615"', 'old_district: "999"', 19, "old_district", "không có quận/huyện"),
    ],
)
def test_errors_name_file_line_and_field(old, new, line, field, words):
    assert old in GOOD
    error = error_of(GOOD.replace(old, new, 1))
    assert (error.path, error.line, error.field) == ("feeds.yaml", line, field)
    assert words in str(error)
    assert str(error).startswith(f"feeds.yaml:{line}")


def test_old_province_must_belong_to_the_new_one():
    text = GOOD.replace('    commune: "21025"\n', '    commune: "21025"\n    old_province: Bắc Kạn\n')
    error = error_of(text)
    assert error.field == "old_province" and error.line == 11
    assert "Bắc Kạn nhập vào Thái Nguyên từ 2025-07-01, không phải Quảng Ngãi" in str(error)


def test_duplicate_ids_and_urls():
    error = error_of(GOOD.replace("id: phunu", "id: qng-bao"))
    assert error.field == "id" and error.line == 21 and "dòng 6" in str(error)
    twice = GOOD.replace("https://baoquangngai.vn/xa-hoi/", "https://baoquangngai.vn/rss/home.rss")
    assert "khai hai lần" in str(error_of(twice))


def test_loopback_needs_local_true():
    text = GOOD.replace("https://phunuvietnam.vn/rss/home.rss", "http://127.0.0.1:8000/rss")
    error = error_of(text)
    assert error.field == "rss" and "local: true" in str(error)
    assert parse_feeds(text.replace("    kind: national\n", "    kind: national\n    local: true\n"))


def test_non_national_outlet_needs_a_province():
    error = error_of(GOOD.replace('    old_district: "615"\n    commune: "23500"\n', ""))
    assert error.field == "province" and error.line == 16


def test_commune_alone_gives_the_2025_and_the_pre_2025_province():
    outlet = parse_feeds(GOOD.replace('    old_district: "615"\n', "")).outlets[1]
    assert (outlet.province_code, outlet.old_province_code, outlet.commune_name) == ("51", "62", "Xã Đăk Hà")


def test_yaml_syntax_error_has_a_line():
    error = error_of(GOOD.replace("    kind: national", "    kind: [national"))
    assert error.line is not None and "YAML" in str(error)
    assert "outlets" in str(error_of("outlets: []\n"))
    assert "mapping" in str(error_of("- a\n- b\n"))


def test_missing_file(tmp_path):
    with pytest.raises(ConfigError, match="không tìm thấy"):
        load_feeds(tmp_path / "khong-co.yaml")


def test_sync_keeps_conditional_get_state(tmp_path):
    db = open_db(tmp_path / "f.db")
    config = parse_feeds(GOOD, "feeds.yaml")
    sync_to_db(db, config)
    fid = feed_id("qng-bao", "https://baoquangngai.vn/rss/home.rss")
    db["feeds"].update(fid, {"etag": '"abc"', "last_modified": "Mon, 10 Nov 2025 01:00:00 GMT"})
    db.conn.commit()
    sync_to_db(db, parse_feeds(GOOD.replace("name: Báo Quảng Ngãi", "name: Báo Quảng Ngãi điện tử"), "feeds.yaml"))
    assert db["feeds"].get(fid)["etag"] == '"abc"'
    assert db["outlets"].get("qng-bao")["name"] == "Báo Quảng Ngãi điện tử"
    assert db["feeds"].count == 3 and db["outlets"].count == 3
    assert db["outlets"].get("kt-dakha")["old_district_code"] == "615"


def test_gender_column_is_validated_and_stored_with_other_config_kept(tmp_path):
    text = GOOD.replace("    kind: provincial_paper\n", "    kind: provincial_paper\n    gender_column:\n"
                        "      sections: [Bình đẳng giới]\n      title_patterns: ['^Chuyên mục Vì sự tiến bộ']\n")
    config = parse_feeds(text)
    assert config.outlets[0].gender_column == {"sections": ["Bình đẳng giới"],
                                               "title_patterns": ["^Chuyên mục Vì sự tiến bộ"]}
    db = open_db(tmp_path / "c.db")
    sync_to_db(db, config)
    with db.conn:  # a key another command wrote
        db.execute("UPDATE outlets SET config = json_set(config, '$.editor_note', 'x') WHERE id = 'qng-bao'")
    sync_to_db(db, config)
    stored = json.loads(db["outlets"].get("qng-bao")["config"])
    assert stored["gender_column"]["sections"] == ["Bình đẳng giới"] and stored["editor_note"] == "x"
    bad = error_of(text.replace("'^Chuyên mục Vì sự tiến bộ'", "'(Chuyên mục'"))
    assert bad.field == "title_patterns" and "biểu thức chính quy" in str(bad)
    assert error_of(text.replace("sections:", "section:")).field == "section"


def test_select_unknown_outlet():
    config = parse_feeds(GOOD)
    assert [o.id for o in config.select(["phunu"])] == ["phunu"]
    with pytest.raises(ConfigError, match="khong-co"):
        config.select(["khong-co"])


def test_shipped_example_feeds_file_is_valid():
    config = load_feeds(REPO / "feeds.yaml")
    kinds = {o.kind for o in config.outlets}
    assert {"provincial_paper", "provincial_radio_tv", "district_centre", "commune_radio"} <= kinds
    assert {o.province_code for o in config.outlets if o.province_code} == {"51"}
    assert {"51", "62"} <= {o.old_province_code for o in config.outlets}
    assert not any(o.local for o in config.outlets)


def test_the_example_in_the_docs_is_valid():
    docs = (REPO / "docs" / "crawl.md").read_text(encoding="utf-8")
    example = docs.split("```yaml\n", 1)[1].split("```", 1)[0]
    outlet = parse_feeds(example, "docs/crawl.md").outlets[0]
    assert (outlet.province_code, outlet.old_province_code, outlet.old_district_code) == ("51", "62", "615")
    assert [s.kind for s in outlet.sources] == ["rss", "html"]
