"""Vietnamese text in legacy encodings: TCVN3 (ABC), VNI and windows-1258, detected and converted.

Before Unicode, Vietnamese was typed with 8-bit "font encodings": the bytes are ordinary Windows
(cp1252) bytes, and only the .VnTime (TCVN3) or VNI-Times (VNI) font draws them as Vietnamese letters.
Commune offices still keep scripts in them, as .txt files (the raw bytes) or inside .docx files (the
same code points stored as Unicode: "B¶o Th¾ng" for "Bảo Thắng"). No maintained Python converter
exists on PyPI, so the tables are here, each derived from a public specification:

* TCVN3 is the "VN3" subset of TCVN 5712:1993 (Vietnamese standard for 8-bit Vietnamese): lowercase
  letters and Ă Â Ê Ô Ơ Ư Đ each have one byte in 0xA1-0xFF; capitals with tone marks have none (they
  are drawn with the capitals-only .VnTimeH font, so the stored text is lowercase). The byte values
  below are those of the glibc charmap ``localedata/charmaps/TCVN5712-1`` for 0xA1-0xFF; a test checks
  them against that file when the machine has it. 0x80-0x9F stay cp1252 punctuation (VN3 leaves them
  to the font's Windows characters).
* VNI (VNI Software's "VNI for Windows" code table) writes a letter as its base letter plus one byte
  for the modifier and tone: "a" + "ù" (0xF9) = "á", "a" + "á" (0xE1) = "ấ", "ô" (0xF4) alone = "ơ".
  The table is built from that rule (the diacritic bytes below), so it covers all 134 letters.
* windows-1258 is a Python codec ('cp1258'); it yields combining tone marks, so the result is NFC'd.

Detection scores each candidate decoding by how many of its accented words are valid Vietnamese
syllables (onset + vowel nucleus + final, at most one tone mark; wrong decodings produce "vaø",
"B¶o" or "caực", which are not) plus how many are common words (for short texts); when no decoding
clearly wins, it refuses rather than guess.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from auditor.errors import IngestError

__all__ = [
    "ENCODINGS",
    "Decoded",
    "decode_bytes",
    "decode_legacy",
    "encode_legacy",
    "repair_legacy_text",
    "vietnamese_score",
]

ENCODINGS = ("utf-8", "utf-16", "cp1258", "tcvn3", "vni")

# --- TCVN3 (VN3 of TCVN 5712:1993) --------------------------------------------------------------

# Characters for bytes 0xA1..0xFF in order (TCVN5712-1 charmap). 0xB0-0xB4 are combining tone marks.
_TCVN3_HIGH = (
    "ĂÂÊÔƠƯĐăâêôơưđẰ"  # A1-AF
    "\u0300\u0309\u0303\u0301\u0323"  # B0-B4
    "àảãáạẲằẳẵắẴẮẦẨẪẤỀặầẩẫấậèỂẻẽéẹềểễếệìỉỄẾỒĩíịòỔỏõóọồổỗốộờởỡớợùỖủũúụừửữứựỳỷỹýỵỐ"  # B5-FF
)
assert len(_TCVN3_HIGH) == 0xFF - 0xA1 + 1

_TCVN3_DECODE: dict[int, str] = {0xA1 + i: ch for i, ch in enumerate(_TCVN3_HIGH)}
_TCVN3_ENCODE: dict[str, int] = {ch: b for b, ch in _TCVN3_DECODE.items() if not unicodedata.combining(ch)}

# --- VNI ----------------------------------------------------------------------------------------

_TONE_MARKS = {"\u0301": "acute", "\u0300": "grave", "\u0309": "hook", "\u0303": "tilde", "\u0323": "dot"}
# Byte (as its cp1252 character, lowercase form) for: a tone alone; circumflex + tone; breve + tone.
_VNI_TONE = {"acute": "ù", "grave": "ø", "hook": "û", "tilde": "õ", "dot": "ï"}
_VNI_CIRCUMFLEX = {None: "â", "acute": "á", "grave": "à", "hook": "å", "tilde": "ã", "dot": "ä"}
_VNI_BREVE = {None: "ê", "acute": "é", "grave": "è", "hook": "ú", "tilde": "ü", "dot": "ë"}
_VNI_I = {None: "i", "acute": "í", "grave": "ì", "hook": "æ", "tilde": "ó", "dot": "ò"}
_VNI_HORN_BASE = {"o": "ô", "u": "ö"}  # ơ, ư: one byte replaces the base letter


def _vni_upper(s: str) -> str:
    return s.upper()


def _build_vni() -> dict[str, str]:
    """Unicode letter -> VNI string (as cp1252 characters), for all Vietnamese letters."""
    table: dict[str, str] = {"đ": "ñ", "Đ": "Ñ"}
    for base in "aeiouy":
        for modifier in (None, "\u0302", "\u0306", "\u031b"):  # none, circumflex, breve, horn
            if modifier == "\u0302" and base not in "aeo":
                continue
            if modifier == "\u0306" and base != "a":
                continue
            if modifier == "\u031b" and base not in "ou":
                continue
            for tone in (None, *_TONE_MARKS):
                composed = unicodedata.normalize("NFC", base + (modifier or "") + (tone or ""))
                if len(composed) != 1 or composed == base:
                    continue
                tone_name = _TONE_MARKS.get(tone) if tone else None
                if base == "i":
                    vni = _VNI_I[tone_name]
                elif base == "y" and tone_name == "dot":
                    vni = "î"
                elif modifier == "\u0302":
                    vni = base + _VNI_CIRCUMFLEX[tone_name]
                elif modifier == "\u0306":
                    vni = base + _VNI_BREVE[tone_name]
                elif modifier == "\u031b":
                    vni = _VNI_HORN_BASE[base] + (_VNI_TONE[tone_name] if tone_name else "")
                else:
                    vni = base + _VNI_TONE[tone_name]
                table[composed] = vni
                table[composed.upper()] = _vni_upper(vni)
    return table


_VNI_ENCODE = _build_vni()
# Decoding also accepts a lowercase diacritic byte after a capital ("Aù") and the reverse: the case
# of the letter follows the base letter.
_VNI_DECODE: dict[str, str] = {}
for _letter, _vni in _VNI_ENCODE.items():
    _VNI_DECODE[_vni] = _letter
    if len(_vni) == 2:
        for variant in (_vni[0] + _vni[1].lower(), _vni[0] + _vni[1].upper()):
            _VNI_DECODE.setdefault(variant, _letter)
_VNI_RE = re.compile("|".join(re.escape(k) for k in sorted(_VNI_DECODE, key=len, reverse=True)))


# --- decoding and encoding ----------------------------------------------------------------------

def _cp1252_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)  # the five bytes cp1252 leaves undefined: latin-1


_CP1252 = [_cp1252_char(b) for b in range(256)]
_TCVN3_BYTE_TABLE = [_TCVN3_DECODE.get(b, _CP1252[b]) for b in range(256)]
# The reverse of _CP1252, for text that was decoded (by Word or an earlier step) as cp1252.
_CP1252_REVERSE = {ch: b for b, ch in enumerate(_CP1252)}


def decode_legacy(data: bytes, encoding: str) -> str:
    """Decode ``data`` as 'tcvn3', 'vni' or 'cp1258' into NFC Unicode."""
    if encoding == "tcvn3":
        text = "".join(_TCVN3_BYTE_TABLE[b] for b in data)
    elif encoding == "vni":
        text = _VNI_RE.sub(lambda m: _VNI_DECODE[m.group(0)], "".join(_CP1252[b] for b in data))
    elif encoding == "cp1258":
        text = data.decode("cp1258", errors="strict")
    else:
        raise ValueError(f"not a legacy encoding: {encoding}")
    return unicodedata.normalize("NFC", text)


def encode_legacy(text: str, encoding: str, *, lowercase_missing: bool = False) -> bytes:
    """Encode Unicode ``text`` as 'tcvn3' or 'vni' bytes (what an old editor would have saved).

    TCVN3 has no bytes for capitals with tone marks (À, Ở, ...); with ``lowercase_missing`` they are
    written lowercase, as the .VnTimeH font expects, otherwise they raise ValueError.
    """
    text = unicodedata.normalize("NFC", text)
    if encoding == "cp1258":
        return _encode_cp1258(text)
    out = bytearray()
    for ch in text:
        if encoding == "tcvn3":
            if ch in _TCVN3_ENCODE:
                out.append(_TCVN3_ENCODE[ch])
                continue
            if lowercase_missing and ch.lower() in _TCVN3_ENCODE:
                out.append(_TCVN3_ENCODE[ch.lower()])
                continue
        elif encoding == "vni":
            if ch in _VNI_ENCODE:
                out.extend(_VNI_ENCODE[ch].encode("cp1252"))
                continue
        else:
            raise ValueError(f"not a legacy encoding: {encoding}")
        byte = _CP1252_REVERSE.get(ch)
        if byte is None or (encoding == "tcvn3" and byte in _TCVN3_DECODE):
            raise ValueError(f"{ch!r} cannot be written in {encoding}")
        out.append(byte)
    return bytes(out)


def _encode_cp1258(text: str) -> bytes:
    """windows-1258 has â ê ô ơ ư ă đ and a few toned letters; the other tones are combining bytes."""
    out = bytearray()
    for ch in text:
        try:
            out.extend(ch.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in decomposed if c in _TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
        try:
            out.extend((base + tones).encode("cp1258"))
        except UnicodeEncodeError as exc:
            raise ValueError(f"{ch!r} cannot be written in cp1258") from exc
    return bytes(out)


# --- scoring ------------------------------------------------------------------------------------

_ONSETS = sorted(
    "ngh ng nh ch gh gi kh ph th tr qu b c d đ g h k l m n p r s t v x".split(), key=len, reverse=True
) + [""]
_CODAS = ["ng", "nh", "ch", "c", "m", "n", "p", "t", ""]
_NUCLEI = frozenset(
    """a ă â e ê i y o ô ơ u ư ai ao au ay âu ây eo êu ia iu iê oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ
    uy ưa ưi ưu ươ uyê yê iêu yêu oai oay oao oeo uây uôi ươi ươu uya uyu""".split()
)
_TONE_SET = set(_TONE_MARKS)
_VIET_LETTERS = frozenset("abcdeghiklmnopqrstuvxyđăâêôơư" + "fjwz")
SCORE_SAMPLE = 20_000  # characters
_TOKEN_RE = re.compile(r"[^\s\d.,;:!?()\"'“”‘’«»\-–—/…\[\]*•]+")


@functools.lru_cache(maxsize=65536)
def _valid_syllable(token: str) -> bool:
    decomposed = unicodedata.normalize("NFD", token.lower())
    if sum(1 for c in decomposed if c in _TONE_SET) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_SET))
    if not bare or any(c not in _VIET_LETTERS for c in bare):
        return False
    for onset in _ONSETS:
        if not bare.startswith(onset):
            continue
        rest = bare[len(onset):]
        if onset == "gi" and rest and rest[0] not in "aăâeêoôơuư":
            rest = "i" + rest  # "gìn", "gịt": gi + i
        for coda in _CODAS:
            if coda and not rest.endswith(coda):
                continue
            nucleus = rest[: len(rest) - len(coda)] if coda else rest
            if nucleus in _NUCLEI:
                return True
        if onset == "gi" and rest == "":
            return True  # "gì"
    return False


def vietnamese_score(text: str) -> tuple[float, int]:
    """(share of valid Vietnamese syllables among words with non-ASCII characters, how many such words)."""
    # The first few thousand words decide as well as the whole file would, at a fraction of the cost.
    tokens = [t for t in _TOKEN_RE.findall(text[:SCORE_SAMPLE]) if not t.isascii()]
    if not tokens:
        return 1.0, 0
    valid = sum(1 for t in tokens if _valid_syllable(t))
    return valid / len(tokens), len(tokens)


@dataclass
class Decoded:
    text: str
    encoding: str  # what the bytes were: utf-8, utf-8-sig, utf-16, cp1258, tcvn3, vni (+ "utf-8+tcvn3")
    score: float


# A decoding is accepted when at least this share of its accented words are Vietnamese syllables
# and it beats the runner-up by MARGIN: real text scores 0.9-1.0, wrong decodings below 0.5.
MIN_SCORE = 0.8
MARGIN = 0.25
MIN_WORDS = 3  # fewer accented words than this tell nothing


def _pick(candidates: dict[str, str], *, path: str | None) -> Decoded:
    # Two signals: valid syllables (any Vietnamese text) and common words (short texts, where a wrong
    # decoding can still make a few valid-looking syllables such as "cĩ" or "ơng").
    scored = []
    for enc, text in candidates.items():
        validity, n_words = vietnamese_score(text)
        scored.append((validity + common_word_share(text), validity, n_words, enc, text))
    scored.sort(key=lambda item: item[0], reverse=True)
    best_key, best, n_words, best_enc, best_text = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else 0.0
    distinct = len({item[4] for item in scored}) > 1
    if distinct and (n_words < MIN_WORDS or best < MIN_SCORE or best_key - runner_up < MARGIN):
        detail = ", ".join(f"{enc} {validity:.2f}/{key - validity:.2f}" for key, validity, _, enc, _ in scored)
        raise IngestError(
            "không xác định chắc được bảng mã tiếng Việt của tệp (tỉ lệ âm tiết hợp lệ/từ thông dụng: "
            f"{detail}); hãy chỉ rõ bằng --encoding utf-8|cp1258|tcvn3|vni",
            path=path,
        )
    return Decoded(best_text, best_enc, best)


# Frequent Vietnamese syllables with diacritics (news and broadcast text), for short texts.
_COMMON = frozenset(
    """của và các có được người trong những một là cho với không đã này để về năm khi đến từ theo nhiều đó
    sẽ thì làm tại phải như cũng nhà nước việc ông bà chị anh em trẻ xã hội phụ nữ tế sức khỏe khoẻ tỉnh
    huyện thôn dân nông đồng lực động sản xuất học sinh trường giáo dục tháng ngày giờ trên dưới sau trước
    mới đầu cả hơn chỉ còn lại vì nên đây đang rất đi ra vào lên xuống tổ chức tuyên truyền bình đẳng
    giới gia đình hiện triển kết quả thực chương trình thông bài phát đài điện công tác cán bộ chính
    quyền ủy uỷ ban nhân hoạt đội viên tham hướng dẫn kế hoạch phòng chống bạo tiêm bệnh y tế đường
    giao lúa mùa vụ hộ nghèo vốn vay hỗ trợ đảng bầu cử hội nghị tổng số đạt tăng giảm lớp nghề họp
    cuộc sống địa phương vùng miền núi đồng bào thời gian cùng nhau giúp đỡ cần nhằm đảm bảo tình hình
    thế mình họ chúng tôi bạn quý vị bà con""".split()
)


def common_word_share(text: str) -> float:
    """Share of the words with non-ASCII characters that are frequent Vietnamese syllables."""
    tokens = [t.lower() for t in _TOKEN_RE.findall(text[:SCORE_SAMPLE]) if not t.isascii()]
    if not tokens:
        return 0.0
    return sum(1 for t in tokens if t in _COMMON) / len(tokens)


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when every other byte is mostly NUL (ASCII-heavy UTF-16 text)."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:4096]
    even_nul = sample[0::2].count(0) / (len(sample) / 2)
    odd_nul = sample[1::2].count(0) / (len(sample) / 2)
    if odd_nul > 0.5 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.5 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes, *, encoding: str | None = None, path: str | None = None) -> Decoded:
    """Decode a text file's bytes to NFC Unicode, detecting the encoding unless one is given.

    Order: a BOM (UTF-8, UTF-16 LE/BE); valid UTF-8 (then checked for legacy text pasted as Unicode);
    UTF-16 without BOM; otherwise the best of cp1258 / TCVN3 / VNI by :func:`vietnamese_score`, or an
    :class:`IngestError` naming the file when no decoding is clearly right.
    """
    if encoding:
        enc = encoding.lower().replace("_", "-")
        try:
            if enc in ("tcvn3", "vni", "cp1258", "windows-1258"):
                enc = "cp1258" if enc == "windows-1258" else enc
                text = decode_legacy(data, enc)
            else:
                text = unicodedata.normalize("NFC", data.decode(enc))
        except (UnicodeDecodeError, LookupError) as exc:
            raise IngestError(f"không đọc được tệp theo bảng mã {encoding}: {exc}", path=path) from exc
        return Decoded(text.lstrip("\ufeff"), enc, vietnamese_score(text)[0])

    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec.replace("-sig", ""))
            except UnicodeDecodeError as exc:
                raise IngestError(f"tệp có BOM {codec} nhưng nội dung hỏng ở byte {exc.start}", path=path) from exc
            return _maybe_repair(unicodedata.normalize("NFC", text), codec, path=path)
    if b"\x00" not in data:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            return _maybe_repair(unicodedata.normalize("NFC", text), "utf-8", path=path)
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError:
            text = ""
        if text and not _CONTROL.search(text):
            return _maybe_repair(unicodedata.normalize("NFC", text), utf16, path=path)
    if b"\x00" in data:
        raise IngestError("tệp chứa byte NUL: không phải tệp văn bản (tệp nhị phân?)", path=path)
    candidates: dict[str, str] = {}
    for enc in ("cp1258", "tcvn3", "vni"):
        try:
            candidates[enc] = decode_legacy(data, enc)
        except UnicodeDecodeError:
            continue
    return _pick(candidates, path=path)


def _maybe_repair(text: str, encoding: str, *, path: str | None) -> Decoded:
    repaired = repair_legacy_text(text)
    if repaired is not None:
        return Decoded(repaired.text, f"{encoding}+{repaired.encoding}", repaired.score)
    return Decoded(text, encoding, vietnamese_score(text)[0])


def repair_legacy_text(text: str) -> Decoded | None:
    """TCVN3/VNI text that was read as cp1252 and stored as Unicode ("B¶o Th¾ng"), converted; else None.

    This is how legacy text arrives in .docx files and in .txt files re-saved as UTF-8.
    """
    score, n_words = vietnamese_score(text)
    if n_words < MIN_WORDS or score >= 0.6:
        return None
    try:
        raw = bytes(_CP1252_REVERSE[ch] for ch in text)
    except KeyError:
        return None  # characters a cp1252 font could not have produced: real Unicode text
    candidates = {enc: decode_legacy(raw, enc) for enc in ("tcvn3", "vni")}
    best = max(candidates, key=lambda enc: vietnamese_score(candidates[enc])[0])
    best_score = vietnamese_score(candidates[best])[0]
    if best_score >= MIN_SCORE and best_score - score >= MARGIN:
        return Decoded(candidates[best], best, best_score)
    return None
