"""Audit one article: indicator findings, people and quotes, gender-equality item.

:class:`Auditor` loads rules, lexicons and (optionally) the classifier once; :meth:`Auditor.audit`
is then a pure function of (text, title). Every offset it reports indexes the caller's original
strings (``text[start:end] == excerpt``), whatever their normalisation.
"""

from __future__ import annotations

import bisect
import functools
import os
import re
import unicodedata
from pathlib import Path
from typing import Any, Protocol

from auditor.audit.ge import GeScorer
from auditor.audit.people import PeopleFinder
from auditor.audit.rules import RuleSet, default_rules_dir, load_rules
from auditor.audit.types import AuditResult, Finding, Person
from auditor.errors import InputError
from auditor.text import NormalizedText, normalize, split_sentences

ENGINE_VERSION = "1.0.0"

# Above this share of control / replacement / private-use characters, input is binary junk.
_MAX_JUNK_SHARE = 0.05
MAX_TEXT_CHARS = 2_000_000
# Control characters (but tab and newlines), replacement characters, private use, lone surrogates.
_JUNK = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff\ud800-\udfff]")


class Scorer(Protocol):
    """What the engine needs of a classifier (see auditor.models.scorer)."""

    version: str

    def score_articles(self, texts: list[str]) -> list[dict[str, Any]]: ...

    def score_sentences(self, sentences: list[str]) -> list[dict[str, Any]]: ...


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
        self.thresholds = {"ge_item": 0.5, "stereo_model_only": 0.9, **(thresholds or {})}
        self.versions = {
            "engine_version": ENGINE_VERSION,
            "rules_version": self.rules.version,
            "model_version": getattr(model, "version", "") if model else "",
        }

    # -- findings ------------------------------------------------------------------------------

    def _rule_findings(self, nt: NormalizedText, field: str) -> list[Finding]:
        low = nt.lower
        spans = split_sentences(nt.text)
        starts = [s.start for s in spans]
        found: list[Finding] = []
        original = nt.original
        for rule in self.rules:
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

        people = []
        for cluster in self.people.find(nt.text):
            mentions = [list(nt.to_original(m.start, m.end)) for m in cluster.mentions]
            # The name as the article writes it (NFC), from its fullest mention.
            best = cluster.best_mention
            b_start, b_end = nt.to_original(best.start, best.end)
            name = _nfc(text[b_start:b_end]) + ("." if best.initial else "")
            people.append(Person(name=name, gender=cluster.gender,  # type: ignore[arg-type]
                                 quoted=cluster.quoted, role=cluster.role, mentions=mentions))

        verdict = self.ge.score(nt_title.lower if nt_title else "", nt.lower)
        result = AuditResult(id=id, ge_item=verdict.item, ge_topic=verdict.topic, ge_score=verdict.score,
                             findings=findings, people=people)
        return result


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def _drop_overlaps(findings: list[Finding], severity: dict[str, int]) -> list[Finding]:
    """Where findings of one category overlap, keep the most severe (then the longest).

    Findings of different categories may overlap ("Nữ quái" gender marking inside "Nữ quái xinh
    đẹp" appearance): each says something different to the editor.
    """
    ranked = sorted(findings, key=lambda f: (-severity.get(f.rule, 1), -(f.end - f.start), f.start))
    kept: list[Finding] = []
    for f in ranked:
        if all(f.end <= k.start or f.start >= k.end or f.category != k.category or f.field != k.field
               for k in kept):
            kept.append(f)
    return sorted(kept, key=lambda f: f.start)


@functools.cache
def default_auditor() -> Auditor:
    """The auditor with the shipped rules (and model, once one is configured); built once per process."""
    return Auditor(rules_dir=os.environ.get("AUDITOR_RULES") or None)


def audit(text: str, title: str | None = None, *, id: Any = None) -> AuditResult:
    """Audit ``text`` (and ``title``) with the default rules and model."""
    return default_auditor().audit(text, title, id=id)
