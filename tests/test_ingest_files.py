"""`auditor ingest` end to end: real files of every format, a real SQLite database, the CLI."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from auditor.cli import cli
from auditor.db import open_db
from auditor.errors import IngestError
from auditor.ingest import IngestOptions, ingest_file, read_document
from auditor.ingest.samples import write_docx, write_pdf, write_txt

ITEMS = [
    ("Hội LHPN xã tổ chức tọa đàm về bình đẳng giới",
     "Sáng 10/3, Hội Liên hiệp Phụ nữ xã tổ chức tọa đàm với hơn 60 hội viên tham gia.\n"
     "Chị Nguyễn Thị Lan, Chủ tịch Hội, cho biết chị em đã mạnh dạn chia sẻ kinh nghiệm."),
    ("Ra quân làm đường giao thông nông thôn",
     "Ngày 11/3, bà con thôn Đông đã ra quân làm đường bê tông dài 500 mét."),
    ("Phòng chống bạo lực gia đình",
     "Bạo lực gia đình để lại hậu quả nặng nề cho phụ nữ và trẻ em.\nMỗi người dân cần lên tiếng."),
]


def bulletin_text(day: str = "12/3/2024", items=ITEMS) -> str:
    lines = ["ĐÀI TRUYỀN THANH XÃ TÂN YÊN", f"Chương trình phát thanh ngày {day}",
             "Kính thưa quý vị và các bạn."]
    for n, (title, body) in enumerate(items, start=1):
        lines.append(f"Tin {n}: {title}" if n % 2 else f"Bài: {title}")
        lines.extend(body.split("\n"))
    return "\n".join(lines) + "\n"


@pytest.fixture
def db(tmp_path):
    database = open_db(tmp_path / "audit.db")
    database["outlets"].insert({"id": "xa-tan-yen", "name": "Đài truyền thanh xã Tân Yên", "kind": "commune_radio"})
    return database


def opts(**kw) -> IngestOptions:
    return IngestOptions(outlet_id="xa-tan-yen", **kw)


def stored(db):
    return list(db.query("SELECT * FROM articles ORDER BY source_file, source_position"))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1258", "tcvn3", "vni"])
def test_txt_in_every_encoding(db, tmp_path, encoding):
    path = write_txt(tmp_path / f"ban-tin-{encoding}.txt", bulletin_text(), encoding)
    report = ingest_file(db, path, opts())
    assert report.count("added") == 3
    rows = stored(db)
    assert [(r["title"], r["text"]) for r in rows] == ITEMS
    assert {r["published_at"] for r in rows} == {"2024-03-12T00:00:00+07:00"}
    assert [r["source_position"] for r in rows] == [0, 1, 2]
    assert rows[0]["source_file"] == f"{path.name}#{report.sha256}"
    assert {r["source_kind"] for r in rows} == {"ingest"}
    assert report.encoding.startswith({"utf-16": "utf-16-le"}.get(encoding, encoding))


def test_each_item_is_audited_and_stored(db, tmp_path):
    ingest_file(db, write_txt(tmp_path / "a.txt", bulletin_text()), opts())
    audits = list(db.query("SELECT a.article_id, a.result, a.engine_version FROM audits a"))
    assert len(audits) == 3
    ids = {r["id"] for r in stored(db)}
    assert {a["article_id"] for a in audits} == ids
    assert all(json.loads(a["result"])["id"] in ids for a in audits)


def test_no_audit_stores_items_unaudited(db, tmp_path):
    ingest_file(db, write_txt(tmp_path / "a.txt", bulletin_text()), opts(audit=False))
    assert db["articles"].count == 3 and db["audits"].count == 0


def test_reingest_adds_nothing_and_identical_items_are_recognised(db, tmp_path):
    first = write_txt(tmp_path / "a.txt", bulletin_text())
    assert ingest_file(db, first, opts()).count("added") == 3
    again = ingest_file(db, first, opts())
    assert again.count("already") == 3 and again.count("added") == 0
    copy = tmp_path / "copy-of-a.txt"
    shutil.copy(first, copy)
    assert ingest_file(db, copy, opts()).count("already") == 3
    # Another bulletin (another date) repeating item 1 in another encoding: a content-hash duplicate.
    other = write_txt(tmp_path / "b.txt", bulletin_text("13/3/2024", [ITEMS[0], ("Tin mới", "Nội dung mới.")]), "vni")
    report = ingest_file(db, other, opts())
    assert [i.status for i in report.items] == ["duplicate", "added"]
    assert report.items[0].duplicate_of == stored(db)[0]["id"]
    assert db["articles"].count == 4


def test_a_file_lands_whole_or_not_at_all(db, tmp_path):
    # The database refuses the third item: the first two must not stay behind.
    db.execute("CREATE TRIGGER refuse BEFORE INSERT ON articles WHEN NEW.title = 'Phòng chống bạo lực gia đình' "
               "BEGIN SELECT RAISE(ABORT, 'refused'); END")
    with pytest.raises(Exception, match="refused"):
        ingest_file(db, write_txt(tmp_path / "a.txt", bulletin_text()), opts())
    assert db["articles"].count == 0 and db["audits"].count == 0


def test_docx_headings_bold_and_tables(db, tmp_path):
    path = write_docx(tmp_path / "thang-4.docx", [
        ("para", "ĐÀI TRUYỀN THANH XÃ TÂN YÊN"),
        ("para", "Chương trình phát thanh ngày 2/4/2024"),
        ("heading", "Phụ nữ tham gia cấp ủy"),
        ("para", "Tỷ lệ nữ tham gia cấp ủy xã nhiệm kỳ này đạt 30%."),
        ("table", [["Thôn", "Số nữ"], ["Thôn Đông", "5"], ["Thôn Tây", "7"]]),
        ("heading", "Mùa vụ mới"),
        ("para", "Bà con xuống đồng gieo cấy lúa xuân."),
        ("bold", "Chương trình phát thanh ngày 9/4/2024"),
        ("heading", "Lịch tiêm chủng"),
        ("para", "Trạm y tế tiêm chủng vào sáng thứ Sáu."),
    ])
    report = ingest_file(db, path, opts())
    assert (report.format, report.scheme) == ("docx", "heading")
    rows = stored(db)
    assert [(r["title"], r["published_at"][:10]) for r in rows] == [
        ("Phụ nữ tham gia cấp ủy", "2024-04-02"), ("Mùa vụ mới", "2024-04-02"),
        ("Lịch tiêm chủng", "2024-04-09")]
    assert "Thôn Đông | 5" in rows[0]["text"]


def test_docx_in_legacy_font_is_converted(db, tmp_path):
    from auditor.ingest.legacy import encode_legacy

    def vni(text):
        return encode_legacy(text, "vni").decode("cp1252")

    # Word keeps VNI-Times text as the cp1252 characters of its bytes: "Chöông trình".
    path = write_docx(tmp_path / "vni.docx", [
        ("para", vni("Chương trình phát thanh ngày 2/4/2024")),
        ("para", vni(f"Tin: {ITEMS[0][0]}")),
        ("para", vni(ITEMS[0][1].replace("\n", " "))),
    ])
    report = ingest_file(db, path, opts())
    assert report.encoding == "docx+vni"
    row = stored(db)[0]
    assert row["title"] == ITEMS[0][0] and row["text"] == ITEMS[0][1].replace("\n", " ")


def test_pdf_with_text_layer(db, tmp_path):
    path = write_pdf(tmp_path / "ban-tin.pdf", bulletin_text().splitlines(), width=60)
    report = ingest_file(db, path, opts())
    assert report.format == "pdf" and report.count("added") == 3
    rows = stored(db)
    assert [r["title"] for r in rows] == [t for t, _ in ITEMS]
    # Lines wrapped at the page width are joined back into the sentences.
    assert rows[0]["text"] == ITEMS[0][1]


def test_pdf_encrypted_with_empty_user_password_is_read(db, tmp_path):
    from pypdf import PdfReader, PdfWriter

    plain = write_pdf(tmp_path / "plain.pdf", bulletin_text().splitlines())
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password="", owner_password="chu-so-huu", algorithm="RC4-128")
    path = tmp_path / "khoa-sua.pdf"
    with open(path, "wb") as fh:
        writer.write(fh)
    assert ingest_file(db, path, opts()).count("added") == 3


def bad_file(tmp_path, name):
    from pypdf import PdfReader, PdfWriter

    path = tmp_path / name
    if name == "rong.txt":
        path.write_bytes(b"")
    elif name == "trang.txt":
        path.write_text("  \n\n \t\n", encoding="utf-8")
    elif name == "anh.docx":
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 200)
    elif name == "hong.docx":
        path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    elif name == "mat-khau.pdf":
        writer = PdfWriter(clone_from=PdfReader(write_pdf(tmp_path / "p.pdf", ["Tin: A", "Nội dung."])))
        writer.encrypt(user_password="bi-mat", algorithm="RC4-128")
        with open(path, "wb") as fh:
            writer.write(fh)
    elif name == "scan.pdf":
        write_pdf(path, [])
    elif name == "khong-phai.pdf":
        path.write_text("Tin: đây không phải PDF", encoding="utf-8")
    elif name == "rac.txt":
        path.write_bytes(bytes(range(1, 9)) * 50 + b"\x00")
    elif name == "lon.txt":
        with open(path, "wb") as fh:
            fh.truncate(100 * 1024 * 1024)  # sparse: 100 MB on paper, nothing on disk
    elif name == "mat-khau.docx":
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    elif name == "cu.doc":
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    return path


@pytest.mark.parametrize(("name", "message"), [
    ("rong.txt", "tệp rỗng"),
    ("trang.txt", "không có nội dung"),
    ("anh.docx", "nội dung là ảnh PNG"),
    ("hong.docx", "hỏng"),
    ("mat-khau.pdf", "mã hoá"),
    ("scan.pdf", "không có lớp văn bản"),
    ("khong-phai.pdf", "không phải PDF"),
    ("rac.txt", "không"),
    ("lon.txt", "quá lớn: 100.0 MB"),
    ("cu.doc", "không hỗ trợ định dạng '.doc'"),
    ("mat-khau.docx", "được đặt mật khẩu"),
])
def test_bad_files_get_a_clear_error_naming_the_file(db, tmp_path, name, message):
    path = bad_file(tmp_path, name)
    with pytest.raises(IngestError, match=message) as info:
        ingest_file(db, path, opts())
    assert str(path) in str(info.value) and info.value.path == str(path)
    assert db["articles"].count == 0


def test_a_zip_bomb_docx_is_refused_before_unpacking(db, tmp_path):
    import zipfile

    path = tmp_path / "bom.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b" " * (12 * 1024 * 1024))
    assert path.stat().st_size < 100_000
    with pytest.raises(IngestError, match="giải nén ra 12 MB, quá giới hạn 10 MB"):
        ingest_file(db, path, opts(max_bytes=1024 * 1024))


def test_size_cap_is_configurable(tmp_path):
    path = write_txt(tmp_path / "a.txt", bulletin_text())
    with pytest.raises(IngestError, match="quá lớn"):
        read_document(path, max_bytes=100)


def test_missing_date_asks_for_date(db, tmp_path):
    path = write_txt(tmp_path / "khong-ngay.txt", "Tin: Họp chợ\nChợ họp sớm.\n")
    with pytest.raises(IngestError, match="--date"):
        ingest_file(db, path, opts())
    from datetime import date

    assert ingest_file(db, path, opts(default_date=date(2024, 6, 1))).items[0].broadcast_date == "2024-06-01"


def test_unknown_outlet(db, tmp_path):
    with pytest.raises(IngestError, match="outlets add"):
        ingest_file(db, write_txt(tmp_path / "a.txt", bulletin_text()), IngestOptions(outlet_id="khong-co"))


def test_cli_ingest_summary_errors_and_transcript(db, tmp_path):
    good = write_txt(tmp_path / "ban-tin.txt", bulletin_text(), "tcvn3")
    bad = bad_file(tmp_path, "anh.docx")
    transcript = write_txt(tmp_path / "go-bang.txt", "Thưa bà con, hôm nay xã tổ chức tiêm phòng cho đàn gia súc.\n")
    db_path = str(tmp_path / "audit.db")
    runner = CliRunner()
    result = runner.invoke(cli, ["ingest", str(good), str(bad), "--outlet", "xa-tan-yen", "--db", db_path])
    assert result.exit_code == 1
    assert ("ban-tin.txt: 3 mục · định dạng txt, bảng mã TCVN3 (ABC) (đã chuyển sang Unicode), "
            "tách theo nhãn Tin:/Bài:") in result.output
    assert "ngày phát sóng: 2024-03-12 (3)" in result.output
    assert "thêm mới 3 · đã có từ trước 0 · trùng nội dung với bài khác 0" in result.output
    assert "mục bình đẳng giới:" in result.output
    assert f"Lỗi: {bad}: tệp .docx nhưng nội dung là ảnh PNG" in result.output
    assert "Tổng: 1/2 tệp nạp được; thêm mới 3 mục" in result.output

    result = runner.invoke(cli, ["ingest", str(transcript), "--outlet", "xa-tan-yen", "--kind", "transcript",
                                 "--date", "2024-03-20", "--db", db_path])
    assert result.exit_code == 0, result.output
    row = next(open_db(db_path).query("SELECT * FROM articles WHERE source_kind = 'transcript'"))
    assert row["published_at"] == "2024-03-20T00:00:00+07:00"
    assert row["title"] == "go-bang" and row["text"].startswith("Thưa bà con")

    result = runner.invoke(cli, ["ingest", str(good), "--outlet", "xa-tan-yen", "--date", "12/3/2024"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_content_hash_matches_the_crawler():
    from auditor.ingest.pipeline import content_hash

    store = pytest.importorskip("auditor.crawl.store")
    for title, text in ITEMS + [("Hoà  bình", "thuỷ  lợi\n\nhoà"), ("", "x")]:
        assert content_hash(title, text) == store.content_hash(title, text)
    assert content_hash("Hòa bình", "thủy lợi") == content_hash("Hoà bình", "thuỷ  lợi")


REPORT_ROWS = [
    ["STT", "Ngày phát sóng", "Tên tin, bài", "Thể loại", "Chuyên mục"],
    ["1", "05/01/2024", "Phụ nữ xã Đại Sơn làm kinh tế giỏi", "Bài", "Bình đẳng giới"],
    ["2", "12/01/2024", "Tiêm chủng mở rộng đợt 1", "Tin", "Y tế"],
    ["3", "2/2/2024", "Phòng chống bạo lực gia đình dịp Tết", "Tin", "Bình đẳng giới"],
]


def test_agency_report_table_in_docx_gives_one_item_per_row(db, tmp_path):
    path = write_docx(tmp_path / "bao-cao-6-thang.docx", [
        ("para", "BÁO CÁO KẾT QUẢ TUYÊN TRUYỀN 6 THÁNG ĐẦU NĂM 2024"),
        ("para", "Trong 6 tháng, đài đã phát các tin, bài sau:"),
        ("table", REPORT_ROWS),
        ("para", "Nơi nhận: Sở Văn hóa."),
    ])
    report = ingest_file(db, path, opts())
    assert report.scheme == "report" and report.preamble_lines == 3
    rows = stored(db)
    assert [(r["title"], r["published_at"][:10], r["source_kind"]) for r in rows] == [
        ("Phụ nữ xã Đại Sơn làm kinh tế giỏi", "2024-01-05", "report"),
        ("Tiêm chủng mở rộng đợt 1", "2024-01-12", "report"),
        ("Phòng chống bạo lực gia đình dịp Tết", "2024-02-02", "report"),
    ]
    assert rows[0]["text"] == "Phụ nữ xã Đại Sơn làm kinh tế giỏi\nThể loại: Bài\nChuyên mục: Bình đẳng giới"


def test_agency_report_in_xlsx_with_real_dates(db, tmp_path):
    from datetime import datetime

    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Báo cáo quý I/2024"])
    for row in REPORT_ROWS:
        sheet.append([datetime.strptime(c, "%d/%m/%Y") if "/" in c else c for c in row])
    path = tmp_path / "bao-cao.xlsx"
    workbook.save(path)
    ingest_file(db, path, opts())
    assert [(r["title"], r["published_at"][:10]) for r in stored(db)] == [
        (r[2], datetime.strptime(r[1], "%d/%m/%Y").date().isoformat()) for r in REPORT_ROWS[1:]]


def test_a_schedule_table_inside_a_script_does_not_make_it_a_report(db, tmp_path):
    path = write_docx(tmp_path / "kich-ban.docx", [
        ("para", "Chương trình phát thanh ngày 2/4/2024"),
        ("para", "Tin 1: Lịch tiêm chủng"), ("para", "Trạm y tế thông báo lịch tiêm:"),
        ("table", [["Ngày", "Nội dung"], ["3/4/2024", "Tiêm sởi"]]),
        ("para", "Tin 2: Họp dân"), ("para", "Thôn Đông họp dân tối thứ Bảy."),
    ])
    report = ingest_file(db, path, opts())
    assert report.scheme == "marker" and [i.title for i in report.items] == ["Lịch tiêm chủng", "Họp dân"]


def test_ingest_bytes_keeps_the_upload_name(db, tmp_path):
    from auditor.ingest import ingest_bytes

    data = write_txt(tmp_path / "x.txt", bulletin_text(), "vni").read_bytes()
    report = ingest_bytes(db, "../../ban tin thang 3.txt", data, opts())
    assert report.path == "ban tin thang 3.txt" and report.count("added") == 3
    assert stored(db)[0]["source_file"].startswith("ban tin thang 3.txt#")
    with pytest.raises(IngestError, match=r"^anh\.docx: tệp \.docx nhưng nội dung là ảnh PNG"):
        ingest_bytes(db, "anh.docx", b"\x89PNG\r\n\x1a\n" + bytes(100), opts())
    with pytest.raises(IngestError, match="quá lớn"):
        ingest_bytes(db, "lon.txt", bytes(200), opts(max_bytes=100))


def test_cli_ingests_a_folder(db, tmp_path):
    folder = tmp_path / "thang-3"
    (folder / "tuan-2").mkdir(parents=True)
    write_txt(folder / "a.txt", bulletin_text("5/3/2024"))
    write_docx(folder / "tuan-2" / "b.docx", [("para", "Bản tin ngày 12/3/2024"), ("para", "Tin: Họp chợ"),
                                              ("para", "Chợ phiên họp sớm.")])
    (folder / "~$b.docx").write_bytes(b"lock")  # Word's lock file is skipped
    (folder / "ghi-chu.md").write_text("không phải bản tin", encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--outlet", "xa-tan-yen", "-q",
                                      "--db", str(tmp_path / "audit.db")])
    assert result.exit_code == 0, result.output
    assert "Tổng: 2/2 tệp nạp được; thêm mới 4 mục" in result.output
    assert "thêm mới 3 · đã có từ trước 0" in result.output and "+ 1." not in result.output  # --quiet


def test_replace_swaps_an_earlier_version_unless_reviewed(db, tmp_path):
    path = tmp_path / "ban-tin.txt"
    write_txt(path, bulletin_text())
    ingest_file(db, path, opts())
    corrected = [ITEMS[0], (ITEMS[1][0], "Ngày 11/3, bà con thôn Tây đã ra quân làm đường."), ITEMS[2]]
    write_txt(path, bulletin_text(items=corrected))
    report = ingest_file(db, path, opts(replace=True))
    assert report.replaced == 3 and report.count("added") == 3
    assert [r["text"] for r in stored(db)] == [body for _, body in corrected]
    assert db["audits"].count == 3
    assert db.execute("SELECT count(*) FROM audits WHERE article_id NOT IN (SELECT id FROM articles)").fetchone()[0] == 0
    # Once an inspector has decided on an item, the file can no longer be replaced.
    first = stored(db)[0]["id"]
    db["decisions"].insert({"at": "2024-03-13T08:00:00+00:00", "username": "thanh-tra", "article_id": first,
                            "target": "ge_item", "action": "accept"})
    write_txt(path, bulletin_text(items=[ITEMS[0]]))
    with pytest.raises(IngestError, match="đã được kiểm duyệt"):
        ingest_file(db, path, opts(replace=True))
    assert db["articles"].count == 3
