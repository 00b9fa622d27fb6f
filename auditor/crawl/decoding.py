"""Turning a response body into text: bounded decompression, media type and charset.

Decompression is done here, not by httpx, so that the size cap counts *decompressed* bytes as they are
produced: zlib is asked for at most ``CHUNK`` bytes at a time, so a gzip bomb (a few MB inflating to
gigabytes) stops at the cap after producing at most ``max_bytes + CHUNK`` bytes.

Charset, in order (Vietnamese pages still come as windows-1258, or as UTF-8 labelled iso-8859-1):

1. a byte-order mark;
2. a body that is valid UTF-8 with non-ASCII bytes is UTF-8, whatever the label says (legacy
   Vietnamese text is practically never valid UTF-8 by accident, while a wrong label is common);
3. the charset of the Content-Type header, if the body decodes with it;
4. ``<meta charset>`` / ``<meta http-equiv>`` or the XML declaration, if the body decodes with it;
5. charset-normalizer's best guess;
6. UTF-8 with replacement characters, as a last resort.

A Latin-1 family label (iso-8859-1, windows-1252) decodes nearly any windows-1258 body without error but
garbles it, so under such a label (or none) a body that reads as Vietnamese in windows-1258 is taken as
windows-1258 (see ``_as_vietnamese``).
The text is NFC-normalised: windows-1258 writes tone marks as combining characters.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
import zlib
from collections.abc import Iterator

import charset_normalizer

CHUNK = 64 * 1024

# Labels that browsers treat as windows-1252 (WHATWG Encoding Standard).
_LATIN1_FAMILY = {"cp1252", "iso8859-1", "ascii"}

_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
_CHARSET_PARAM = re.compile(r"""charset\s*=\s*["']?([^"';\s]+)""", re.IGNORECASE)


class DecodeError(Exception):
    """A body that cannot be decompressed (corrupt gzip/deflate, unsupported encoding)."""


class Inflater:
    """Incremental decoder of one Content-Encoding with bounded output per step."""

    def __init__(self, content_encoding: str | None) -> None:
        coding = (content_encoding or "identity").strip().lower()
        if coding in ("", "identity"):
            self._mode = "identity"
        elif coding in ("gzip", "x-gzip"):
            self._mode = "gzip"
        elif coding == "deflate":
            self._mode = "deflate"
        else:
            raise DecodeError(f"unsupported Content-Encoding {content_encoding!r} (we ask for gzip, deflate)")
        self._zlib = self._new_decompressor()
        self._deflate_checked = False

    def _new_decompressor(self) -> zlib._Decompress | None:
        if self._mode == "gzip":
            return zlib.decompressobj(16 + zlib.MAX_WBITS)
        if self._mode == "deflate":
            return zlib.decompressobj()
        return None

    def feed(self, data: bytes) -> Iterator[bytes]:
        """Decoded pieces of ``data``, each at most CHUNK bytes (identity passes data through)."""
        if self._zlib is None:
            if data:
                yield data
            return
        if self._mode == "deflate" and not self._deflate_checked and data:
            # "deflate" is meant to be zlib-wrapped, but some servers send raw deflate.
            self._deflate_checked = True
            try:
                zlib.decompressobj().decompress(data[:2])
            except zlib.error:
                self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
        pending = data
        try:
            while pending:
                out = self._zlib.decompress(pending, CHUNK)
                if out:
                    yield out
                rest = self._zlib.unconsumed_tail
                if self._zlib.eof:
                    # Concatenated gzip members are legal; anything after a deflate stream is ignored.
                    unused = self._zlib.unused_data
                    if self._mode == "gzip" and unused.strip(b"\0"):
                        self._zlib = self._new_decompressor()
                        pending = unused
                        continue
                    return
                if not out and rest == pending:
                    return
                pending = rest
        except zlib.error as exc:
            raise DecodeError(f"corrupt {self._mode} body: {exc}") from exc

    def flush(self) -> bytes:
        if self._zlib is None:
            return b""
        try:
            return self._zlib.flush()
        except zlib.error as exc:
            raise DecodeError(f"corrupt {self._mode} body: {exc}") from exc


def media_type(content_type: str | None) -> str | None:
    """``text/html; charset=utf-8`` -> ``text/html`` (None when absent)."""
    if not content_type:
        return None
    value = content_type.split(";", 1)[0].strip().lower()
    return value or None


def header_charset(content_type: str | None) -> str | None:
    match = _CHARSET_PARAM.search(content_type or "")
    return match.group(1) if match else None


def is_allowed_type(mtype: str | None, allowed: tuple[str, ...]) -> bool:
    """Allowed media type (or any ``+xml``/``+json`` type). A missing type is judged on the body instead."""
    if mtype is None:
        return True
    return mtype in allowed or mtype.endswith("+xml") or mtype.endswith("+json")


def looks_binary(head: bytes) -> bool:
    """NUL bytes in the first KB: an image, archive or PDF served without (or with a wrong) type."""
    sample = head[:1024]
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return b"\0" in sample


def codec_name(label: str | None) -> str | None:
    """A charset label -> Python codec name, or None if unknown. ``iso-8859-1`` means windows-1252."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    return "cp1252" if name in _LATIN1_FAMILY else name


_VOWEL_SHAPES = "\u0302\u0306\u031b"  # circumflex, breve, horn: precomposed in windows-1258
_VOWELS = set("aeiouyAEIOUY")


def encode_cp1258(text: str) -> bytes:
    """Vietnamese text as windows-1258 bytes, the way legacy Windows software wrote it.

    Python's ``cp1258`` codec only maps single code points, so "ộ" (NFC) fails to encode. windows-1258 has
    the shaped vowels (â, ê, ô, ă, ơ, ư) precomposed and the five tones as combining marks: "ộ" is "ô" then
    U+0323. Used to serve realistic legacy pages (tests, demo sites).
    """
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        shape = "".join(c for c in parts[1:] if c in _VOWEL_SHAPES)
        tones = "".join(c for c in parts[1:] if c not in _VOWEL_SHAPES)
        out += unicodedata.normalize("NFC", parts[0] + shape).encode("cp1258") + tones.encode("cp1258")
    return bytes(out)


def _try(content: bytes, codec: str | None) -> str | None:
    if codec is None:
        return None
    try:
        return content.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def declared_charset(content: bytes) -> str | None:
    """The charset a document declares itself: XML declaration or ``<meta>`` in the first 4 KB."""
    head = content[:4096]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii", "replace") if match else None


def _as_vietnamese(content: bytes) -> str | None:
    """The body read as windows-1258 if that reading is Vietnamese and differs from windows-1252.

    windows-1258 and windows-1252 share most bytes; where they differ, windows-1258 has Vietnamese letters
    (ă ơ ư đ) and the five tone marks as combining characters. A tone mark always follows a vowel, so in
    real Vietnamese every mark composes into a letter under NFC, while windows-1252 text read this way
    leaves marks stranded or on consonants. Portuguese "não" would be misread as "năo": we crawl
    Vietnamese outlets, and the labels we distrust here (iso-8859-1) are the ones old Vietnamese sites send.
    """
    if content.isascii():
        return None
    try:
        text = unicodedata.normalize("NFC", content.decode("cp1258"))
    except UnicodeDecodeError:
        return None
    for ch in set(text):
        parts = unicodedata.normalize("NFD", ch)
        # A mark left alone, or on a consonant ("ś" from "così"), is not Vietnamese.
        if unicodedata.combining(ch) or (len(parts) > 1 and parts[0] not in _VOWELS):
            return None
    western = _try(content, "cp1252")
    return text if western is None or unicodedata.normalize("NFC", western) != text else None


def _guess(content: bytes) -> str | None:
    best = charset_normalizer.from_bytes(content[:200_000]).best()
    return codec_name(best.encoding) if best is not None else None


def decode_text(content: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Decode a body to NFC text; returns (text, Python codec name used)."""
    text, codec = _decode(content, content_type)
    return unicodedata.normalize("NFC", text), codec


def _decode(content: bytes, content_type: str | None) -> tuple[str, str]:
    if not content:
        return "", codec_name(header_charset(content_type)) or "utf-8"
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if content.startswith(bom) and (text := _try(content, codec)) is not None:
            return text, codec
    if not content.isascii() and (text := _try(content, "utf-8")) is not None:
        return text, "utf-8"
    labels = [codec_name(header_charset(content_type)), codec_name(declared_charset(content))]
    for codec in labels:
        if codec is None or codec.startswith("utf-16"):
            continue  # a utf-16 label on a body without BOM is the usual lie of a <meta> copied around
        text = _try(content, codec)
        if text is None:
            continue
        if codec == "cp1252" and (vietnamese := _as_vietnamese(content)) is not None:
            return vietnamese, "cp1258"
        return text, codec
    if (vietnamese := _as_vietnamese(content)) is not None:
        return vietnamese, "cp1258"
    guess = _guess(content)
    if guess and (text := _try(content, guess)) is not None:
        return text, guess
    return content.decode("utf-8", errors="replace"), "utf-8"
