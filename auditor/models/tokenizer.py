"""A syllable-aware WordPiece tokenizer for Vietnamese, saved so ``AutoTokenizer`` loads it.

Vietnamese writes one syllable per space-separated token, so whitespace/punctuation
pre-tokenisation keeps syllables whole; with a vocabulary of ~10k, nearly every syllable in news text
is a single token. The normaliser is NFC + lowercase and keeps accents (BERT's default strips them,
which would merge "mà", "má", "mả", "mã", "mạ", "ma").
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

SPECIAL_TOKENS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]


def train_tokenizer(texts: Iterable[str], out_dir: Path, vocab_size: int = 10000, min_frequency: int = 3):
    """Train on ``texts`` (already prepared) and save a BertTokenizerFast in ``out_dir``."""
    from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, processors, trainers
    from transformers import BertTokenizerFast

    tok = Tokenizer(models.WordPiece(unk_token="[UNK]", max_input_chars_per_word=50))
    tok.normalizer = normalizers.Sequence([normalizers.NFC(), normalizers.Lowercase()])
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.decoder = decoders.WordPiece()
    trainer = trainers.WordPieceTrainer(
        vocab_size=vocab_size, min_frequency=min_frequency, special_tokens=SPECIAL_TOKENS,
        show_progress=False,
    )
    tok.train_from_iterator(texts, trainer=trainer)
    # The trainer numbers the initial alphabet in hash-map order, which changes from run to run
    # (measured: 482 of 10,000 ids differed between two runs on the same corpus), so every weight
    # of a retrained model would differ. Renumber: special tokens first, then the rest sorted.
    vocab = tok.get_vocab()
    ordered = SPECIAL_TOKENS + sorted(t for t in vocab if t not in SPECIAL_TOKENS)
    tok.model = models.WordPiece({t: i for i, t in enumerate(ordered)}, unk_token="[UNK]",
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
