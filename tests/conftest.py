"""Test-wide settings.

The suite audits with the rules alone unless a test asks for a model explicitly
(`Auditor(model=...)`, `auditor audit --model DIR`, or tests/test_audit_model.py's shipped-model test):
results then do not depend on which weights happen to sit in models/, and no test pays torch's load
time by accident. Workers and subprocesses inherit the variable.
"""

import os

os.environ.setdefault("AUDITOR_NO_MODEL", "1")
