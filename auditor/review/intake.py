"""Turn what a user pastes or uploads into draft text, or say clearly (in Vietnamese) why not.

Accepted: plain text in UTF-8 (with or without BOM), UTF-16 with a BOM, Windows-1258, TCVN3 (ABC) or
VNI (the legacy Vietnamese encodings, detected by the ingest stage's decoder), and Word .docx
(legacy-font text in it converted too). Everything else gets an :class:`IntakeError` whose ``status``
is the HTTP status the web app answers with (400 bad, 413 too large, 415 unsupported, 422 unusable).
"""

from __future__ import annotations

import codecs
import io
import unicodedata
import zipfile
from pathlib import PurePath

from auditor.errors import IngestError, InputError
from auditor.ingest.legacy import decode_bytes, repair_legacy_text

__all__ = [
    "IntakeError",
    "MAX_UPLOAD_BYTES",
    "MAX_TEXT_CHARS",
    "decode_draft",
    "check_text",
    "draft_from_upload",
]

# A long news feature is ~30,000 characters; a .docx with a few photos is a few MB.
MAX_UPLOAD_BYTES = 4 * 1024 * 1024
MAX_TEXT_CHARS = 200_000
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
DOCX_SUFFIXES = {".docx"}


class IntakeError(InputError):
    """A draft that cannot be checked; ``status`` is the HTTP status to answer with."""

    def __init__(self, message: str, status: int = 422) -> None:
        self.status = status
        super().__init__(message)


def _too_large(size_desc: str) -> IntakeError:
    return IntakeError(
        f"Bản thảo quá lớn ({size_desc}). Giới hạn là {MAX_UPLOAD_BYTES // (1024 * 1024)} MB "
        f"và {MAX_TEXT_CHARS:,} ký tự; hãy tách bài thành nhiều phần.".replace(",", "."),
        status=413,
    )


def check_text(text: str) -> str:
    """Validate already-decoded text (from a form field or JSON); return it with newlines unified."""
    if not isinstance(text, str) or not text.strip():
        raise IntakeError("Bản thảo trống: hãy dán nội dung hoặc chọn một tệp .txt/.docx.", status=422)
    if len(text) > MAX_TEXT_CHARS:
        raise _too_large(f"{len(text):,} ký tự".replace(",", "."))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\t")
    if "\x00" in text or controls > max(3, len(text) // 200):
        raise IntakeError(
            "Nội dung có vẻ là dữ liệu nhị phân, không phải văn bản. Hãy dán văn bản hoặc tải tệp .txt/.docx.",
            status=422,
        )
    return text


_VIETNAMESE_MARKS = set("\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b")
_TYPOGRAPHIC = set("‘’“”–—…•°€«»")


def _vietnamese_letter(ch: str) -> bool:
    parts = unicodedata.normalize("NFD", ch)
    return (parts[0].isascii() or parts[0] in "đĐ") and all(m in _VIETNAMESE_MARKS for m in parts[1:])


def _plausible(text: str) -> bool:
    """True when text decoded as Windows-1258 reads as Vietnamese (or English) prose.

    Any byte string decodes as cp1258, so a Shift-JIS or KOI8 file would come out as "ƒeƒLƒX";
    prose has no control characters and almost no letters outside the Vietnamese alphabet.
    """
    if not text.strip():
        return False
    odd = 0
    for ch in text:
        if ch.isascii():
            if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\x0b\x0c":
                return False
        elif unicodedata.combining(ch):
            if ch not in _VIETNAMESE_MARKS:
                odd += 1
        elif not (ch.isalpha() and _vietnamese_letter(ch)) and ch not in _TYPOGRAPHIC:
            odd += 1
    return odd <= len(text) // 100


def decode_draft(data: bytes) -> str:
    """Decode text bytes: BOM-marked UTF-8/UTF-16, UTF-8, Windows-1258, TCVN3 or VNI (the same
    detection as `auditor ingest`), then a lenient Windows-1258 read for short texts the detector will
    not decide on; else an IntakeError."""
    if b"\x00" not in data or data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return decode_bytes(data).text
        except IngestError:
            pass  # too short to tell, or no encoding fits: the checks below give the user's message
    if data.startswith(codecs.BOM_UTF8):
        encodings = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ["utf-16"]
    else:
        if b"\x00" in data:
            raise IntakeError(
                "Tệp là dữ liệu nhị phân, không phải văn bản. Hãy tải tệp .txt (UTF-8) hoặc .docx.",
                status=415,
            )
        encodings = ["utf-8", "cp1258"]
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding != "cp1258":
            return text
        # cp1258 decodes almost any byte string, so accept it only when the result reads as prose;
        # it writes tones as combining marks: compose them so offsets match what users see.
        text = unicodedata.normalize("NFC", text)
        if _plausible(text):
            return text
    raise IntakeError(
        "Không nhận ra bảng mã của tệp (đã thử UTF-8, UTF-16, Windows-1258). "
        "Hãy mở tệp và lưu lại dưới dạng UTF-8 rồi thử lại.",
        status=415,
    )


def _docx_text(data: bytes) -> str:
    import docx  # python-docx; imported here so the terminal check of a .txt does not pay for it

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise IntakeError(f"Tệp .docx bị hỏng hoặc không phải tài liệu Word ({exc.__class__.__name__}).",
                          status=415) from exc
    except Exception as exc:  # python-docx raises its own types for odd packages; never crash a request
        raise IntakeError("Không đọc được tệp .docx này. Hãy lưu lại bằng Word rồi thử lại.",
                          status=415) from exc
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    text = "\n".join(parts)
    repaired = repair_legacy_text(text)  # TCVN3/VNI typed with legacy fonts ("B¶o Th¾ng")
    return repaired.text if repaired else text


def draft_from_upload(data: bytes, filename: str | None) -> str:
    """The text of an uploaded file (.txt or .docx), validated with :func:`check_text`."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise _too_large(f"trên {MAX_UPLOAD_BYTES // (1024 * 1024)} MB")  # callers read at most limit + 1
    if not data:
        raise IntakeError("Tệp trống (0 byte).", status=422)
    suffix = PurePath(filename or "").suffix.lower()
    is_zip = data.startswith(b"PK\x03\x04")
    if suffix in DOCX_SUFFIXES or (is_zip and suffix in TEXT_SUFFIXES - {".txt", ".md", ".text"}):
        text = _docx_text(data)
    elif suffix == ".doc":
        raise IntakeError("Định dạng .doc (Word 97-2003) chưa được hỗ trợ: hãy lưu thành .docx.", status=415)
    elif suffix not in TEXT_SUFFIXES:
        raise IntakeError(f"Không hỗ trợ tệp '{suffix}': chỉ nhận .txt hoặc .docx.", status=415)
    elif is_zip:
        raise IntakeError("Tệp là dữ liệu nén (zip), không phải văn bản: chỉ nhận .txt hoặc .docx.",
                          status=415)
    else:
        text = decode_draft(data)
    return check_text(text)
