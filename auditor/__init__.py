"""Gender Media Auditor: audit Vietnamese media content for gender sensitivity.

The public API is small: ``from auditor.audit import audit, AuditResult, Finding, Person``.
"""

__version__ = "0.1.0"
