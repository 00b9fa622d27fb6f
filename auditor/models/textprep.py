"""Text preparation shared by training and scoring, so both see the same string.

NFC, one tone-mark placement (``auditor.text.unify_tones``: "hoà" -> "hòa"), plain single spaces.
Case is kept here; the shipped tokenizer lowercases (its normaliser), a user's model decides itself.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from auditor.text import unify_tones

_SPACE_LIKE = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\u3000\t\n\r\u000b\u000c"), " ")


def prepare_text(text: str) -> str:
    """NFC + unified tones + single spaces: the form every model input takes."""
    text = unicodedata.normalize("NFC", text or "").translate(_SPACE_LIKE)
    return " ".join(unify_tones(text).split())


def article_input(title: str, text: str) -> str:
    """The article-level input: title, then the body (the head reads the first tokens only)."""
    title, text = prepare_text(title), prepare_text(text)
    if title and text.startswith(title):
        return text
    return f"{title}. {text}" if title and text else title or text


def token_windows(tokenizer: Any, text: str, length: int, count: int) -> list[list[int]]:
    """Model inputs for the first ``count`` consecutive windows of ``text``, ``length`` tokens each.

    Each window carries the tokenizer's own special tokens (``[CLS] … [SEP]`` for BERT, ``<s> … </s>``
    for RoBERTa/PhoBERT), so any sequence-classification tokenizer works. An empty text gives one
    window of special tokens only. Only as much text is tokenised as the windows can hold.
    """
    prefix, suffix = _special_tokens(tokenizer)
    body = max(1, length - len(prefix) - len(suffix))
    # Enough characters for the windows (a Vietnamese syllable token spans 1-8; 16 leaves room for long
    # foreign words), so a huge input is not tokenised whole.
    text = text[: body * count * 16]
    ids = tokenizer(text, add_special_tokens=False, verbose=False)["input_ids"]
    chunks = [ids[start:start + body] for start in range(0, len(ids), body)][:count] or [[]]
    return [prefix + chunk + suffix for chunk in chunks]


def _special_tokens(tokenizer: Any) -> tuple[list[int], list[int]]:
    """The ids a tokenizer puts before and after one sequence, read off its own encoding of a word."""
    plain = tokenizer("a", add_special_tokens=False)["input_ids"]
    full = tokenizer("a")["input_ids"]
    for start in range(len(full) - len(plain) + 1):
        if full[start:start + len(plain)] == plain:
            return full[:start], full[start + len(plain):]
    return [], []
