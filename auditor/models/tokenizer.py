"""A syllable-aware WordPiece tokenizer for Vietnamese, saved so ``AutoTokenizer`` loads it.

Vietnamese writes one syllable per space-separated token, so whitespace/punctuation
pre-tokenisation keeps syllables whole; with a vocabulary of ~10k, nearly every syllable in news text
is a single token. The normaliser is NFC + lowercase and keeps accents (BERT's default strips them,
which would merge "mà", "má", "mả", "mã", "mạ", "ma").
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import pairwise
from pathlib import Path

SPECIAL_TOKENS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
CONTINUATION = "##"


def wordpiece_vocabulary(word_counts: dict[str, int], vocab_size: int, min_frequency: int) -> list[str]:
    """WordPiece vocabulary by byte-pair merges, the same procedure as tokenizers' trainer, but
    deterministic: among equally frequent pairs the alphabetically first merges first.

    Words start as their first character plus continuation pieces ("##c"); the most frequent
    adjacent pair merges until the vocabulary holds ``vocab_size`` pieces or no pair occurs
    ``min_frequency`` times. Returns the special tokens, then every piece sorted.
    """
    ordered = sorted(w for w in word_counts if w)
    words = [[w[0], *(CONTINUATION + ch for ch in w[1:])] for w in ordered]
    counts = [word_counts[w] for w in ordered]
    vocab = set(SPECIAL_TOKENS)
    for symbols in words:
        vocab.update(symbols)
    pairs: Counter[tuple[str, str]] = Counter()
    where: defaultdict[tuple[str, str], set[int]] = defaultdict(set)
    for i, symbols in enumerate(words):
        for pair in pairwise(symbols):
            pairs[pair] += counts[i]
            where[pair].add(i)
    heap = [(-n, pair) for pair, n in pairs.items()]
    heapq.heapify(heap)
    while len(vocab) < vocab_size and heap:
        negative, pair = heapq.heappop(heap)
        if pairs.get(pair, 0) != -negative:
            continue  # a stale entry: the pair's current count was pushed when it changed
        if -negative < min_frequency:
            break
        first, second = pair
        merged = first + second[len(CONTINUATION):] if second.startswith(CONTINUATION) else first + second
        vocab.add(merged)
        changed: set[tuple[str, str]] = set()
        for i in sorted(where.pop(pair)):
            symbols = words[i]
            out: list[str] = []
            j = 0
            while j < len(symbols):
                if j + 1 < len(symbols) and symbols[j] == first and symbols[j + 1] == second:
                    out.append(merged)
                    j += 2
                else:
                    out.append(symbols[j])
                    j += 1
            if len(out) == len(symbols):
                continue  # a stale index: the pair left this word in an earlier merge
            for old in pairwise(symbols):
                pairs[old] -= counts[i]
                changed.add(old)
            for new in pairwise(out):
                pairs[new] += counts[i]
                where[new].add(i)
                changed.add(new)
            words[i] = out
        pairs.pop(pair, None)
        for other in sorted(changed - {pair}):
            if pairs[other] > 0:
                heapq.heappush(heap, (-pairs[other], other))
            else:
                pairs.pop(other, None)
    return SPECIAL_TOKENS + sorted(vocab - set(SPECIAL_TOKENS))


def train_tokenizer(texts: Iterable[str], out_dir: Path, vocab_size: int = 10000, min_frequency: int = 3):
    """Train on ``texts`` (already prepared) and save a BertTokenizerFast in ``out_dir``."""
    from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, processors
    from transformers import BertTokenizerFast

    tok = Tokenizer(models.WordPiece(unk_token="[UNK]", max_input_chars_per_word=50))
    tok.normalizer = normalizers.Sequence([normalizers.NFC(), normalizers.Lowercase()])
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.decoder = decoders.WordPiece()
    # The vocabulary comes from `wordpiece_vocabulary` rather than tokenizers' WordPieceTrainer: the
    # trainer numbers continuation pieces ("##c") in hash-map order and breaks ties between equally
    # frequent pairs by those numbers, so two runs on the same texts could keep different pieces
    # (measured: "##iệ" in one run, "##ệp" in the next) and every weight of a retrained model with them.
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(word for word, _ in tok.pre_tokenizer.pre_tokenize_str(tok.normalizer.normalize_str(text)))
    vocab = wordpiece_vocabulary(counts, vocab_size, min_frequency)
    tok.model = models.WordPiece({t: i for i, t in enumerate(vocab)}, unk_token="[UNK]",
                                 max_input_chars_per_word=50)
    cls_id, sep_id = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B:1 [SEP]:1",
        special_tokens=[("[CLS]", cls_id), ("[SEP]", sep_id)],
    )
    fast = BertTokenizerFast(
        tokenizer_object=tok, do_lower_case=True, strip_accents=False, tokenize_chinese_chars=True,
        unk_token="[UNK]", sep_token="[SEP]", pad_token="[PAD]", cls_token="[CLS]", mask_token="[MASK]",
        model_max_length=256,
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    fast.save_pretrained(str(out_dir))
    return fast
