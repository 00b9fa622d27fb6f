"""Build the gender-equality check set in data/check/ (see the "Gender-equality items" section of
data/check/README.md).

    python scripts/build_ge_check.py draw     # seeded draw -> data/check/ge_check_index.jsonl (ids only)
    python scripts/build_ge_check.py build    # text from ../shared/corpus + hand labels -> ge_check.jsonl
    python scripts/build_ge_check.py draw-flagged        # the rules' sample -> ge_check_flagged_index.jsonl
    python scripts/build_ge_check.py build --set flagged # -> ge_check_flagged.jsonl
    python scripts/build_ge_check.py draw-round2         # census of the rules' flags -> ge_check_round2_index.jsonl
    python scripts/build_ge_check.py build --set round2  # -> ge_check_round2.jsonl
    python scripts/build_ge_check.py draw-round3         # dev-like gender-word strata -> ge_check_round3_index.jsonl
    python scripts/build_ge_check.py build --set round3  # -> ge_check_round3.jsonl
    python scripts/build_ge_check.py draw-round3b        # round3's strata, the next articles -> ge_check_round3b_index.jsonl
    python scripts/build_ge_check.py build --set round3b # -> ge_check_round3b.jsonl
    python scripts/build_ge_check.py draw-round4         # theme headlines + random -> ge_check_round4_index.jsonl
    python scripts/build_ge_check.py build --set round4  # -> ge_check_round4.jsonl
    python scripts/build_ge_check.py draw-round4b        # the theme headlines left + dense theme leads -> ..._round4b_index.jsonl
    python scripts/build_ge_check.py build --set round4b # -> ge_check_round4b.jsonl

A held-out check of the gender-equality item rules (``ge_item``, ``ge_topic``) on corpus articles
nobody tuned them on: VNTC 2004-2006, baomoi 2017 and DANeS 2021 provincial items that are not in
data/train (neither a hand nor a weak article label nor a candidate article), not in the random
sample `bench/ge_sample.py` reads by default (fraction 0.07, seed 2026), and not, or nearly not, an
item of ../shared/eval (``EvalGuard``, 4-gram overlap >= 30 % on the title or any 300-character
chunk). A second copy of a story already drawn is dropped too.

Items are rare in random news, so the draw has three strata (``QUOTAS``), each ordered by a seeded
hash of the corpus id (``SEED``):

- ``term``: the title or the first 400 characters of the body hold a gender-equality term
  (``GE_TERMS``, a broad list written from GUIDE_topic);
- ``women``: not ``term``, and title + text name women at least twice (``WOMEN``);
- ``random``: any eligible article (VNTC + baomoi, and ``DANES_RANDOM`` DANeS provincial items);
- ``strong``: added after the first 240 were labelled and held no item at all: every remaining
  eligible article whose title or first 400 characters hold a narrow gender-equality term
  (``STRONG_TERMS``: bình đẳng giới, Hội LHPN, lao động nữ, buôn bán phụ nữ, nữ giới...), a census
  of what data/train left, not a sample.

The first three strata are shuffled together (seeded) and numbered ``g001``..., so the labeller
cannot tell an article's stratum from its place; ``strong`` follows, shuffled on its own. The text is the title plus the first ~1,500 characters of the
body cut at a sentence end (as the train labels were given). Labels are written by hand in
``ge_check_labels.txt``, one ``gNNN label topic [?]`` line per article (label 0 or 1, topic ``-``
for 0, a trailing ``?`` for unsure), and ``build`` merges them. The corpus text is not committed
(baomoi has no licence): the index names each article by corpus id, and ``build`` reads it back.

The strata above held almost no item (the pools of data/train took nearly every article the
corpus has on the subject), so recall cannot be measured on them. ``draw-flagged`` adds a second,
separate set for a held-out precision: it runs the rules alone (``AUDITOR_NO_MODEL=1``) over every
eligible article not already drawn, and samples ``FLAGGED_N`` of the articles they count as items
(``flagged``) plus as many they do not count that hold a gender-equality term (``unflagged``, decoys
so the labeller cannot tell which is which), shuffled together and numbered ``f001``...; labels go
to ``ge_check_flagged_labels.txt``. That set was drawn after the first set's labels were committed
and scored; a redraw with changed rules gives another sample, so ``draw-flagged`` refuses to
overwrite its index (``--force``).

``draw-round2`` (a later session, after two rounds of fixes made on those two sets) is the same
with a census instead of a sample: every article the current rules flag that no earlier set drew
and nobody has read, plus as many unflagged term decoys, shuffled together and numbered ``r001``...;
labels go to ``ge_check_round2_labels.txt``. Outside eval items, the earlier population held no
flag left, so this one also takes data/train's weak negatives and unread candidates, and reads a
long article whole (see ``draw_round2``). Its first score is the held-out precision of the rules as
those rounds left them.

``draw-round3`` (a later session) draws a set that looks like ../shared/eval's topic pool, by vocabulary
only and never by the rules' verdict, so that recall is measurable: strata ``headline`` (the headline
names women, men or gender: ``HEADLINE_TERMS``), ``vocab`` (``STRONG_TERMS`` anywhere in title + lead),
``gender_word`` and ``random`` (``ROUND3_QUOTAS``), ids ``k001``.... ``draw-round3b`` takes the next
articles of the same order after round3's fixes (``ROUND3B_QUOTAS``), ids ``m001``....

``draw-round4`` (a later session) aims at more items than round3 held, still by vocabulary and never by
the rules' verdict: headlines that name women as a group, or a gender-equality theme in ordinary words
(``ROUND4_THEMES``: women leaders and workers, girls, violence in the family, housework, child marriage,
son preference, LGBT people, trafficking, brides abroad, the Women's Union, 8/3), headlines that name men
as a group or fathers (``ROUND4_MEN``), leads that hold a theme under a headline that names none, and a
random stratum of baomoi 2017 and DANeS 2021. A theme word after a one-person word ("người phụ nữ",
"2 phụ nữ", "gã đàn ông") does not count: a headline about one person is the single-incident pool round3
was full of. Every DANeS file is eligible (the earlier draws read only its provincial subset), and
baomoi and DANeS come before VNTC in each theme stratum up to ``ROUND4_RECENT_SHARE``. Ids ``w001``....
Round4 held only 5 items (4 unsure) when labelled, so before any engine run ``draw-round4b`` added every
theme headline round4 left and articles whose title + lead hold two or more distinct theme words
(``ROUND4B_QUOTAS``), ids ``x001``....
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from build_people_check import _lead  # noqa: E402

from auditor.models.corpus import CorpusArticle, DrawnSample, EvalGuard, iter_corpus, keep  # noqa: E402
from auditor.text import fold  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus"
OUT = REPO / "data" / "check"
INDEX = OUT / "ge_check_index.jsonl"
LABELS = OUT / "ge_check_labels.txt"
DATASET = OUT / "ge_check.jsonl"
FLAGGED_INDEX = OUT / "ge_check_flagged_index.jsonl"
ROUND2_INDEX = OUT / "ge_check_round2_index.jsonl"
ROUND3_INDEX = OUT / "ge_check_round3_index.jsonl"
ROUND3B_INDEX = OUT / "ge_check_round3b_index.jsonl"
ROUND4_INDEX = OUT / "ge_check_round4_index.jsonl"
ROUND4B_INDEX = OUT / "ge_check_round4b_index.jsonl"
SETS = {"main": (INDEX, LABELS, DATASET),
        "flagged": (FLAGGED_INDEX, OUT / "ge_check_flagged_labels.txt", OUT / "ge_check_flagged.jsonl"),
        "round2": (ROUND2_INDEX, OUT / "ge_check_round2_labels.txt", OUT / "ge_check_round2.jsonl"),
        "round3": (ROUND3_INDEX, OUT / "ge_check_round3_labels.txt", OUT / "ge_check_round3.jsonl"),
        "round3b": (ROUND3B_INDEX, OUT / "ge_check_round3b_labels.txt", OUT / "ge_check_round3b.jsonl"),
        "round4": (ROUND4_INDEX, OUT / "ge_check_round4_labels.txt", OUT / "ge_check_round4.jsonl"),
        "round4b": (ROUND4B_INDEX, OUT / "ge_check_round4b_labels.txt", OUT / "ge_check_round4b.jsonl")}
FLAGGED_N = 50
# draw-flagged: (index, id prefix, shuffle seed, flagged articles to take: None = every one, a census)
FLAGGED_SETS = {"flagged": (FLAGGED_INDEX, "f", 6213, FLAGGED_N)}
ROUND2_SEED = 6217
ROUND3_SEED = 6219
# draw-round3: articles per stratum (see draw_round3), about the mix of ../shared/eval's topic pool.
ROUND3_QUOTAS: dict[str, int | None] = {"headline": 80, "vocab": 30, "gender_word": 25, "random": 15}
# draw-round3b, after round3's fixes: the next articles of the same strata in the same order (None = all
# that are left), the two strata that held round3's items; shuffled with its own seed, ids m001...
ROUND3B_QUOTAS: dict[str, int | None] = {"headline": 40, "vocab": None}
ROUND3B_SEED = 6221
ROUND4_SEED = 6223
# draw-round4: articles per stratum (see draw_round4); the random stratum is split between baomoi and DANeS.
ROUND4_QUOTAS: dict[str, int] = {"theme": 80, "men": 20, "lead_theme": 20, "random_baomoi": 15, "random_danes": 15}
# draw-round4b: every theme headline left (None), and up to 60 articles with two or more theme words in the lead.
ROUND4B_QUOTAS: dict[str, int | None] = {"theme_rest": None, "dense": 60}
ROUND4B_SEED = 6227
ROUND4_RECENT_SHARE = 0.65  # of a theme stratum: at most this share from VNTC's complement, baomoi + DANeS first
BATCH3_READ = 100  # data/train read only the top 100 of candidates/articles_batch3.jsonl
TRAIN = REPO / "data" / "train"

SEED = 6211  # not 2026 (data/train), 4417/9151/27103 (people checks) or 5309 (stereotype check)
QUOTAS = {"term": 80, "women": 80, "random": 80}
DANES_RANDOM = 15  # of the random stratum: DANeS provincial items (titles + short descriptions)
MIN_BODY = {"news": 400, "danes": 60}
TOPICS = ("policy_law", "politics_leadership", "gbv", "economic", "role_model", "womens_union", "sex_ratio",
          "health_education", "other")

# Broad on purpose: the stratum should hold the items and their hard negatives alike.
GE_TERMS = (
    "bình đẳng giới", "bình quyền", "nữ quyền", "giới tính", "lồng ghép giới", "phụ nữ", "nữ giới", "phái nữ",
    "chị em", "nữ", "hội phụ nữ", "hội lhpn", "hội liên hiệp phụ nữ", "liên hiệp phụ nữ", "phụ nữ việt nam",
    "bạo lực gia đình", "bạo hành", "bạo lực giới", "quấy rối tình dục", "xâm hại tình dục", "tảo hôn",
    "hôn nhân cận huyết", "cưỡng ép kết hôn", "lao động nữ", "cán bộ nữ", "nữ cán bộ", "đại biểu nữ",
    "nữ đại biểu", "nữ doanh nhân", "doanh nhân nữ", "nữ lãnh đạo", "nữ chủ tịch", "nữ bộ trưởng",
    "nữ tổng thống", "nữ thủ tướng", "mua bán phụ nữ", "buôn bán phụ nữ", "buôn bán người", "mua bán người",
    "cô dâu", "lấy chồng nước ngoài", "trẻ em gái", "bé gái", "học sinh nữ", "nữ sinh", "trọng nam khinh nữ",
    "con trai nối dõi", "mất cân bằng giới tính", "cân bằng giới tính", "lựa chọn giới tính", "thai sản",
    "sức khỏe sinh sản", "kế hoạch hóa gia đình", "8/3", "8-3", "20/10", "20-10", "quốc tế phụ nữ",
    "ngày gia đình việt nam", "đồng tính", "chuyển giới", "lgbt", "phụ nữ hai giỏi", "gương phụ nữ",
    "người mẹ", "bà mẹ", "làm mẹ", "vợ chồng", "gia đình văn hóa", "un women",
)
STRONG_TERMS = (
    "bình đẳng giới", "bình quyền", "nữ quyền", "lồng ghép giới", "hội phụ nữ", "hội lhpn", "hội liên hiệp phụ nữ",
    "liên hiệp phụ nữ", "bạo lực gia đình", "bạo hành phụ nữ", "bạo lực giới", "quấy rối tình dục", "tảo hôn",
    "hôn nhân cận huyết", "cưỡng ép kết hôn", "lao động nữ", "cán bộ nữ", "nữ cán bộ", "đại biểu nữ", "nữ đại biểu",
    "nữ doanh nhân", "doanh nhân nữ", "nữ lãnh đạo", "nữ chủ tịch", "nữ bộ trưởng", "nữ tổng thống", "nữ thủ tướng",
    "mua bán phụ nữ", "buôn bán phụ nữ", "lấy chồng nước ngoài", "trẻ em gái", "trọng nam khinh nữ",
    "mất cân bằng giới tính", "lựa chọn giới tính", "phụ nữ hai giỏi", "gương phụ nữ", "un women", "quốc tế phụ nữ",
    "phụ nữ việt nam", "chuyển giới", "lgbt", "phụ nữ nông thôn", "phụ nữ nghèo", "quyền phụ nữ", "quyền của phụ nữ",
    "vai trò phụ nữ", "vai trò của phụ nữ", "tiến bộ của phụ nữ", "sự tiến bộ của phụ nữ", "nữ giới",
)



def _write_index(path: Path, prefix: str, rows: list[dict]) -> None:
    """Write the drawn rows as a set's index, numbered ``<prefix>001``, ``<prefix>002``... in order."""
    with path.open("w", encoding="utf-8") as fh:
        for i, row in enumerate(rows, 1):
            fh.write(json.dumps({"id": f"{prefix}{i:03d}", **row}, ensure_ascii=False) + "\n")

def _term_re(terms: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(fold(t)) for t in sorted(terms, key=len, reverse=True))
                      + r")(?!\w)")


_GE_RE = _term_re(GE_TERMS)
_STRONG_RE = _term_re(STRONG_TERMS)
_UPPER = "A-ZÀ-ÝĂĐĨŨƠƯẠ-Ỹ"
# Words naming a woman: group nouns, and an honorific before a capitalised name ("bà Lan", "chị H.").
WOMEN = re.compile(r"(?<!\w)(?:phụ nữ|chị em|nữ giới|phái nữ|cô gái|bé gái|con gái|nữ sinh|người mẹ|bà mẹ|"
                   r"người vợ|(?:[Bb]à|[Cc]hị|[Cc]ô|[Nn]ữ) [" + _UPPER + r"]\w*)(?!\w)")

# draw-round3: a headline (the title, or the first 160 characters when there is none) naming women, men
# or gender as a group, a gender-equality concept, or a woman in a role. Not "giới" alone ("thế giới").
HEADLINE_TERMS = (
    "phụ nữ", "nữ giới", "giới nữ", "chị em", "phái nữ", "phái đẹp", "phái mạnh", "giới tính", "bình đẳng",
    "bình quyền", "nữ quyền", "đàn bà", "đàn ông", "nam giới", "nam nữ", "trẻ em gái", "các bé gái",
    "những bé gái", "8/3", "8-3", "20/10", "20-10", "hội phụ nữ", "lhpn", "cô dâu", "người vợ", "làm vợ",
    "làm mẹ", "bà mẹ", "người mẹ", "nội trợ", "việc nhà", "tảo hôn", "bạo hành", "bạo lực gia đình",
    "đồng tính", "chuyển giới", "lgbt", "lao động nữ", "nữ sinh", "nữ công nhân", "nữ doanh nhân",
    "doanh nhân nữ", "nữ tổng thống", "nữ thủ tướng", "nữ bộ trưởng", "nữ lãnh đạo", "lãnh đạo nữ", "cán bộ nữ",
    "nữ đại biểu", "đại biểu nữ", "nữ nghị sĩ", "nữ chủ tịch", "nữ giám đốc", "nữ phi công", "nữ cảnh sát",
    "nữ bác sĩ", "nữ kỹ sư", "nữ nhà khoa học", "nữ tướng",
)
_HEADLINE_RE = _term_re(HEADLINE_TERMS)

# draw-round4: a gender-equality theme in ordinary words, as a headline (or a lead) would name it.
ROUND4_THEMES = (
    "phụ nữ", "chị em", "nữ giới", "giới nữ", "phái nữ", "phái yếu", "đàn bà", "nữ lãnh đạo", "lãnh đạo nữ",
    "nữ giám đốc", "nữ chủ tịch", "nữ bí thư", "nữ doanh nhân", "doanh nhân nữ", "nữ công nhân", "công nhân nữ",
    "lao động nữ", "cán bộ nữ", "nữ cán bộ", "nữ đại biểu", "đại biểu nữ", "nữ nghị sĩ", "bộ trưởng nữ",
    "nữ bộ trưởng", "nữ thủ tướng", "nữ tổng thống", "nữ kỹ sư", "nữ nhà khoa học", "nhà khoa học nữ",
    "nữ tiến sĩ", "nữ phi công", "nữ quân nhân", "nữ chiến sĩ", "nữ thẩm phán", "trẻ em gái", "các bé gái",
    "những bé gái", "em gái dân tộc", "học sinh nữ", "bạo hành", "bạo lực gia đình", "đánh vợ", "chồng đánh",
    "việc nhà", "nội trợ", "nghỉ thai sản", "thai sản", "tảo hôn", "cưới sớm", "kết hôn sớm",
    "hôn nhân cận huyết", "bắt vợ", "cướp vợ", "giới tính thai nhi", "chọn giới tính", "lựa chọn giới tính",
    "cân bằng giới tính", "tỷ số giới tính", "sinh con trai", "con trai nối dõi", "đồng tính", "chuyển giới",
    "lgbt", "đồng giới", "cô dâu việt", "lấy chồng nước ngoài", "lấy chồng ngoại", "buôn người",
    "mua bán người", "buôn bán người", "buôn bán phụ nữ", "môi giới hôn nhân", "bình đẳng", "bình quyền",
    "nữ quyền", "định kiến", "phân biệt đối xử", "quấy rối", "hội phụ nữ", "lhpn", "hội liên hiệp phụ nữ",
    "8/3", "8-3", "20/10", "20-10", "quốc tế phụ nữ",
)
ROUND4_MEN = ("đàn ông", "nam giới", "phái mạnh", "ông bố", "các ông bố", "người cha", "làm cha", "làm bố",
              "bố chăm con", "ông chồng")
_ROUND4_THEME_RE = _term_re(ROUND4_THEMES)
# draw-round4b counts these too (phrases round4's headline list lacked).
_ROUND4B_DENSE_RE = _term_re(ROUND4_THEMES + ("trọng nam khinh nữ", "nữ cử tri", "cử tri nữ", "sếp nữ", "giới tính"))
_ROUND4_MEN_RE = _term_re(ROUND4_MEN)
# A group word right after one of these names one or a few persons ("người phụ nữ", "2 phụ nữ", "gã đàn
# ông"), or is part of another phrase ("bạo hành trẻ" is child abuse, told apart after the word).
_ROUND4_ONE = re.compile(r"(?<!\w)(?:người|một|hai|ba|bốn|năm|vị|gã|xác|thi thể|\d+)\s+$")
_ROUND4_CHILD = re.compile(r"^\s+(?:trẻ|con|bé|học sinh|cháu|em)(?!\w)")


def _rank(key: str) -> str:
    return hashlib.sha1(f"{SEED}:{key}".encode()).hexdigest()


def _excluded_ids() -> set[str]:
    """Corpus ids already labelled or offered for labelling in data/train."""
    ids: set[str] = set()
    for path in [*TRAIN.glob("articles_*.jsonl"), *(TRAIN / "candidates").glob("articles_*.jsonl")]:
        for line in path.open(encoding="utf-8"):
            if line.strip():
                row = json.loads(line)
                ids.add(str(row.get("source") or row["id"]))
    return ids


def _provincial_ids() -> set[str]:
    path = CORPUS / "danes" / "danes_provincial_subset.jsonl"
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    # The same id scheme as auditor.models.corpus.read_danes (the URL when a row has no id).
    return {f"danes:{row['id']}" if row.get("id") is not None else f"danes:{row.get('url', '')}" for row in rows}


def _articles(wanted: set[str] | None = None, every_danes: bool = False) -> dict[str, CorpusArticle]:
    """Every corpus article the check may use (or the ``wanted`` ones), by id; DANeS: the provincial
    subset, or (``every_danes``, round4) every DANeS file."""
    provincial = _provincial_ids()
    out: dict[str, CorpusArticle] = {}
    for art in iter_corpus(CORPUS):
        if art.source_id in out or (art.source_id.startswith("danes:") and art.source_id not in provincial
                                    and not every_danes and not (wanted and art.source_id in wanted)):
            continue
        if wanted is not None and art.source_id not in wanted:
            continue
        out[art.source_id] = art
    return out


def _text(art: CorpusArticle, window: str = "lead") -> str:
    """What the rules read and the labeller reads: the lead, or (``window="full"``) the whole body."""
    return art.text if window == "full" else _lead(art.text)


def _read_ids() -> set[str]:
    """Corpus ids a person has read in data/train: hand labels and every candidate pool row read."""
    ids: set[str] = set()
    for path in [TRAIN / "articles_hand.jsonl", *(TRAIN / "candidates").glob("articles_*.jsonl")]:
        rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
        if path.name == "articles_batch3.jsonl":
            rows = rows[:BATCH3_READ]
        ids.update(str(row.get("source") or row["id"]) for row in rows)
    return ids


def _eligible(source_id: str, art: CorpusArticle, excluded: set[str]) -> bool:
    kind = "danes" if source_id.startswith("danes:") else "news"
    return source_id not in excluded and not keep(source_id, 0.07, 2026) and len(art.text) >= MIN_BODY[kind]


def _drawn_sources(*indexes: Path) -> set[str]:
    return {json.loads(line)["source"] for path in indexes if path.exists()
            for line in path.open(encoding="utf-8") if line.strip()}


def draw_flagged(force: bool, which: str = "flagged") -> None:
    """Flagged articles (``FLAGGED_SETS``: a sample or all of them) and as many unflagged term decoys."""
    index_path, prefix, shuffle_seed, quota = FLAGGED_SETS[which]
    if index_path.exists() and not force:
        sys.exit(f"{index_path} exists (the hand labels refer to it); use --force to redraw")
    os.environ["AUDITOR_NO_MODEL"] = "1"
    from auditor.audit.engine import Auditor  # the engine only here: the first set was drawn without it

    auditor = Auditor()
    earlier = [INDEX] + [path for name, (path, *_) in FLAGGED_SETS.items() if name != which]
    excluded = _excluded_ids() | _drawn_sources(*earlier)
    guard = EvalGuard()
    pools: dict[str, list[tuple[str, str]]] = {"flagged": [], "unflagged": []}
    articles = _articles()
    read = 0
    for source_id, art in articles.items():
        if not _eligible(source_id, art, excluded):
            continue
        read += 1
        if auditor.audit(_text(art), art.title or None).ge_item:
            pools["flagged"].append((_rank(f"{which}:{source_id}"), source_id))
        elif _GE_RE.search(fold(f"{art.title} . {art.text[:400]}")):
            pools["unflagged"].append((_rank(f"{which}:{source_id}"), source_id))
    rows: list[dict] = []
    sample = DrawnSample(guard)
    quotas = {"flagged": quota}
    dropped: Counter[str] = Counter()
    for pool, candidates in pools.items():
        # Decoys: as many as the flagged articles taken, so a flag cannot be told from its share.
        limit = quotas.get(pool, sum(r["stratum"] == "flagged" for r in rows))
        taken = 0
        for _, source_id in sorted(candidates):
            if taken == limit:
                break
            art = articles[source_id]
            text = _text(art)
            reason = sample.refuse(art.title, text)
            if reason:
                dropped[f"{pool} {reason}"] += 1
                continue
            rows.append({"source": source_id, "stratum": pool})
            taken += 1
    random.Random(shuffle_seed).shuffle(rows)
    _write_index(index_path, prefix, rows)
    print(f"rules {auditor.versions}: {len(pools['flagged'])} of {read} eligible articles flagged, "
          f"{len(pools['unflagged'])} unflagged with a gender-equality term; dropped {dict(dropped)}")
    print(f"drawn: {dict(Counter(r['stratum'] for r in rows))} -> {index_path.relative_to(REPO)}")


def draw_round2(force: bool) -> None:
    """Every article the current rules flag that nobody has read, and as many unflagged term decoys.

    The population is wider than the earlier sets' (which had no flag left outside eval): weak
    negatives and the unread candidates of data/train count (nobody read them), and an article whose
    body runs past the lead is read whole as well (as ``auditor audit`` reads a crawled article) when
    its lead is not flagged. Each article is shown in the window it was drawn in; decoys are drawn per
    window, as many as the flags in that window.
    """
    if ROUND2_INDEX.exists() and not force:
        sys.exit(f"{ROUND2_INDEX} exists (the hand labels refer to it); use --force to redraw")
    os.environ["AUDITOR_NO_MODEL"] = "1"
    from auditor.audit.engine import Auditor

    auditor = Auditor()
    excluded = _read_ids() | _drawn_sources(INDEX, FLAGGED_INDEX)
    guard = EvalGuard()
    pools: dict[tuple[str, str], list[tuple[str, str]]] = {(s, w): [] for s in ("flagged", "unflagged")
                                                            for w in ("lead", "full")}
    articles = _articles()
    read = 0
    for source_id, art in articles.items():
        if not _eligible(source_id, art, excluded):
            continue
        read += 1
        rank = _rank(f"round2:{source_id}")
        lead = _text(art)
        if auditor.audit(lead, art.title or None).ge_item:
            pools["flagged", "lead"].append((rank, source_id))
            continue
        longer = len(art.text) > len(lead) + 50
        if longer and auditor.audit(art.text, art.title or None).ge_item:
            pools["flagged", "full"].append((rank, source_id))
        elif _GE_RE.search(fold(f"{art.title} . {art.text[:400]}")):
            pools["unflagged", "full" if longer else "lead"].append((rank, source_id))
    rows: list[dict] = []
    sample = DrawnSample(guard)
    dropped: Counter[str] = Counter()
    for (stratum, window), candidates in pools.items():
        limit = None if stratum == "flagged" else sum(r["stratum"] == "flagged" and r["window"] == window
                                                       for r in rows)
        taken = 0
        for _, source_id in sorted(candidates):
            if taken == limit:
                break
            art = articles[source_id]
            text = _text(art, window)
            reason = sample.refuse(art.title, text)
            if reason:
                dropped[f"{stratum} {window} {reason}"] += 1
                continue
            rows.append({"source": source_id, "stratum": stratum, "window": window})
            taken += 1
    random.Random(ROUND2_SEED).shuffle(rows)
    _write_index(ROUND2_INDEX, "r", rows)
    print(f"rules {auditor.versions}: of {read} eligible articles, flagged "
          f"{len(pools['flagged', 'lead'])} on the lead, {len(pools['flagged', 'full'])} more on the whole body; "
          f"dropped {dict(dropped)}")
    print(f"drawn: {dict(Counter((r['stratum'], r['window']) for r in rows))} -> {ROUND2_INDEX.relative_to(REPO)}")


def draw_round3(force: bool, second: bool = False) -> None:
    """A dev-like set: gender-word strata of articles nobody has labelled, with no regard to the rules.

    Strata, in this order of precedence (an article belongs to the first it fits), each ordered by a
    seeded hash of the corpus id: ``headline`` (the headline names women, men or gender as a group, a
    gender-equality concept or a woman in a role: ``HEADLINE_TERMS``), ``vocab`` (a narrow
    gender-equality term anywhere in title + lead: ``STRONG_TERMS``), ``gender_word`` (a broad term in
    title + first 400 characters, or women named twice: ``GE_TERMS``, ``WOMEN``) and ``random``. All are
    shuffled together (``ROUND3_SEED``) and numbered ``k001``...; the text is the lead, as in dev.
    Not eligible: anything in data/train (hand, weak or candidate), in the three earlier sets, in
    bench/ge_sample.py's default sample, near an eval item, or a second copy of a drawn story.
    """
    index_path, quotas, seed, prefix = ((ROUND3B_INDEX, ROUND3B_QUOTAS, ROUND3B_SEED, "m") if second
                                        else (ROUND3_INDEX, ROUND3_QUOTAS, ROUND3_SEED, "k"))
    if index_path.exists() and not force:
        sys.exit(f"{index_path} exists (the hand labels refer to it); use --force to redraw")
    excluded = _excluded_ids() | _drawn_sources(INDEX, FLAGGED_INDEX, ROUND2_INDEX)
    taken_before = _drawn_sources(ROUND3_INDEX) if second else set()
    pools: dict[str, list[tuple[str, str]]] = {name: [] for name in ROUND3_QUOTAS}
    articles = _articles()
    for source_id, art in articles.items():
        if not _eligible(source_id, art, excluded):
            continue
        lead = _text(art)
        head = fold(f"{art.title} . {lead}")
        if _HEADLINE_RE.search(fold(art.title or lead[:160])):
            stratum = "headline"
        elif _STRONG_RE.search(head):
            stratum = "vocab"
        elif _GE_RE.search(fold(f"{art.title} . {lead[:400]}")) or len(WOMEN.findall(f"{art.title} . {lead}")) >= 2:
            stratum = "gender_word"
        else:
            stratum = "random"
        pools[stratum].append((_rank(f"round3:{source_id}"), source_id))
    rows: list[dict] = []
    sample = DrawnSample(EvalGuard())
    dropped: Counter[str] = Counter()
    for stratum, first_n in ROUND3_QUOTAS.items():
        # The second draw walks the first draw's articles again, in order, so that its second-copy check
        # has seen them; then it takes the next ``more`` (None: all that are left).
        more = quotas.get(stratum, 0) if second else 0
        taken = added = 0
        for _, source_id in sorted(pools[stratum]):
            if taken == first_n and more is not None and added == more:
                break
            art = articles[source_id]
            reason = sample.refuse(art.title, _text(art))
            if reason:
                dropped[f"{stratum} {reason}"] += 1
                continue
            if taken < first_n:
                if second and source_id not in taken_before:
                    sys.exit(f"{source_id} was not in {ROUND3_INDEX.name}: the first draw does not replay")
                if not second:
                    rows.append({"source": source_id, "stratum": stratum})
                taken += 1
            else:
                rows.append({"source": source_id, "stratum": stratum})
                added += 1
    random.Random(seed).shuffle(rows)
    _write_index(index_path, prefix, rows)
    print(f"population: { {name: len(pool) for name, pool in pools.items()} }; dropped {dict(dropped)}")
    print(f"drawn: {dict(Counter(r['stratum'] for r in rows))} -> {index_path.relative_to(REPO)}")


def _round4_hits(pattern: re.Pattern[str], text: str) -> list[str]:
    """Theme words of ``text`` (folded) that do not name one or a few persons, nor child abuse."""
    return [m.group(0) for m in pattern.finditer(text)
            if not _ROUND4_ONE.search(text, 0, m.start())
            and not (m.group(0) == "bạo hành" and _ROUND4_CHILD.match(text, m.end()))]


def _round4_stratum(source_id: str, title: str, lead: str) -> str:
    headline = fold(title or lead[:160])
    if _round4_hits(_ROUND4_THEME_RE, headline):
        return "theme"
    if _round4_hits(_ROUND4_MEN_RE, headline):
        return "men"
    if len(set(_round4_hits(_ROUND4_THEME_RE, fold(lead[:600])))) >= 2:
        return "lead_theme"
    return "random_danes" if source_id.startswith("danes:") else "random_baomoi" if source_id.startswith(
        "baomoi:") else "vntc_rest"


def _take_drawable(candidates: list[tuple[str, str]], target: int | None, taken: int, stratum: str,
                   articles: dict[str, CorpusArticle], sample: DrawnSample, rows: list[dict],
                   dropped: Counter[str], seen: set[str]) -> int:
    """Append ``candidates`` (rank, source id) in order to ``rows`` until ``taken`` reaches ``target``
    (None: all of them), skipping ids already ``seen`` and those the sample refuses (counted in
    ``dropped``); returns the new ``taken``."""
    for _, source_id in candidates:
        if target is not None and taken >= target:
            break
        if source_id in seen:
            continue
        seen.add(source_id)
        art = articles[source_id]
        reason = sample.refuse(art.title, _text(art))
        if reason:
            dropped[f"{stratum} {reason}"] += 1
            continue
        rows.append({"source": source_id, "stratum": stratum})
        taken += 1
    return taken


def _write_drawn(rows: list[dict], seed: int, index: Path, prefix: str, pools: dict[str, list],
                 dropped: Counter[str]) -> None:
    """Shuffle the drawn ``rows`` with ``seed``, write them as ``index`` (ids ``prefix``001...) and report."""
    random.Random(seed).shuffle(rows)
    _write_index(index, prefix, rows)
    print(f"population: { {name: len(pool) for name, pool in sorted(pools.items())} }; dropped {dict(dropped)}")
    print(f"drawn: {dict(Counter(r['stratum'] for r in rows))}, "
          f"{dict(Counter(r['source'].split(':')[0] for r in rows))} -> {index.relative_to(REPO)}")


def draw_round4(force: bool) -> None:
    """Theme headlines, men and fathers, theme leads, and random baomoi + DANeS: more items, same blindness.

    Strata (``ROUND4_QUOTAS``), an article in the first it fits, each ordered by a seeded hash of its id:
    ``theme`` (the headline names women as a group or a gender-equality theme: ``ROUND4_THEMES``), ``men``
    (men as a group or fathers: ``ROUND4_MEN``), ``lead_theme`` (two theme words in the first 600
    characters of the lead under a headline that names none), ``random_baomoi`` and ``random_danes``. In
    the first three, baomoi and DANeS take ``ROUND4_RECENT_SHARE`` of the quota and VNTC the rest (either
    fills what the other lacks). Eligible: as for round3 (not in data/train, in an earlier set, in
    bench/ge_sample.py's default sample, near an eval item, nor a second copy), and every DANeS file.
    Shuffled together (``ROUND4_SEED``), numbered ``w001``...; the text is the lead.
    """
    if ROUND4_INDEX.exists() and not force:
        sys.exit(f"{ROUND4_INDEX} exists (the hand labels refer to it); use --force to redraw")
    excluded = _excluded_ids() | _drawn_sources(INDEX, FLAGGED_INDEX, ROUND2_INDEX, ROUND3_INDEX, ROUND3B_INDEX)
    pools: dict[str, list[tuple[str, str]]] = defaultdict(list)
    articles = _articles(every_danes=True)
    for source_id, art in articles.items():
        if not _eligible(source_id, art, excluded):
            continue
        stratum = _round4_stratum(source_id, art.title, _text(art))
        pools[stratum].append((_rank(f"round4:{source_id}"), source_id))
    rows: list[dict] = []
    sample = DrawnSample(EvalGuard())
    dropped: Counter[str] = Counter()
    for stratum, quota in ROUND4_QUOTAS.items():
        ordered = sorted(pools[stratum])
        if stratum.startswith("random"):
            parts = [(ordered, quota)]
        else:
            # Cumulative targets: baomoi + DANeS up to their share, VNTC up to the quota, then baomoi +
            # DANeS again for whatever VNTC lacked.
            recent = [c for c in ordered if not c[1].startswith("vntc:")]
            older = [c for c in ordered if c[1].startswith("vntc:")]
            parts = [(recent, round(quota * ROUND4_RECENT_SHARE)), (older, quota), (recent, quota)]
        taken = 0
        seen: set[str] = set()
        for candidates, target in parts:
            taken = _take_drawable(candidates, target, taken, stratum, articles, sample, rows, dropped, seen)
    _write_drawn(rows, ROUND4_SEED, ROUND4_INDEX, "w", pools, dropped)


def draw_round4b(force: bool) -> None:
    """Round4's theme headlines not yet drawn (all of them), and up to 60 articles whose title + lead hold
    two or more distinct theme words (``dense``), each in a seeded order; the same eligibility as round4,
    and round4's 150 are not eligible. Shuffled (``ROUND4B_SEED``), numbered ``x001``....
    """
    if ROUND4B_INDEX.exists() and not force:
        sys.exit(f"{ROUND4B_INDEX} exists (the hand labels refer to it); use --force to redraw")
    excluded = _excluded_ids() | _drawn_sources(INDEX, FLAGGED_INDEX, ROUND2_INDEX, ROUND3_INDEX, ROUND3B_INDEX,
                                                ROUND4_INDEX)
    pools: dict[str, list[tuple[str, str]]] = defaultdict(list)
    articles = _articles(every_danes=True)
    for source_id, art in articles.items():
        if not _eligible(source_id, art, excluded):
            continue
        lead = _text(art)
        if _round4_stratum(source_id, art.title, lead) == "theme":
            pools["theme_rest"].append((_rank(f"round4b:{source_id}"), source_id))
        elif len(set(_round4_hits(_ROUND4B_DENSE_RE, fold(f"{art.title} . {lead}")))) >= 2:
            pools["dense"].append((_rank(f"round4b:{source_id}"), source_id))
    rows: list[dict] = []
    sample = DrawnSample(EvalGuard())
    dropped: Counter[str] = Counter()
    for stratum, quota in ROUND4B_QUOTAS.items():
        _take_drawable(sorted(pools[stratum]), quota, 0, stratum, articles, sample, rows, dropped, set())
    _write_drawn(rows, ROUND4B_SEED, ROUND4B_INDEX, "x", pools, dropped)


def draw(force: bool) -> None:
    if INDEX.exists() and not force:
        sys.exit(f"{INDEX} exists (the hand labels refer to it); use --force to redraw")
    excluded = _excluded_ids()
    guard = EvalGuard()
    pools: dict[str, list[tuple[str, str, list[str]]]] = {"term": [], "women": [], "random": [], "danes": [],
                                                          "strong": []}
    population: Counter[str] = Counter()
    articles = _articles()
    for source_id, art in articles.items():
        kind = "danes" if source_id.startswith("danes:") else "news"
        if not _eligible(source_id, art, excluded):
            continue
        text = _text(art)
        head = fold(f"{art.title} . {art.text[:400]}")
        terms = sorted(set(_GE_RE.findall(head)))
        if _STRONG_RE.search(head):
            pools["strong"].append((_rank(source_id), source_id, sorted(set(_STRONG_RE.findall(head)))))
            population["strong"] += 1
        women = len(WOMEN.findall(f"{art.title} . {text}"))
        rank = _rank(source_id)
        if terms:
            pools["term"].append((rank, source_id, terms))
            population["term"] += 1
        elif women >= 2:
            pools["women"].append((rank, source_id, []))
            population["women"] += 1
        pools["danes" if kind == "danes" else "random"].append((rank, source_id, terms))
        population["eligible " + kind] += 1
    rows: list[dict] = []
    drawn: set[str] = set()
    sample = DrawnSample(guard)
    quotas = {"term": QUOTAS["term"], "women": QUOTAS["women"], "random": QUOTAS["random"] - DANES_RANDOM,
              "danes": DANES_RANDOM, "strong": len(pools["strong"])}
    for pool, quota in quotas.items():
        taken = 0
        for _, source_id, terms in sorted(pools[pool]):
            if taken == quota:
                break
            if source_id in drawn:
                continue
            art = articles[source_id]
            text = _text(art)
            if sample.refuse(art.title, text):
                continue
            drawn.add(source_id)
            rows.append({"source": source_id, "stratum": "random" if pool == "danes" else pool, "terms": terms})
            taken += 1
    first, strong = rows[:sum(QUOTAS.values())], rows[sum(QUOTAS.values()):]
    random.Random(SEED).shuffle(first)
    random.Random(SEED + 1).shuffle(strong)
    rows = first + strong
    OUT.mkdir(parents=True, exist_ok=True)
    _write_index(INDEX, "g", rows)
    print(f"population: {dict(population)}")
    print(f"drawn: {dict(Counter(r['stratum'] for r in rows))} -> {INDEX.relative_to(REPO)}")


def read_labels(path: Path = LABELS) -> dict[str, tuple[int, str | None, bool]]:
    """``gNNN label topic [?]`` lines -> {id: (ge_item, ge_topic, unsure)}; '#' starts a comment."""
    labels: dict[str, tuple[int, str | None, bool]] = {}
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        unsure = parts[-1] == "?"
        if unsure:
            parts = parts[:-1]
        if len(parts) != 3 or parts[1] not in ("0", "1"):
            sys.exit(f"{path.name}:{n}: expected 'gNNN 0|1 topic|- [?]', got {raw!r}")
        item, topic = int(parts[1]), parts[2]
        if item and topic not in TOPICS or not item and topic != "-":
            sys.exit(f"{path.name}:{n}: topic {topic!r} does not fit label {item}")
        labels[parts[0]] = (item, topic if item else None, unsure)
    return labels


def build(allow_unlabelled: bool, which: str = "main") -> None:
    index_path, labels_path, dataset = SETS[which]
    index = [json.loads(line) for line in index_path.open(encoding="utf-8") if line.strip()]
    labels = read_labels(labels_path) if labels_path.exists() else {}
    missing = [row["id"] for row in index if row["id"] not in labels]
    if missing and not allow_unlabelled:
        sys.exit(f"{len(missing)} articles have no label (first: {missing[:5]}); --allow-unlabelled to write anyway")
    articles = _articles({row["source"] for row in index})
    with dataset.open("w", encoding="utf-8") as fh:
        for row in index:
            art = articles[row["source"]]
            item, topic, unsure = labels.get(row["id"], (None, None, False))
            fh.write(json.dumps({"id": row["id"], "title": art.title, "text": _text(art, row.get("window", "lead")),
                                 "ge_item": item,
                                 "ge_topic": topic, "unsure": unsure, "source": row["source"],
                                 "stratum": row["stratum"]}, ensure_ascii=False) + "\n")
    print(f"{len(index)} articles ({len(index) - len(missing)} labelled) -> {dataset.relative_to(REPO)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["draw", "draw-flagged", "draw-round2", "draw-round3", "draw-round3b",
                                                "draw-round4", "draw-round4b", "build"])
    parser.add_argument("--set", choices=sorted(SETS), default="main",
                        help="build: which set")
    parser.add_argument("--force", action="store_true", help="draw: overwrite the index")
    parser.add_argument("--allow-unlabelled", action="store_true", help="build: write articles without labels")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"no corpus at {CORPUS}: this set needs ../shared")
    if args.command == "draw":
        draw(args.force)
    elif args.command == "draw-flagged":
        draw_flagged(args.force)
    elif args.command == "draw-round2":
        draw_round2(args.force)
    elif args.command in ("draw-round3", "draw-round3b"):
        draw_round3(args.force, second=args.command == "draw-round3b")
    elif args.command == "draw-round4":
        draw_round4(args.force)
    elif args.command == "draw-round4b":
        draw_round4b(args.force)
    else:
        build(args.allow_unlabelled, args.set)


if __name__ == "__main__":
    main()
