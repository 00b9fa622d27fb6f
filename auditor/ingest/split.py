"""Split a broadcast document into items, each with its heading and broadcast date.

A commune-radio file is usually one programme ("Chương trình phát thanh ngày 12/3/2024") with several
parts ("Tin: ...", "Bài: ...", "1. ...", a bold or Heading-styled title), or a month of programmes,
each under its own dated heading. The splitter reads the blocks top to bottom:

* a **programme heading** (a short line with a date and a word like "chương trình", "bản tin", or a
  line that is only a date, "Thứ Ba, ngày 12/3/2024") sets the broadcast date of what follows;
* **item headings** start an item. Of the kinds found in the file, the most explicit wins, so that a
  bold sentence inside a "Tin:" bulletin does not split it: markers ("Tin:", "Bài 2:", "Phóng sự:")
  and Word heading styles first; then numbered titles ("1. ...", "II. ...") counting up from 1; then
  whole-bold paragraphs; then short ALL-CAPS lines;
* lines before the first item of a programme (greetings, the outlet's letterhead) are its preamble:
  not an item, but counted, and a dated "Xã X, ngày 15 tháng 3 năm 2024" there dates the file;
* a file with no item headings is one item (a transcript, a single script).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from auditor.ingest.readers import Block

__all__ = ["Item", "SplitResult", "split_items", "find_date"]


@dataclass
class Item:
    position: int  # 0-based order in the file
    title: str
    body: str
    broadcast_date: date | None
    programme: str = ""  # the programme heading the item falls under
    marker: str = ""  # "Tin", "Bài", "1", "heading", "bold", "caps", "whole"


@dataclass
class SplitResult:
    items: list[Item] = field(default_factory=list)
    preamble_lines: int = 0  # lines before the first item of a programme and sign-offs, not stored
    empty_items: list[str] = field(default_factory=list)  # headings with no body, not stored
    scheme: str = ""  # which heading kind split the file
    file_date: date | None = None  # a date found in the letterhead


# --- dates --------------------------------------------------------------------------------------

_DATE_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})(?!\d)")
_DATE_WORDS = re.compile(r"(?<!\d)(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:,|\s)\s*năm\s+(\d{4})", re.IGNORECASE)


def find_date(text: str) -> tuple[date, re.Match[str]] | None:
    """The first valid day-month-year date in ``text`` ("12/3/2024", "12-03-2024", "12 tháng 3 năm 2024")."""
    matches = sorted([*_DATE_NUMERIC.finditer(text), *_DATE_WORDS.finditer(text)], key=lambda m: m.start())
    for m in matches:
        day, month, year = (int(g) for g in m.groups())
        if not 1990 <= year <= 2100:
            continue
        try:
            return date(year, month, day), m
        except ValueError:
            continue
    return None


_PROGRAMME_WORDS = re.compile(
    r"chương\s+trình|bản\s+tin|phát\s+thanh|truyền\s+thanh|tiếp\s+sóng|buổi\s+phát|thời\s+sự|"
    r"phát\s+sóng|lịch\s+phát", re.IGNORECASE)
_WEEKDAY = r"(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|chủ\s+nhật|cn)"
# A line that is only a date, with an optional weekday, "ngày", session ("sáng", "chiều") and hour.
_DATE_ONLY = re.compile(
    rf"^[\W_]*(?:{_WEEKDAY}[\s,\-–]*)?(?:buổi\s+)?(?:sáng|trưa|chiều|tối)?[\s,\-–]*(?:ngày\s*)?"
    r"(?:\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s*,?\s*năm\s+\d{4})"
    r"[\s,\-–]*(?:\(?\s*(?:lúc\s*)?\d{1,2}\s*(?:h|giờ|:)\s*\d{0,2}\s*\)?)?[\W_]*$",
    re.IGNORECASE)
# "Xã Tân Yên, ngày 15 tháng 3 năm 2024": the date a document was signed, in its letterhead.
_PLACE_DATE = re.compile(r"^[^\d,]{2,60},\s*ngày\s+\d", re.IGNORECASE)
_PROGRAMME_MAX = 160
_CLOSING = re.compile(
    r"đến\s+đây\s+(?:là\s+)?(?:tạm\s+)?(?:kết\s+thúc|xin\s+tạm\s+dừng)|xin\s+chào\s+và\s+hẹn\s+gặp\s+lại|"
    r"cảm\s+ơn\s+(?:quý\s+vị|bà\s+con)[^.]{0,30}đã\s+(?:theo\s+dõi|lắng\s+nghe)", re.IGNORECASE)


def _programme_date(text: str) -> date | None:
    if len(text) > _PROGRAMME_MAX or _MARKER.match(text):
        return None  # "Tin: Xổ số ngày 6/2/2017" is an item about a date, not a programme
    numbered = _NUMBERED.match(text)
    if numbered and not _PROGRAMME_WORDS.match(numbered.group("rest")):
        return None
    found = find_date(text)
    if found is None:
        return None
    if _DATE_ONLY.match(text):
        return found[0]
    if _PROGRAMME_WORDS.search(text) and not _PLACE_DATE.match(text):
        return found[0]
    return None


# --- item headings ------------------------------------------------------------------------------

_MARKER = re.compile(
    r"^\s*(?:\d{1,2}\s*[.)]\s*)?"
    r"(?P<marker>tin\s+vắn|tin\s+ngắn|tin|bài\s+viết|bài|phóng\s+sự|chuyên\s+mục|chuyên\s+đề|tiểu\s+phẩm|"
    r"gương\s+điển\s+hình|gương\s+sáng|câu\s+chuyện|ghi\s+nhận|ký\s+sự|tọa\s+đàm|toạ\s+đàm|"
    r"phỏng\s+vấn|bản\s+tin)"
    r"(?:\s+(?:số\s*)?\d{1,3})?\s*[:：\-–—]\s*(?P<rest>.*)$",
    re.IGNORECASE)
_NUMBERED = re.compile(r"^\s*(?P<num>\d{1,2}|[IVX]{1,5})\s*[.)]\s+(?P<rest>\S.*)$")
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10,
          "XI": 11, "XII": 12, "XIII": 13, "XIV": 14, "XV": 15}
_TITLE_MAX = 200


def _is_title_like(text: str) -> bool:
    """A heading is short, starts with a capital or quote and does not end like a list entry."""
    text = text.strip()
    return (0 < len(text) <= _TITLE_MAX and not text.endswith((";", ","))
            and (text[0].isupper() or text[0].isdigit() or text[0] in "\"“«'("))


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return (len(text) <= 150 and len(text.split()) >= 3 and len(letters) >= 8
            and sum(c.isupper() for c in letters) / len(letters) >= 0.9)


@dataclass
class _Line:
    index: int
    text: str
    kind: str


def _number_of(text: str) -> int | None:
    """The number of a numbered line ("3. ...", "IV) ..."), else None."""
    m = _NUMBERED.match(text)
    if not m:
        return None
    num = m.group("num")
    return int(num) if num.isdigit() else _ROMAN.get(num)


def _candidates(lines: list[_Line], programme_at: set[int]) -> dict[str, list[int]]:
    """Line indexes that could start an item, by heading kind."""
    found: dict[str, list[int]] = {"marker": [], "heading": [], "numbered": [], "bold": [], "caps": []}
    expected = 1
    first_programme = min(programme_at, default=-1)
    for position, line in enumerate(lines):
        if line.index in programme_at:
            expected = 1  # numbering restarts with each programme
            continue
        if _MARKER.match(line.text):
            found["marker"].append(line.index)
        if line.kind == "heading" and len(line.text) <= _TITLE_MAX:
            found["heading"].append(line.index)
        value = _number_of(line.text)
        # One missed heading (value == expected + 1) must not stop the count for the rest of the file.
        if value in (expected, expected + 1) and _is_title_like(_NUMBERED.match(line.text).group("rest")):
            # A numbered line next to the number before or after it ("1. A" / "2. B") belongs to a list
            # or a table of contents, not a heading with its text: skipping it keeps the count right.
            following = lines[position + 1].text if position + 1 < len(lines) else ""
            previous = lines[position - 1].text if position else ""
            if _number_of(following) != value + 1 and (value == 1 or _number_of(previous) != value - 1):
                found["numbered"].append(line.index)
                expected = value + 1
        if line.kind == "bold" and len(line.text) <= _TITLE_MAX:
            found["bold"].append(line.index)
        # Caps lines above the first programme heading are the letterhead, not items.
        if _is_caps(line.text) and not _PROGRAMME_WORDS.search(line.text) and line.index > first_programme:
            found["caps"].append(line.index)
    return found


def _choose_scheme(found: dict[str, list[int]]) -> tuple[str, set[int]]:
    strong = set(found["marker"]) | set(found["heading"])
    if strong:
        return ("marker" if found["marker"] else "heading"), strong
    if len(found["numbered"]) >= 2:
        return "numbered", set(found["numbered"])
    for kind in ("bold", "caps"):
        if found[kind]:
            return kind, set(found[kind])
    return "whole", set()


def _title_and_marker(text: str, scheme: str) -> tuple[str, str, str]:
    """(title, marker, body text on the heading line) for a heading line."""
    m = _MARKER.match(text)
    if m:
        marker = " ".join(m.group("marker").split()).capitalize()
        rest = m.group("rest").strip()
        if len(rest) > _TITLE_MAX:  # the body starts on the heading line
            first = re.split(r"(?<=[.!?])\s", rest, maxsplit=1)[0]
            return first[:_TITLE_MAX], marker, rest
        return rest, marker, ""
    m = _NUMBERED.match(text)
    if m and scheme == "numbered":
        return m.group("rest").strip(), m.group("num"), ""
    return text.strip(), scheme, ""


_SENTENCE_END = re.compile(r"[.!?…:;\"”»)]$")


def _join_body(lines: list[str]) -> str:
    return "\n".join(lines).strip()


def _reflow(blocks: list[Block]) -> list[Block]:
    """Join PDF lines wrapped at the page width back into paragraphs.

    A line as long as the page's full lines (90th percentile of lengths) continues on the next one;
    a shorter line ends its paragraph, so headings and the last lines of paragraphs stay apart.
    """
    lengths = sorted(len(b.text) for b in blocks)
    if not lengths:
        return blocks
    full = 0.85 * lengths[int(len(lengths) * 0.9)]
    out: list[Block] = []
    continues = heading_before = False
    for block in blocks:
        text = block.text
        starts_heading = bool(_MARKER.match(text) or _NUMBERED.match(text) or _programme_date(text))
        hyphen_break = bool(out and re.search(r"\w-$", out[-1].text))
        if continues and out and not starts_heading and (hyphen_break or not (heading_before and text[:1].isupper())):
            # Always with a space: a line ending in "-" is as often "Hà Nội- Ngày" as "Fourth-Generation".
            out[-1] = Block(f"{out[-1].text} {text}", out[-1].kind)
        else:
            out.append(Block(text, block.kind))
            # A full-width heading continues only on a lowercase line: the rest of a wrapped title.
            heading_before = starts_heading
        continues = (len(text) >= full and not _PARAGRAPH_END.search(text)) or bool(re.search(r"\w-$", text))
    return out


_PARAGRAPH_END = re.compile(r"[.!?…:\"”»]$")


# --- reports: a table listing the items aired ("STT | Ngày phát | Tên tin, bài | Thể loại") --------

_DATE_COLUMN = re.compile(r"ngày|thời\s+gian|thời\s+điểm|date", re.IGNORECASE)
_TITLE_COLUMN = re.compile(r"tên|tiêu\s+đề|nội\s+dung|tin\s*,?\s*bài|title", re.IGNORECASE)
_NUMBER_COLUMN = re.compile(r"^(stt|tt|số\s+tt|số\s+thứ\s+tự|no\.?)$", re.IGNORECASE)


def _report_columns(cells: list[str]) -> tuple[int, int] | None:
    """(date column, title column) when ``cells`` is the header row of a list of items."""
    date_col = next((i for i, c in enumerate(cells) if c and len(c) <= 40 and _DATE_COLUMN.search(c)), None)
    title_col = next((i for i, c in enumerate(cells)
                      if c and len(c) <= 60 and i != date_col and _TITLE_COLUMN.search(c)), None)
    if date_col is None or title_col is None:
        return None
    return date_col, title_col


def _report_items(blocks: list[Block], default_date: date | None) -> SplitResult | None:
    """Items listed in report tables, one per row with a title; None when the file has no such table."""
    result = SplitResult(scheme="report")
    header: list[str] | None = None
    columns: tuple[int, int] | None = None
    for block in blocks:
        if block.kind != "table" or not block.cells:
            header = columns = None  # a table ends at the first block that is not one of its rows
            if block.text.strip():
                result.preamble_lines += 1
            continue
        cells = block.cells
        found = _report_columns(cells) if columns is None else None
        if found is not None:
            header, columns = cells, found
            continue
        if columns is None or header is None:
            result.preamble_lines += 1
            continue
        date_col, title_col = columns
        title = cells[title_col] if title_col < len(cells) else ""
        if not title:
            continue
        when = find_date(cells[date_col]) if date_col < len(cells) else None
        details = [f"{header[i] or 'Cột ' + str(i + 1)}: {value}" for i, value in enumerate(cells)
                   if value and i not in (date_col, title_col) and i < len(header)
                   and not _NUMBER_COLUMN.match(header[i] or "") and value != title]
        result.items.append(Item(len(result.items), title, "\n".join([title, *details]),
                                 when[0] if when else default_date, "", "report"))
    return result if result.items else None


def split_items(blocks: list[Block], *, default_date: date | None = None, reflow: bool = False,
                title_fallback: str = "") -> SplitResult:
    """Split ``blocks`` into items. ``default_date`` dates items before any dated heading.

    A file holding a report table (a header row with a date column and a title column) yields one
    item per row of that table instead: an agency's list of the items it aired.
    """
    result = _split_text(blocks, default_date=default_date, reflow=reflow, title_fallback=title_fallback)
    report = _report_items(blocks, default_date)
    # A schedule table inside a script must not swallow the script: the report wins only over weak
    # headings or when it lists more items than the text has.
    if report is not None and (result.scheme in ("whole", "bold", "caps") or len(report.items) > len(result.items)):
        return report
    return result


def _whole_items(result: SplitResult, lines: list[_Line], programme_dates: dict[int, date],
                 title_fallback: str) -> list[_Line]:
    """Fill ``result`` with one item per programme (or one for the file); return the preamble lines."""
    groups: list[tuple[_Line | None, list[str]]] = [(None, [])]
    for line in lines:
        if line.index in programme_dates:
            groups.append((line, []))
        else:
            groups[-1][1].append(line.text)
    preamble: list[_Line] = []
    if len(groups) > 1:
        # Lines above the first programme heading are its letterhead, as in a split file.
        preamble = [line for line in lines if line.index < groups[1][0].index]  # type: ignore[union-attr]
        groups = groups[1:]
    for heading, texts in groups:
        if not texts:
            continue
        # A first line that reads as a heading (short, no closing full stop) is the title; a transcript
        # starts straight with speech, so its title is the programme heading or the file name.
        first_is_title = len(texts) > 1 and len(texts[0]) <= 120 and not texts[0].endswith((".", "!", "?", "…"))
        title = texts[0] if first_is_title else (heading.text if heading else title_fallback)
        body = _join_body(texts[1:] if first_is_title else texts)
        day = programme_dates[heading.index] if heading else None
        result.items.append(Item(len(result.items), title, body, day, heading.text if heading else "", "whole"))
    return preamble


def _split_text(blocks: list[Block], *, default_date: date | None, reflow: bool,
                title_fallback: str) -> SplitResult:
    texts = [b for b in blocks if b.text.strip()]
    if reflow:
        texts = _reflow(texts)
    lines = [_Line(i, b.text, b.kind) for i, b in enumerate(texts)]
    programme_dates: dict[int, date] = {}
    for line in lines:
        found = _programme_date(line.text)
        if found is not None:
            programme_dates[line.index] = found
    scheme, starts = _choose_scheme(_candidates(lines, set(programme_dates)))
    result = SplitResult(scheme=scheme)

    current_date: date | None = None
    programme = ""
    pending_programme_title = ""
    open_item: dict | None = None
    preamble: list[_Line] = []
    position = 0

    def close() -> None:
        nonlocal open_item, position
        if open_item is None:
            return
        body = _join_body(open_item["body"])
        title = open_item["title"]
        if not title and open_item["body"]:
            # "Tin:" alone on its line: the next short line is the title.
            first = open_item["body"][0]
            if len(first) <= _TITLE_MAX and len(open_item["body"]) > 1:
                title = first
                body = _join_body(open_item["body"][1:])
        if not body:
            result.empty_items.append(title or open_item["marker"])
        else:
            result.items.append(Item(position, title or open_item["marker"], body, open_item["date"],
                                     open_item["programme"], open_item["marker"]))
            position += 1
        open_item = None

    for line in lines:
        if line.index in programme_dates:
            close()
            current_date = programme_dates[line.index]
            programme = f"{pending_programme_title} {line.text}".strip() if pending_programme_title else line.text
            pending_programme_title = ""
            continue
        if line.index in starts:
            close()
            pending_programme_title = ""
            title, marker, body_start = _title_and_marker(line.text, scheme)
            open_item = {"title": title, "marker": marker,
                         "body": [body_start] if body_start else [],
                         "date": current_date, "programme": programme}
            continue
        if _CLOSING.search(line.text) and len(line.text) <= _PROGRAMME_MAX:
            # "Chương trình đến đây là kết thúc...": the programme's sign-off belongs to no item.
            close()
            preamble.append(line)
            continue
        if open_item is not None:
            open_item["body"].append(line.text)
            continue
        # Before the first item of a programme: letterhead, greetings, a programme title without date.
        if (_PROGRAMME_WORDS.search(line.text) and len(line.text) <= _PROGRAMME_MAX
                and not _SENTENCE_END.search(line.text)):
            pending_programme_title = line.text
        if result.file_date is None and _PLACE_DATE.match(line.text):
            found = find_date(line.text)
            result.file_date = found[0] if found else None
        preamble.append(line)
    close()

    if not result.items:
        # No item headings (or only headings without text): each dated programme is one item, or,
        # without programme headings, the whole file.
        result.scheme, result.empty_items = "whole", []
        preamble = _whole_items(result, lines, programme_dates, title_fallback)
    result.preamble_lines = len(preamble)
    fallback = default_date or result.file_date
    for item in result.items:
        if item.broadcast_date is None:
            item.broadcast_date = fallback
    return result
