"""The audit result: what `auditor audit --jsonl` writes, one object per article."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Field = Literal["title", "text"]
By = Literal["rule", "model"]
Gender = Literal["F", "M", "U"]

CATEGORIES = (
    "appearance",
    "sexualisation",
    "gender_marking",
    "domestic_role",
    "trait",
    "demeaning_label",
    "victim_blaming",
    "lgbt",
)
ROLES = ("official", "expert", "business", "citizen", "victim", "suspect", "celebrity", "other")
GE_TOPICS = (
    "policy_law",
    "politics_leadership",
    "gbv",
    "economic",
    "role_model",
    "womens_union",
    "sex_ratio",
    "health_education",
    "other",
)


@dataclass
class Finding:
    """A passage that breaks a Gender-in-Media indicator. ``field[start:end] == excerpt``."""

    rule: str
    category: str
    field: Field
    start: int
    end: int
    excerpt: str
    by: By
    score: float
    message: str
    suggestion: str = ""


@dataclass
class Person:
    """A person named in the article. ``gender`` is U when the text does not say."""

    name: str
    gender: Gender
    quoted: bool
    role: str
    mentions: list[list[int]] = field(default_factory=list)


@dataclass
class AuditResult:
    id: Any
    ge_item: bool
    ge_topic: str | None
    ge_score: float
    findings: list[Finding] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "ge_item": self.ge_item,
            "ge_topic": self.ge_topic,
            "ge_score": round(self.ge_score, 4),
            "findings": [asdict(f) for f in self.findings],
            "people": [asdict(p) for p in self.people],
        }

    @property
    def quoted_counts(self) -> dict[str, int]:
        counts = {"F": 0, "M": 0, "U": 0}
        for p in self.people:
            if p.quoted:
                counts[p.gender] += 1
        return counts
