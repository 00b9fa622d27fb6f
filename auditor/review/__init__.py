"""Inspector review and draft self-check.

    auditor serve --db auditor.db          # the web app (FastAPI + uvicorn), Vietnamese UI
    auditor user add lan --role editor     # accounts: admin | inspector | editor
    auditor check draft.docx               # the self-check in the terminal

Modules: :mod:`labels` (Vietnamese names of codes), :mod:`intake` (decoding pasted/uploaded drafts),
:mod:`report` (summary and terminal report of an audit), :mod:`highlight` (escaped HTML with findings
marked at their offsets), :mod:`accounts` (users, argon2, login throttling, session key), :mod:`store`
(queue, article view, decisions, drafts), :mod:`app` (the web app), :mod:`commands` (CLI).
"""
