"""Build the classifier's training set in data/train/ from ../shared/corpus (see data/train/README.md).

Article labels and weak sentence negatives refer to corpus items by id (and offsets); the training
command reads their text from ../shared/corpus, so the corpus itself is not copied into the project.

    python scripts/build_train_data.py candidates   # pools to label by hand -> data/train/candidates/
    python scripts/build_train_data.py titles targeted batch2 batch3 batch4 batch5 sentences2  # more pools
    python scripts/build_train_data.py weak hand    # weak negatives + hand labels -> data/train/*.jsonl
    python scripts/build_train_data.py checked      # data/check's stereotype sets -> sentences_check.jsonl

Deterministic: corpus order plus a seeded hash decides every sample (SEED below). Items that are
the same as, or near-duplicates of, an item of ../shared/eval are dropped (the eval sets are read
only for that exclusion; no label is taken from them).
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from auditor.models.corpus import DEFAULT_CORPUS, EvalGuard, iter_corpus, keep  # noqa: E402
from auditor.text import fold, split_sentences  # noqa: E402

SEED = 2026
OUT = REPO / "data" / "train"
CANDIDATES = OUT / "candidates"

# --- article level: gender-equality themes (search terms, folded) per topic ---------------------
GE_TERMS: dict[str, tuple[str, ...]] = {
    "policy_law": ("bình đẳng giới", "lồng ghép giới", "vì sự tiến bộ của phụ nữ", "luật bình đẳng",
                   "quyền của phụ nữ", "quyền phụ nữ", "phân biệt đối xử với phụ nữ", "định kiến giới"),
    "politics_leadership": ("nữ đại biểu", "cán bộ nữ", "nữ lãnh đạo", "lãnh đạo nữ", "phụ nữ tham gia",
                            "tỷ lệ nữ", "tỉ lệ nữ", "nữ ứng cử", "nữ bộ trưởng", "nữ thủ tướng",
                            "nữ tổng thống", "nữ chủ tịch", "phụ nữ tham chính"),
    "gbv": ("bạo lực gia đình", "bạo lực giới", "bạo lực với phụ nữ", "bạo hành phụ nữ",
            "quấy rối tình dục", "ngược đãi vợ", "bạo hành vợ", "chồng đánh vợ", "nhà tạm lánh"),
    "economic": ("lao động nữ", "nữ doanh nhân", "doanh nhân nữ", "phụ nữ khởi nghiệp",
                 "phụ nữ nghèo", "việc làm cho phụ nữ", "nữ công nhân", "thai sản", "nữ nông dân"),
    "role_model": ("phụ nữ tiêu biểu", "gương phụ nữ", "nữ anh hùng", "người phụ nữ tiêu biểu",
                   "phụ nữ giỏi việc nước", "giỏi việc nước, đảm việc nhà"),
    "womens_union": ("hội liên hiệp phụ nữ", "hội lhpn", "hội phụ nữ", "hội viên phụ nữ", "chi hội phụ nữ"),
    "sex_ratio": ("mất cân bằng giới tính", "cân bằng giới tính", "giới tính khi sinh",
                  "lựa chọn giới tính", "trọng nam khinh nữ", "chọn giới tính thai nhi"),
    "health_education": ("tảo hôn", "buôn bán phụ nữ", "mua bán phụ nữ", "buôn bán phụ nữ và trẻ em",
                         "trẻ em gái", "sức khỏe sinh sản", "làm mẹ an toàn", "cô dâu việt", "lấy chồng nước ngoài",
                         "nạo phá thai"),
    "other": ("đồng tính", "chuyển giới", "nam giới chia sẻ", "ngày quốc tế phụ nữ", "ngày phụ nữ việt nam",
              "ngày 8-3", "ngày 8/3", "20-10", "20/10", "nữ quyền"),
}
# Mentions of women that usually are NOT a gender-equality item (hard negatives for the pool).
WOMAN_TERMS = ("phụ nữ", "cô gái", "người đẹp", "hoa hậu", "nữ sinh", "người vợ", "bà mẹ", "chị em",
               "bóng đá nữ", "đội tuyển nữ", "vận động viên nữ", "nữ diễn viên", "ca sĩ")

# --- sentence level: stereotype vocabulary per category (GUIDE_stereo + reference section 3) -----
STEREO_TERMS: dict[str, tuple[str, ...]] = {
    "appearance": ("chân dài", "hot girl", "hotgirl", "người đẹp", "xinh như mộng", "bình hoa di động",
                   "mát mắt", "nữ hoàng dao kéo", "mỹ nữ", "xinh đẹp", "nhan sắc", "kiều nữ", "thân hình"),
    "sexualisation": ("vòng một", "vòng 1", "ngực khủng", "nóng bỏng", "gợi cảm", "khoe thân", "thiếu vải",
                      "sexy", "khoe ngực", "hở bạo", "bốc lửa", "khêu gợi", "đường cong", "khoe dáng",
                      "xuyên thấu", "vòng ba", "vòng 3"),
    "gender_marking": ("nữ tài xế", "nữ quái", "nữ trộm", "nữ lái xe", "nữ nghi phạm", "nữ đạo chích",
                       "nữ chủ nhà", "nữ giám đốc", "nữ y tá", "nam y tá", "nữ bác sĩ", "nữ kế toán",
                       "nữ cán bộ", "nữ sinh", "nữ tiếp viên", "nữ tử tù", "nữ phạm nhân", "bà nội trợ"),
    "domestic_role": ("thiên chức", "nội trợ", "trụ cột", "nội tướng", "đảm đang", "bếp núc", "giữ lửa",
                      "tề gia", "việc nhà", "chăm chồng", "phận đàn bà", "phụ nữ phải"),
    "trait": ("phái yếu", "phái mạnh", "liễu yếu đào tơ", "mít ướt", "yếu đuối", "nhiều chuyện",
              "đàn bà", "yếu mềm", "dịu dàng", "ghen tuông", "lắm điều", "đanh đá", "nam tính", "nữ tính"),
    "demeaning_label": ("gái ế", "bà tám", "bóng hồng", "tiểu tam", "giật chồng", "kẻ thứ ba", "gái quê",
                        "máy bay bà già", "trà xanh", "phái đẹp", "gái bao", "chân dài"),
    "victim_blaming": ("hở hang", "dễ dãi", "đánh ghen", "vì quá yêu", "đi chơi khuya", "ăn mặc",
                       "lả lơi", "cả tin", "nhẹ dạ"),
    "lgbt": ("bê đê", "pê đê", "ô môi", "đồng bóng", "bóng lộ", "bệnh đồng tính", "pê-đê", "ái nam ái nữ",
             "đồng tính", "gay"),
}
NEUTRAL_GENDER_TERMS = ("phụ nữ", "chị em", "nữ giới", "nam giới", "bình đẳng giới", "định kiến",
                        "đội tuyển nữ", "bóng đá nữ", "nữ đại biểu", "lao động nữ", "người mẹ", "bà ")


# --- eval exclusion -----------------------------------------------------------------------------


# --- candidates ---------------------------------------------------------------------------------


def _matches(low: str, terms: tuple[str, ...]) -> list[str]:
    return [t for t in terms if re.search(r"(?<!\w)" + re.escape(t) + r"(?!\w)", low)]


def candidates() -> None:
    guard = EvalGuard()
    CANDIDATES.mkdir(parents=True, exist_ok=True)
    ge_pool, stereo_pool = [], defaultdict(list)
    for art in iter_corpus(DEFAULT_CORPUS):
        lead = art.text[:1500]
        low = fold(f"{art.title} . {lead}")
        hits = {topic: _matches(low, terms) for topic, terms in GE_TERMS.items()}
        score = sum(len(v) for v in hits.values())
        title_hit = any(_matches(fold(art.title), terms) for terms in GE_TERMS.values())
        if (title_hit or score >= 2) and not guard.near(f"{art.title} {lead[:300]}"):
            topic = max(hits, key=lambda t: len(hits[t]))
            ge_pool.append({"id": art.source_id, "title": art.title, "lead": lead[:200],
                            "terms": sorted({t for v in hits.values() for t in v}), "weak_topic": topic})
        if not art.source_id.startswith(("vntc:", "baomoi:")) or not keep(f"sent:{art.source_id}", 0.35, SEED):
            continue
        for span in split_sentences(art.text[:3000]):
            sentence = art.text[span.start:span.end]
            if not 30 <= len(sentence) <= 300:
                continue
            sl = fold(sentence)
            for cat, terms in STEREO_TERMS.items():
                found = _matches(sl, terms)
                if found:
                    stereo_pool[f"{cat}:{found[0]}"].append((art.source_id, sentence))
            if _matches(sl, NEUTRAL_GENDER_TERMS) and keep(f"neu:{sentence}", 0.05, SEED):
                stereo_pool["neutral:gender"].append((art.source_id, sentence))
    with open(CANDIDATES / "articles_ge.jsonl", "w", encoding="utf-8") as fh:
        for row in ge_pool:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    # At most 12 sentences per search term, seeded choice, so every term gets looked at.
    n = 0
    with open(CANDIDATES / "sentences_stereo.jsonl", "w", encoding="utf-8") as fh:
        for key in sorted(stereo_pool):
            rows = sorted(stereo_pool[key], key=lambda r: keep(f"pick:{r[1]}", 0.5, SEED))
            limit = 40 if key == "neutral:gender" else 12
            seen = set()
            for source_id, sentence in rows:
                if len(seen) >= limit or sentence in seen or guard.near(sentence):
                    continue
                seen.add(sentence)
                n += 1
                fh.write(json.dumps({"id": f"c{n:05d}", "source": source_id, "pool": key, "sentence": sentence},
                                    ensure_ascii=False) + "\n")
    print(f"articles: {len(ge_pool)} candidates; sentences: {n} candidates")



# Second article pool: titles that name women or gender (many are hard negatives: crime, beauty).
TITLE_TERMS = ("phụ nữ", "nữ giới", "chị em", "bình đẳng", "giới tính", "trẻ em gái", "bạo hành", "bạo lực",
               "hội lhpn", "hội phụ nữ", "nữ đại biểu", "nữ cán bộ", "lao động nữ", "nữ công nhân",
               "người vợ", "bà mẹ", "phái đẹp", "phái nữ", "cô gái", "nữ sinh", "hoa hậu", "8/3", "8-3",
               "20/10", "20-10")


def candidates_titles() -> None:
    guard = EvalGuard()
    first = {json.loads(line)["id"] for line in open(CANDIDATES / "articles_ge.jsonl", encoding="utf-8")}
    pool = []
    for art in iter_corpus(DEFAULT_CORPUS):
        if art.source_id in first or not art.title or not art.text:
            continue
        title = fold(art.title)
        found = _matches(title, TITLE_TERMS)
        if found and keep(f"title:{art.source_id}", 0.5, SEED) and not guard.near(f"{art.title} {art.text[:300]}"):
            pool.append({"id": art.source_id, "title": art.title, "lead": art.text[:200], "terms": found})
    with open(CANDIDATES / "articles_titles.jsonl", "w", encoding="utf-8") as fh:
        for row in pool:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"title pool: {len(pool)}")


# --- build --------------------------------------------------------------------------------------

CODES = {"0": None, "a": "appearance", "s": "sexualisation", "g": "gender_marking", "d": "domestic_role",
         "t": "trait", "l": "demeaning_label", "v": "victim_blaming", "b": "lgbt"}
ARTICLE_LABELS = {"0", "?", *GE_TERMS}


def read_labels(pattern: str, numeric_ids: bool) -> dict[int, str]:
    """Hand label files: "range a b" marks a reviewed range (default 0), "n label" overrides."""
    labels: dict[int, str] = {}
    for path in sorted((OUT / "hand").glob(pattern)):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            parts = line.split()
            if parts[0] == "range":
                for i in range(int(parts[1]), int(parts[2]) + 1):
                    labels.setdefault(i, "0")
                continue
            if len(parts) != 2 or not parts[0].isdigit():
                raise SystemExit(f"{path}:{n}: expected 'id label', got {line!r}")
            labels[int(parts[0])] = parts[1]
    return labels


def _write(path: Path, rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{path.relative_to(REPO)}: {len(rows)} rows, {sum(1 for r in rows if r.get('stereotype') or r.get('ge_item'))} positive")


def build_hand() -> None:
    rows, seen = [], set()
    for pool, pattern in (("sentences_stereo.jsonl", "sentences_batch1*.txt"),
                          ("sentences_targeted.jsonl", "sentences_targeted*.txt"),
                          ("sentences_batch2.jsonl", "sentences_batch2*.txt")):
        if not (CANDIDATES / pool).exists():
            continue
        labels = read_labels(pattern, True)
        for line in open(CANDIDATES / pool, encoding="utf-8"):
            cand = json.loads(line)
            label = labels.get(int(cand["id"][1:]))
            if label is None or label == "?":
                continue
            if label not in CODES:
                raise SystemExit(f"unknown sentence label {label!r} for {cand['id']}")
            key = fold(cand["sentence"])
            if key in seen:
                continue
            seen.add(key)
            rows.append({"id": f"hand:{cand['id']}", "source": cand["source"], "sentence": cand["sentence"],
                         "stereotype": int(CODES[label] is not None), "category": CODES[label],
                         "label_source": "hand"})
    _write(OUT / "sentences_hand.jsonl", rows)

    out = []
    seen.clear()
    for pool, pattern in (*LABELLED_POOLS, ("articles_batch3.jsonl", "articles_batch3*.txt"),
                          ("articles_batch4.jsonl", "articles_batch4*.txt"),
                          ("articles_batch5.jsonl", "articles_batch5*.txt")):
        if not (CANDIDATES / pool).exists():
            continue
        labels = read_labels(pattern, True)
        for i, line in enumerate(open(CANDIDATES / pool, encoding="utf-8")):
            cand = json.loads(line)
            label = labels.get(i)
            if label is None or label == "?":
                continue
            if label not in ARTICLE_LABELS:
                raise SystemExit(f"unknown article label {label!r} for {pool}:{i}")
            key = fold(cand["title"] or cand["lead"])
            if key in seen:  # the same story from two outlets (DANeS repeats titles)
                continue
            seen.add(key)
            out.append({"id": f"hand:{cand['id']}", "source": cand["id"], "ge_item": int(label != "0"),
                        "ge_topic": None if label == "0" else label, "label_source": "hand"})
    _write(OUT / "articles_hand.jsonl", out)


def build_checked_sentences() -> None:
    """The stereotype check sets of data/check as training sentences (sure labels only).

    Hand-labelled corpus sentences under the same criteria (GUIDE_stereo), drawn from articles that
    data/train and ../shared/eval do not hold (see data/check/README.md). They measure the rules, not
    the model, so the classifier may learn from them; rows refer to the corpus by source, field and
    offsets, as the check sets do. The sets and their label format are bench/stereo_check.py's.
    """
    sys.path.insert(0, str(REPO / "bench"))
    from stereo_check import SETS, read_labels

    rows = []
    for name, stem in SETS.items():
        labels = read_labels(REPO / "data" / "check" / f"{stem}_labels.txt")
        for line in open(REPO / "data" / "check" / f"{stem}_index.jsonl", encoding="utf-8"):
            row = json.loads(line)
            label, unsure = labels.get(row["id"], ("?", True))
            if unsure:
                continue
            category = None if label == "0" else label
            if category is not None and category not in CODES.values():
                raise SystemExit(f"unknown label {label!r} for {name}:{row['id']}")
            rows.append({"id": f"check:{name}:{row['id']}", "source": row["source"], "field": row["field"],
                         "start": row["start"], "end": row["end"], "stereotype": int(category is not None),
                         "category": category, "label_source": f"check:{name}"})
    _write(OUT / "sentences_check.jsonl", rows)


def build_weak() -> None:
    """Weak negatives: seeded random corpus articles and sentences with no gender-equality or
    stereotype vocabulary (a tiny share may still be positive: see README)."""
    guard = EvalGuard()
    all_ge = tuple(t for terms in GE_TERMS.values() for t in terms)
    all_stereo = tuple(t for terms in STEREO_TERMS.values() for t in terms)
    articles, sentences = [], []
    for art in iter_corpus(DEFAULT_CORPUS):
        if not art.text or art.source_id.startswith("danes:"):
            continue
        lead = art.text[:1500]
        if keep(f"weak-art:{art.source_id}", 0.045, SEED):
            if not _matches(fold(f"{art.title} {lead}"), all_ge) and not guard.near(f"{art.title} {lead[:300]}"):
                articles.append({"id": f"weak:{art.source_id}", "source": art.source_id, "ge_item": 0,
                                 "ge_topic": None, "label_source": "weak:random"})
        if keep(f"weak-sent:{art.source_id}", 0.025, SEED):
            spans = split_sentences(art.text[:2000])
            for span in spans[:3]:
                sentence = art.text[span.start:span.end]
                if 30 <= len(sentence) <= 300 and not _matches(fold(sentence), all_stereo) \
                        and not guard.near(sentence):
                    sentences.append({"id": f"weak:{art.source_id}:{span.start}", "source": art.source_id,
                                      "start": span.start, "end": span.end, "stereotype": 0, "category": None,
                                      "label_source": "weak:random"})
    _write(OUT / "articles_weak.jsonl", articles)
    _write(OUT / "sentences_weak.jsonl", sentences)



# Second sentence pool: the rarer categories, by pattern, and hard negatives that discuss stereotypes.
TARGETED = {
    "gender_marking": re.compile(r"(?<!\w)(?:nữ|cô) (?:quái|tặc|trộm|đạo chích|nghi phạm|nghi can|bị cáo|tài xế|"
                                 r"lái xe|chủ quán|chủ tiệm|giám đốc|kế toán|thủ quỹ|phó giám đốc|trưởng phòng|"
                                 r"giáo viên|phóng viên|cảnh sát|csgt|hiệu trưởng|chủ nợ|chủ shop)(?!\w)"),
    "victim_blaming": re.compile(r"đánh ghen|vì ghen|hở hang|đi chơi khuya|đi chơi đêm|quá chén|say xỉn|"
                                 r"vì quá yêu|tình cũ|lả lơi|dễ dãi|nhẹ dạ"),
    "lgbt": re.compile(r"bóng lộ|bóng kín|ô môi|pê-đê|pêđê|pê đê|bê đê|lại cái|ái nam ái nữ|bệnh đồng tính|"
                       r"đồng tính là bệnh|giới tính thứ ba|chữa đồng tính"),
    "critique": re.compile(r"định kiến|bình đẳng giới|phân biệt đối xử|trọng nam khinh nữ|kỳ thị|"
                           r"bất bình đẳng|nữ quyền"),
}
CRIME_CONTEXT = re.compile(r"bắt|khởi tố|tai nạn|va chạm|lừa|chiếm đoạt|trộm|cướp|tạm giữ|điều tra|"
                           r"xử phạt|truy nã|gây|tông|đâm")


def candidates_targeted() -> None:
    guard = EvalGuard()
    seen = {json.loads(line)["sentence"] for line in open(CANDIDATES / "sentences_stereo.jsonl", encoding="utf-8")}
    pools: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for art in iter_corpus(DEFAULT_CORPUS):
        if art.source_id.startswith("danes:"):
            continue
        for span in split_sentences(art.text[:4000]):
            sentence = art.text[span.start:span.end]
            if not 30 <= len(sentence) <= 300 or sentence in seen:
                continue
            sl = fold(sentence)
            for key, pattern in TARGETED.items():
                if pattern.search(sl) and (key != "gender_marking" or CRIME_CONTEXT.search(sl)):
                    pools[key].append((art.source_id, sentence))
    n = 0
    with open(CANDIDATES / "sentences_targeted.jsonl", "w", encoding="utf-8") as fh:
        for key in sorted(pools):
            rows = sorted(pools[key], key=lambda r: keep(f"pick2:{r[1]}", 0.5, SEED))
            taken = 0
            for source_id, sentence in rows:
                if taken >= 70 or sentence in seen or guard.near(sentence):
                    continue
                seen.add(sentence)
                taken += 1
                n += 1
                fh.write(json.dumps({"id": f"d{n:05d}", "source": source_id, "pool": key, "sentence": sentence},
                                    ensure_ascii=False) + "\n")
    print(f"targeted sentences: {n}")


# Third article pool (batch 2): articles not yet labelled whose title + lead point at women or gender,
# in strata so that likely positives and hard negatives (crime, promotions, celebrity, health tips,
# Women's Union relief) are both drawn. Sizes per stratum are fixed; the choice within one is seeded.
WOMEN_TITLE_TERMS = ("phụ nữ", "nữ giới", "chị em", "bình đẳng", "giới tính", "phái nữ", "phái đẹp",
                     "lao động nữ", "hội phụ nữ", "hội lhpn", "bạo lực gia đình", "bạo hành", "bé gái",
                     "trẻ em gái", "người vợ", "bà mẹ", "người mẹ", "mẹ", "vợ", "cô gái", "nữ", "8/3", "8-3",
                     "20/10", "20-10", "đàn bà", "góa phụ", "cô dâu", "mang thai", "sinh con")
BATCH2_STRATA = (  # (name, size): taken in this order, an article joins the first stratum it fits
    ("ge_terms_2plus", 60),     # >= 2 gender-equality terms in title + lead
    ("ge_term_title", 60),      # a gender-equality term, and the title names women/gender
    ("ge_term_women", 140),     # one gender-equality term, and "phụ nữ" >= 2 times
    ("ge_term_other", 150),     # one gender-equality term only (many date or health matches)
    ("women_dense", 240),      # no term, "phụ nữ"/"chị em"/"nữ giới" >= 4 times in title + lead
    ("women_title", 140),       # no term, the title names women/gender
)


def _batch2_stratum(title: str, lead: str) -> str | None:
    low = fold(f"{title} . {lead}")
    ge = _matches(low, tuple(t for terms in GE_TERMS.values() for t in terms))
    women_title = bool(_matches(fold(title), WOMEN_TITLE_TERMS))
    women = sum(low.count(w) for w in ("phụ nữ", "chị em", "nữ giới", "phái nữ"))
    if len(ge) >= 2:
        return "ge_terms_2plus"
    if ge and women_title:
        return "ge_term_title"
    if ge and women >= 2:
        return "ge_term_women"
    if ge:
        return "ge_term_other"
    if women >= 4:
        return "women_dense"
    if women_title and women >= 1:
        return "women_title"
    return None


def candidates_batch2() -> None:
    guard = EvalGuard()
    seen_ids, seen_titles = set(), set()
    for pool in ("articles_ge.jsonl", "articles_titles.jsonl"):
        for line in open(CANDIDATES / pool, encoding="utf-8"):
            row = json.loads(line)
            seen_ids.add(row["id"])
            seen_titles.add(fold(row["title"] or row["lead"]))
    seen_ids |= {json.loads(line)["source"] for line in open(OUT / "articles_weak.jsonl", encoding="utf-8")}
    strata: dict[str, list[dict]] = defaultdict(list)
    for art in iter_corpus(DEFAULT_CORPUS):
        if not art.source_id.startswith(("vntc:", "baomoi:")) or art.source_id in seen_ids:
            continue
        if not art.title or len(art.text) < 300 or fold(art.title) in seen_titles:
            continue
        stratum = _batch2_stratum(art.title, art.text[:1500])
        if stratum:
            strata[stratum].append({"id": art.source_id, "title": art.title, "lead": art.text[:300],
                                    "stratum": stratum})
    pool: list[dict] = []
    for name, size in BATCH2_STRATA:
        rows = sorted(strata[name], key=lambda r: _rank(f"b2:{r['id']}"))
        taken = 0
        for row in rows:
            if taken >= size:
                break
            key = fold(row["title"])
            if key in seen_titles or guard.near(f"{row['title']} {row['lead']}"):
                continue
            seen_titles.add(key)
            pool.append(row)
            taken += 1
    with open(CANDIDATES / "articles_batch2.jsonl", "w", encoding="utf-8") as fh:
        for row in pool:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"batch 2 pool: {len(pool)} " + str(Counter(r["stratum"] for r in pool)))


# Fourth article pool (batch 3): unlabelled articles ranked by a TF-IDF + logistic regression scorer
# trained on every hand label so far (batches 1-2, titles) plus the weak negatives. Labelling the top
# of that ranking finds the positives that word lists miss, and the negatives the scorer confuses.
LABELLED_POOLS = (("articles_ge.jsonl", "articles_batch1*.txt"), ("articles_titles.jsonl", "articles_titles*.txt"),
                  ("articles_batch2.jsonl", "articles_batch2*.txt"))
BATCH3_SIZE = 450


def candidates_batch3() -> None:
    _ranked_pool("articles_batch3.jsonl", LABELLED_POOLS, BATCH3_SIZE, women_only=False)


# Sixth article pool (batch 5): the same ranking, retrained on batches 1-4, keeping only articles
# whose title + lead name women or gender (batch 3's top was mostly election news).
BATCH5_POOLS = (*LABELLED_POOLS, ("articles_batch3.jsonl", "articles_batch3*.txt"),
                ("articles_batch4.jsonl", "articles_batch4*.txt"))
WOMEN_CUE = re.compile(r"(?<!\w)(?:phụ nữ|nữ|chị em|giới|vợ|mẹ|bé gái|con gái|cô gái|đồng tính|chuyển giới|"
                       r"hội phụ nữ|hội lhpn)(?!\w)")


def candidates_batch5() -> None:
    _ranked_pool("articles_batch5.jsonl", BATCH5_POOLS, 200, women_only=True)


def _ranked_pool(name: str, labelled_pools: tuple[tuple[str, str], ...], size: int, women_only: bool) -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    from auditor.models.textprep import article_input

    guard = EvalGuard()
    gold: dict[str, int] = {}
    seen_titles: set[str] = set()
    pooled: set[str] = set()
    for pool, pattern in labelled_pools:
        labels = read_labels(pattern, True)
        for i, line in enumerate(open(CANDIDATES / pool, encoding="utf-8")):
            row = json.loads(line)
            seen_titles.add(fold(row["title"] or row["lead"]))
            pooled.add(row["id"])
            if labels.get(i) not in (None, "?"):
                gold[row["id"]] = int(labels[i] != "0")
    weak = {json.loads(line)["source"] for line in open(OUT / "articles_weak.jsonl", encoding="utf-8")}
    train_x, train_y, pool = [], [], []
    for art in iter_corpus(DEFAULT_CORPUS):
        if not art.source_id.startswith(("vntc:", "baomoi:")):
            continue
        text = article_input(art.title, art.text[:1500])
        if art.source_id in gold or art.source_id in weak:
            train_x.append(text)
            train_y.append(gold.get(art.source_id, 0))
        elif (art.source_id not in pooled and art.title and len(art.text) >= 300
              and fold(art.title) not in seen_titles
              and (not women_only or WOMEN_CUE.search(fold(f"{art.title} {art.text[:1500]}")))):
            pool.append((art.source_id, art.title, art.text[:300], text))
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, max_features=200000)
    model = LogisticRegression(class_weight="balanced", max_iter=3000, C=4.0)
    model.fit(vectorizer.fit_transform(train_x), train_y)
    probs = model.predict_proba(vectorizer.transform([row[3] for row in pool]))[:, 1]
    ranked = sorted(zip(probs.tolist(), pool, strict=True), key=lambda r: (-r[0], r[1][0]))
    out = []
    for prob, (source_id, title, lead, _) in ranked:
        if len(out) >= size:
            break
        key = fold(title)
        if key in seen_titles or guard.near(f"{title} {lead}"):
            continue
        seen_titles.add(key)
        out.append({"id": source_id, "title": title, "lead": lead, "scorer_prob": round(prob, 4)})
    with open(CANDIDATES / name, "w", encoding="utf-8") as fh:
        for row in out:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{name}: {len(out)} (scorer trained on {sum(train_y)} positives / {len(train_y)}), "
          f"last prob {out[-1]['scorer_prob'] if out else None}")


# Fifth article pool (batch 4): a wider gender-equality vocabulary than GE_TERMS (first women leaders,
# trafficking, brides abroad, LGBT rights, women's credit, quotas...) over the articles no earlier pool
# holds, plus every DANeS title + description naming women or gender (2021 provincial outlets are
# closest to what the tool audits). Matching rule: a term in the title, or two terms, or one term
# with "phụ nữ"/"nữ giới"/"chị em" at least twice.
WIDE_GE_TERMS = (
    "người phụ nữ đầu tiên", "nữ tổng thống", "nữ thủ tướng", "nữ ngoại trưởng", "nữ bộ trưởng", "nữ nghị sĩ",
    "nữ chủ tịch", "bất bình đẳng giới", "bình đẳng nam nữ", "nam nữ bình đẳng", "bình quyền", "phân biệt giới",
    "kỳ thị phụ nữ", "phân biệt đối xử", "buôn người", "mua bán người", "buôn bán người", "mua bán phụ nữ",
    "buôn phụ nữ", "bán phụ nữ", "lấy chồng đài loan", "lấy chồng hàn quốc", "lấy chồng nước ngoài",
    "môi giới hôn nhân", "kết hôn với người nước ngoài", "cô dâu", "hôn nhân đồng giới", "người đồng tính",
    "người chuyển giới", "lgbt", "bạo hành", "bạo lực gia đình", "ngược đãi", "quấy rối", "xâm hại tình dục",
    "tảo hôn", "ép hôn", "cưỡng ép kết hôn", "hôn nhân cận huyết", "cắt âm vật", "con trai nối dõi",
    "sinh con trai", "giới tính thai nhi", "mất cân bằng giới tính", "trọng nam khinh nữ", "nhà khoa học nữ",
    "nữ khoa học", "kovalevskaia", "nữ trí thức", "nữ doanh nhân", "doanh nhân nữ", "lao động nữ", "nữ công nhân",
    "phụ nữ nông thôn", "phụ nữ nghèo", "phụ nữ dân tộc", "vay vốn", "hội phụ nữ", "hội lhpn",
    "hội liên hiệp phụ nữ", "phụ nữ việt nam", "nữ cán bộ", "cán bộ nữ", "đại biểu nữ", "nữ đại biểu",
    "ứng cử viên nữ", "nữ ứng viên", "tỷ lệ nữ", "tỉ lệ nữ", "tỷ lệ phụ nữ", "unifem", "cedaw", "quyền phụ nữ",
    "quyền của phụ nữ", "quyền bình đẳng", "giải phóng phụ nữ", "nữ quyền", "bình đẳng giới", "vai trò phụ nữ",
    "vai trò của phụ nữ", "phụ nữ khởi nghiệp", "trẻ em gái")
DANES_WOMEN_TERMS = ("phụ nữ", "nữ giới", "bình đẳng giới", "hội lhpn", "hội liên hiệp phụ nữ", "hội phụ nữ",
                     "bạo lực gia đình", "chị em", "lao động nữ", "cán bộ nữ", "nữ cán bộ", "trẻ em gái", "bé gái",
                     "tảo hôn", "mua bán người", "bạo hành", "nữ doanh nhân", "phụ nữ khởi nghiệp", "giới tính")


def candidates_batch4() -> None:
    guard = EvalGuard()
    seen_ids, seen_titles = set(), set()
    for pool, _ in (*LABELLED_POOLS, ("articles_batch3.jsonl", "")):
        for line in open(CANDIDATES / pool, encoding="utf-8"):
            row = json.loads(line)
            seen_ids.add(row["id"])
            seen_titles.add(fold(row["title"] or row["lead"]))
    seen_ids |= {json.loads(line)["source"] for line in open(OUT / "articles_weak.jsonl", encoding="utf-8")}
    out = []
    for art in iter_corpus(DEFAULT_CORPUS):
        if art.source_id in seen_ids or not art.title or fold(art.title) in seen_titles:
            continue
        low = fold(f"{art.title} . {art.text[:1500]}")
        if art.source_id.startswith("danes:"):
            source = "danes"
            hit = bool(_matches(low, DANES_WOMEN_TERMS))
        else:
            source = "news"
            found = _matches(low, WIDE_GE_TERMS)
            women = sum(low.count(w) for w in ("phụ nữ", "chị em", "nữ giới"))
            hit = len(art.text) >= 300 and bool(
                _matches(fold(art.title), WIDE_GE_TERMS) or len(found) >= 2 or (found and women >= 2))
        if hit and not guard.near(f"{art.title} {art.text[:300]}"):
            seen_titles.add(fold(art.title))
            out.append({"id": art.source_id, "title": art.title, "lead": art.text[:300], "source": source})
    with open(CANDIDATES / "articles_batch4.jsonl", "w", encoding="utf-8") as fh:
        for row in out:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"batch 4 pool: {len(out)} " + str(Counter(r["source"] for r in out)))


# Third sentence pool (batch 2): more sentences for the search terms whose first 12 sentences were
# mostly stereotyped (yield >= 1/3 in sentences_batch1.txt), for the rare categories, and a few terms
# not searched before; at most SENTENCE_BATCH2_PER_TERM per term, from any VNTC/baomoi article.
SENTENCE_BATCH2_TERMS: dict[str, tuple[str, ...]] = {
    "appearance": ("kiều nữ", "hot girl", "hotgirl", "mỹ nữ", "chân dài", "người đẹp", "xinh như mộng",
                   "nữ hoàng dao kéo", "gái xinh", "mỹ nhân"),
    "sexualisation": ("khoe dáng", "khoe thân", "bốc lửa", "thiếu vải", "khoe ngực", "đường cong", "khêu gợi",
                      "nóng bỏng"),
    "gender_marking": ("bà nội trợ", "nữ tài xế", "nữ quái", "nữ cán bộ", "nữ chủ nhà", "nữ nghi phạm",
                       "nữ bác sĩ", "nam y tá", "nữ đạo chích", "nữ trộm", "nữ tặc", "nữ chủ quán"),
    "domestic_role": ("thiên chức", "đảm đang", "nội trợ", "giữ lửa", "phụ nữ phải", "trụ cột gia đình",
                      "việc của đàn bà", "chân yếu tay mềm", "công dung ngôn hạnh"),
    "trait": ("phái yếu", "phái mạnh", "đàn bà con gái", "con gái mà", "đàn ông phải", "nam nhi",
              "liễu yếu đào tơ", "yếu đuối", "ghen tuông", "cả tin"),
    "demeaning_label": ("bóng hồng", "tiểu tam", "gái ế", "kẻ thứ ba", "máy bay bà già", "bồ nhí", "gái già",
                        "ế chồng", "bà cô"),
    "victim_blaming": ("đánh ghen", "lả lơi", "nhẹ dạ", "ăn mặc hở hang", "ăn mặc khiêu gợi", "tự chuốc"),
    "lgbt": ("pê đê", "bê đê", "bệnh đồng tính", "gay", "đồng tính", "ô môi", "lại cái"),
}
SENTENCE_BATCH2_PER_TERM = 6


def candidates_sentences2() -> None:
    guard = EvalGuard()
    seen = set()
    for pool in ("sentences_stereo.jsonl", "sentences_targeted.jsonl"):
        seen |= {fold(json.loads(line)["sentence"]) for line in open(CANDIDATES / pool, encoding="utf-8")}
    pools: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for art in iter_corpus(DEFAULT_CORPUS):
        if art.source_id.startswith("danes:"):
            continue
        for span in split_sentences(art.text[:4000]):
            sentence = art.text[span.start:span.end]
            if not 30 <= len(sentence) <= 300:
                continue
            sl = fold(sentence)
            if sl in seen:
                continue
            for cat, terms in SENTENCE_BATCH2_TERMS.items():
                found = _matches(sl, terms)
                if found:
                    pools[f"{cat}:{found[0]}"].append((art.source_id, sentence))
                    break
    n = 0
    with open(CANDIDATES / "sentences_batch2.jsonl", "w", encoding="utf-8") as fh:
        for key in sorted(pools):
            rows = sorted(pools[key], key=lambda r: _rank(f"s2:{r[1]}"))
            taken = 0
            for source_id, sentence in rows:
                if taken >= SENTENCE_BATCH2_PER_TERM:
                    break
                if fold(sentence) in seen or guard.near(sentence):
                    continue
                seen.add(fold(sentence))
                taken += 1
                n += 1
                fh.write(json.dumps({"id": f"e{n:05d}", "source": source_id, "pool": key, "sentence": sentence},
                                    ensure_ascii=False) + "\n")
    print(f"sentence batch 2: {n}")


def _rank(key: str) -> float:
    """A seeded pseudo-random rank in [0, 1): the same order on every machine."""
    digest = hashlib.blake2b(f"{SEED}:{key}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2**64


if __name__ == "__main__":
    commands = {"candidates": candidates, "titles": candidates_titles, "hand": build_hand, "weak": build_weak,
                "checked": build_checked_sentences,
                "targeted": candidates_targeted, "batch2": candidates_batch2,
                "batch3": candidates_batch3,
                "batch4": candidates_batch4,
                "sentences2": candidates_sentences2,
                "batch5": candidates_batch5}
    for name in sys.argv[1:] or ["hand"]:
        commands[name]()
