"""The Vietnamese transformer classifier: training (``auditor train``), loading and scoring.

    from auditor.models import load_scorer
    scorer = load_scorer()                      # models/ in the repo, or $AUDITOR_MODEL, or a path
    scorer.score_articles(["Hội LHPN tỉnh tổ chức ..."])   # [{"ge_prob", "topic", "topic_prob"}]
    scorer.score_sentences(["Nữ quái xinh đẹp ..."])      # [{"stereo_prob", "category", "category_prob"}]

Importing this package does not import torch or transformers; :func:`load_scorer` does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from auditor.models.scorer import Scorer

__all__ = ["load_scorer", "Scorer"]


def load_scorer(path: str | None = None, *, threads: int | None = None, int8: bool = False) -> Scorer:
    """See :func:`auditor.models.scorer.load_scorer`."""
    from auditor.models.scorer import load_scorer as _load

    return _load(path, threads=threads, int8=int8)


def __getattr__(name: str):  # lazy `from auditor.models import Scorer`
    if name == "Scorer":
        from auditor.models.scorer import Scorer

        return Scorer
    raise AttributeError(name)
