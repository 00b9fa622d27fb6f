"""Indicator rules as data: load `rules/indicators/*.yaml`, validate, compile, match.

A rule file holds one category and its rules::

    category: appearance
    indicator: B1.2b
    rules:
      - id: GM101                      # stable, never reused
        name: appearance.beauty_label  # dotted name
        severity: 2                    # 1 (minor) .. 3 (serious)
        message: "..."                 # Vietnamese, shown to users
        suggestion: "..."              # a better wording
        match: ["người đẹp", "re:nữ (?:tài xế|...)"]   # phrases, or regexes after "re:"
        near: {words: [...], window: 8}       # optional: a companion within N words
        unless_before: {words: [...], window: 5}  # optional: these just before the match cancel it
                                           # (or a list of such specs, each with its own window)
        unless_after: {words: [...], window: 6}   # optional: these just after the match cancel it
                                           # ("nữ kế toán bị chồng đánh": she is the one harmed)
        unless_part_of: ["thần đồng", "bóng đá"]  # optional: longer words or names the match is only
                                           # the head or tail of ("thần đồng bóng đá" is not "đồng bóng")
        unless_quoted: 4                   # optional: a match inside quoted speech with at least this
                                           # many other words is someone else's voice, not the
                                           # outlet's; a quoted label alone (“chân dài”) is the outlet's
        unless_quote_continues: true       # optional, with unless_quoted: also a quotation opened in an
                                           # earlier sentence, whose closing mark ends this one
        unless_ge_item: true               # optional: not in an article about gender equality, where
                                           # the woman's sex is the story ("nữ cán bộ" in a piece on
                                           # women cadres); the engine applies it after the GE verdict
        anchors: [nữ, người]               # for rules with regexes: words one of which every match
                                           # contains (a fast pre-check); derived for plain phrases
        requires_sentence: ["{crime_context}"] # optional: the sentence must contain one of these
        unless_sentence: ["{critique_markers}", "cuộc thi"]  # optional: these cancel the match
        examples: {flag: [...], pass: [...]}  # test data: tests/test_rule_examples.py runs them

Phrases are matched whole-word on folded text (NFC, unified tone marks, lowercase), so "hoà" in a
rule matches "hòa" in an article and vice versa; a quotation mark may stand beside the space between
two words (dân "gay"). ``{name}`` expands a list of `rules/lexicons/terms.yaml`: a whole item is
replaced by the list, inside a phrase ("gái quê {place_of_origin}") it gives one phrase per entry,
and inside a regex ("re:nữ (?:{women_jobs})") it becomes an alternation of the list's phrases.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from auditor.audit.types import CATEGORIES
from auditor.errors import RuleError
from auditor.text import fold

RULE_FIELDS = {
    "id", "name", "severity", "message", "suggestion", "match", "near", "requires_sentence",
    "unless_sentence", "unless_before", "unless_after", "unless_part_of", "unless_quoted", "unless_quote_continues",
    "unless_ge_item", "examples", "aliases", "indicator",
    "category", "anchors",
}
REQUIRED_FIELDS = ("id", "name", "message", "suggestion", "match", "examples")
_ID_RE = re.compile(r"^[A-Z]{2}\d{3}$")
_MACRO_RE = re.compile(r"^\{(\w+)\}$")
_INNER_MACRO_RE = re.compile(r"\{(\w+)\}")
# Between two words of a phrase: spaces, with perhaps a quotation mark ('dân "gay"', 'Hiếu “pê đê”').
_QUOTES = "\"'“”‘’«»"
_WORD_GAP = rf"[\s{_QUOTES}]*\s[\s{_QUOTES}]*"
_WORD_RE = re.compile(r"\w+")


def default_rules_dir() -> Path:
    """`rules/` at the top of the checkout (or $AUDITOR_RULES)."""
    import os

    env = os.environ.get("AUDITOR_RULES")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "rules"


def phrase_pattern(phrase: str) -> str:
    """Regex source for a folded phrase matched as whole words (any run of spaces between words)."""
    if phrase.startswith("re:"):
        return phrase[3:]
    words = fold(phrase).split()
    return _WORD_GAP.join(re.escape(w) for w in words)


def compile_phrases(phrases: list[str]) -> re.Pattern[str] | None:
    if not phrases:
        return None
    # Longest first so that "vòng một khủng" wins over "vòng một" at the same position.
    sources = sorted({phrase_pattern(p) for p in phrases}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(sources) + r")(?!\w)")


@dataclass
class Rule:
    id: str
    name: str
    category: str
    indicator: str
    severity: int
    message: str
    suggestion: str
    match: re.Pattern[str]
    near: re.Pattern[str] | None = None
    near_window: int = 8
    # (words, window) pairs: any of the words among the last `window` words before the match cancels it.
    unless_before: list[tuple[re.Pattern[str], int]] = field(default_factory=list)
    # Likewise just after the match (the first `window` words after it).
    unless_after: list[tuple[re.Pattern[str], int]] = field(default_factory=list)
    unless_part_of: re.Pattern[str] | None = None
    unless_quoted: int | None = None
    # A quotation opened in an earlier sentence counts too (its closing mark ends this sentence).
    unless_quote_continues: bool = False
    unless_ge_item: bool = False
    requires: re.Pattern[str] | None = None
    unless: re.Pattern[str] | None = None
    examples: dict[str, list[str]] = field(default_factory=dict)
    source: str = ""
    # First words of the plain phrases in `match`; None when a regex makes that unknowable. A text
    # without any of them cannot match, which spares the regex scan on most articles.
    anchors: frozenset[str] | None = None

    def may_match(self, words: set[str]) -> bool:
        return self.anchors is None or not self.anchors.isdisjoint(words)

    def find(self, sentence: str) -> Iterator[tuple[int, int]]:
        """Spans in a folded ``sentence`` where this rule fires (context conditions applied)."""
        if self.requires is not None and not self.requires.search(sentence):
            return
        if self.unless is not None and self.unless.search(sentence):
            return
        for m in self.match.finditer(sentence):
            start, end = m.span()
            if start == end:
                continue
            if self.near is not None and not self._near(sentence, start, end):
                continue
            if self.unless_before and self._cancelled_before(sentence, start):
                continue
            if self.unless_after and self._cancelled_after(sentence, end):
                continue
            if self.unless_part_of is not None and self._inside_longer_word(sentence, start, end):
                continue
            if self.unless_quoted and _in_quoted_speech(sentence, start, end, self.unless_quoted,
                                                        self.unless_quote_continues):
                continue
            yield start, end

    def _cancelled_before(self, sentence: str, start: int) -> bool:
        before = sentence[:start].split()
        return any(words.search(" ".join(before[-window:])) for words, window in self.unless_before)

    def _cancelled_after(self, sentence: str, end: int) -> bool:
        after = sentence[end:].split()
        return any(words.search(" ".join(after[:window])) for words, window in self.unless_after)

    def _inside_longer_word(self, sentence: str, start: int, end: int) -> bool:
        # A listed compound that overlaps the match and reaches beyond it: "thần đồng" over the
        # "đồng" of "đồng bóng", "phụ nữ" over the "nữ" of "nữ bị cáo".
        assert self.unless_part_of is not None
        lo, hi = max(0, start - 80), min(len(sentence), end + 80)
        for m in self.unless_part_of.finditer(sentence, lo, hi):
            if m.start() < end and m.end() > start and (m.start() < start or m.end() > end):
                return True
        return False

    def _near(self, sentence: str, start: int, end: int) -> bool:
        # Look at `near_window` words on each side of the match (not inside it).
        left_words = sentence[:start].split()[-self.near_window:]
        right_words = sentence[end:].split()[: self.near_window]
        context = " ".join(left_words) + " \u2016 " + " ".join(right_words)
        assert self.near is not None
        return bool(self.near.search(context))


_OPENING = {"“": "”", "‘": "’", "«": "»"}


def _quoted_spans(sentence: str, continued: bool = False) -> list[tuple[int, int]]:
    """Spans inside quotation marks; a quote still open at the end runs to the end (speech that
    goes on in the next sentence). Straight quotes pair up in order. A quote closed before any
    opened is not taken to run from the start: sentence splitting glues captions and headlines
    to the speech that follows them ("... mỹ nhân 9X Do hoàn cảnh ... chia tay”, tờ này đưa ra").
    With ``continued``, it is when that closing mark ends the sentence (“... Với tôi, mặc thế nào
    để toát lên vẻ quyến rũ, thế là đẹp”.): a quotation opened in an earlier sentence."""
    spans: list[tuple[int, int]] = []
    i, n = 0, len(sentence)
    first = _FIRST_QUOTE.search(sentence) if continued else None
    if first and _closes_quote_opened_earlier(sentence, first.start()) and _SENTENCE_TAIL.fullmatch(
            sentence, first.end()):
        # It opened at a colon that introduces speech, if one comes first ('... nói rằng: Xin cô ...
        # chồng tôi".'), otherwise before the sentence.
        return [(sentence.rfind(":", 0, first.start()) + 1, first.start())]
    while i < n:
        ch = sentence[i]
        close = _OPENING.get(ch) or ('"' if ch == '"' else None)
        if close is None or (ch == '"' and _closes_earlier_quote(sentence, i)):
            i += 1
            continue
        j = sentence.find(close, i + 1)
        end = n if j < 0 else j
        spans.append((i + 1, end))
        i = end + 1
    return spans


_FIRST_QUOTE = re.compile(r"[\"“”«»]")
# What may follow the closing mark of a quotation that ends its sentence: end punctuation, or the
# speaker and a speech verb ('”, nhà làm phim cho biết.').
_SENTENCE_TAIL = re.compile(
    r"[\s.!?…,;)\]]*|,?\s+(?:[^\s.,;!?]+\s+){0,5}(?:chia sẻ|cho biết|nói|kể|tâm sự|bày tỏ|thổ lộ|tiết lộ|"
    r"khẳng định|nhấn mạnh|giải thích|thừa nhận|trải lòng|cười)(?!\w)[^.!?]*[.!?…]*\s*")


def _closes_quote_opened_earlier(sentence: str, i: int) -> bool:
    """The mark at ``i``, the first quotation mark of the sentence, closes a quotation: a curly
    closing mark, or a straight one glued to the word before it."""
    return sentence[i] in "”»" or (sentence[i] == '"' and _closes_earlier_quote(sentence, i))


def _closes_earlier_quote(sentence: str, i: int) -> bool:
    """A straight quote glued to the word before it and not to the one after closes a quote
    opened in an earlier sentence ('đầu đinh" thấy cô gái...'): it opens nothing."""
    return i > 0 and sentence[i - 1].isalnum() and (i + 1 == len(sentence) or not sentence[i + 1].isalnum())


def _in_quoted_speech(sentence: str, start: int, end: int, min_words: int, continued: bool = False) -> bool:
    # Words of the quote besides the match itself: “Nữ hoàng dao kéo” quotes only the label.
    return any(a <= start and end <= b
               and len(sentence[a:start].split()) + len(sentence[end:b].split()) >= min_words
               for a, b in _quoted_spans(sentence, continued))


@dataclass
class RuleSet:
    rules: list[Rule]
    version: str

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def by_id(self, rule_id: str) -> Rule:
        for r in self.rules:
            if r.id == rule_id:
                return r
        raise KeyError(rule_id)


class _StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's parser when present
    """Safe YAML that refuses a key given twice in one mapping: plain PyYAML keeps the last one and
    silently drops the earlier list (it once cost the GE vocabulary its whole beauty/showbiz list)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:  # type: ignore[override]
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key {key!r} appears twice in this mapping", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def load_yaml(path: Path) -> Any:
    """A rules/lexicon YAML file; a syntax error or a repeated key is a RuleError with its line."""
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise RuleError(f"invalid YAML: {getattr(exc, 'problem', exc)}", path=str(path),
                        line=mark.line + 1 if mark else None) from exc


def load_terms(rules_dir: Path) -> dict[str, list[str]]:
    path = rules_dir / "lexicons" / "terms.yaml"
    if not path.exists():
        return {}
    data = load_yaml(path) or {}
    if not isinstance(data, dict) or not all(isinstance(v, list) for v in data.values()):
        raise RuleError("expected a mapping of list names to lists of phrases", path=str(path))
    return {k: [str(x) for x in v] for k, v in data.items()}


def _expand(items: Any, terms: dict[str, list[str]], *, path: str, rule_id: str, fld: str) -> list[str]:
    if items is None:
        return []
    if not isinstance(items, list) or not all(isinstance(x, str) and x.strip() for x in items):
        raise RuleError("must be a list of non-empty strings", path=path, item=rule_id, field=fld)
    out: list[str] = []
    for item in items:
        for name in _INNER_MACRO_RE.findall(item):
            if name not in terms:
                raise RuleError(f"unknown word list {{{name}}}", path=path, item=rule_id, field=fld)
        macro = _MACRO_RE.match(item)
        if macro:
            out.extend(terms[macro.group(1)])
        elif _INNER_MACRO_RE.search(item) and item.startswith("re:"):
            out.append(_INNER_MACRO_RE.sub(lambda m: _alternation(terms[m.group(1)]), item))
        elif _INNER_MACRO_RE.search(item):
            out.extend(_fill_macros(item, terms))
        else:
            out.append(item)
    return out


def _alternation(phrases: list[str]) -> str:
    """A word list inside a regex rule ("re:nữ (?:{women_jobs})"): its phrases as one alternation,
    longest first so that "tiếp viên hàng không" wins over "tiếp viên"."""
    return "|".join(sorted({phrase_pattern(p) for p in phrases}, key=len, reverse=True))


def _fill_macros(phrase: str, terms: dict[str, list[str]]) -> list[str]:
    """'gái quê {place_of_origin}' -> one phrase per entry of the list (each macro in turn)."""
    macro = _INNER_MACRO_RE.search(phrase)
    if macro is None:
        return [phrase]
    head, tail = phrase[:macro.start()], phrase[macro.end():]
    return [p for entry in terms[macro.group(1)] for p in _fill_macros(head + entry + tail, terms)]


def _compile_checked(phrases: list[str], *, path: str, rule_id: str, fld: str) -> re.Pattern[str] | None:
    try:
        return compile_phrases(phrases)
    except re.error as exc:
        raise RuleError(f"bad regular expression: {exc}", path=path, item=rule_id, field=fld) from exc


def _window_words(raw: dict, fld: str, default_window: int, terms: dict[str, list[str]], *, path: str,
                  rule_id: str) -> tuple[re.Pattern[str] | None, int]:
    """A `{words: [...], window: N}` field, compiled."""
    return _window_spec(raw.get(fld), fld, default_window, terms, path=path, rule_id=rule_id)


def _window_spec(spec: Any, fld: str, default_window: int, terms: dict[str, list[str]], *, path: str,
                 rule_id: str) -> tuple[re.Pattern[str] | None, int]:
    if spec is None:
        return None, default_window
    if not isinstance(spec, dict) or "words" not in spec or set(spec) - {"words", "window"}:
        raise RuleError("must be {words: [...], window: N}", path=path, item=rule_id, field=fld)
    window = spec.get("window", default_window)
    if not isinstance(window, int) or window < 1:
        raise RuleError("window must be a positive integer", path=path, item=rule_id, field=fld)
    words = _expand(spec["words"], terms, path=path, rule_id=rule_id, fld=fld)
    return _compile_checked(words, path=path, rule_id=rule_id, fld=fld), window


def _window_specs(raw: dict, fld: str, terms: dict[str, list[str]], *, path: str,
                  rule_id: str) -> list[tuple[re.Pattern[str], int]]:
    """`unless_before` / `unless_after`: one `{words, window}` spec or a list of them, compiled."""
    specs = raw.get(fld)
    out = []
    for spec in specs if isinstance(specs, list) else [specs]:
        words, window = _window_spec(spec, fld, 5, terms, path=path, rule_id=rule_id)
        if words is not None:
            out.append((words, window))
    return out


def parse_rule(raw: Any, *, category: str, indicator: str, terms: dict[str, list[str]], path: str) -> Rule:
    if not isinstance(raw, dict):
        raise RuleError("each rule must be a mapping", path=path)
    rule_id = str(raw.get("id", "?"))
    unknown = set(raw) - RULE_FIELDS
    if unknown:
        raise RuleError(f"unknown field(s): {', '.join(sorted(unknown))}", path=path, item=rule_id,
                        field=sorted(unknown)[0])
    for fld in REQUIRED_FIELDS:
        if not raw.get(fld):
            raise RuleError("is required", path=path, item=rule_id, field=fld)
    if not _ID_RE.match(rule_id):
        raise RuleError("must look like GM101 (two capitals, three digits)", path=path, item=rule_id, field="id")
    category = raw.get("category", category)
    if category not in CATEGORIES:
        raise RuleError(f"unknown category {category!r}; one of {', '.join(CATEGORIES)}", path=path,
                        item=rule_id, field="category")
    severity = raw.get("severity", 2)
    if severity not in (1, 2, 3):
        raise RuleError("must be 1, 2 or 3", path=path, item=rule_id, field="severity")
    examples = raw["examples"]
    if (not isinstance(examples, dict) or set(examples) - {"flag", "pass"}
            or not isinstance(examples.get("flag"), list) or not examples.get("flag")):
        raise RuleError("needs a non-empty 'flag' list (and optionally 'pass')", path=path, item=rule_id,
                        field="examples")
    phrases = _expand(raw["match"], terms, path=path, rule_id=rule_id, fld="match")
    match = _compile_checked(phrases, path=path, rule_id=rule_id, fld="match")
    if raw.get("anchors") is not None:
        anchors: frozenset[str] | None = frozenset(fold(w) for w in _expand(
            raw["anchors"], terms, path=path, rule_id=rule_id, fld="anchors"))
    elif any(p.startswith("re:") for p in phrases):
        anchors = None
    else:
        anchors = frozenset(_WORD_RE.findall(fold(p))[0] for p in phrases if _WORD_RE.findall(fold(p)))
    assert match is not None
    near, window = _window_words(raw, "near", 8, terms, path=path, rule_id=rule_id)
    unless_before = _window_specs(raw, "unless_before", terms, path=path, rule_id=rule_id)
    unless_after = _window_specs(raw, "unless_after", terms, path=path, rule_id=rule_id)
    quoted = raw.get("unless_quoted")
    if quoted is not None and (not isinstance(quoted, int) or isinstance(quoted, bool) or quoted < 1):
        raise RuleError("must be a positive number of words", path=path, item=rule_id, field="unless_quoted")
    unless_ge_item = raw.get("unless_ge_item", False)
    continues = raw.get("unless_quote_continues", False)
    for fld, value in (("unless_ge_item", unless_ge_item), ("unless_quote_continues", continues)):
        if not isinstance(value, bool):
            raise RuleError("must be true or false", path=path, item=rule_id, field=fld)
    if continues and quoted is None:
        raise RuleError("needs unless_quoted (the words a quotation must hold)", path=path, item=rule_id,
                        field="unless_quote_continues")
    part_of = _compile_checked(_expand(raw.get("unless_part_of"), terms, path=path, rule_id=rule_id,
                                       fld="unless_part_of"), path=path, rule_id=rule_id, fld="unless_part_of")
    return Rule(
        id=rule_id,
        name=str(raw["name"]),
        category=category,
        indicator=str(raw.get("indicator", indicator)),
        severity=int(severity),
        message=str(raw["message"]).strip(),
        suggestion=str(raw["suggestion"]).strip(),
        match=match,
        near=near,
        near_window=window,
        unless_before=unless_before,
        unless_after=unless_after,
        unless_part_of=part_of,
        unless_quoted=quoted,
        unless_quote_continues=continues,
        unless_ge_item=unless_ge_item,
        requires=_compile_checked(_expand(raw.get("requires_sentence"), terms, path=path, rule_id=rule_id,
                                          fld="requires_sentence"), path=path, rule_id=rule_id,
                                  fld="requires_sentence"),
        unless=_compile_checked(_expand(raw.get("unless_sentence"), terms, path=path, rule_id=rule_id,
                                        fld="unless_sentence"), path=path, rule_id=rule_id,
                                fld="unless_sentence"),
        examples={k: [str(x) for x in v] for k, v in examples.items()},
        source=path,
        anchors=anchors,
    )


def load_rules(rules_dir: str | Path | None = None) -> RuleSet:
    """Load and validate every `indicators/*.yaml` under ``rules_dir``; raise RuleError on any problem."""
    rules_dir = Path(rules_dir) if rules_dir else default_rules_dir()
    ind_dir = rules_dir / "indicators"
    files = sorted(ind_dir.glob("*.yaml"))
    if not files:
        raise RuleError("no indicator rules found (expected indicators/*.yaml)", path=str(rules_dir))
    terms = load_terms(rules_dir)
    digest = hashlib.sha1()
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for path in files:
        digest.update(path.read_bytes())
        data = load_yaml(path)
        if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
            raise RuleError("expected 'category', 'indicator' and a 'rules' list", path=str(path))
        category = data.get("category")
        for raw in data["rules"]:
            rule = parse_rule(raw, category=category, indicator=str(data.get("indicator", "B1.2")),
                              terms=terms, path=str(path))
            if rule.id in seen:
                raise RuleError(f"duplicate rule id (also in {seen[rule.id]})", path=str(path), item=rule.id,
                                field="id")
            seen[rule.id] = str(path)
            rules.append(rule)
    terms_path = rules_dir / "lexicons" / "terms.yaml"
    if terms_path.exists():
        digest.update(terms_path.read_bytes())
    return RuleSet(rules=rules, version=digest.hexdigest()[:12])
