"""Read a document (.txt, .docx, .pdf) into a list of text blocks, refusing what cannot be read.

Every failure is an :class:`IngestError` naming the file, raised before anything is stored: a file
that is empty, too large (checked on its size before reading), of another type than its extension
says (a PNG renamed .docx), encrypted, a PDF without a text layer, or text in no encoding we can tell.
"""

from __future__ import annotations

import hashlib
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from auditor.errors import IngestError
from auditor.ingest.legacy import decode_bytes, repair_legacy_text, vietnamese_score

__all__ = ["Block", "Document", "read_document", "DEFAULT_MAX_BYTES", "SUPPORTED_SUFFIXES"]

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
SUPPORTED_SUFFIXES = (".txt", ".docx", ".pdf", ".xlsx")

BlockKind = Literal["para", "heading", "bold", "table"]


@dataclass
class Block:
    """One paragraph (a line of a .txt file, a paragraph or table row of a .docx, a line of a PDF)."""

    text: str
    kind: BlockKind = "para"
    cells: list[str] | None = None  # a table row's cells (docx table, spreadsheet row)


@dataclass
class Document:
    path: Path
    sha256: str
    format: str  # txt | docx | pdf
    encoding: str  # how the text was decoded ("utf-8", "tcvn3", "docx", "docx+vni", ...)
    blocks: list[Block] = field(default_factory=list)


# Magic numbers of the files most often mislabelled, to say what a file really is.
_MAGIC = [
    (b"\x89PNG\r\n\x1a\n", "ảnh PNG"),
    (b"\xff\xd8\xff", "ảnh JPEG"),
    (b"GIF8", "ảnh GIF"),
    (b"%PDF-", "tệp PDF"),
    (b"PK\x03\x04", "tệp nén ZIP (docx/xlsx/...)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "tệp Word .doc đời cũ (OLE)"),
    (b"{\\rtf", "tệp RTF"),
    (b"ID3", "tệp âm thanh MP3"),
    (b"RIFF", "tệp âm thanh/hình RIFF (WAV/AVI)"),
]


def _sniff(head: bytes) -> str | None:
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    return None


def read_document(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES,
                  encoding: str | None = None) -> Document:
    """Read ``path`` into blocks. ``encoding`` forces the decoding of a .txt file."""
    path = Path(path)
    name = str(path)
    if not path.is_file():
        raise IngestError("không tìm thấy tệp", path=name)
    size = path.stat().st_size
    if size == 0:
        raise IngestError("tệp rỗng (0 byte)", path=name)
    if size > max_bytes:
        raise IngestError(
            f"tệp quá lớn: {size / 1024 / 1024:.1f} MB, giới hạn {max_bytes / 1024 / 1024:.0f} MB "
            "(đổi bằng --max-size)", path=name)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise IngestError(f"không hỗ trợ định dạng '{suffix or '(không đuôi)'}': chỉ nhận "
                          + ", ".join(SUPPORTED_SUFFIXES), path=name)
    data = path.read_bytes()
    sha256 = hashlib.sha256(data).hexdigest()
    found = _sniff(data[:16])
    if suffix == ".txt":
        if found:
            raise IngestError(f"tệp .txt nhưng nội dung là {found}: hãy mở bằng Word rồi lưu thành .docx "
                              "hoặc văn bản thuần (.txt)", path=name)
        decoded = decode_bytes(data, encoding=encoding, path=name)
        blocks = [Block(line) for line in decoded.text.splitlines()]
        doc = Document(path, sha256, "txt", decoded.encoding, blocks)
    elif suffix in (".docx", ".xlsx"):
        if data.startswith(b"\xd0\xcf\x11\xe0"):
            # Office keeps a password-protected .docx/.xlsx in an OLE container, like the old formats.
            raise IngestError(f"tệp {suffix} được đặt mật khẩu (hoặc là tệp Office đời cũ đổi tên): hãy gỡ mật "
                              f"khẩu hoặc mở bằng Word/Excel rồi lưu lại thành {suffix}", path=name)
        if not data.startswith(b"PK\x03\x04"):
            what = "tài liệu Word" if suffix == ".docx" else "bảng tính Excel"
            raise IngestError(f"tệp {suffix} nhưng nội dung là {found or 'không phải ' + what}", path=name)
        _check_unpacked_size(data, max_bytes, name)
        if suffix == ".docx":
            doc = Document(path, sha256, "docx", "docx", _read_docx(data, name))
        else:
            doc = Document(path, sha256, "xlsx", "xlsx", _read_xlsx(data, name))
    else:
        if b"%PDF-" not in data[:1024]:
            raise IngestError(f"tệp .pdf nhưng nội dung là {found or 'không phải PDF'}", path=name)
        doc = Document(path, sha256, "pdf", "pdf", _read_pdf(data, name))
    if doc.format != "txt":
        doc.encoding = _repair_blocks(doc)
    doc.blocks = [Block(_clean(b.text), b.kind, [_clean(c) for c in b.cells] if b.cells else None)
                  for b in doc.blocks]
    if not any(b.text for b in doc.blocks):
        raise IngestError("tệp không có nội dung chữ", path=name)
    return doc


def _check_unpacked_size(data: bytes, max_bytes: int, name: str) -> None:
    """Refuse a .docx/.xlsx that would unpack to more than 10x the size cap (a zip bomb)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as exc:
        raise IngestError(f"tệp nén hỏng, không phải tài liệu Office hợp lệ: {exc}", path=name) from exc
    if unpacked > 10 * max_bytes:
        raise IngestError(f"tệp giải nén ra {unpacked / 1024 / 1024:.0f} MB, quá giới hạn "
                          f"{10 * max_bytes / 1024 / 1024:.0f} MB", path=name)


_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]+")


def _clean(text: str) -> str:
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text).replace("\ufeff", "")).strip()


def _repair_blocks(doc: Document) -> str:
    """Convert TCVN3/VNI text stored as Unicode by Word or a PDF: whole document, else per block."""
    joined = "\n".join(b.text for b in doc.blocks)
    whole = repair_legacy_text(joined)
    if whole is None and vietnamese_score(joined)[0] >= 0.9:
        return doc.format  # Unicode text throughout
    if whole is not None:
        lines = whole.text.split("\n")
        for block, line in zip(doc.blocks, lines, strict=True):
            block.text = line
        return f"{doc.format}+{whole.encoding}"
    fixed: set[str] = set()
    for block in doc.blocks:
        repaired = repair_legacy_text(block.text)
        if repaired is not None:
            block.text = repaired.text
            fixed.add(repaired.encoding)
    return doc.format + "".join(f"+{enc}" for enc in sorted(fixed))


# --- docx ---------------------------------------------------------------------------------------

def _read_docx(data: bytes, name: str) -> list[Block]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise IngestError(f"tệp .docx hỏng hoặc không phải tài liệu Word: {exc}", path=name) from exc
    except Exception as exc:  # lxml or zip errors deep inside python-docx
        raise IngestError(f"không đọc được tệp .docx: {type(exc).__name__}: {exc}", path=name) from exc
    styles = {style.style_id: ((style.name or "").lower(), bool(getattr(style, "font", None) and style.font.bold))
              for style in document.styles}
    blocks: list[Block] = []
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            for row in item.rows:
                columns = [" ".join(p.text.strip() for p in cell.paragraphs if p.text.strip())
                           for cell in row.cells]
                shown: list[str] = []
                for text in columns:
                    if text and (not shown or shown[-1] != text):  # merged cells repeat
                        shown.append(text)
                if shown:
                    blocks.append(Block(" | ".join(shown), "table", columns))
            continue
        text = item.text
        if not text.strip():
            continue
        kind = _docx_kind(item, styles)
        for line in text.split("\n"):  # soft line breaks inside one paragraph
            blocks.append(Block(line, kind))
    return blocks


def _docx_kind(paragraph, styles: dict[str, tuple[str, bool]]) -> BlockKind:  # noqa: ANN001 (python-docx)
    # The style id straight from the XML: python-docx's paragraph.style walks all styles each call.
    style_id = paragraph._p.style or ""
    name, style_bold = styles.get(style_id, (style_id.lower(), False))
    if name.startswith("heading") or name in ("title", "subtitle"):
        return "heading"
    runs = [r for r in paragraph.runs if r.text.strip()]
    if runs and all(r.bold or (r.bold is None and style_bold) for r in runs):
        return "bold"
    return "para"


# --- xlsx (agencies' reports listing their items) -----------------------------------------------

def _read_xlsx(data: bytes, name: str) -> list[Block]:
    from datetime import date, datetime

    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 (openpyxl raises zip, XML and key errors alike)
        raise IngestError(f"tệp .xlsx hỏng hoặc không phải bảng tính: {type(exc).__name__}: {exc}",
                          path=name) from exc
    blocks: list[Block] = []
    try:
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows(values_only=True):
                cells = []
                for value in row:
                    if isinstance(value, datetime | date):
                        value = f"{value.day}/{value.month}/{value.year}"
                    cells.append("" if value is None else str(value).strip())
                if any(cells):
                    blocks.append(Block(" | ".join(c for c in cells if c), "table", cells))
            blocks.append(Block("", "para"))  # a sheet ends its table
    finally:
        workbook.close()
    return blocks


# --- pdf ----------------------------------------------------------------------------------------

_PAGE_NUMBER = re.compile(r"^\s*(?:trang\s*)?\d{1,4}(?:\s*/\s*\d{1,4})?\s*$", re.IGNORECASE)


def _read_pdf(data: bytes, name: str) -> list[Block]:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            # Many official PDFs are "encrypted" only against editing, with an empty user password.
            try:
                opened = reader.decrypt("")
            except Exception:  # noqa: BLE001 (unsupported algorithms raise various errors)
                opened = 0
            if not opened:
                raise IngestError("tệp PDF được mã hoá (cần mật khẩu): hãy gỡ mật khẩu rồi nạp lại", path=name)
        pages = [page.extract_text() or "" for page in reader.pages]
    except IngestError:
        raise
    except FileNotDecryptedError as exc:
        raise IngestError("tệp PDF được mã hoá (cần mật khẩu): hãy gỡ mật khẩu rồi nạp lại", path=name) from exc
    except DependencyError as exc:  # AES needs the optional 'cryptography' package
        raise IngestError(f"tệp PDF được mã hoá theo cách chưa đọc được ({exc})", path=name) from exc
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise IngestError(f"tệp PDF hỏng: {exc}", path=name) from exc
    if not any(p.strip() for p in pages):
        raise IngestError(
            f"tệp PDF không có lớp văn bản ({len(pages)} trang, có lẽ là bản scan): cần nhận dạng chữ (OCR) "
            "trước khi nạp", path=name)
    blocks: list[Block] = []
    for page in pages:
        for line in page.splitlines():
            if _PAGE_NUMBER.match(line):
                continue
            blocks.append(Block(line))
    return blocks
