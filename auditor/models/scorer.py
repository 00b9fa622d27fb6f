"""Load a classifier folder and score articles and sentences with it.

A model folder is either

* the shipped layout: a folder with ``ge_item/`` (article head) and/or ``stereo/`` (sentence head),
  each a ``transformers`` sequence-classification folder (``config.json``, weights, tokenizer); or
* one sequence-classification folder (e.g. a PhoBERT a user fine-tuned elsewhere), whose task is read
  from ``config.json``: ``auditor_task`` ("article" | "sentence") if set, else its label names.

Labels come from ``config.id2label``. The negative class is named ``none`` (also accepted: ``no``,
``negative``, ``neutral``, ``0``, ``LABEL_0`` or, for a two-label model, index 0); every other label is
positive. Article labels that are gender-equality topics (``policy_law``, ``gbv``, ...; see
``auditor.audit.types.GE_TOPICS``) give the topic, others map to ``other``; sentence labels that are
stereotype categories (``appearance``, ``gender_marking``, ...; ``CATEGORIES``) give the category,
others give ``None``. The probability of an item or a stereotype is ``1 - p(none)``.

Nothing here touches the network: the offline variables are set before transformers is imported and
every load passes ``local_files_only=True``.

Load time (issue 5 wants < 2 s in a fresh process) is almost all importing torch and transformers'
modelling code; the weights themselves take ~0.1 s. The modelling code is imported through
:func:`auditor.models.lean_import.lean_imports`, which leaves out what only training and
``torch.compile`` use (see there). :func:`load_scorer` also pauses Python's
cyclic garbage collector while it imports and loads (those imports create ~360,000 long-lived
objects, and each of the collections they trigger re-walks them: ~0.4 s CPU in all), then freezes
what it loaded so later collections skip it. Loading prints no progress bars or load reports.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from auditor.audit.types import CATEGORIES, GE_TOPICS
from auditor.errors import ModelError
from auditor.models.lean_import import lean_imports
from auditor.models.textprep import article_input, prepare_text, token_windows

ENV_VAR = "AUDITOR_MODEL"
DEFAULT_MODEL_DIR = Path(__file__).resolve().parents[2] / "models"
HEAD_FOLDERS = {"article": "ge_item", "sentence": "stereo"}
NEGATIVE_NAMES = frozenset({"none", "no", "negative", "neutral", "0", "label_0", "not_ge", "not_stereotype"})
ARTICLE_HINTS = frozenset({*GE_TOPICS, "ge", "ge_item", "gender_equality"})
SENTENCE_HINTS = frozenset({*CATEGORIES, "stereotype", "stereo", "stereotyped"})
# Used when a model's config.json carries no ``auditor_thresholds``.
FALLBACK_THRESHOLDS = {"ge_item": 0.5, "stereotype": 0.5, "stereotype_model_only": 0.9}
DEFAULT_MAX_LENGTH = {"article": 256, "sentence": 96}
BATCH_SIZE = 32
MAX_WINDOWS = 16


def _read_config(folder: Path) -> dict[str, Any]:
    config_path = folder / "config.json"
    if not config_path.is_file():
        raise ModelError(f"thư mục mô hình {folder} không có config.json: chạy `auditor train` "
                         "hoặc chỉ tới một thư mục mô hình transformers")
    try:
        return json.loads(config_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(f"{config_path}: không đọc được config.json ({exc})") from exc


def _task_of(folder: Path, config: dict[str, Any]) -> str:
    task = config.get("auditor_task")
    if task in HEAD_FOLDERS:
        return task
    names = {str(v).lower() for v in (config.get("id2label") or {}).values()}
    if names & SENTENCE_HINTS:
        return "sentence"
    if names & ARTICLE_HINTS:
        return "article"
    for task, folder_name in HEAD_FOLDERS.items():
        if folder.name == folder_name:
            return task
    raise ModelError(
        f"mô hình {folder}: không xác định được nhiệm vụ (đặt \"auditor_task\": \"article\" hoặc "
        "\"sentence\" trong config.json, hoặc đặt tên nhãn theo docs/models.md)"
    )


def find_heads(folder: Path) -> dict[str, Path]:
    """Map task ("article" / "sentence") -> model folder, for either layout."""
    if not folder.is_dir():
        raise ModelError(f"không tìm thấy thư mục mô hình {folder}: chạy `auditor train` hoặc dùng --model DIR")
    if (folder / "config.json").exists():
        return {_task_of(folder, _read_config(folder)): folder}
    heads: dict[str, Path] = {}
    for sub in sorted(p for p in folder.iterdir() if p.is_dir() and (p / "config.json").exists()):
        task = _task_of(sub, _read_config(sub))
        if task in heads:
            raise ModelError(f"thư mục {folder} có hai mô hình cho cùng nhiệm vụ '{task}': {heads[task]}, {sub}")
        heads[task] = sub
    if not heads:
        raise ModelError(f"thư mục mô hình {folder} không có config.json (cũng không có ge_item/, stereo/): "
                         "chạy `auditor train`")
    return heads


def _fingerprint(folder: Path) -> str:
    digest = hashlib.sha256()
    for name in sorted(os.listdir(folder)):
        if name.endswith((".json", ".safetensors", ".bin", ".txt", ".model")):
            with open(folder / name, "rb") as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    digest.update(block)
    return digest.hexdigest()[:10]


@dataclass
class Head:
    """One loaded sequence-classification model and how to read its labels."""

    task: str
    path: Path
    tokenizer: Any
    model: Any
    labels: list[str]
    negative: int
    max_length: int
    thresholds: dict[str, float] = field(default_factory=dict)
    # Consecutive windows of ``max_length`` tokens read per text; the probabilities are their mean.
    windows: int = 1

    def probabilities(self, texts: Sequence[str]) -> list[list[float]]:
        if self.windows > 1:
            return self._window_mean(texts)
        out: list[list[float] | None] = [None] * len(texts)
        # Sorting by length keeps padding (wasted compute) small within each batch.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), BATCH_SIZE):
            rows = order[start:start + BATCH_SIZE]
            batch = self.tokenizer([texts[i] or " " for i in rows], truncation=True,
                                   max_length=self.max_length, padding=True, return_tensors="pt")
            for i, p in zip(rows, self._softmax(batch), strict=True):
                out[i] = p
        return [p for p in out if p is not None]

    def _window_mean(self, texts: Sequence[str]) -> list[list[float]]:
        """Score every window of every text in length-sorted batches, then average per text.

        A head that read only an article's first 256 tokens missed items whose lead is about
        something else; the mean over the first windows ranks dev items better (models/MODEL_CARD.md).
        """
        windows = [(i, ids) for i, text in enumerate(texts)
                   for ids in token_windows(self.tokenizer, text, self.max_length, self.windows)]
        sums: list[list[float]] = [[0.0] * len(self.labels) for _ in texts]
        counts = [0] * len(texts)
        order = sorted(range(len(windows)), key=lambda w: len(windows[w][1]))
        for start in range(0, len(order), BATCH_SIZE):
            rows = [windows[w] for w in order[start:start + BATCH_SIZE]]
            batch = self.tokenizer.pad({"input_ids": [ids for _, ids in rows]}, return_tensors="pt")
            for (i, _), p in zip(rows, self._softmax(batch), strict=True):
                sums[i] = [a + b for a, b in zip(sums[i], p, strict=True)]
                counts[i] += 1
        return [[v / counts[i] for v in sums[i]] for i in range(len(texts))]

    def _softmax(self, batch: Any) -> list[list[float]]:
        import torch

        with torch.inference_mode():
            return torch.softmax(self.model(**batch).logits.float(), dim=-1).tolist()


class Scorer:
    """Article and sentence scores from one or two heads. Build it with :func:`load_scorer`."""

    def __init__(self, heads: dict[str, Head], path: Path) -> None:
        self.heads = heads
        self.path = path
        self.version = "+".join(f"{HEAD_FOLDERS[t]}:{h.path.name}@{_fingerprint(h.path)}"
                                for t, h in sorted(heads.items()))
        self.thresholds = dict(FALLBACK_THRESHOLDS)
        for head in heads.values():
            self.thresholds.update(head.thresholds)

    @property
    def has_articles(self) -> bool:
        return "article" in self.heads

    @property
    def has_sentences(self) -> bool:
        return "sentence" in self.heads

    def _head(self, task: str) -> Head:
        if task not in self.heads:
            raise ModelError(f"mô hình {self.path} không có đầu phân loại cho {HEAD_FOLDERS[task]}")
        return self.heads[task]

    def score_articles(self, texts: Sequence[str], titles: Sequence[str] | None = None) -> list[dict[str, Any]]:
        """``{"ge_prob", "topic", "topic_prob"}`` per article (title + body, or body with ``titles``)."""
        head = self._head("article")
        if titles is not None and len(titles) != len(texts):
            raise ModelError("score_articles: số tiêu đề khác số bài")
        inputs = [article_input(titles[i] if titles else "", t) for i, t in enumerate(texts)]
        results = []
        for probs in head.probabilities(inputs):
            best = max((i for i in range(len(probs)) if i != head.negative), key=probs.__getitem__)
            label = head.labels[best].lower()
            results.append({
                "ge_prob": round(1.0 - probs[head.negative], 6),
                "topic": label if label in GE_TOPICS else "other",
                "topic_prob": round(probs[best], 6),
            })
        return results

    def score_sentences(self, sentences: Sequence[str]) -> list[dict[str, Any]]:
        """``{"stereo_prob", "category", "category_prob"}`` per sentence; category None if unknown."""
        head = self._head("sentence")
        results = []
        for probs in head.probabilities([prepare_text(s) for s in sentences]):
            best = max((i for i in range(len(probs)) if i != head.negative), key=probs.__getitem__)
            label = head.labels[best].lower()
            results.append({
                "stereo_prob": round(1.0 - probs[head.negative], 6),
                "category": label if label in CATEGORIES else None,
                "category_prob": round(probs[best], 6),
            })
        return results


def _negative_index(labels: list[str], folder: Path) -> int:
    for i, label in enumerate(labels):
        if label.lower() in NEGATIVE_NAMES:
            return i
    if len(labels) == 2:
        return 0
    raise ModelError(f"mô hình {folder}: không có nhãn âm 'none' trong id2label {labels}")


def _quantize_int8(model):
    """Dynamic int8 quantisation of the Linear layers: about 2x faster on CPU, scores move < 0.02."""
    import warnings

    import torch

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # torch marks the eager API deprecated; it still works in 2.13
        return torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)


def default_threads() -> int:
    """Torch threads when the caller gives none: one per core beyond the first, at most 4.

    On the 2-core target that is 1. A second torch thread only pays when a whole core is idle: the
    audit's own Python (rules, tokenising) or any other process keeps one busy, and then torch's
    second thread waits at every operation for a core it cannot get (measured here with one other
    busy process: 0.4 s to score one sentence with 2 threads, 0.004 s with 1).
    """
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(4, cores - 1))


@contextmanager
def _fast_quiet_loading() -> Iterator[None]:
    """Import torch and transformers (offline) and load, with the cyclic GC paused and no progress bars.

    The GC pause is what makes it fast: see the module docstring. Whatever was loaded is then frozen
    (``gc.freeze``): modules, classes and weights live as long as the process, so no later collection
    needs to walk them again. The caller's GC and progress-bar settings are restored.
    """
    gc_was_enabled = gc.isenabled()
    if gc_was_enabled:
        # Recent garbage of the caller's must not be frozen below. Only the young generations: a full
        # collection would walk torch's objects too if the caller imported it (~0.2 s).
        gc.collect(1)
    gc.disable()
    bars_were_enabled, verbosity = False, None
    try:
        # The offline variables must be set before transformers (and huggingface_hub) is first imported.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        import torch  # noqa: F401  (inside the GC pause: it is a third of the load time)
        from transformers.utils import logging as hf_logging

        # "Loading weights: 100%|..." bars and load reports (e.g. a user's checkpoint with unused
        # keys) would land in `auditor audit`'s stderr; what matters is checked in _load_head.
        bars_were_enabled, verbosity = hf_logging.is_progress_bar_enabled(), hf_logging.get_verbosity()
        hf_logging.disable_progress_bar()
        hf_logging.set_verbosity_error()
        # The Auto classes import the model's modelling code while loading; lean_imports keeps that
        # import to what inference runs (compiler, DTensor, scipy, a second file scan left out: ~1 s CPU).
        with lean_imports():
            yield
    finally:
        if verbosity is not None:
            hf_logging.set_verbosity(verbosity)
        if bars_were_enabled:
            hf_logging.enable_progress_bar()
        if gc_was_enabled:
            gc.freeze()
            gc.enable()


def _load_head(task: str, folder: Path, threads: int, int8: bool = False) -> Head:
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    torch.set_num_threads(threads)
    try:
        tokenizer = AutoTokenizer.from_pretrained(str(folder), local_files_only=True)
        model, info = AutoModelForSequenceClassification.from_pretrained(
            str(folder), local_files_only=True, dtype=torch.float32, output_loading_info=True
        )
    except (OSError, ValueError, KeyError, RuntimeError, TypeError) as exc:
        raise ModelError(f"mô hình {folder} không tương thích hoặc thiếu tệp: {exc}") from exc
    missing = sorted(info.get("missing_keys") or ())
    if missing:
        # transformers would fill these with random numbers (e.g. a PhoBERT never fine-tuned for a
        # classification head): its scores would mean nothing.
        shown = ", ".join(missing[:4]) + (f" (+{len(missing) - 4})" if len(missing) > 4 else "")
        raise ModelError(f"mô hình {folder} không tương thích: thiếu trọng số {shown}; cần một mô hình "
                         "đã tinh chỉnh cho phân loại (AutoModelForSequenceClassification)")
    model.eval()
    if int8:
        model = _quantize_int8(model)
    config = model.config
    labels = [str(config.id2label[i]) for i in range(config.num_labels)]
    if len(labels) < 2:
        raise ModelError(f"mô hình {folder}: cần ít nhất 2 nhãn, có {labels}")
    if getattr(config, "vocab_size", None) and len(tokenizer) > config.vocab_size:
        raise ModelError(f"mô hình {folder}: tokenizer có {len(tokenizer)} token, mô hình chỉ có "
                         f"{config.vocab_size}: tokenizer và trọng số không khớp")
    limit = getattr(config, "auditor_max_length", None) or DEFAULT_MAX_LENGTH[task]
    positions = getattr(config, "max_position_embeddings", None)
    if positions:
        # RoBERTa-style models (PhoBERT) reserve two positions for the padding offset.
        limit = min(limit, positions - (2 if config.model_type in {"roberta", "xlm-roberta"} else 0))
    thresholds = {str(k): float(v) for k, v in (getattr(config, "auditor_thresholds", None) or {}).items()}
    windows = getattr(config, "auditor_windows", None)
    windows = 1 if windows is None else windows
    if type(windows) is not int or not 1 <= windows <= MAX_WINDOWS:
        raise ModelError(f"mô hình {folder}: auditor_windows phải là số nguyên từ 1 đến {MAX_WINDOWS}, "
                         f"có {windows!r}")
    return Head(task, folder, tokenizer, model, labels, _negative_index(labels, folder), limit, thresholds,
                windows)


def resolve_model_dir(path: str | os.PathLike[str] | None = None) -> Path:
    """An explicit path, else ``$AUDITOR_MODEL``, else ``models/`` of the repository."""
    if path:
        return Path(path).expanduser()
    env = os.environ.get(ENV_VAR)
    return Path(env).expanduser() if env else DEFAULT_MODEL_DIR


def load_scorer(path: str | os.PathLike[str] | None = None, *, threads: int | None = None,
                int8: bool = False) -> Scorer:
    """Load the heads found in ``path`` (see :func:`resolve_model_dir`); raises ModelError.

    ``threads``: torch threads for the process (default :func:`default_threads`). ``int8=True``
    quantises the Linear layers after loading (about 2x throughput on CPU).
    """
    folder = resolve_model_dir(path)
    heads_found = find_heads(folder)  # a missing or broken folder fails before torch is imported
    threads = threads or default_threads()
    with _fast_quiet_loading():
        heads = {task: _load_head(task, sub, threads, int8) for task, sub in heads_found.items()}
    return Scorer(heads, folder)
