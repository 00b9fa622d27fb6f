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

from bs4 import Comment, Declaration, Doctype, NavigableString, PageElement, ProcessingInstruction, Tag

__all__ = ["Block", "BLOCK_TAGS", "blocks_of", "clean_text", "is_decomposed", "remove_junk", "JUNK_TAGS"]

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


def is_decomposed(element: PageElement) -> bool:
    """True once ``decompose()`` removed the element.

    Read from ``__dict__``: bs4's ``decomposed`` property asks for ``_decomposed`` with getattr,
    which on an intact Tag falls through to ``Tag.__getattr__`` and searches the whole subtree.
    """
    return bool(element.__dict__.get("_decomposed"))


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

    def walk(self, root: Tag) -> None:
        """Depth-first over ``root``'s descendants with an explicit stack: pages nest thousands deep."""
        # A context is (in_link, in_bold, in_italic, right_aligned, enclosing block tag).
        stack: list[tuple[PageElement, tuple[bool, bool, bool, bool, str]] | None] = []
        root_context = (False, False, False, False, root.name or "div")
        stack.extend((child, root_context) for child in reversed(list(root.children)))
        while stack:
            item = stack.pop()
            if item is None:  # the end of a block element
                self.flush()
                continue
            node, (in_link, in_bold, in_italic, right, tag) = item
            if isinstance(node, NavigableString):
                if isinstance(node, _SKIP_STRINGS):
                    continue
                text = str(node)
                if not self.parts or not "".join(self.parts).strip():
                    self.right, self.tag = right, tag
                self.parts.append(text)
                visible = len(text.replace(" ", "").strip())
                self.link_chars += visible if in_link else 0
                self.bold_chars += visible if in_bold else 0
                self.italic_chars += visible if in_italic else 0
                continue
            if not isinstance(node, Tag):
                continue
            name = node.name
            if name == "br":
                self.flush()
                continue
            if name in JUNK_TAGS:
                continue
            child_right = right or bool(_RIGHT_RE.search(str(node.get("style") or ""))) or (
                str(node.get("align") or "").lower() == "right")
            if name in BLOCK_TAGS:
                self.flush()
                context = (in_link, in_bold, in_italic, child_right, name)
                stack.append(None)
            else:
                context = (in_link or name == "a", in_bold or name in ("strong", "b"),
                           in_italic or name in ("i", "em"), child_right, tag)
            stack.extend((child, context) for child in reversed(list(node.children)))


def blocks_of(element: Tag) -> list[Block]:
    walker = _Walker()
    walker.walk(element)
    walker.flush()
    return walker.blocks


# Class or id words of boxes inside an article body that are not the article: related links,
# sharing, comments, ads, tags. Substrings for long words, whole tokens for short ones.
_JUNK_SUBSTRINGS = re.compile(
    r"relate|lienquan|lien-quan|lien_quan|tinlq|xemthem|xem-them|xem_them|readmore|read-more|"
    r"comment|binhluan|binh-luan|quangcao|quang-cao|advert|banner|social|sharing|share-|-share|"
    r"_share|share_|breadcrumb|newsletter|subscribe|sidebar|footer|rating|box-vote|"
    r"tag-list|list-tag|tags-|-tags|keyword|morenews|more-news|othernews|other-news|box-tin|"
    r"boxtin|adsbygoogle|sponsor|popup|modal|cookie|author-box|box-author|ykien|y-kien|y_kien",
    re.IGNORECASE,
)
_JUNK_TOKENS = frozenset("ads ad qc tags tag nav menu share social related sapo-related hidden "
                         "d-none box_comment_vne cmt cmts".split())


def _is_junk_box(tag: Tag) -> bool:
    if tag.name in ("aside", "nav", "footer"):
        return True
    words = " ".join(tag.get("class") or []) + " " + str(tag.get("id") or "")
    if not words.strip():
        return False
    tokens = {t.lower() for t in re.split(r"[\s]+", words) if t}
    return bool(tokens & _JUNK_TOKENS) or bool(_JUNK_SUBSTRINGS.search(words))


def remove_junk(container: Tag, keep: tuple[Tag | None, ...] = ()) -> None:
    """Drop related-link, share, comment, ad and tag boxes inside ``container`` (in place).

    A box holding most of the container's text, or holding one of ``keep`` (the headline, the
    sapo), is kept whatever its class says: some CMSs wrap the whole article in a ``share-content``
    or ``print-news`` div.
    """
    for tag in container.find_all(JUNK_TAGS):
        tag.decompose()
    protected = {id(parent) for element in keep if element is not None for parent in element.parents}
    protected |= {id(element) for element in keep if element is not None}
    total = max(1, len(container.get_text(" ", strip=True)))
    for tag in list(container.find_all(True)):
        if is_decomposed(tag) or tag.parent is None or id(tag) in protected or not _is_junk_box(tag):
            continue
        if len(tag.get_text(" ", strip=True)) > 0.5 * total:
            continue
        tag.decompose()
