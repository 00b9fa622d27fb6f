"""Audit one article: indicator findings, people and quotes, gender-equality item.

:class:`Auditor` loads rules, lexicons and (optionally) the classifier once; :meth:`Auditor.audit`
is then a pure function of (text, title). Every offset it reports indexes the caller's original
strings (``text[start:end] == excerpt``), whatever their normalisation.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import os
import re
import unicodedata
from pathlib import Path
from typing import Any, Protocol

from auditor.audit.ge import GeScorer
from auditor.audit.people import PLAIN_HONORIFICS, PeopleFinder, PersonCluster
from auditor.audit.rules import RuleSet, default_rules_dir, load_rules
from auditor.audit.types import AuditResult, Finding, Person
from auditor.errors import AuditorError, InputError
from auditor.text import NormalizedText, fold, normalize

ENGINE_VERSION = "1.0.0"
_PACKAGE = Path(__file__).resolve().parents[1]


def _files_digest(paths: list[Path]) -> str:
    digest = hashlib.sha1()
    for path in sorted(paths):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


@functools.cache
def _engine_code_digest() -> str:
    """The code that turns text into a verdict (engine, rules, people, GE items, text normalisation,
    model scoring), not the code around it (CLI, reports, storage).

    Stored with every audit, beside the rules' and the model's versions, so ``auditor audit --db``
    knows which stored audits an upgrade may have changed, without anyone remembering to bump
    ``ENGINE_VERSION``.
    """
    code = [_PACKAGE / "audit" / f"{name}.py" for name in ("engine", "rules", "people", "ge", "types")]
    code += [_PACKAGE / "text.py", _PACKAGE / "models" / "scorer.py", _PACKAGE / "models" / "textprep.py"]
    return _files_digest([path for path in code if path.exists()])[:8]

# Above this share of control / replacement / private-use characters, input is binary junk.
_MAX_JUNK_SHARE = 0.05
MAX_TEXT_CHARS = 2_000_000
_WORDS = re.compile(r"\w+")
# Control characters (but tab and newlines), replacement characters, private use, lone surrogates.
_JUNK = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff\ud800-\udfff]")


class Scorer(Protocol):
    """What the engine needs of a classifier (see auditor.models.scorer)."""

    version: str
    thresholds: dict[str, float]
    has_articles: bool
    has_sentences: bool

    def score_articles(self, texts: list[str], titles: list[str] | None = None) -> list[dict[str, Any]]: ...

    def score_sentences(self, sentences: list[str]) -> list[dict[str, Any]]: ...


# Only sentences that speak of women, men, looks or gender go to the sentence classifier: a stereotype
# is about gender, and this keeps the model off ~95% of news sentences (honorifics such as "ông",
# "bà" alone are not cues: they are in most sentences of any story).
_GENDER_CUE = re.compile(
    r"(?<!\w)(?:phụ nữ|đàn bà|đàn ông|nữ|nam giới|con gái|con trai|cô gái|chàng trai|chị em|phái|gái|vợ|chồng|"
    r"mẹ|nàng|chàng|người đẹp|mỹ nhân|hoa hậu|á hậu|người mẫu|giới tính|đồng tính|chuyển giới|lgbt|nội trợ|"
    r"việc nhà|quý ông|quý cô|thiếu nữ|cô ấy|cô nàng|em gái|bạn gái|bạn trai|người yêu|nhan sắc|xinh|gợi cảm|"
    r"body|vòng)(?!\w)")

MODEL_MESSAGES = {
    "appearance": "Mô hình nhận thấy câu có thể nhấn mạnh ngoại hình không liên quan đến câu chuyện.",
    "sexualisation": "Mô hình nhận thấy câu có thể tình dục hóa người được nói đến.",
    "gender_marking": "Mô hình nhận thấy câu có thể nêu giới tính khi không cần thiết.",
    "domestic_role": "Mô hình nhận thấy câu có thể gán vai trò gia đình theo giới.",
    "trait": "Mô hình nhận thấy câu có thể gán tính cách bẩm sinh theo giới.",
    "demeaning_label": "Mô hình nhận thấy câu có thể dùng cách gọi hạ thấp.",
    "victim_blaming": "Mô hình nhận thấy câu có thể đổ lỗi cho nạn nhân.",
    "lgbt": "Mô hình nhận thấy câu có thể miệt thị người LGBT.",
}
MODEL_SUGGESTION = ("Đọc lại câu: nếu giới tính, ngoại hình hay vai trò gia đình không liên quan đến sự việc, "
                    "hãy bỏ hoặc viết trung tính (xem Bộ chỉ số về giới trong truyền thông).")


def check_text(text: Any, field: str = "text") -> str:
    """Return ``text`` if it can be audited, else raise InputError with a clear message."""
    if text is None:
        raise InputError(f"thiếu trường '{field}' (missing '{field}')")
    if not isinstance(text, str):
        raise InputError(f"trường '{field}' phải là chuỗi văn bản (expected a string, got {type(text).__name__})")
    if not text.strip():
        raise InputError(f"trường '{field}' rỗng (empty {field})")
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(f"văn bản quá dài: {len(text):,} ký tự, tối đa {MAX_TEXT_CHARS:,} (text too long)")
    sample = text[:20000]
    junk = len(_JUNK.findall(sample))
    if junk / len(sample) > _MAX_JUNK_SHARE:
        raise InputError("văn bản có vẻ là dữ liệu nhị phân hoặc sai mã hóa (binary or undecodable text)")
    return text


class Auditor:
    """Rules, lexicons and (optionally) a model, loaded once; :meth:`audit` is pure."""

    def __init__(self, *, rules_dir: str | Path | None = None, model: Scorer | None = None,
                 thresholds: dict[str, float] | None = None) -> None:
        self.rules_dir = Path(rules_dir) if rules_dir else default_rules_dir()
        self.rules: RuleSet = load_rules(self.rules_dir)
        self.people = PeopleFinder(self.rules_dir)
        self.ge = GeScorer(self.rules_dir)
        self.model = model
        # Model thresholds ship in the model's config.json (auditor_thresholds); callers may override.
        self.thresholds = {"ge_model_add": 0.8, "ge_model_veto": 0.0, "stereotype_model_only": 0.9,
                           **(getattr(model, "thresholds", None) or {}), **(thresholds or {})}
        self._not_in_ge_items = {r.id for r in self.rules if r.unless_ge_item}
        # Every rule file the audit reads: the indicators and the lexicons of people and GE items.
        rule_files = [*(self.rules_dir / "indicators").glob("*.yaml"), *(self.rules_dir / "lexicons").glob("*.yaml")]
        self.versions = {
            "engine_version": f"{ENGINE_VERSION}+{_engine_code_digest()}",
            "rules_version": _files_digest(rule_files),
            "model_version": getattr(model, "version", "") if model else "",
        }

    # -- findings ------------------------------------------------------------------------------

    def _rule_findings(self, nt: NormalizedText, field: str) -> list[Finding]:
        low = nt.lower
        spans = nt.sentences
        starts = [s.start for s in spans]
        found: list[Finding] = []
        original = nt.original
        words = set(_WORDS.findall(low))
        for rule in self.rules:
            if not rule.may_match(words):
                continue
            for m in rule.match.finditer(low):
                i = bisect.bisect_right(starts, m.start()) - 1
                if i < 0 or m.end() > spans[i].end:
                    continue
                sent = spans[i]
                sentence = low[sent.start:sent.end]
                for a, b in rule.find(sentence):
                    if sent.start + a != m.start():
                        continue
                    o_start, o_end = nt.to_original(sent.start + a, sent.start + b)
                    found.append(Finding(
                        rule=rule.id, category=rule.category, field=field,  # type: ignore[arg-type]
                        start=o_start, end=o_end, excerpt=original[o_start:o_end], by="rule",
                        score=1.0, message=rule.message, suggestion=rule.suggestion,
                    ))
                    break
        return _drop_overlaps(found, {r.id: r.severity for r in self.rules})

    def _model_findings(self, nt: NormalizedText, field: str, rule_findings: list[Finding]) -> list[Finding]:
        """Sentences the classifier flags that no rule flagged; they must pass the higher bar."""
        assert self.model is not None
        low = nt.lower
        spans = [s for s in nt.sentences if _GENDER_CUE.search(low, s.start, s.end)]
        if not spans:
            return []
        covered = [(f.start, f.end) for f in rule_findings if f.field == field]
        bar = self.thresholds["stereotype_model_only"]
        out = []
        scores = self.model.score_sentences([nt.text[s.start:s.end] for s in spans])
        for span, sc in zip(spans, scores, strict=True):
            if sc["stereo_prob"] < bar or not sc.get("category"):
                continue
            o_start, o_end = nt.to_original(span.start, span.end)
            if any(a < o_end and o_start < b for a, b in covered):
                continue  # a rule already explains this sentence
            out.append(Finding(rule=f"model.{sc['category']}", category=sc["category"],
                               field=field,  # type: ignore[arg-type]
                               start=o_start, end=o_end, excerpt=nt.original[o_start:o_end], by="model",
                               score=round(float(sc["stereo_prob"]), 4),
                               message=MODEL_MESSAGES.get(sc["category"], MODEL_MESSAGES["trait"]),
                               suggestion=MODEL_SUGGESTION))
        return out

    def _combine_ge(self, rule_item: bool, rule_topic: str | None, rule_score: float,
                    scored: dict[str, Any]) -> tuple[bool, str | None, float]:
        """Rules and classifier on the gender-equality question.

        The rules stay the backbone: the classifier adds an item the vocabulary missed only above
        `ge_model_add`, and overrules a rule verdict only when it is near certain (`ge_model_veto`).
        So a weak or miscalibrated model (a user's folder, say) cannot switch the rules off.
        """
        prob = float(scored["ge_prob"])
        t = self.thresholds
        item = prob >= t["ge_model_veto"] if rule_item else prob >= t["ge_model_add"]
        score = (rule_score + prob) / 2
        topic = (rule_topic or scored.get("topic") or "other") if item else None
        return item, topic, max(score, 0.5) if item else min(score, 0.4999)

    def _people(self, nt: NormalizedText, text: str, nt_title: NormalizedText | None,
                title: str | None) -> list[Person]:
        """Named people of the text, then those only the headline names.

        The text is read alone first, so a headline's shorthand ("Tướng Oánh", "Con trai Trump")
        cannot merge or re-gender the people the text names in full. A person named only in the
        headline is still one the article names; ``mentions`` index the text (the contract), so such
        a person has none. A headline in capitals is not read: every word of it looks like a name.
        """
        people = []
        # A headline name may be shorthand for a name of the text when it ends in the same word
        # ("Tướng Oánh" for "Nguyễn Văn Oánh", "Trump" for "Donald Trump") or is one word of it
        # ("Fidel"); a shared surname is not enough ("Nguyễn Ngọc Thành" is not "Nguyễn Văn An").
        body_last_words: set[str] = set()
        body_words: set[str] = set()
        body_full_names: dict[str, Person] = {}
        by_last_word: dict[str, list[Person]] = {}
        for cluster in self.people.find(nt.text, nt.sentences):
            mentions = [list(nt.to_original(m.start, m.end)) for m in cluster.mentions]
            person = self._person(cluster, nt, text, mentions)
            people.append(person)
            for last in {fold(m.tokens[-1]) for m in cluster.mentions}:
                by_last_word.setdefault(last, []).append(person)
            for m in cluster.mentions:
                body_last_words.add(fold(m.tokens[-1]))
                body_words.update(fold(t) for t in m.tokens)
                if len(m.tokens) >= 2:
                    body_full_names.setdefault(m.key, person)
        if nt_title is not None and title is not None and not _mostly_capitals(nt_title.text):
            for cluster in self.people.find(nt_title.text, nt_title.sentences):
                if not any(fold(m.tokens[-1]) in body_last_words
                           or (len(m.tokens) == 1 and fold(m.tokens[0]) in body_words) for m in cluster.mentions):
                    person = self._person(cluster, nt_title, title, [])
                    if person.role == "other":
                        # a headline's caption names a player the text's sport page is about ("Maxi
                        # Rodriguez (trái) và ... cản phá pha đi bóng của Raul"): the body's context
                        person.role = self.people.context_role(nt.lower)
                    people.append(person)
                    continue
                # "Ông Nguyễn Khoa Điềm" in the headline, the bare full name in the text: the headline's
                # honorific is the article's only word on the gender. Only a plain honorific before the
                # same full name: "Con gái Donald Trump" names his daughter, not him.
                for m in cluster.mentions:
                    person = body_full_names.get(m.key)
                    if person is not None and person.gender == "U" and m.honorific in PLAIN_HONORIFICS:
                        person.gender = self.people.honorific_gender[m.honorific]  # type: ignore[assignment]
                # "Bộ trưởng Hervé Gaymard quả quyết rằng ..." in the headline, "ông Gaymard" in the
                # text: the headline's words are his too, when one person of the text bears that
                # name and no kin noun makes the headline about a relative ("Con gái Donald Trump: ...");
                # not a question ("Ông X nói gì về dự án?"), nor a topic after a colon ("X: từ ... đến ...").
                named = by_last_word.get(fold(cluster.tokens[-1]), [])
                # "Lê Ngọc Tuấn" in the headline, only "Tuấn" in the text: the text's person is the
                # headline's, named in full there (one person of the text by that name, a given name alone).
                # (a name that opens with a surname, a known given name or an initial, not "Chelsea Jose
                # Mourinho", a club before the name)
                first = fold(cluster.tokens[0]).rstrip(".")
                if len(named) == 1 and len(cluster.tokens) >= 2 and " " not in named[0].name and \
                        fold(named[0].name) == fold(cluster.tokens[-1]) and (
                            first in self.people.surnames or first in self.people.foreign_gender or len(first) == 1):
                    named[0].name = self._person(cluster, nt_title, title, []).name
                if cluster.quoted and len(named) == 1 and "?" not in nt_title.text and _HEADLINE_SPEECH.search(
                        nt_title.lower) and not any(_KIN_WORDS.intersection(m.prefix.split()[-2:]) for m in cluster.mentions):
                    named[0].quoted = True
        return people

    @staticmethod
    def _person(cluster: PersonCluster, nt: NormalizedText, original: str, mentions: list[list[int]]) -> Person:
        # The name as the article writes it (NFC), from its fullest mention.
        best = cluster.best_mention
        b_start, b_end = nt.to_original(best.start, best.end)
        name = _nfc(original[b_start:b_end]) + ("." if best.initial else "")
        return Person(name=name, gender=cluster.gender,  # type: ignore[arg-type]
                      quoted=cluster.quoted, role=cluster.role, mentions=mentions)

    # -- main ----------------------------------------------------------------------------------

    def audit(self, text: str, title: str | None = None, *, id: Any = None) -> AuditResult:
        """Audit one article. Raises InputError for text that cannot be audited."""
        check_text(text)
        if title is not None and not isinstance(title, str):
            raise InputError("trường 'title' phải là chuỗi văn bản (title must be a string)")
        nt = normalize(text)
        nt_title = normalize(title) if title and title.strip() else None

        findings = self._rule_findings(nt, "text")
        if nt_title is not None:
            findings = self._rule_findings(nt_title, "title") + findings

        people = self._people(nt, text, nt_title, title)

        verdict = self.ge.score(nt_title.lower if nt_title else "", nt.lower)
        ge_item, ge_topic, ge_score = verdict.item, verdict.topic, verdict.score
        if self.model is not None and getattr(self.model, "has_sentences", False):
            findings = sorted(findings + self._model_findings(nt, "text", findings)
                              + (self._model_findings(nt_title, "title", findings) if nt_title else []),
                              key=lambda f: (f.field != "title", f.start))
        if self.model is not None and getattr(self.model, "has_articles", False):
            scored = self.model.score_articles([nt.text], [nt_title.text if nt_title else ""])[0]
            ge_item, ge_topic, ge_score = self._combine_ge(verdict.item, verdict.topic, verdict.score, scored)
        if ge_item and self._not_in_ge_items:
            # In a piece about women's advancement, "nữ cán bộ" is the story, not a needless marker.
            findings = [f for f in findings if f.rule not in self._not_in_ge_items]
        return AuditResult(id=id, ge_item=ge_item, ge_topic=ge_topic, ge_score=ge_score,
                           findings=findings, people=people)


# A headline that reports speech: a quotation after a colon, or a verb of saying; not "X: từ diễn viên
# đến thống đốc", a topic after the name.
_HEADLINE_SPEECH = re.compile(r":\s*[“\"'‘«]|(?<!\w)(?:cho biết|nói(?!\s+chuyện)|khẳng định|quả quyết|tuyên bố|phát biểu|nhấn mạnh|"
                              r"cho rằng|thừa nhận|tâm sự|chia sẻ|kêu gọi|cảnh báo|bác bỏ|phủ nhận|tiết lộ|yêu cầu|"
                              r"đề nghị|trả lời|giải thích|xác nhận|bày tỏ|cam kết|khai)(?!\w)")
# Words that make a headline name the relative's, not the person's: "Con trai Trump", "Vợ ông X".
_KIN_WORDS = frozenset({"con", "trai", "gái", "vợ", "chồng", "cha", "mẹ", "bố", "cháu"})


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def _drop_overlaps(findings: list[Finding], severity: dict[str, int]) -> list[Finding]:
    """Where findings of one category overlap, keep the most severe (then the longest).

    Findings of different categories may overlap ("Nữ quái" gender marking inside "Nữ quái xinh
    đẹp" appearance): each says something different to the editor.
    """
    ranked = sorted(findings, key=lambda f: (-severity.get(f.rule, 1), -(f.end - f.start), f.start))
    kept: list[Finding] = []
    # Kept spans of one field and category never overlap, so sorted by start, the only one that can
    # overlap a new span is the last starting before its end (linear in practice, not quadratic: a
    # long transcript can hold thousands of findings).
    starts: dict[tuple[str, str], list[int]] = {}
    ends: dict[tuple[str, str], list[int]] = {}
    for f in ranked:
        group = (f.field, f.category)
        group_starts, group_ends = starts.setdefault(group, []), ends.setdefault(group, [])
        i = bisect.bisect_left(group_starts, f.end)
        if i and group_ends[i - 1] > f.start:
            continue
        group_starts.insert(i, f.start)
        group_ends.insert(i, f.end)
        kept.append(f)
    return sorted(kept, key=lambda f: f.start)


def load_default_model(path: str | None = None, *, threads: int | None = None) -> Scorer | None:
    """The classifier in ``path``, $AUDITOR_MODEL or the shipped `models/`; None when none is there
    (or AUDITOR_NO_MODEL=1, which an explicit ``path`` overrides). An explicit but broken folder
    raises ModelError."""
    if os.environ.get("AUDITOR_NO_MODEL") == "1" and not path:
        return None
    from auditor.models.scorer import find_heads, load_scorer, resolve_model_dir

    folder = resolve_model_dir(path)
    explicit = bool(path or os.environ.get("AUDITOR_MODEL"))
    if not explicit:
        try:
            if not find_heads(folder):
                return None
        except AuditorError:
            return None  # no shipped model: rules alone
    if threads is None and os.environ.get("AUDITOR_TORCH_THREADS"):
        threads = int(os.environ["AUDITOR_TORCH_THREADS"])
    return load_scorer(folder, threads=threads)


def _mostly_capitals(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) > 0.6 * len(letters)


@functools.cache
def default_auditor() -> Auditor:
    """The auditor with the shipped rules and model (if any); built once per process."""
    return Auditor(rules_dir=os.environ.get("AUDITOR_RULES") or None, model=load_default_model())


def audit(text: str, title: str | None = None, *, id: Any = None) -> AuditResult:
    """Audit ``text`` (and ``title``) with the default rules and model."""
    return default_auditor().audit(text, title, id=id)
