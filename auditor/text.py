"""Vietnamese text normalisation with offsets that map back to the caller's string.

Everything the audit matches runs on a *normalised* form of the input: Unicode NFC, one tone-mark
placement ("hoà" and "hòa" both become "hòa", "thuỷ" and "thủy" both become "thủy"), non-breaking and
odd spaces as plain spaces. Findings and mentions are reported as offsets into the *original* string,
so :class:`NormalizedText` keeps, for every normalised character, where it came from.

Tone unification is length-preserving at the NFC level (a tone moves between two letters), so only
the NFC step (NFD input, decomposed tone marks) changes lengths; the mapping handles both.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

__all__ = [
    "NormalizedText",
    "normalize",
    "unify_tones",
    "fold",
    "lower_keep_length",
    "split_sentences",
    "Span",
]

# Tone marks as combining characters (NFD): grave, acute, hook above, tilde, dot below.
_TONES = "\u0300\u0301\u0309\u0303\u0323"

def _build_tone_table() -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    for base in "aeiouyăâêôơưAEIOUYĂÂÊÔƠƯ":
        for tone in _TONES:
            composed = unicodedata.normalize("NFC", base + tone)
            if len(composed) == 1:
                table[composed] = (base, tone)
    return table


_TONED = _build_tone_table()  # "à" -> ("a", "\u0300")

# Open syllables where old and new orthography put the tone on different letters: old "hoà, hoè,
# thuỷ" (tone on the second vowel), new "hòa, hòe, thủy" (on the first). We unify to the first.
# Only when no letter follows ("hoàng", "thuyền" are the same in both) and not after "q" ("quý").
# Pairs whose tone placement varies: first vowel, second vowel (base letters, lowercase).
_PAIRS = {("o", "a"), ("o", "e"), ("u", "y")}


def _with_tone(base: str, tone: str) -> str:
    return unicodedata.normalize("NFC", base + tone)


_PAIR_RE = re.compile(r"([oOuU])([" + "".join(_TONED) + r"])(?!\w)")


def unify_tones(s: str) -> str:
    """Move the tone of "oa", "oe", "uy" open syllables to the first vowel ("hoà" -> "hòa").

    Length-preserving; expects NFC input.
    """

    def repl(m: re.Match[str]) -> str:
        first, second = m.group(1), m.group(2)
        base2, tone = _TONED[second]
        if (first.lower(), base2.lower()) not in _PAIRS:
            return m.group(0)
        start = m.start(1)
        # "qu" + y: u is part of the consonant, the tone stays on y ("quý").
        if first in "uU" and start > 0 and s[start - 1] in "qQ":
            return m.group(0)
        return _with_tone(first, tone) + base2

    if not any(ch in _TONED for ch in s):
        return s
    return _PAIR_RE.sub(repl, s)


_SPACE_LIKE = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\u3000\t\u000b\u000c"), " ")
_INVISIBLE = {"\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad"}
_INVISIBLE_RE = re.compile("[" + "".join(_INVISIBLE) + "]")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass
class NormalizedText:
    """A normalised string with a map from its indices to indices of the original string."""

    original: str
    text: str
    # _starts[i] is the original index of normalised char i; None when the mapping is the identity.
    _starts: list[int] | None = field(default=None, repr=False)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised span [start, end) to the original string."""
        if self._starts is None:
            return start, end
        starts = self._starts
        o_start = starts[start] if start < len(starts) else len(self.original)
        o_end = starts[end] if end < len(starts) else len(self.original)
        return o_start, o_end

    @property
    def lower(self) -> str:
        return lower_keep_length(self.text)

    @cached_property
    def sentences(self) -> list[Span]:
        """Sentence spans of :attr:`text`, computed once (rules, model and people all use them)."""
        return split_sentences(self.text)


def lower_keep_length(s: str) -> str:
    """Lowercase without changing the length, so offsets stay valid (a few letters such as "İ"
    grow when lowered; those stay as they are)."""
    low = s.lower()
    if len(low) == len(s):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in s)


def fold(s: str) -> str:
    """Normalise a short string for lookups: NFC, unified tones, lowercase, single spaces."""
    s = unicodedata.normalize("NFC", s).translate(_SPACE_LIKE)
    return " ".join(lower_keep_length(unify_tones(s)).split())


def normalize(original: str) -> NormalizedText:
    """NFC + tone unification + plain spaces, keeping a map back to ``original``."""
    simple = unicodedata.is_normalized("NFC", original) and not _INVISIBLE_RE.search(original)
    if simple:
        text = unify_tones(original.translate(_SPACE_LIKE))
        return NormalizedText(original, text, None)

    out: list[str] = []
    starts: list[int] = []
    i, n = 0, len(original)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(original[j]):
            j += 1
        cluster = original[i:j]
        if cluster in _INVISIBLE:
            i = j
            continue
        composed = unicodedata.normalize("NFC", cluster)
        for ch in composed:
            out.append(ch)
            starts.append(i)
        i = j
    text = unify_tones("".join(out).translate(_SPACE_LIKE))
    return NormalizedText(original, text, starts)


# --- sentence splitting -------------------------------------------------------------------------

# Tokens that end with a period but do not end a sentence (compared lowercased, without the dot).
ABBREVIATIONS = frozenset(
    """tp tt ts ths gs pgs bs bsck bscki bsckii ck ks kts cn th.s gs.ts pgs.ts ths.bs ttnd nsnd nsưt
    nnưt nđ qđ tw ubnd hđnd mr mrs ms dr st no tr q p v.v vv đ/c sđt đt tel fax ltd co inc corp jr sr
    vs etc tx tt.tt""".split()
)
_HONORIFICS_BEFORE_INITIAL = frozenset(
    "ông bà anh chị em cô chú bác cháu bé cụ thầy ngài bạn nữ nam cậu".split()
)

_BOUNDARY = re.compile(r"([.!?…]+)([\"”’»)\]]*)(\s+)")
_OPENER = re.compile(r"[\"“‘«(\[\-–—]*\s*[A-ZÀ-ỸĐ0-9]")


def _word_before(text: str, pos: int) -> str:
    """The token (letters, dots, slashes) that ends at ``pos``."""
    j = pos
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] in "./"):
        j -= 1
    return text[j:pos]


def _is_abbreviation(text: str, dot_pos: int) -> bool:
    token = _word_before(text, dot_pos).rstrip(".")
    if not token:
        return False
    low = token.lower()
    if low in ABBREVIATIONS or low.split(".")[-1] in ABBREVIATIONS:
        return True
    # A one-letter initial ("Nguyễn V. A.", "chị H. cho biết") is not a boundary when a name or
    # honorific precedes it.
    if len(token) == 1 and token.isupper():
        prev = text[: dot_pos - 1].rstrip().rsplit(None, 1)
        if prev:
            prev_word = prev[-1].rstrip(".,")
            if prev_word[:1].isupper() or prev_word.lower() in _HONORIFICS_BEFORE_INITIAL:
                return True
    # Dotted abbreviations ("TP.HCM", "PGS.TS") end with a letter: "PGS.TS. Nguyễn".
    if "." in token and token.replace(".", "").isupper():
        return True
    return False


def split_sentences(text: str) -> list[Span]:
    """Split normalised text into sentence spans (offsets into ``text``).

    Boundaries: ., !, ?, … followed by optional closing quotes and whitespace, then something that
    can open a sentence (capital, digit, quote, dialogue dash); a newline always ends a sentence.
    Abbreviations ("TP.", "PGS.TS.") and initials after a name ("ông Nguyễn V. A.") do not.
    """
    spans: list[Span] = []
    start = 0
    n = len(text)

    def emit(a: int, b: int) -> None:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            spans.append(Span(a, b))

    pos = 0
    while pos < n:
        nl = text.find("\n", pos)
        line_end = n if nl == -1 else nl
        for m in _BOUNDARY.finditer(text, pos, line_end):
            after = m.end(3)
            if after < line_end and not _OPENER.match(text, after):
                continue
            if m.group(1) == "." and not m.group(2) and _is_abbreviation(text, m.start(1)):
                continue
            cut = m.end(2)
            if cut <= start:
                continue
            emit(start, cut)
            start = cut
        emit(start, line_end)
        start = line_end + 1
        pos = line_end + 1
    return spans

