"""Gender-equality items: is the article about gender equality / women's advancement, and its topic.

Rules first (weighted vocabulary in `rules/lexicons/ge_topics.yaml`), so the audit stands without a
model; :class:`auditor.audit.engine.Auditor` blends in the classifier's probability when one is loaded.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

from auditor.audit.rules import compile_phrases, load_yaml
from auditor.errors import RuleError

# A title subject right after one of these is one person ("người phụ nữ", "một bé gái").
_SINGLE_PERSON = re.compile(r"(?<!\w)(?:người|một|cô|bà|chị|em|hai|ba)\s+$")


Spans = tuple[list[tuple[int, int]], list[tuple[int, int]]]  # (title spans, text spans)


def _overlaps(match: re.Match[str], spans: list[tuple[int, int]]) -> bool:
    return any(match.start() < end and start < match.end() for start, end in spans)


@dataclass
class GeVerdict:
    item: bool
    topic: str | None
    score: float  # 0..1
    raw: float  # the weighted vocabulary score before squashing


class GeScorer:
    def __init__(self, rules_dir: Path) -> None:
        path = rules_dir / "lexicons" / "ge_topics.yaml"
        try:
            cfg = load_yaml(path)
            self.threshold = float(cfg["threshold"])
            self.title_weight = float(cfg["title_weight"])
            self.lead_weight = float(cfg["lead_weight"])
            self.lead_chars = int(cfg["lead_chars"])
            self.max_hits = int(cfg["max_hits"])
            self.min_strong = float(cfg.get("min_strong", 1.0))
            self.core = self._weighted(cfg["core"])
            self.core_any = self._compile([t for terms in cfg["core"].values() for t in terms])
            self.negative = [(float(g["weight"]), self._compile(g["terms"])) for g in cfg["negative"]]
            # A topic is a list of terms, or {weight: terms} when its own terms (tảo hôn) must outweigh
            # words it shares with other topics (luật, quy định).
            self.topics = {t: self._weighted(v if isinstance(v, dict) else {1: v})
                           for t, v in cfg["topics"].items()}
            self.topic_min = float(cfg.get("topic_min", 0.0))
            self.title_subject = self._compile(cfg["title_subject"])
            self.title_frame = self._compile(cfg["title_frame"])
            self.title_pair_weight = float(cfg["title_pair_weight"])
            self.title_gender = self._compile(cfg["title_gender"])
            self.untitled_factor = float(cfg["untitled_factor"])
            self.untitled_lead_strong = int(cfg.get("untitled_lead_strong", 0))
            self.untitled_lead_chars = int(cfg.get("untitled_lead_chars", self.lead_chars))
            head_count = cfg.get("head_count") or []
            self.head_count = self._compile(head_count) if head_count else None
            self.incident_title = self._compile(cfg["incident_title"])
            self.problem_frame = self._compile(cfg["problem_frame"])
            self.problem_frame_min = int(cfg["problem_frame_min"])
        except (KeyError, TypeError, ValueError) as exc:
            raise RuleError(f"invalid gender-equality vocabulary: {exc}", path=str(path)) from exc

    @staticmethod
    def _compile(phrases: list[str]) -> re.Pattern[str]:
        pat = compile_phrases([str(p) for p in phrases])
        assert pat is not None
        return pat

    def _weighted(self, groups: dict) -> list[tuple[float, re.Pattern[str]]]:
        return [(float(w), self._compile(v)) for w, v in sorted(groups.items(), key=lambda kv: -float(kv[0]))]

    def _count(self, pattern: re.Pattern[str], title: str, text: str) -> tuple[float, dict[str, float]]:
        """Location-weighted hits of ``pattern``, total and per term."""
        return self._weigh(list(pattern.finditer(title)), list(pattern.finditer(text)))

    def _weigh(self, title_hits: list[re.Match[str]], text_hits: list[re.Match[str]],
               skip: Spans | None = None) -> tuple[float, dict[str, float]]:
        """Location-weighted total of the hits (each term capped), and per term.

        Hits that overlap a span of ``skip`` (title spans, text spans) do not count: "bị bắt" in "bị
        bắt về làm vợ" is the practice a strong term names, not an arrest.
        """
        per_term: dict[str, float] = {}
        for m in title_hits:
            if not (skip and _overlaps(m, skip[0])):
                per_term[m.group(0)] = per_term.get(m.group(0), 0.0) + self.title_weight
        for m in text_hits:
            if not (skip and _overlaps(m, skip[1])):
                w = self.lead_weight if m.start() < self.lead_chars else 1.0
                per_term[m.group(0)] = per_term.get(m.group(0), 0.0) + w
        cap = self.max_hits * self.title_weight
        total = sum(min(v, cap) for v in per_term.values())
        return total, per_term

    def _title_pair(self, title: str) -> bool:
        """Women (or another gender group) and their rights or standing, within a few words.

        The subject is the group ("trẻ em gái bị xâm hại"), not one person ("người phụ nữ bị cấm
        ..."), so a pair also marks the headline as the problem at large, not a single incident.
        """
        for m in self.title_subject.finditer(title):
            if _SINGLE_PERSON.search(title, 0, m.start()):
                continue
            if self.title_frame.search(title, max(0, m.start() - 40), m.end() + 40):
                return True
        return False

    def single_incident(self, title: str, text: str, title_strong: list[tuple[int, int]] | None = None) -> bool:
        """A crime, court or accident report with no word on the problem at large.

        ``title_strong``: the spans of strong core terms in ``title``, when the caller has them.
        """
        headline = title or text[:160]
        if title and title_strong is not None:
            strong = title_strong
        else:
            strong = [m.span() for weight, pat in self.core if weight >= 3 for m in pat.finditer(headline)]
        # An incident word inside another strong phrase ("bị bắt" in "bị bắt về làm vợ") names that
        # practice; the same phrase in both lists ("đánh vợ") is still an incident.
        if all(_overlaps(m, [s for s in strong if s != m.span()])
               for m in self.incident_title.finditer(headline)):
            return False
        if self._title_pair(headline):
            return False
        # A frame in the headline itself ("thông qua luật cấm ...") weighs as much as the whole minimum.
        if title and self.problem_frame.search(title):
            return False
        frames = sum(1 for _ in self.problem_frame.finditer(text))
        return frames < self.problem_frame_min

    def score(self, title: str, text: str) -> GeVerdict:
        """``title`` and ``text`` are folded (lowercase, unified tones)."""
        # Per 1,000 characters, so a long article mentioning women in passing scores low.
        length_norm = max(1.0, len(text) / 1500.0) ** 0.5
        core_total = 0.0
        strong = 0.0
        strong_spans: Spans = ([], [])
        counts: Spans | None = None  # head-count spans: looked for only when a strong term occurs
        # Spans of the heavier groups' hits (the groups run heaviest first). A word inside one of them
        # is part of that phrase, not more evidence: "phụ nữ" in "vai trò của phụ nữ", "nữ tổng thống"
        # in "nữ tổng thống đầu tiên" count once, as the phrase.
        taken: Spans = ([], [])
        for weight, pat in self.core:
            title_hits = [m for m in pat.finditer(title) if not _overlaps(m, taken[0])]
            text_hits = [m for m in pat.finditer(text) if not _overlaps(m, taken[1])]
            taken[0].extend(m.span() for m in title_hits)
            taken[1].extend(m.span() for m in text_hits)
            if weight >= 3 and self.head_count and (title_hits or text_hits) and counts is None:
                counts = ([m.span() for m in self.head_count.finditer(title)],
                          [m.span() for m in self.head_count.finditer(text)])
            if weight >= 3 and counts and (counts[0] or counts[1]):
                # A head count ("7 đại biểu nữ", "đại biểu nữ: 20") is one share in a list of a body's
                # make-up, not the subject: it counts as a supporting word.
                core_total += self._weigh([m for m in title_hits if _overlaps(m, counts[0])],
                                          [m for m in text_hits if _overlaps(m, counts[1])])[0]
                title_hits = [m for m in title_hits if not _overlaps(m, counts[0])]
                text_hits = [m for m in text_hits if not _overlaps(m, counts[1])]
            total, _ = self._weigh(title_hits, text_hits)
            core_total += weight * total
            if weight >= 3:
                strong += total
                strong_spans[0].extend(m.span() for m in title_hits)
                strong_spans[1].extend(m.span() for m in text_hits)
        if self._title_pair(title):
            core_total += self.title_pair_weight * self.title_weight
            strong += self.title_weight
        neg_total = 0.0
        for weight, pat in self.negative:
            total, _ = self._weigh(list(pat.finditer(title)), list(pat.finditer(text)), strong_spans)
            neg_total += weight * min(total, 6.0)
        raw = (core_total - neg_total) / length_norm
        threshold = self.threshold
        enough_strong = strong >= self.min_strong
        if title and not self.title_gender.search(title) and not self.core_any.search(title):
            threshold *= self.untitled_factor
            # A headline that names no gender leaves the subject to the lead: strong terms only further
            # down (a summit's paragraph on women, a closing line on same-sex marriage) are a side topic.
            lead_hits = sum(1 for start, _ in strong_spans[1] if start < self.untitled_lead_chars)
            enough_strong = enough_strong and lead_hits >= self.untitled_lead_strong
        item = (raw >= threshold and enough_strong
                and not self.single_incident(title, text, strong_spans[0]))
        topic = None
        if item:
            best, best_score = "other", 0.0
            for name, weighted in self.topics.items():
                s = sum(weight * self._count(pat, title, text)[0] for weight, pat in weighted)
                if s > best_score:
                    best, best_score = name, s
            # A few shared words in passing ("hội phụ nữ" once in the text) do not make a topic.
            topic = best if best_score >= self.topic_min else "other"
        score = 1.0 / (1.0 + math.exp(-(raw - self.threshold) / 3.0))
        if not item:
            score = min(score, 0.45)
        return GeVerdict(item=item, topic=topic, score=score, raw=raw)
