"""Build the stereotype check sets in data/check/ (see the Stereotype section of data/check/README.md).

    python scripts/build_stereo_check.py draw      # run the rules over the held-out corpus, draw the sample
    python scripts/build_stereo_check.py rebuild   # the sentence texts again from ../shared/corpus
    python scripts/build_stereo_check.py draw --set blind   # the second, blind set (below)
    python scripts/build_stereo_check.py diff --against HEAD  # corpus sentences whose flag a rule edit changes

A held-out precision check of the indicator rules: sentences of ../shared/corpus news (VNTC
2004-2006, baomoi 2017) from articles that are not in data/train (neither an article label nor the
source of a labelled or candidate sentence), so nobody tuned the rules on them. `draw` runs the
rules alone (``AUDITOR_NO_MODEL=1``, ``Auditor()``) over every such article and collects

- the flagged sentences, in strata by rule: a sentence's stratum is the rarest rule (fewest flagged
  sentences in the whole pass) that fired on it, so every rule with hits gets up to ``PER_RULE``
  sentences of its own; within a stratum the order is a seeded hash (the set's seed) of source and offset;
- ``UNFLAGGED`` random sentences that no rule flagged and that contain a gender word
  (``GENDER_WORD``), for a recall check.

Both samples are shuffled together (seeded) and numbered ``s001``..., so a reader labelling
``stereo_check.jsonl`` cannot tell a flagged sentence from an unflagged one. What the rules said
at draw time is kept in ``stereo_check_index.jsonl`` (sample, stratum, rules), which the labeller
does not open; ``stereo_check_meta.json`` has the population counts per stratum (for a weighted
precision). Sentences that are, or nearly are, an item of ../shared/eval (``EvalGuard``) and second
copies of a sentence are dropped. The corpus text is not committed (baomoi has no licence): the index
names each sentence by corpus id and offsets, and ``rebuild`` reads the text back. A redraw with
changed rules gives a different sample, so ``draw`` refuses to overwrite the index (``--force``).

``--set blind`` draws a second set after the rules were corrected on the first (seed ``8123``; ids
``b001``...; no sentence of the first set): a simple random sample of 150 flagged sentences (so its
precision is the news-wide one, no weights needed) and two unflagged strata for recall: 100
gendered sentences with stereotype-adjacent vocabulary (``ADJACENT_WORD``: looks, body, family
roles, traits, labels, LGBT; where misses would be) and 50 other gendered sentences. It is labelled
once, blind, and scored once: the held-out figure of the rules corrected on the first set.
``--set final`` (seed ``9431``, ids ``f001``...) is drawn the same way after the rules were
corrected on the blind set too: 120 flagged sentences only, for the precision of the final rules.
``--set round4`` (seed ``7741``, ids ``r001``...) is a fourth round after the final set's fixes: it
reads only articles from which no earlier set drew any sentence, and draws 150 flagged sentences at
random and 150 unflagged ones holding a gender word and the broader stereotype vocabulary
(``VOCAB_R4``: ADJACENT_WORD plus the terms of ../shared/reference/GENDER_MEDIA_REFERENCE.md), so
that misses are measured as well as false flags. ``--set round4b`` (seed ``8839``, ids ``q001``...)
draws 100 flagged sentences the same way with the rules corrected on round 4, for their precision.
``--set round5`` (seed ``10687``, ids ``v001``...) is drawn like round 4 after the round-4b fixes:
150 flagged sentences and 100 unflagged ones with the broad vocabulary, from fresh articles.
``--set round6`` (seed ``12011``, ids ``w001``...) is drawn the same way after the round-5 fixes.
``--set round7`` (seed ``13873``, ids ``x001``...) is drawn the same way after the round-6 fixes.
``--set round8`` (seed ``15307``, ids ``y001``...) is drawn the same way after the round-7 fixes.
``--set round9`` (seed ``16729``, ids ``z001``...) is drawn the same way after the round-8 fixes.
``--set round10`` (seed ``18353``, ids ``u001``...) is drawn the same way after the round-9 fixes.
``--set round11`` (seed ``19891``, ids ``t001``...) is drawn the same way after the round-10 fixes.
``--set round12`` (seed ``21433``, ids ``p001``...) is drawn the same way after the round-11 fixes.
``--set round13`` (seed ``23039``, ids ``n001``...) is drawn the same way after the round-12 fixes.
``--set round14`` (seed ``24571``, ids ``m001``...) is drawn the same way after the round-13 fixes.

``diff --against REV`` is how a rule edit is read before it is kept: the rules of REV (its
``rules/`` folder, from git; the matcher ``auditor/audit/rules.py`` is the working tree's for both)
and the working tree's run over every VNTC and baomoi title and body,
and every sentence whose set of firing rules differs is listed (lost, gained, changed rule) with
its text, for reading. A pass's flags are cached by rules version in the temp folder, so a series
of edits costs one corpus pass each.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import random
import re
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))


from auditor.models.corpus import CorpusArticle, EvalGuard, iter_corpus  # noqa: E402
from auditor.text import normalize  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus"
OUT = REPO / "data" / "check"
# counts: (flagged, unflagged with adjacent words, other unflagged) for the random sets.


def _round(seed: int, prefix: str, number: int) -> dict:
    """A round drawn like round 5: fresh articles, 150 flagged + 100 broad-vocabulary decoys."""
    return {"seed": seed, "prefix": prefix, "name": f"stereo_round{number}", "counts": (150, 100, 0),
            "fresh_articles": True, "vocab": "r4"}


SETS = {"check": {"seed": 5309, "prefix": "s", "name": "stereo_check"},  # not data/train's 2026
        "blind": {"seed": 8123, "prefix": "b", "name": "stereo_blind", "counts": (150, 100, 50)},
        "final": {"seed": 9431, "prefix": "f", "name": "stereo_final", "counts": (120, 0, 0)},
        # Round 4: only articles no earlier set drew a sentence from; its unflagged half is the
        # broader stereotype vocabulary (VOCAB_R4), for recall.
        "round4": {"seed": 7741, "prefix": "r", "name": "stereo_round4", "counts": (150, 150, 0),
                   "fresh_articles": True, "vocab": "r4"},
        # After the round-4 fixes: flagged sentences only, from articles no earlier set drew from.
        "round4b": {"seed": 8839, "prefix": "q", "name": "stereo_round4b", "counts": (100, 0, 0),
                    "fresh_articles": True},
        # Rounds 5-14, each after the previous round's fixes: fresh articles, flagged + decoys.
        "round5": _round(10687, "v", 5),
        "round6": _round(12011, "w", 6),
        "round7": _round(13873, "x", 7),
        "round8": _round(15307, "y", 8),
        "round9": _round(16729, "z", 9),
        "round10": _round(18353, "u", 10),
        "round11": _round(19891, "t", 11),
        "round12": _round(21433, "p", 12),
        "round13": _round(23039, "n", 13),
        "round14": _round(24571, "m", 14)}
PER_RULE = 8
MAX_FLAGGED = 210
UNFLAGGED = 100
MIN_CHARS, MAX_CHARS = 25, 500
# Words that make a sentence speak of a woman or a man (the recall sample). "ông" is left out: it
# is in most sentences of political and business news, which would crowd out everything else.
GENDER_WORD = re.compile(
    r"(?<!\w)(?:phụ nữ|đàn bà|đàn ông|nữ|nam giới|nữ giới|con gái|con trai|cô gái|chàng trai|chị em|cô|chị|bà|"
    r"anh|em gái|vợ|chồng|nàng|chàng|thiếu nữ|người đẹp|hoa hậu|người mẫu|giới tính|đồng tính|phái đẹp|"
    r"phái mạnh|quý ông|cô ấy|bạn gái|bạn trai)(?!\w)")
# Vocabulary near the stereotypes (not the rules' own lists): where an unflagged stereotype would be.
ADJACENT_WORD = re.compile(
    r"(?<!\w)(?:xinh|đẹp|nhan sắc|quyến rũ|gợi cảm|nóng bỏng|sexy|khoe|thân hình|vóc dáng|body|vòng|"
    r"chân dài|bikini|nội y|hot girl|hotgirl|mỹ nhân|người đẹp|kiều nữ|bóng hồng|phái yếu|phái đẹp|"
    r"phái mạnh|đàn bà|nội trợ|việc nhà|bếp|nấu nướng|chăm con|đảm đang|hiền thục|giữ chồng|trụ cột|"
    r"thiên chức|yếu đuối|ghen|nhẹ dạ|cả tin|lẳng lơ|tiểu tam|bồ nhí|gái|đồng tính|gay|chuyển giới|"
    r"nữ tính|nam tính|đàn ông|mạnh mẽ|dịu dàng)(?!\w)")
# Round 4's recall stratum: ADJACENT_WORD and the stereotype vocabulary of
# ../shared/reference/GENDER_MEDIA_REFERENCE.md (section 3), family roles and traits by gender. Words
# that name a gender themselves (SELF_GENDERED) count as the gender word of the sentence.
SELF_GENDERED = re.compile(
    r"(?<!\w)(?:tiểu tam|trà xanh|giật chồng|kẻ thứ ba|đánh ghen|hot girl|hotgirl|mỹ nhân|kiều nữ|"
    r"bóng hồng|chân dài|phái yếu|phái đẹp|phái mạnh|nội tướng|mẹ chồng|nàng dâu|con dâu|gái|"
    r"bà nội trợ|nữ quái|nữ tặc|ô môi|pê đê|bê đê|đồng bóng)(?!\w)")
VOCAB_R4 = re.compile(
    ADJACENT_WORD.pattern[:-len(r")(?!\w)")].replace("|gay|", "|gay(?! gắt| go)|") +
    r"|mát mắt|thiếu vải|hở hang|ngực|vòng một|vòng 1|vòng ba|vòng 3|đường cong|vòng eo|eo thon|"
    r"da trắng|trắng nõn|mặt hoa|nõn nà|bốc lửa|khiêu gợi|gợi tình|lả lơi|mặc mát|"
    r"tiểu tam|trà xanh|giật chồng|kẻ thứ ba|đánh ghen|ngoại tình|lăng nhăng|"
    r"dễ dãi|cả nể|ăn mặc|quá chén|vì quá yêu|"
    r"cam chịu|h[iy] sinh (?:vì chồng|cho chồng|cho gia đình|bản thân)|chịu thương chịu khó|tần tảo|nết na|công dung ngôn hạnh|"
    r"chăm sóc gia đình|lo cho gia đình|giữ lửa|tổ ấm|chiều chồng|phục vụ chồng|vun vén|"
    r"làm dâu|sinh con trai|nối dõi|trọng nam|nhiều chuyện|đanh đá|chua ngoa|nhỏ mọn|ẻo lả|"
    r"điệu đà|mít ướt|nhút nhát|bản lĩnh đàn ông|đấng mày râu|nam nhi|quý bà|cô nàng|"
    r"nữ quái|nữ tặc|bà nội trợ|nội tướng|ô môi|pê đê|bê đê|đồng bóng)(?!\w)")


def _paths(set_name: str) -> tuple[Path, Path, Path]:
    """(index, texts, meta) of a set."""
    name = SETS[set_name]["name"]
    return OUT / f"{name}_index.jsonl", OUT / f"{name}.jsonl", OUT / f"{name}_meta.json"


def _rank(seed: int, *parts: object) -> str:
    return hashlib.sha1(":".join(map(str, (seed, *parts))).encode()).hexdigest()


def _train_sources() -> set[str]:
    """Corpus ids the rules could have been tuned on: every article or sentence source in data/train."""
    sources: set[str] = set()
    train = REPO / "data" / "train"
    for path in [*train.glob("articles_*.jsonl"), *train.glob("sentences_*.jsonl"),
                 *(train / "candidates").glob("*.jsonl")]:
        for line in path.open(encoding="utf-8"):
            if line.strip():
                source = json.loads(line).get("source")
                if isinstance(source, str):
                    sources.add(source)
    return sources


def _articles() -> list[CorpusArticle]:
    excluded = _train_sources()
    return [a for a in iter_corpus(CORPUS)
            if not a.source_id.startswith("danes:") and a.source_id not in excluded]


def _fields(article: CorpusArticle) -> list[tuple[str, str]]:
    return [(f, t) for f, t in (("title", article.title), ("text", article.text)) if t and t.strip()]


def draw(set_name: str, force: bool) -> None:
    index, _, meta_path = _paths(set_name)
    seed = SETS[set_name]["seed"]
    if index.exists() and not force:
        sys.exit(f"{index} exists (its labels refer to it); use --force to draw anew")
    # Sentences of the earlier sets are not drawn again.
    taken = {(r["source"], r["field"], r["start"]) for other in SETS if other != set_name
             and _paths(other)[0].exists() for r in map(json.loads, _paths(other)[0].open(encoding="utf-8"))}
    # A "fresh_articles" set skips every article an earlier set drew a sentence from, not only those sentences.
    used_articles = {source for source, _, _ in taken} if SETS[set_name].get("fresh_articles") else set()
    broad = SETS[set_name].get("vocab") == "r4"
    os.environ["AUDITOR_NO_MODEL"] = "1"
    from auditor.audit.engine import Auditor

    auditor = Auditor()
    guard = EvalGuard()
    started = time.perf_counter()
    articles = [a for a in _articles() if a.source_id not in used_articles]
    seen: set[str] = set()
    flagged: list[dict] = []
    gendered: list[dict] = []
    for n, art in enumerate(articles):
        for field, text in _fields(art):
            nt = normalize(text)
            findings = auditor._rule_findings(nt, field)  # the rule pass of Auditor.audit, no people/GE
            low = nt.lower
            for span in nt.sentences:
                sentence = text[span.start:span.end].strip()
                key = " ".join(sentence.lower().split())
                if (not (MIN_CHARS <= len(sentence) <= MAX_CHARS) or key in seen
                        or (art.source_id, field, span.start) in taken):
                    continue
                rules = sorted({f.rule for f in findings if span.start <= f.start < span.end})
                row = {"source": art.source_id, "field": field, "start": span.start, "end": span.end,
                       "rules": rules}
                if rules:
                    seen.add(key)
                    flagged.append(row)
                elif GENDER_WORD.search(low, span.start, span.end) or (
                        broad and SELF_GENDERED.search(low, span.start, span.end)):
                    seen.add(key)
                    row["adjacent"] = bool((VOCAB_R4 if broad else ADJACENT_WORD).search(low, span.start, span.end))
                    gendered.append(row)
        if n % 5000 == 0:
            print(f"  {n} / {len(articles)} articles, {len(flagged)} flagged sentences "
                  f"({time.perf_counter() - started:.0f} s)", file=sys.stderr)

    per_rule = Counter(r for row in flagged for r in row["rules"])
    for row in flagged:
        row["stratum"] = min(row["rules"], key=lambda r: (per_rule[r], r))
    strata: dict[str, list[dict]] = defaultdict(list)
    for row in flagged:
        strata[row["stratum"]].append(row)
    texts = {a.source_id: dict(_fields(a)) for a in articles}

    def usable(row: dict) -> bool:
        sentence = texts[row["source"]][row["field"]][row["start"]:row["end"]]
        return not guard.near(sentence)

    def sample(rows: list[dict], tag: str, n: int) -> list[dict]:
        ranked = sorted(rows, key=lambda r: _rank(seed, tag, r["source"], r["field"], r["start"]))
        return [r for r in ranked[:4 * n + 50] if usable(r)][:n]

    chosen: list[dict] = []
    quota = PER_RULE
    population: dict[str, int]
    if set_name == "check":
        # Shrink the per-rule quota until the flagged sample fits MAX_FLAGGED (rare rules keep all theirs).
        while quota > 1 and sum(min(quota, len(v)) for v in strata.values()) > MAX_FLAGGED:
            quota -= 1
        for stratum in sorted(strata):
            ranked = sorted(strata[stratum], key=lambda r: _rank(seed, r["source"], r["field"], r["start"]))
            picked = [r for r in ranked if usable(r)][:quota]
            chosen += [{**r, "sample": "flagged"} for r in picked]
        chosen += [{**r, "sample": "unflagged", "stratum": None} for r in sample(gendered, "g", UNFLAGGED)]
        population = {k: len(v) for k, v in sorted(strata.items())}
    else:
        adjacent = [r for r in gendered if r["adjacent"]]
        other = [r for r in gendered if not r["adjacent"]]
        n_flagged, n_adjacent, n_other = SETS[set_name]["counts"]
        chosen += [{**r, "sample": "flagged", "stratum": "flagged"} for r in sample(flagged, "f", n_flagged)]
        chosen += [{**r, "sample": "unflagged", "stratum": "unflagged:adjacent"}
                   for r in sample(adjacent, "a", n_adjacent)]
        if n_other:
            chosen += [{**r, "sample": "unflagged", "stratum": "unflagged:other"} for r in sample(other, "o", n_other)]
        population = {"flagged": len(flagged), "unflagged:adjacent": len(adjacent), "unflagged:other": len(other)}
    random.Random(seed).shuffle(chosen)
    OUT.mkdir(parents=True, exist_ok=True)
    with index.open("w", encoding="utf-8") as fh:
        for i, row in enumerate(chosen, 1):
            sentence = texts[row["source"]][row["field"]][row["start"]:row["end"]].strip()
            fh.write(json.dumps({"id": f"{SETS[set_name]['prefix']}{i:03d}", "sample": row["sample"], "stratum": row["stratum"],
                                 "rules": row["rules"], "source": row["source"], "field": row["field"],
                                 "start": row["start"], "end": row["end"],
                                 "sha1": hashlib.sha1(sentence.encode()).hexdigest()[:12]},
                                ensure_ascii=False) + "\n")
    meta_path.write_text(json.dumps({
        "seed": seed, "articles": len(articles), "articles_of_earlier_sets_skipped": len(used_articles), "flagged_sentences": len(flagged),
        "gendered_unflagged_sentences": len(gendered), "per_rule_quota": quota,
        "stratum_population": population,
        "rule_hits": dict(sorted(per_rule.items())),
    }, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    rebuild(set_name)
    print(f"{len(articles)} articles, {len(flagged)} flagged sentences, {len(gendered)} unflagged gendered; "
          f"drew {sum(r['sample'] == 'flagged' for r in chosen)} flagged (<= {quota} per stratum) + "
          f"{sum(r['sample'] == 'unflagged' for r in chosen)} unflagged ({time.perf_counter() - started:.0f} s)")


def rebuild(set_name: str) -> None:
    """stereo_check.jsonl (id, source, sentence) from the index and ../shared/corpus."""
    index, texts_path, _ = _paths(set_name)
    if not index.exists():
        sys.exit(f"no {index}: run `draw` first")
    rows = [json.loads(line) for line in index.open(encoding="utf-8") if line.strip()]
    wanted = {r["source"] for r in rows}
    texts = {a.source_id: dict(_fields(a)) for a in iter_corpus(CORPUS) if a.source_id in wanted}
    with texts_path.open("w", encoding="utf-8") as fh:
        for r in rows:
            sentence = texts[r["source"]][r["field"]][r["start"]:r["end"]].strip()
            if hashlib.sha1(sentence.encode()).hexdigest()[:12] != r["sha1"]:
                sys.exit(f"{r['id']}: the corpus text of {r['source']} has changed")
            fh.write(json.dumps({"id": r["id"], "source": r["source"], "sentence": sentence},
                                ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} sentences to {texts_path}")


def _corpus_flags(rules_dir: Path | None) -> tuple[str, dict[str, list]]:
    """Every flagged sentence of VNTC and baomoi under the rules of ``rules_dir`` (None: the working
    tree's): ``"source|field|start" -> [end, [rule ids]]``, cached by rules version."""
    os.environ["AUDITOR_NO_MODEL"] = "1"
    from auditor.audit.engine import Auditor

    auditor = Auditor(rules_dir=rules_dir)
    version = auditor.rules.version
    # The matcher's code is the working tree's for both sides: it is part of what the cache stands for.
    code = hashlib.sha1((REPO / "auditor" / "audit" / "rules.py").read_bytes()).hexdigest()[:8]
    cache = Path(tempfile.gettempdir()) / f"auditor_stereo_flags_{version}_{code}.json.gz"
    if cache.exists():
        with gzip.open(cache, "rt", encoding="utf-8") as fh:
            return version, json.load(fh)
    flags: dict[str, list] = {}
    started = time.perf_counter()
    for n, art in enumerate(a for a in iter_corpus(CORPUS) if not a.source_id.startswith("danes:")):
        for field, text in _fields(art):
            nt = normalize(text)
            findings = auditor._rule_findings(nt, field)
            for span in nt.sentences if findings else ():
                rules = sorted({f.rule for f in findings if span.start <= f.start < span.end})
                if rules:
                    flags[f"{art.source_id}|{field}|{span.start}"] = [span.end, rules]
        if n % 10000 == 0:
            print(f"  rules {version}: {n} articles, {len(flags)} flagged sentences "
                  f"({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    with gzip.open(cache, "wt", encoding="utf-8") as fh:
        json.dump(flags, fh)
    return version, flags


def diff(against: str, out: Path | None) -> None:
    """List the corpus sentences whose firing rules differ between the rules of ``against`` and now."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "-C", str(REPO), "archive", against, "rules"], check=True,
                                 capture_output=True).stdout
        tar_path = Path(tmp) / "rules.tar"
        tar_path.write_bytes(archive)
        with tarfile.open(tar_path) as tar:
            tar.extractall(tmp, filter="data")
        old_version, old = _corpus_flags(Path(tmp) / "rules")
    new_version, new = _corpus_flags(None)
    changed = sorted(k for k in old.keys() | new.keys() if old.get(k, [0, []])[1] != new.get(k, [0, []])[1])
    wanted = {k.split("|")[0] for k in changed}
    texts = {a.source_id: dict(_fields(a)) for a in iter_corpus(CORPUS) if a.source_id in wanted} if wanted else {}
    rows = []
    for key in changed:
        source, field, start = key.split("|")
        end, before = old.get(key, [None, []])
        end2, after = new.get(key, [None, []])
        kind = "lost" if not after else "gained" if not before else "changed"
        sentence = texts[source][field][int(start):end or end2].strip()
        rows.append({"kind": kind, "source": source, "field": field, "start": int(start), "before": before,
                     "after": after, "sentence": sentence})
    counts = Counter(r["kind"] for r in rows)
    print(f"rules {old_version} ({against}) -> {new_version} (working tree): {len(old):,} -> {len(new):,} "
          f"flagged sentences; {counts['lost']} lose their flag, {counts['gained']} gain one, "
          f"{counts['changed']} change rules")
    if out:
        out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    for r in rows:
        print(f"{r['kind']:<8}{','.join(r['before']) or '-'} -> {','.join(r['after']) or '-'} | {r['source']} | "
              f"{r['sentence'][:300]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["draw", "rebuild", "diff"])
    parser.add_argument("--set", choices=sorted(SETS), default="check", help="which set (default: check)")
    parser.add_argument("--force", action="store_true", help="draw: overwrite an existing index")
    parser.add_argument("--against", default="HEAD", help="diff: the git revision whose rules/ to compare with")
    parser.add_argument("--out", type=Path, help="diff: also write the changed sentences here (JSONL)")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"no corpus at {CORPUS}: this script needs ../shared")
    if args.command == "diff":
        diff(args.against, args.out)
    else:
        draw(args.set, args.force) if args.command == "draw" else rebuild(args.set)


if __name__ == "__main__":
    main()
