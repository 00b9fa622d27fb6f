"""Text preparation shared by training and scoring, so both see the same string.

NFC, one tone-mark placement (``auditor.text.unify_tones``: "hoà" -> "hòa"), plain single spaces.
Case is kept here; the shipped tokenizer lowercases (its normaliser), a user's model decides itself.
"""

from __future__ import annotations

import unicodedata

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
