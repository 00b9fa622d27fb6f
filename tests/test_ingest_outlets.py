"""`auditor outlets add / import / list` on a real database."""

from __future__ import annotations

import csv

import pytest
from click.testing import CliRunner

from auditor.cli import cli
from auditor.db import open_db
from auditor.errors import InputError
from auditor.ingest.outlets import OutletRow, add_outlet, import_outlets, resolve_outlet

units_module = pytest.importorskip("auditor.units")


def _units():
    try:
        return units_module.units()
    except OSError:
        pytest.skip("administrative unit tables not built")


@pytest.fixture
def db(tmp_path):
    return open_db(tmp_path / "a.db")


def province_communes(name: str, count: int):
    table = _units()
    code = table.province_code(name)
    communes = sorted((u for u in table.communes.values() if u.parent == code), key=lambda u: u.code)
    assert len(communes) >= count
    return code, communes[:count]


def test_add_resolves_2025_and_pre_2025_units(db):
    code, (commune, *_) = province_communes("Bắc Ninh", 1)
    record = add_outlet(db, OutletRow("xa-1", f"Đài truyền thanh {commune.name}", "commune_radio",
                                      province="Bắc Ninh", commune=commune.name, old_province="Bắc Giang"))
    row = db["outlets"].get("xa-1")
    assert row["province_code"] == code and row["province_name"] == "Bắc Ninh"
    assert row["commune_code"] == commune.code and row["commune_name"] == commune.name
    assert row["old_province_name"] == "Bắc Giang" and record["old_province_code"] == row["old_province_code"]
    with pytest.raises(InputError, match="đã có"):
        add_outlet(db, OutletRow("xa-1", "Khác", "commune_radio", province="Bắc Ninh"))


def test_an_old_province_name_gives_both_units():
    table = _units()
    record = resolve_outlet(OutletRow("ttvh-bac-kan", "Trung tâm VH-TT", "district_centre", province="Bắc Kạn"))
    assert record["old_province_name"] == "Bắc Kạn"
    assert record["province_code"] == table.province_code("Thái Nguyên")


def test_commune_from_another_province_is_refused():
    _, (commune, *_) = province_communes("Bắc Ninh", 1)
    with pytest.raises(InputError, match="cột 'commune'"):
        resolve_outlet(OutletRow("x", "X", "commune_radio", province="Quảng Ngãi", commune=commune.code))


def write_csv(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "name", "kind", "province", "commune"])
        writer.writerows(rows)
    return path


def test_import_120_communes_then_reimport_updates(db, tmp_path):
    code, communes = province_communes("Thanh Hóa", 120)
    # Half the rows name the commune, half give its code.
    rows = [[f"xa-{u.code}", f"Đài truyền thanh {u.name}", "commune_radio", "Thanh Hóa",
             u.name if n % 2 else u.code] for n, u in enumerate(communes)]
    path = write_csv(tmp_path / "communes.csv", rows)
    assert import_outlets(db, path) == (120, 0)
    assert db.execute("SELECT count(*) FROM outlets WHERE province_code = ? AND commune_code IS NOT NULL",
                      [code]).fetchone()[0] == 120
    assert import_outlets(db, path) == (0, 120)


def test_import_errors_name_row_and_column_and_import_nothing(db, tmp_path):
    _, communes = province_communes("Bắc Ninh", 3)
    rows = [[f"xa-{u.code}", f"Đài {u.name}", "commune_radio", "Bắc Ninh", u.code] for u in communes]
    rows[1][2] = "commune radio"
    rows[2][4] = "Xã Không Có"
    rows.append(rows[0])
    path = write_csv(tmp_path / "bad.csv", rows)
    with pytest.raises(InputError) as info:
        import_outlets(db, path)
    message = str(info.value)
    assert "3 dòng lỗi, không nhập dòng nào" in message
    # Line numbers of the file, header included, as a spreadsheet shows them.
    assert "dòng 3, cột 'kind': loại 'commune radio' không hợp lệ" in message
    assert "dòng 4, cột 'commune': không tìm thấy xã/phường 'Xã Không Có'" in message
    assert "dòng 5, cột 'id'" in message and "trùng với dòng 2" in message
    assert db["outlets"].count == 0


def test_import_needs_the_header(db, tmp_path):
    path = tmp_path / "no-header.csv"
    path.write_text("xa-1,Đài xã,commune_radio\n", encoding="utf-8")
    with pytest.raises(InputError, match="thiếu cột"):
        import_outlets(db, path)


def test_cli_add_import_list(tmp_path):
    _, communes = province_communes("Bắc Ninh", 2)
    db_path = str(tmp_path / "a.db")
    runner = CliRunner()
    result = runner.invoke(cli, ["outlets", "add", "xa-a", "--name", f"Đài truyền thanh {communes[0].name}",
                                 "--kind", "commune_radio", "--province", "Bắc Ninh", "--commune",
                                 communes[0].code, "--db", db_path])
    assert result.exit_code == 0, result.output
    assert f"Đã lưu xa-a: Đài truyền thanh {communes[0].name} (commune_radio) · {communes[0].name}, Bắc Ninh" \
        in result.output
    path = write_csv(tmp_path / "c.csv", [["xa-b", "Đài B", "commune_radio", "Bắc Ninh", communes[1].code]])
    result = runner.invoke(cli, ["outlets", "import", str(path), "--db", db_path])
    assert result.exit_code == 0 and "Đã nhập 1 cơ quan/đài: thêm mới 1, cập nhật 0" in result.output
    result = runner.invoke(cli, ["outlets", "list", "--kind", "commune_radio", "--db", db_path])
    assert "xa-a\tcommune_radio" in result.output and "2 cơ quan/đài" in result.output
    result = runner.invoke(cli, ["outlets", "add", "xa-c", "--name", "C", "--kind", "commune_radio",
                                 "--province", "Tỉnh Không Có", "--db", db_path])
    assert result.exit_code == 1 and "cột 'province': không tìm thấy tỉnh 'Tỉnh Không Có'" in result.output


def test_units_agree_with_the_feeds_yaml_loader():
    feeds = pytest.importorskip("auditor.crawl.feeds")
    _, communes = province_communes("Quảng Ngãi", 40)
    for kind, commune in [("commune_radio", c) for c in communes[::4]] + [("district_centre", communes[1])]:
        ours = resolve_outlet(OutletRow("x", "X", kind, province="Quảng Ngãi", commune=commune.name))
        yaml_text = f'outlets:\n  - id: x\n    name: X\n    kind: {kind}\n    commune: "{commune.code}"\n'
        theirs = feeds.parse_feeds(yaml_text).outlets[0]
        for key in ("province_code", "commune_code", "old_province_code", "old_district_code"):
            assert ours.get(key) == getattr(theirs, key), (commune, key)


def test_ids_follow_the_feeds_yaml_rule_and_province_is_required():
    with pytest.raises(InputError, match="cột 'id'"):
        resolve_outlet(OutletRow("Xã Tân Yên", "X", "commune_radio", province="Bắc Ninh"))
    with pytest.raises(InputError, match="cột 'province': thiếu tỉnh"):
        resolve_outlet(OutletRow("xa-1", "X", "commune_radio"))
    assert "province_code" not in resolve_outlet(OutletRow("vov", "VOV", "national"))


@pytest.mark.parametrize("encoding", ["utf-16", "cp1258", "tcvn3"])
def test_import_reads_csv_as_excel_and_old_editors_save_it(db, tmp_path, encoding):
    from auditor.ingest.samples import write_txt

    _, communes = province_communes("Thanh Hóa", 5)
    delimiter = "\t" if encoding == "utf-16" else ","
    lines = [delimiter.join(["id", "name", "kind", "province", "commune"])]
    lines += [delimiter.join([f"xa-{u.code}", f"Đài truyền thanh {u.name.lower()}", "commune_radio", "Thanh Hóa",
                              u.code]) for u in communes]
    path = write_txt(tmp_path / "ds.csv", "\n".join(lines) + "\n", encoding)
    assert import_outlets(db, path) == (5, 0)
    assert db["outlets"].get(f"xa-{communes[0].code}")["name"] == f"Đài truyền thanh {communes[0].name.lower()}"
