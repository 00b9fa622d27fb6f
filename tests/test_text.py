"""auditor.text: normalisation that keeps offsets into the caller's string, sentence splitting."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditor.text import fold, normalize, split_sentences, unify_tones


@pytest.mark.parametrize(
    ("old", "new"),
    [("hoà", "hòa"), ("Hoà Bình", "Hòa Bình"), ("thuỷ", "thủy"), ("Thuỷ", "Thủy"), ("khoẻ", "khỏe"),
     ("uỷ ban", "ủy ban"), ("loè loẹt", "lòe loẹt")],
)
def test_old_and_new_tone_placement_unify(old: str, new: str) -> None:
    assert unify_tones(old) == new
    assert unify_tones(new) == new


@pytest.mark.parametrize("word", ["quý", "hoàng", "thuyền", "khoảng", "người"])
def test_tone_unification_leaves_closed_syllables_and_qu_alone(word: str) -> None:
    assert unify_tones(word) == word


def test_fold_matches_old_and_new_tones_and_case() -> None:
    assert fold("HOÀ  giải") == fold("hòa giải") == "hòa giải"


def test_nfd_input_maps_back_to_original_offsets() -> None:
    s = "Bà Nguyễn Thị Thuỷ ở xã Hoà Bình."
    nfd = unicodedata.normalize("NFD", s)
    nt = normalize(nfd)
    assert nt.text == unify_tones(s)
    i = nt.text.index("Hòa Bình")
    a, b = nt.to_original(i, i + len("Hòa Bình"))
    assert unicodedata.normalize("NFC", nfd[a:b]) == "Hoà Bình"


def test_invisible_characters_are_dropped_but_offsets_kept() -> None:
    s = "Chị\u200b Lan nói"
    nt = normalize(s)
    assert nt.text == "Chị Lan nói"
    i = nt.text.index("Lan")
    a, b = nt.to_original(i, i + 3)
    assert s[a:b] == "Lan"


_vn_letters = st.sampled_from(list("aăâeêioôơuưyđàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ HTN.,"))


@given(st.lists(_vn_letters, min_size=1, max_size=60).map("".join), st.sampled_from(["NFC", "NFD"]))
def test_normalize_offsets_round_trip(s: str, form: str) -> None:
    original = unicodedata.normalize(form, s)
    nt = normalize(original)
    assert nt.text == normalize(nt.text).text  # idempotent
    for start in range(0, len(nt.text) + 1, 3):
        for end in range(start, min(len(nt.text), start + 7) + 1, 2):
            a, b = nt.to_original(start, end)
            assert 0 <= a <= b <= len(original)
            # Tone unification moves a tone between two letters ("oà" -> "òa"), so compare the
            # letters without tones: every normalised letter maps to its own original letter.
            assert _toneless(original[a:b]) == _toneless(nt.text[start:end])


def _toneless(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if c not in "\u0300\u0301\u0303\u0309\u0323")


def _sentences(text: str) -> list[str]:
    return [text[s.start:s.end] for s in split_sentences(text)]


def test_sentence_split_survives_abbreviations_and_initials() -> None:
    text = ("PGS.TS. Trần Văn An cho biết TP.HCM mưa lớn. Ông Nguyễn V. A. nói vậy. "
            "Chị H. kể lại mọi chuyện. Sau đó trời tạnh.")
    assert _sentences(text) == [
        "PGS.TS. Trần Văn An cho biết TP.HCM mưa lớn.",
        "Ông Nguyễn V. A. nói vậy.",
        "Chị H. kể lại mọi chuyện.",
        "Sau đó trời tạnh.",
    ]


def test_sentence_split_quotes_and_dialogue_dashes() -> None:
    text = 'Bà Lan nói: "Tôi đồng ý." Ông Hùng im lặng.\n- Anh có khỏe không?\n– Vâng, tôi khỏe.'
    assert _sentences(text) == ['Bà Lan nói: "Tôi đồng ý."', "Ông Hùng im lặng.", "- Anh có khỏe không?",
                                "– Vâng, tôi khỏe."]

