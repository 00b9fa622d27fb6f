"""Benchmark `auditor ingest`: 1,000 one-page items in bulletins of every format and encoding.

Generates 50 files of 20 items each (known boundaries, titles and dates), ingests them into a
temporary database twice (with the audit step and without it) and prints the time and the split
accuracy. Targets (issue 8): 1,000 items in under 30 s on 2 cores; split accuracy >= 0.98.

Item text comes from ``../shared/corpus/baomoi`` (real Vietnamese news, cut to one page) when that
folder is there, else from a small built-in set of sentences. Each file has a letterhead, a greeting
after each programme heading and a sign-off after each programme (none belong to an item), and every
fourth item carries a numbered list ("1. ...;") inside its text.

    .venv/bin/python bench/ingest_bench.py [--items 1000] [--per-file 20] [--keep DIR]

Split accuracy = items whose title, broadcast date and body all come out exactly as written
(whitespace-insensitive; TCVN3 compared lowercased, as it has no capitals with tone marks), divided by
the larger of the items written and the items found, summed over files.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import shutil
import sys
import tempfile
import time
import unicodedata
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from auditor.db import open_db  # noqa: E402
from auditor.errors import IngestError  # noqa: E402
from auditor.ingest.pipeline import IngestOptions, ingest_file  # noqa: E402
from auditor.ingest.samples import write_docx, write_pdf, write_txt  # noqa: E402
from auditor.text import split_sentences  # noqa: E402

SHARED = REPO.parent / "shared"
BAOMOI = SHARED / "corpus" / "baomoi" / "baomoi_2017_dev.jsonl.gz"

# (format, encoding, heading style) of the files, in rotation.
LAYOUTS = [
    ("txt", "utf-8", "marker"),
    ("txt", "tcvn3", "marker"),
    ("txt", "vni", "numbered"),
    ("txt", "cp1258", "marker"),
    ("txt", "utf-16", "numbered"),
    ("txt", "utf-8-sig", "month"),
    ("docx", "docx", "heading"),
    ("docx", "docx", "bold"),
    ("pdf", "pdf", "marker"),
    ("pdf", "pdf", "month"),
]

FALLBACK_SENTENCES = [
    "Hội Liên hiệp Phụ nữ xã phối hợp với trạm y tế tổ chức buổi truyền thông về chăm sóc sức khỏe sinh sản.",
    "Hơn 80 hội viên đã tham gia và được phát tài liệu về phòng chống bạo lực gia đình.",
    "Ủy ban nhân dân xã yêu cầu các thôn rà soát hộ nghèo, hộ cận nghèo trước ngày 30 tháng 6.",
    "Bà con nông dân đang khẩn trương thu hoạch lúa vụ chiêm xuân và chuẩn bị đất cho vụ mùa.",
    "Đoàn thanh niên ra quân dọn vệ sinh môi trường dọc các tuyến đường liên thôn.",
    "Trạm y tế khuyến cáo người dân chủ động phòng chống sốt xuất huyết bằng cách diệt bọ gậy.",
    "Năm nay, tỷ lệ nữ tham gia cấp ủy của xã đạt 28%, tăng 5% so với nhiệm kỳ trước.",
    "Chị Hoàng Thị Mai ở thôn Bản Chang đã mạnh dạn vay vốn phát triển mô hình nuôi bò sinh sản.",
]

SIGN_OFF = "Chương trình phát thanh đến đây là kết thúc. Xin cảm ơn quý vị và các bạn đã theo dõi."
LIST_LINES = ["Bà con cần thực hiện các việc sau:", "1. Giữ vệ sinh nơi ở;", "2. Báo ngay cho trạm y tế khi có dấu hiệu bệnh;",
              "3. Không tụ tập đông người."]

# Characters the hand-built PDF font can carry and every legacy encoding can write.
_ALLOWED = set(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:!?()%/-'\"đĐ"
    "ăâêôơưĂÂÊÔƠƯàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
    "ÀẢÃÁẠẰẲẴẮẶẦẨẪẤẬÈẺẼÉẸỀỂỄẾỆÌỈĨÍỊÒỎÕÓỌỒỔỖỐỘỜỞỠỚỢÙỦŨÚỤỪỬỮỨỰỲỶỸÝỴ"
)


def clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("“", '"').replace("”", '"').replace("–", "-")
    return " ".join("".join(c if c in _ALLOWED else " " for c in text).split())


def load_items(n: int, rng: random.Random) -> list[tuple[str, list[str]]]:
    """``n`` (title, paragraphs) of about one page (1,500-3,000 characters)."""
    items: list[tuple[str, list[str]]] = []
    if BAOMOI.exists():
        with gzip.open(BAOMOI, "rt", encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                title, text = clean(row.get("title", "")), clean(row.get("text", ""))
                if not (20 <= len(title) <= 120) or len(text) < 1500:
                    continue
                sentences = [text[s.start:s.end] for s in split_sentences(text)]
                paragraphs, page = [], 0
                for k in range(0, len(sentences), 3):
                    paragraph = " ".join(sentences[k:k + 3])
                    if page + len(paragraph) > 3000:
                        break
                    paragraphs.append(paragraph)
                    page += len(paragraph)
                if page >= 1200:
                    items.append((title, paragraphs))
                if len(items) >= n:
                    break
    while len(items) < n:
        k = len(items)
        paragraphs = [" ".join(rng.sample(FALLBACK_SENTENCES, 4)) for _ in range(6)]
        items.append((f"Tin hoạt động cơ sở số {k + 1}", paragraphs))
    return items


def write_file(folder: Path, index: int, layout: tuple[str, str, str], items, start: date):
    """Write one file; return its path and the expected (title, date, body) of its items."""
    fmt, encoding, style = layout
    expected = []
    lines: list[str] = ["ĐÀI TRUYỀN THANH XÃ TÂN YÊN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    blocks: list[tuple[str, object]] = [("para", lines[0]), ("para", lines[1])]
    day = start
    per_programme = 5 if style == "month" else len(items)
    for k, (title, paragraphs) in enumerate(items):
        if k % 4 == 3:
            # Every fourth item carries a numbered list, as instructions in scripts do.
            paragraphs = [paragraphs[0], *LIST_LINES, *paragraphs[1:]]
        if k % per_programme == 0:
            if k:
                day += timedelta(days=7)
                lines.append(SIGN_OFF)
                blocks.append(("para", SIGN_OFF))
            heading = (f"CHƯƠNG TRÌNH PHÁT THANH NGÀY {day.day}/{day.month}/{day.year}" if style == "month"
                       else f"Chương trình phát thanh ngày {day.day}/{day.month}/{day.year}")
            lines += [heading, "Kính thưa quý vị và các bạn, mời quý vị theo dõi chương trình."]
            blocks += [("para", heading), ("para", "Kính thưa quý vị và các bạn.")]
        number = k % per_programme + 1
        if style in ("marker",):
            head = f"Tin {number}: {title}" if k % 3 else f"Bài: {title}"
        elif style in ("numbered", "month"):
            head = f"{number}. {title}"
        else:
            head = title
        lines.append(head)
        lines.extend(paragraphs)
        blocks.append(("heading" if style == "heading" else "bold" if style == "bold" else "para", head))
        blocks.extend(("para", p) for p in paragraphs)
        expected.append((title, day.isoformat(), " ".join(" ".join(paragraphs).split())))
    lines.append(SIGN_OFF)
    blocks.append(("para", SIGN_OFF))
    name = f"ban-tin-{index:03d}-{style}-{encoding}"
    if fmt == "txt":
        path = write_txt(folder / f"{name}.txt", "\n".join(lines) + "\n", encoding)
    elif fmt == "docx":
        path = write_docx(folder / f"{name}.docx", blocks)
    else:
        path = write_pdf(folder / f"{name}.pdf", lines)
    return path, expected


def score(db, path: Path, expected, lowercase: bool) -> tuple[int, int]:
    """(items right, max(expected, found)) for one file."""
    rows = list(db.query("SELECT title, published_at, text FROM articles WHERE source_file LIKE ? "
                         "ORDER BY source_position", [f"{path.name}#%"]))
    found = [(r["title"], r["published_at"][:10], " ".join(r["text"].split())) for r in rows]

    def key(item):
        return tuple(s.lower() for s in item) if lowercase else item

    right = sum(1 for a, b in zip(expected, found, strict=False) if key(a) == key(b))
    if SHOW_ERRORS and right < max(len(expected), len(found)):
        for a, b in zip(expected, found, strict=False):
            if key(a) != key(b):
                print(f"  {path.name}: expected {a[0][:60]!r} {a[1]} {a[2][:40]!r}...{a[2][-30:]!r}\n"
                      f"  {' ' * len(path.name)}  found    {b[0][:60]!r} {b[1]} {b[2][:40]!r}...{b[2][-30:]!r}")
                break
        if len(expected) != len(found):
            print(f"  {path.name}: {len(expected)} items written, {len(found)} found")
    return right, max(len(expected), len(found))


SHOW_ERRORS = False


def run(files, audit: bool, workdir: Path) -> tuple[float, float, object]:
    db_path = workdir / f"bench-{'audit' if audit else 'noaudit'}.db"
    db = open_db(db_path)
    db["outlets"].insert({"id": "xa-bench", "name": "Đài truyền thanh xã (bench)", "kind": "commune_radio"},
                         replace=True)
    options = IngestOptions(outlet_id="xa-bench", audit=audit)
    if audit:
        from auditor.audit import default_auditor

        default_auditor()  # load rules and model before the clock starts, as a long run would
    started, cpu_started = time.perf_counter(), time.process_time()
    for path, _ in files:
        try:
            ingest_file(db, path, options)
        except IngestError as exc:  # counted as wrong by the accuracy, shown here
            print(f"  error: {exc}")
    return time.perf_counter() - started, time.process_time() - cpu_started, db


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--per-file", type=int, default=20)
    parser.add_argument("--keep", type=Path, default=None, help="keep the generated files in this folder")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--show-errors", action="store_true", help="print the first wrong item of each file")
    args = parser.parse_args()
    global SHOW_ERRORS
    SHOW_ERRORS = args.show_errors

    rng = random.Random(args.seed)
    items = load_items(args.items, rng)
    workdir = Path(tempfile.mkdtemp(prefix="ingest-bench-"))
    folder = args.keep or workdir / "files"
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    start = date(2024, 1, 2)
    for index, offset in enumerate(range(0, len(items), args.per_file)):
        layout = LAYOUTS[index % len(LAYOUTS)]
        files.append((*write_file(folder, index, layout, items[offset:offset + args.per_file], start), layout))
        start += timedelta(days=3)
    source = "baomoi (shared/corpus)" if BAOMOI.exists() else "built-in sentences"
    chars = sum(len(body) for _, expected, _ in files for _, _, body in expected)
    print(f"{len(items)} items ({chars / len(items):.0f} characters each on average, from {source}) "
          f"in {len(files)} files")

    try:
        plain_time, plain_cpu, plain_db = run([(p, e) for p, e, _ in files], False, workdir)
        audit_time, audit_cpu, audit_db = run([(p, e) for p, e, _ in files], True, workdir)
        per_layout: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for path, expected, layout in files:
            right, total = score(plain_db, path, expected, lowercase=layout[1] == "tcvn3")
            per_layout["/".join(layout)][0] += right
            per_layout["/".join(layout)][1] += total
        right = sum(v[0] for v in per_layout.values())
        total = sum(v[1] for v in per_layout.values())
        # CPU time beside wall time: the machine is shared, and CPU time says what ingest itself costs.
        print(f"ingest without audit: {plain_time:6.2f} s wall, {plain_cpu:6.2f} s CPU  "
              f"({len(items) / plain_time:,.0f} items/s)")
        print(f"ingest with audit:    {audit_time:6.2f} s wall, {audit_cpu:6.2f} s CPU  "
              f"({len(items) / audit_time:,.0f} items/s)  target < 30 s: {'ok' if audit_time < 30 else 'MISSED'}")
        print(f"split accuracy: {right}/{total} = {right / total:.3f}  target >= 0.98: "
              f"{'ok' if right / total >= 0.98 else 'MISSED'}")
        for name, (r, t) in sorted(per_layout.items()):
            print(f"  {name:28s} {r:4d}/{t:<4d} {r / t:.3f}")
        print(f"articles stored: {plain_db['articles'].count} (no audit), {audit_db['articles'].count} "
              f"(audit, {audit_db['audits'].count} audits)")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
