"""The 6-month report: XLSX read back with openpyxl, CSV parsed, HTML checked for figures and charts."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from test_tally_counts import Store

from auditor.cli import cli
from auditor.db import open_db


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "auditor.db"
    store = Store(open_db(path))
    for day in ("2023-01-10", "2023-02-14", "2023-03-08"):
        store.article("xa-dak-ha", f"{day}T08:00:00+07:00", quoted=(1, 1, 3))
    store.article("xa-dak-ha", "2023-05-02T08:00:00+07:00", topic="phụ nữ lãnh đạo", quoted=(2, 0, 2))
    reviewed = store.article("xa-da-thu", "2023-04-04T08:00:00+07:00", ge=0)
    store.decide(reviewed, "correct", {"ge_item": True, "ge_topic": "bạo lực gia đình"})
    store.article("bao-kon-tum", "2023-01-20T10:00:00+07:00", section="Bình đẳng giới")
    store.fetched("xa-im-lang", "2023-04-02T01:00:00+00:00")
    return path


def run_report(db_path: Path, out: Path, *extra: str) -> str:
    result = CliRunner().invoke(cli, ["report", "--db", str(db_path), "--province", "Kon Tum",
                                      "--half", "2023H1", "--out", str(out), *extra])
    assert result.exit_code == 0, result.output
    return result.output


def test_xlsx_has_summary_month_and_kind_sheets(db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "bao-cao.xlsx"
    assert "Đã ghi" in run_report(db_path, out)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Tổng hợp", "Theo tháng", "Báo tỉnh", "Đài truyền thanh cấp xã"]
    summary = wb["Tổng hợp"]
    assert summary["A1"].value == "BÁO CÁO KẾT QUẢ THÔNG TIN, TUYÊN TRUYỀN VỀ BÌNH ĐẲNG GIỚI 6 THÁNG ĐẦU NĂM 2023"
    assert summary["A5"].value == "Loại cơ quan" and summary["J5"].value == "Tin, bài BĐG"
    lines = {summary.cell(row=r, column=1).value: [c.value for c in summary[r]] for r in range(6, 9)}
    commune = lines["Đài truyền thanh cấp xã"]
    # 3 communes x 2 quarters; Đăk Hà Q1 met, Q2 not met; Đăk Mar Q2 not met (1 reviewed item);
    # Ngọc Réo Q1 no data, Q2 crawled but empty -> not met; Đăk Mar Q1 no data
    assert commune[1:8] == [3, 6, 1, 3, 0, 0, 2]
    assert commune[9:12] == [5, 4, 1]  # GE items: machine 4, reviewed 1
    total = lines["Tổng cộng"]
    assert total[13:16] == [5, 3, 3]  # quoted women, men, unknown
    assert total[16] == pytest.approx(5 / 8)
    assert summary.freeze_panes == "B6"
    notes = [summary.cell(row=r, column=1).value for r in range(1, summary.max_row + 1)]
    assert "kontum-2023-commune-radio" in notes

    sheet = wb["Đài truyền thanh cấp xã"]
    headers = [c.value for c in sheet[1]]
    assert headers[:5] == ["Cơ quan", "Mã cơ quan", "Loại", "Tỉnh (theo kỳ)", "Kỳ"]
    assert sheet.freeze_panes == "B2" and sheet.column_dimensions["A"].width == 34
    rows = {(r[1], r[4]): dict(zip(headers, r, strict=True)) for r in sheet.iter_rows(min_row=2, values_only=True)}
    dak_ha = rows[("xa-dak-ha", "Q1/2023")]
    assert dak_ha["Tin, bài BĐG"] == 3 and dak_ha["Chỉ tiêu tối thiểu"] == 3 and dak_ha["Trạng thái"] == "Đạt"
    assert dak_ha["BĐG trong đợt cao điểm"] == 1 and dak_ha["Tỉ lệ nữ trong nguồn"] == pytest.approx(0.5)
    assert rows[("xa-im-lang", "Q1/2023")]["Trạng thái"] == "Không có dữ liệu"
    assert rows[("xa-da-thu", "Q2/2023")]["BĐG đã duyệt"] == 1
    months = wb["Theo tháng"]
    assert [c.value for c in months["A"]][1:] == ["01/2023", "02/2023", "03/2023", "04/2023", "05/2023", "06/2023"]
    assert [c.value for c in months["C"]][1:] == [2, 1, 1, 1, 1, 0]  # January includes the Báo Kon Tum column item


def test_csv_has_bom_and_parses(db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "bao-cao.csv"
    run_report(db_path, out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    by_key = {(r["Mã cơ quan"], r["Kỳ"]): r for r in rows}
    assert by_key[("xa-dak-ha", "Q2/2023")]["Trạng thái"] == "Chưa đạt"
    assert by_key[("xa-dak-ha", "Q2/2023")]["Chủ đề"] == "phụ nữ lãnh đạo (1)"
    assert by_key[("bao-kon-tum", "Q1/2023")]["Kỳ chuyên mục"] == "1"


def test_html_is_self_contained_with_charts_and_figures(db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "bao-cao.html"
    run_report(db_path, out, "--period", "half_year")
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<html lang='vi'>" in page
    assert page.count("<svg") == 3
    assert "<script" not in page and not re.search(r"(src|href)=['\"]https?:", page)
    assert "Đài truyền thanh xã Đăk Hà" in page and "Tháng hành động" not in page  # no peak hit there
    assert "4 / 6" in page  # Đăk Hà: 4 GE items against 2 quarters x 3
    assert "62,5%" in page  # female share of quoted sources overall (5 of 8)
    assert "ít nhất 03 tin, bài về bình đẳng giới" in page  # the plan's sentence is quoted


def test_report_needs_a_half_or_a_range(db_path: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["report", "--db", str(db_path), "--out", str(tmp_path / "x.xlsx")])
    assert result.exit_code == 2 and "--half" in result.output
    bad = runner.invoke(cli, ["report", "--db", str(db_path), "--half", "2023H3", "--out", str(tmp_path / "x.pdf")])
    assert bad.exit_code == 2 and "2025H1" in bad.output
