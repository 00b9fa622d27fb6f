"""Flatten an HTML element into text blocks (paragraphs), with the facts the filters need.

A block ends at every block-level tag and at ``<br>``: old CMSs write paragraphs as text runs
separated by ``<br><br>`` inside one ``<div>``. For each block we keep how much of its text sits
inside links (related-link boxes are nearly all link text), inside ``<strong>``/``<b>`` and whether
it is right-aligned (how VnExpress and others print the author's name under the body).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from bs4 import Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag

__all__ = ["Block", "BLOCK_TAGS", "blocks_of", "clean_text", "remove_junk", "JUNK_TAGS"]

BLOCK_TAGS = frozenset(
    "p div section article main header footer aside nav h1 h2 h3 h4 h5 h6 li ul ol dl dt dd "
    "blockquote figure figcaption table thead tbody tfoot tr td th pre center address form "
    "fieldset details summary hr".split()
)
# Never article text: removed before anything is read.
JUNK_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "object", "embed",
             "button", "input", "select", "textarea", "canvas", "video", "audio", "map", "link", "meta")
_SKIP_STRINGS = (Comment, Declaration, Doctype, ProcessingInstruction)
_RIGHT_RE = re.compile(r"text-align\s*:\s*right", re.IGNORECASE)


def clean_text(text: str) -> str:
    """NFC, one space between words, no invisible characters; the words stay as written."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u200b", "").replace("\ufeff", "").replace("\u00ad", "")
    return " ".join(text.split())


@dataclass
class Block:
    text: str
    link_chars: int = 0
    bold_chars: int = 0
    italic_chars: int = 0
    right_aligned: bool = False
    tag: str = "p"

    @property
    def link_density(self) -> float:
        return self.link_chars / max(1, len(self.text))

    @property
    def all_bold(self) -> bool:
        return self.bold_chars >= 0.9 * len(self.text.replace(" ", ""))

    @property
    def all_italic(self) -> bool:
        return self.italic_chars >= 0.9 * len(self.text.replace(" ", ""))


class _Walker:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.link_chars = 0
        self.bold_chars = 0
        self.italic_chars = 0
        self.right = False
        self.tag = "p"

    def flush(self) -> None:
        text = clean_text("".join(self.parts))
        if text:
            self.blocks.append(Block(text, self.link_chars, self.bold_chars, self.italic_chars, self.right, self.tag))
        self.parts, self.link_chars, self.bold_chars, self.italic_chars = [], 0, 0, 0

    def walk(self, node: Tag, in_link: bool, in_bold: bool, right: bool, tag: str, in_italic: bool = False) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if isinstance(child, _SKIP_STRINGS):
                    continue
                text = str(child)
                if not self.parts or not "".join(self.parts).strip():
                    self.right, self.tag = right, tag
                self.parts.append(text)
                visible = len(text.replace(" ", "").strip())
                if in_link:
                    self.link_chars += visible
                if in_bold:
                    self.bold_chars += visible
                if in_italic:
                    self.italic_chars += visible
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name
            if name == "br":
                self.flush()
                continue
            if name in JUNK_TAGS:
                continue
            child_right = right or bool(_RIGHT_RE.search(child.get("style") or "")) or (
                (child.get("align") or "").lower() == "right")
            if name in BLOCK_TAGS:
                self.flush()
                self.walk(child, in_link, in_bold, child_right, name, in_italic)
                self.flush()
            else:
                self.walk(child, in_link or name == "a", in_bold or name in ("strong", "b"), child_right, tag,
                          in_italic or name in ("i", "em"))


def blocks_of(element: Tag) -> list[Block]:
    walker = _Walker()
    walker.walk(element, False, False, False, element.name or "div")
    walker.flush()
    return walker.blocks


# Class or id words of boxes inside an article body that are not the article: related links,
# sharing, comments, ads, tags. Substrings for long words, whole tokens for short ones.
_JUNK_SUBSTRINGS = re.compile(
    r"relate|lienquan|lien-quan|lien_quan|tinlq|xemthem|xem-them|xem_them|readmore|read-more|"
    r"comment|binhluan|binh-luan|quangcao|quang-cao|advert|banner|social|sharing|share-|-share|"
    r"_share|share_|breadcrumb|newsletter|subscribe|sidebar|footer|rating|box-vote|print-|"
    r"tag-list|list-tag|tags-|-tags|keyword|morenews|more-news|othernews|other-news|box-tin|"
    r"boxtin|adsbygoogle|sponsor|popup|modal|cookie|author-box|box-author",
    re.IGNORECASE,
)
_JUNK_TOKENS = frozenset("ads ad qc tags tag nav menu share social related sapo-related hidden "
                         "d-none box_comment_vne".split())


def _is_junk_box(tag: Tag) -> bool:
    if tag.name in ("aside", "nav", "footer"):
        return True
    words = " ".join(tag.get("class") or []) + " " + str(tag.get("id") or "")
    if not words.strip():
        return False
    tokens = {t.lower() for t in re.split(r"[\s]+", words) if t}
    return bool(tokens & _JUNK_TOKENS) or bool(_JUNK_SUBSTRINGS.search(words))


def remove_junk(container: Tag) -> None:
    """Drop related-link, share, comment, ad and tag boxes inside ``container`` (in place).

    A box holding most of the container's text is kept whatever its class says: some CMSs wrap
    the whole body in a ``share-content`` div.
    """
    for tag in container.find_all(JUNK_TAGS):
        tag.decompose()
    total = max(1, len(container.get_text(" ", strip=True)))
    for tag in list(container.find_all(True)):
        if getattr(tag, "decomposed", False) or tag.parent is None or not _is_junk_box(tag):
            continue
        if len(tag.get_text(" ", strip=True)) > 0.5 * total:
            continue
        tag.decompose()
