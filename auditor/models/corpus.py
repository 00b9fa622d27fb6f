"""Readers for the unlabelled and topic-labelled news corpora in ``../shared/corpus``.

Each reader yields ``(source_id, title, text)``; the text is prepared (``prepare_text``). Sampling is
deterministic (a seeded hash of the id), so a rerun reads the same articles in the same order.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from auditor.errors import ModelError
from auditor.models.textprep import prepare_text
from auditor.text import fold

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "corpus"
DEFAULT_EVAL = REPO_ROOT.parent / "shared" / "eval"


@dataclass(frozen=True)
class CorpusArticle:
    source_id: str
    title: str
    text: str
    topic: str = ""


def _open_jsonl(path: Path) -> Iterator[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                yield json.loads(line)


def read_vntc(corpus: Path) -> Iterator[CorpusArticle]:
    for row in _open_jsonl(corpus / "vntc" / "vntc10_train.jsonl.gz"):
        # Many VNTC rows carry the whole article in `title` and an empty `text`.
        title, text = prepare_text(row.get("title", "")), prepare_text(row.get("text", ""))
        if not text:
            title, text = "", title
        yield CorpusArticle(f"vntc:{row['id']}", title, text, row.get("topic", ""))


def read_baomoi(corpus: Path) -> Iterator[CorpusArticle]:
    for row in _open_jsonl(corpus / "baomoi" / "baomoi_2017_dev.jsonl.gz"):
        body = " ".join(p for p in (row.get("sapo", ""), row.get("text", "")) if p)
        yield CorpusArticle(f"baomoi:{row['id']}", prepare_text(row.get("title", "")), prepare_text(body))


def read_danes(corpus: Path) -> Iterator[CorpusArticle]:
    folder = corpus / "danes"
    for name in ("danes_annotated_batch1.jsonl", "danes_provincial_subset.jsonl", "danes_raw_batch8.jsonl"):
        if not (folder / name).exists():
            continue
        for row in _open_jsonl(folder / name):
            topics = row.get("topics") or []
            # The raw batch has no ids: its URL identifies the item.
            yield CorpusArticle(
                f"danes:{row['id']}" if row.get("id") is not None else f"danes:{row.get('url', '')}",
                prepare_text(row.get("title", "")),
                prepare_text(row.get("description", "") or ""),
                ",".join(topics) if isinstance(topics, list) else str(topics),
            )


READERS = {"vntc": read_vntc, "baomoi": read_baomoi, "danes": read_danes}


def check_corpus(corpus: Path) -> None:
    if not (corpus / "vntc").is_dir() and not (corpus / "baomoi").is_dir():
        raise ModelError(
            f"không tìm thấy kho văn bản huấn luyện ở {corpus} (cần vntc/ hoặc baomoi/): "
            "dùng --corpus DIR"
        )


def iter_corpus(corpus: Path) -> Iterator[CorpusArticle]:
    """Every article of every corpus found under ``corpus`` (missing parts are skipped)."""
    check_corpus(corpus)
    for name, reader in READERS.items():
        if (corpus / name).is_dir():
            yield from reader(corpus)


def keep(source_id: str, fraction: float, seed: int) -> bool:
    """Deterministic sample: the same ids are kept for the same seed on every machine."""
    digest = hashlib.blake2b(f"{seed}:{source_id}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2**64 < fraction


# --- eval exclusion -----------------------------------------------------------------------------


def shingles(text: str, n: int = 4) -> set[tuple[str, ...]]:
    """The word n-grams of ``text``, folded (case and tone placement do not matter)."""
    words = re.findall(r"\w+", fold(text))
    return {tuple(words[i:i + n]) for i in range(max(1, len(words) - n + 1))}


class EvalGuard:
    """Tells text that is, or nearly is, an item of the eval sets (4-gram overlap), so that no
    training set (labelled, or unlabelled pretraining text) holds what the eval sets measure."""

    def __init__(self, eval_dir: Path = DEFAULT_EVAL) -> None:
        self.index: dict[tuple[str, ...], set[int]] = defaultdict(set)
        self.sizes: list[int] = []
        for name, fields in (("stereo_dev.jsonl", ("sentence",)), ("topic_dev.jsonl", ("title", "text")),
                             ("people_dev.jsonl", ("title", "text"))):
            path = eval_dir / name
            if not path.exists():
                continue
            for line in path.open(encoding="utf-8"):
                row = json.loads(line)
                for field in fields:
                    value = row.get(field) or ""
                    chunks = [value] if field != "text" else [value[i:i + 300] for i in range(0, len(value), 300)]
                    for chunk in chunks:
                        sh = shingles(chunk)
                        if len(sh) < 3:
                            continue
                        idx = len(self.sizes)
                        self.sizes.append(len(sh))
                        for gram in sh:
                            self.index[gram].add(idx)

    def __bool__(self) -> bool:
        return bool(self.sizes)

    def near(self, text: str, limit: float = 0.3) -> bool:
        sh = shingles(text)
        hits: Counter[int] = Counter()
        for gram in sh:
            for idx in self.index.get(gram, ()):
                hits[idx] += 1
        return any(count / min(len(sh), self.sizes[idx]) >= limit for idx, count in hits.items())


class DrawnSample:
    """The articles a hand-labelled check set has drawn so far; tells why the next may not be drawn:
    it is, or nearly is, an eval item (its title or any 300-character chunk), or a second copy of a
    story already drawn (another outlet's; 4-gram overlap >= 30 %)."""

    def __init__(self, guard: EvalGuard) -> None:
        self.guard = guard
        self._drawn: list[set[tuple[str, ...]]] = []

    def refuse(self, title: str, text: str) -> str | None:
        """"near eval", "second copy", or None, and then the article counts as drawn."""
        chunks = [title] + [text[i:i + 300] for i in range(0, len(text), 300)]
        if any(self.guard.near(c) for c in chunks if len(c.split()) >= 6):
            return "near eval"
        sh = shingles(f"{title} {text}")
        if any(len(sh & other) / max(1, min(len(sh), len(other))) >= 0.3 for other in self._drawn):
            return "second copy"
        self._drawn.append(sh)
        return None
