"""CSS selector lists matched against one index of the page, results in the list's priority order.

``soup.select`` walks the whole tree once per selector, and soupsieve matches every element
against every selector of a list; with sixty container and metadata selectors that was most of
the extraction time. The selectors used here are simple (``tag.class``, ``#id``, ``[attr=v]``,
``[attr*=v]``, descendant combinators), so one pass indexes the page by tag, class and id and
each selector is answered from the index. Anything more complex goes to soupsieve.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import soupsieve
from bs4 import BeautifulSoup, Tag

from auditor.extract.blocks import is_decomposed

__all__ = ["select_in_order"]

_COMPOUND_RE = re.compile(r"^(?P<tag>[a-zA-Z][\w-]*)?(?P<rest>(?:[.#][\w-]+|\[[\w-]+(?:\*?=[\w\s.-]+)?\])*)$")
_PART_RE = re.compile(r"[.#][\w-]+|\[([\w-]+)(?:(\*?=)([\w\s.-]+))?\]")


@dataclass(frozen=True)
class _Compound:
    tag: str | None = None
    classes: tuple[str, ...] = ()
    id: str | None = None
    attrs: tuple[tuple[str, str | None, str | None], ...] = ()

    def matches(self, element: Tag) -> bool:
        if self.tag and element.name != self.tag:
            return False
        if self.id and element.get("id") != self.id:
            return False
        if self.classes and not set(self.classes) <= set(element.get("class") or ()):
            return False
        for name, op, value in self.attrs:
            raw = element.get(name)
            if raw is None:
                return False
            text = " ".join(raw) if isinstance(raw, list) else str(raw)
            if op == "=" and text != value or op == "*=" and value not in text:
                return False
        return True


@dataclass(frozen=True)
class _Selector:
    compounds: tuple[_Compound, ...]   # descendant combinators between them


@lru_cache(maxsize=512)
def _parse(selector: str) -> _Selector | None:
    compounds = []
    for token in selector.split():
        match = _COMPOUND_RE.match(token)
        if not match or not token:
            return None
        classes, ids, attrs = [], [], []
        for part in _PART_RE.finditer(match.group("rest") or ""):
            text = part.group(0)
            if text.startswith("."):
                classes.append(text[1:])
            elif text.startswith("#"):
                ids.append(text[1:])
            else:
                attrs.append((part.group(1), part.group(2), part.group(3)))
        if len(ids) > 1:
            return None
        compounds.append(_Compound(match.group("tag"), tuple(classes), ids[0] if ids else None, tuple(attrs)))
    return _Selector(tuple(compounds)) if compounds else None


@dataclass
class _Index:
    order: dict[int, int] = field(default_factory=dict)
    elements: list[Tag] = field(default_factory=list)
    by_tag: dict[str, list[Tag]] = field(default_factory=lambda: defaultdict(list))
    by_class: dict[str, list[Tag]] = field(default_factory=lambda: defaultdict(list))
    by_id: dict[str, list[Tag]] = field(default_factory=lambda: defaultdict(list))


def _index(root: BeautifulSoup) -> _Index:
    index = root.__dict__.get("_auditor_selector_index")
    if index is None:
        index = _Index()
        for position, element in enumerate(root.find_all(True)):
            index.order[id(element)] = position
            index.elements.append(element)
            index.by_tag[element.name].append(element)
            for name in element.get("class") or ():
                index.by_class[name].append(element)
            if (element_id := element.get("id")):
                index.by_id[str(element_id)].append(element)
        root.__dict__["_auditor_selector_index"] = index
    return index


def _select(index: _Index, selector: _Selector) -> list[Tag]:
    *ancestors, last = selector.compounds
    if last.id:
        candidates = index.by_id.get(last.id, [])
    elif last.classes:
        candidates = index.by_class.get(last.classes[0], [])
    elif last.tag:
        candidates = index.by_tag.get(last.tag, [])
    else:
        candidates = index.elements
    found = []
    for element in candidates:
        if is_decomposed(element) or not last.matches(element):
            continue
        pending = list(ancestors)
        node = element.parent
        while pending and node is not None:
            if isinstance(node, Tag) and pending[-1].matches(node):
                pending.pop()
            node = node.parent
        if not pending:
            found.append(element)
    return found


def select_in_order(root: Tag, selectors: Sequence[str]) -> Iterator[tuple[str, list[Tag]]]:
    """Yield (selector, its matches in document order) for each selector with matches, by priority.

    ``root`` should be the whole page (a BeautifulSoup); its index is built once and reused, so
    elements added later are not seen (extraction only ever removes elements).
    """
    index = _index(root) if isinstance(root, BeautifulSoup) else None
    for selector in selectors:
        parsed = _parse(selector)
        if index is not None and parsed is not None:
            hits = _select(index, parsed)
        else:
            hits = [e for e in soupsieve.select(selector, root) if not is_decomposed(e)]
        if hits:
            yield selector, hits
