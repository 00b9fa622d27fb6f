"""Bytes of an HTML page -> str, for Vietnamese pages whose labels often lie.

Binary payloads (PDF, images, archives, NUL or control bytes) are refused here; the charset is
chosen by the crawler's decoder (BOM, valid UTF-8 whatever the label, the declared charset,
windows-1258 recognised under a Latin-1 label, charset-normalizer): see
:mod:`auditor.crawl.decoding`.
"""

from __future__ import annotations

import codecs

from auditor.crawl.decoding import decode_text
from auditor.errors import ExtractError

__all__ = ["decode_html", "looks_binary"]

_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"Rar!",
                 b"7z\xbc\xaf", b"RIFF", b"\x00\x00\x01\x00", b"OggS", b"fLaC")


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


def decode_html(data: bytes) -> tuple[str, str]:
    """Return (NFC text, codec used). Raises ExtractError for binary data.

    The charset rules are the crawler's (:func:`auditor.crawl.decoding.decode_text`): one decoder
    for the fetched body and for bytes handed to the extractor directly.
    """
    if looks_binary(data):
        raise ExtractError("dữ liệu nhị phân, không phải trang HTML (binary data, not an HTML page)")
    return decode_text(data)
