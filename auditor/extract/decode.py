"""Bytes of an HTML page -> str, for Vietnamese pages whose labels often lie.

Order: a byte-order mark; the charset a ``<meta>`` tag declares (windows-1258 and other legacy
code pages are still served); but bytes that are valid UTF-8 with non-ASCII text are UTF-8 whatever
the label says (mislabelled UTF-8 is common, valid UTF-8 by accident is not); else
charset-normalizer's guess. Binary payloads (PDF, images, archives, NUL bytes) are refused.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from auditor.errors import ExtractError

__all__ = ["decode_html", "looks_binary"]

_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)
_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"Rar!",
                 b"7z\xbc\xaf", b"RIFF", b"\x00\x00\x01\x00", b"OggS", b"fLaC")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def looks_binary(head: bytes | str) -> bool:
    """True for data that is not text: a known binary signature or NUL/control bytes."""
    if isinstance(head, str):
        sample = head[:4096]
        controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
        return "\x00" in sample or controls > max(8, len(sample) // 50)
    sample = head[:4096]
    if sample.startswith(_BINARY_MAGIC) and not sample.lstrip().startswith(b"<"):
        return True
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return b"\x00" in sample or controls > max(8, len(sample) // 50)


def _codec(name: str) -> str | None:
    try:
        return codecs.lookup(name.decode("ascii", "ignore") if isinstance(name, bytes) else name).name
    except LookupError:
        return None


def decode_html(data: bytes) -> tuple[str, str]:
    """Return (text, encoding used). Raises ExtractError for binary or undecodable data."""
    if looks_binary(data):
        raise ExtractError("dữ liệu nhị phân, không phải trang HTML (binary data, not an HTML page)")
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name
    declared = None
    match = _META_CHARSET_RE.search(data[:8192])
    if match:
        declared = _codec(match.group(1))
    try:
        text = data.decode("utf-8")
        if declared in (None, "utf-8") or not text.isascii():
            return text, "utf-8"
    except UnicodeDecodeError:
        pass
    if declared and declared != "utf-8":
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass
    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        return data.decode(best.encoding, errors="replace"), best.encoding
    if declared:
        return data.decode(declared, errors="replace"), declared
    return data.decode("utf-8", errors="replace"), "utf-8"
