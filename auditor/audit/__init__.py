"""The audit engine: a pure function of text (plus rules and model).

    from auditor.audit import audit
    result = audit("Nữ quái xinh đẹp cầm đầu đường dây...", title="Tin an ninh")
    result.to_dict()   # the `auditor audit --jsonl` contract

Crawl, ingest, check, review and the JSONL contract all call :func:`audit` (or an
:class:`Auditor` built once and reused).
"""

from auditor.audit.engine import ENGINE_VERSION, Auditor, audit, default_auditor
from auditor.audit.types import AuditResult, Finding, Person

__all__ = ["audit", "Auditor", "default_auditor", "AuditResult", "Finding", "Person", "ENGINE_VERSION"]
