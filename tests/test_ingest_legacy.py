"""Legacy Vietnamese encodings: tables, round trips and detection, on text the tests write."""

from __future__ import annotations

import gzip
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.errors import IngestError
from auditor.ingest import legacy
from auditor.ingest.legacy import decode_bytes, decode_legacy, encode_legacy, repair_legacy_text

ALL_LETTERS = sorted(legacy._VNI_ENCODE)  # every Vietnamese letter with a modifier or tone, both cases
PARAGRAPH = (
    "Chương trình phát thanh của Đài truyền thanh xã. Hội Liên hiệp Phụ nữ xã tổ chức tọa đàm về "
    "bình đẳng giới và phòng chống bạo lực gia đình. Chị Nguyễn Thị Hường, chủ tịch hội, cho biết "
    "nhiều chị em đã mạnh dạn chia sẻ những khó khăn, vướng mắc trong cuộc sống hằng ngày."
)


def test_every_vietnamese_letter_is_covered():
    # 67 lowercase letters with a modifier or tone (plus đ), and their capitals.
    assert len(ALL_LETTERS) == 134
    for ch in "ăâêôơưđ" "àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ":
        assert ch in ALL_LETTERS and ch.upper() in ALL_LETTERS


@pytest.mark.parametrize("encoding", ["vni", "cp1258"])
def test_each_letter_round_trips(encoding):
    for ch in ALL_LETTERS:
        assert decode_legacy(encode_legacy(ch, encoding), encoding) == ch, ch


def test_tcvn3_round_trips_lowercase_and_the_seven_capitals():
    for ch in [c for c in ALL_LETTERS if c.islower()] + list("ĂÂÊÔƠƯĐ"):
        data = encode_legacy(ch, "tcvn3")
        assert len(data) == 1 and data[0] >= 0xA1
        assert decode_legacy(data, "tcvn3") == ch


def test_tcvn3_capitals_with_tones_are_written_lowercase_as_vntimeh_does():
    with pytest.raises(ValueError):
        encode_legacy("Ở", "tcvn3")
    assert decode_legacy(encode_legacy("Ở Ảnh", "tcvn3", lowercase_missing=True), "tcvn3") == "ở ảnh"


def test_known_published_samples():
    # TCVN3 as it appears pasted into Unicode documents, and VNI as converters document it.
    assert decode_legacy("B¶o Th¾ng, M\xadêng Kh\xad¬ng".encode("cp1252"), "tcvn3") == "Bảo Thắng, Mường Khương"
    assert decode_legacy("Xin chaøo caùc baïn".encode("cp1252"), "vni") == "Xin chào các bạn"
    assert encode_legacy("Bát Xát", "tcvn3") == "B¸t X¸t".encode("cp1252")


def test_tcvn3_table_matches_the_glibc_charmap():
    charmap = Path("/usr/share/i18n/charmaps/TCVN5712-1.gz")
    if not charmap.exists():
        pytest.skip("glibc charmaps not installed")
    entries = {}
    for line in gzip.open(charmap, "rt", encoding="ascii", errors="replace"):
        m = re.match(r"<U([0-9A-F]{4})>\s+/x([0-9a-f]{2})\s", line)
        if m:
            entries[int(m.group(2), 16)] = chr(int(m.group(1), 16))
    for byte in range(0xA1, 0x100):
        assert decode_legacy(bytes([byte]), "tcvn3") == unicodedata.normalize("NFC", entries[byte]), hex(byte)


VIET_TEXT = st.text(alphabet=st.sampled_from(ALL_LETTERS + list("abcdeghiklmnopqrstuvxy .,\n")), max_size=200)


@settings(max_examples=150, deadline=None)
@given(VIET_TEXT)
def test_vni_round_trip_property(text):
    assert decode_legacy(encode_legacy(text, "vni"), "vni") == text


@settings(max_examples=150, deadline=None)
@given(VIET_TEXT)
def test_tcvn3_round_trip_property(text):
    lowered = text.lower()
    assert decode_legacy(encode_legacy(lowered, "tcvn3"), "tcvn3") == lowered


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1258", "vni"])
def test_detects_each_encoding(encoding):
    data = encode_legacy(PARAGRAPH, encoding) if encoding in ("cp1258", "vni") else PARAGRAPH.encode(encoding)
    decoded = decode_bytes(data)
    assert decoded.text == PARAGRAPH
    assert decoded.encoding.startswith(encoding.replace("utf-16", "utf-16-le") if encoding == "utf-16" else encoding)


def test_detects_tcvn3():
    decoded = decode_bytes(encode_legacy(PARAGRAPH, "tcvn3"))
    assert decoded.encoding == "tcvn3"
    assert decoded.text == PARAGRAPH  # the paragraph has no capital with a tone mark


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_legacy_text_saved_again_as_utf8_is_repaired(encoding):
    mojibake = encode_legacy(PARAGRAPH, encoding).decode("cp1252")
    assert mojibake != PARAGRAPH
    decoded = decode_bytes(mojibake.encode("utf-8"))
    assert decoded.encoding == f"utf-8+{encoding}"
    assert decoded.text == PARAGRAPH
    assert repair_legacy_text(PARAGRAPH) is None  # real Unicode is left alone


def test_unsure_decoding_is_a_clear_error():
    with pytest.raises(IngestError, match="--encoding"):
        decode_bytes(b"\xe0\xf9 abc", path="x.txt")


def test_forced_encoding_and_nul_bytes():
    assert decode_bytes(encode_legacy("xã Đại Sơn", "vni"), encoding="vni").text == "xã Đại Sơn"
    with pytest.raises(IngestError, match="NUL"):
        decode_bytes(b"abc\x00\x01\x02\x03\x04def\x00", path="b.txt")


def test_score_separates_right_from_wrong_decodings():
    data = encode_legacy(PARAGRAPH, "vni")
    right = legacy.vietnamese_score(decode_legacy(data, "vni"))[0]
    wrong = [legacy.vietnamese_score(decode_legacy(data, enc))[0] for enc in ("tcvn3", "cp1258")]
    assert right == 1.0 and max(wrong) < 0.5


COMMON_WORDS = ("xã thôn hội phụ nữ nông dân tuyên truyền bình đẳng giới gia đình trẻ em sức khỏe mùa vụ đường "
                "giao thông tiêm chủng bầu cử kinh tế hợp tác học sinh trường lớp chị anh bà ông người được của "
                "và các những một với không này đã cho trong là có về để khi thì sẽ đến từ theo năm tháng ngày").split()
ACCENTED = [w for w in COMMON_WORDS if not w.isascii()]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(COMMON_WORDS), max_size=25), st.lists(st.sampled_from(ACCENTED), min_size=5, max_size=10),
       st.randoms(use_true_random=False))
def test_short_texts_are_decoded_right_or_refused_never_wrong(words, accented, rnd):
    words = words + accented
    rnd.shuffle(words)
    text = " ".join(words).capitalize() + "."
    refused = 0
    for encoding in ("cp1258", "tcvn3", "vni"):
        try:
            decoded = decode_bytes(encode_legacy(text, encoding, lowercase_missing=True))
        except IngestError:
            # Some short texts read as Vietnamese both ways ("thôn dân" in cp1258 is "thơn dân" in
            # VNI): refusing is right there; decoding wrong never is.
            refused += 1
            continue
        assert decoded.text.lower() == text.lower() and decoded.encoding == encoding
    assert refused <= 1
