"""Audit one article: rule findings, people and quotes, gender-equality item."""

from __future__ import annotations

import functools
from typing import Any

from auditor.audit.types import AuditResult
from auditor.errors import InputError

ENGINE_VERSION = "0.1.0"


class Auditor:
    """Rules, lexicons and (optionally) a model, loaded once; :meth:`audit` is pure."""

    def __init__(self, *, rules_dir: str | None = None, model: Any = None) -> None:
        self.model = model
        self.versions = {"engine_version": ENGINE_VERSION, "rules_version": "", "model_version": ""}

    def audit(self, text: str, title: str | None = None, *, id: Any = None) -> AuditResult:
        if not isinstance(text, str) or not text.strip():
            raise InputError("empty text")
        return AuditResult(id=id, ge_item=False, ge_topic=None, ge_score=0.0)


@functools.cache
def default_auditor() -> Auditor:
    return Auditor()


def audit(text: str, title: str | None = None, *, id: Any = None) -> AuditResult:
    """Audit ``text`` (and ``title``) with the default rules and model."""
    return default_auditor().audit(text, title, id=id)
