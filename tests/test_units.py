"""Administrative units before and after 2025-07-01 (auditor/data/admin_units.json)."""

from __future__ import annotations

from datetime import date

from auditor.units import EFFECTIVE_DATE, fold_name, units


def test_tables_are_complete():
    u = units()
    assert (len(u.provinces), len(u.old_provinces), len(u.old_districts), len(u.communes)) == (34, 63, 696, 3321)
    assert EFFECTIVE_DATE == date(2025, 7, 1) and u.meta["effective_date"] == "2025-07-01"
    assert any("GPL-3.0" in s["licence"] for s in u.meta["sources"])
    # every pre-2025 province lands in exactly one 2025 province, and the merges agree
    for code, merged in u.merged_from.items():
        assert all(u.new_province_of(old) == code for old in merged)
    assert sorted(o for m in u.merged_from.values() for o in m) == sorted(u.old_provinces)


def test_known_merges():
    u = units()
    assert u.new_province_of("62") == "51"  # Kon Tum -> Quảng Ngãi
    assert u.merged_from["51"] == ["51", "62"]
    assert u.new_province_of("06") == "19"  # Bắc Kạn -> Thái Nguyên
    assert u.new_province_of("10") == "15"  # Lào Cai keeps its name but takes Yên Bái's code
    assert u.provinces["15"].name == "Lào Cai" and u.old_provinces["10"].name == "Lào Cai"
    assert u.sole_old_province("04") == "04" and u.sole_old_province("51") is None  # Cao Bằng merged nothing


def test_province_in_force_on_a_date():
    u = units()
    assert u.province_on("51", "62", "2025-06-30T23:59:00+07:00") == ("62", "Kon Tum")
    assert u.province_on("51", "62", "2025-07-01T00:00:00+07:00") == ("51", "Quảng Ngãi")
    assert u.province_on("51", "62", date(2024, 3, 8)) == ("62", "Kon Tum")
    assert u.province_on("51", None, "2024-03-08") == ("51", "Quảng Ngãi")  # no old unit known
    assert u.province_on("51", "62", None) == ("51", "Quảng Ngãi")


def test_lookup_by_name_and_code():
    u = units()
    assert u.province_code("Quảng Ngãi") == u.province_code("tỉnh quảng ngãi") == u.province_code("51") == "51"
    assert u.province_code("TP Hồ Chí Minh") == u.province_code("TP. Hồ Chí Minh") == u.province_code("Hồ Chí Minh") == "79"
    assert u.province_code("Xã Hội") is None  # "xa" is stripped only as a whole word
    assert u.old_province_code("Kon Tum") == "62" and u.old_province_code("Bà Rịa - Vũng Tàu") == "77"
    assert u.province_code("Kon Tum") is None  # no longer a province
    assert fold_name("Thành phố Đà Nẵng") == "da nang" and fold_name("Xã Đăk Hà") == "dak ha"


def test_communes_and_districts():
    u = units()
    assert u.communes["23500"].name == "Xã Đăk Hà" and u.communes["23500"].parent == "51"
    assert u.commune_old_district["23500"] == "615" and u.old_districts["615"].parent == "62"
    assert u.old_districts["527"].name == "Huyện Sơn Tịnh"
    assert len(u.commune_old_district) >= 3300
