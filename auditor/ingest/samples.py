"""Write sample documents as commune offices produce them: for the tests, the benchmark and the docs.

* :func:`write_pdf`: a minimal, valid PDF with a real text layer, built by hand (pypdf can write PDFs
  but not lay out text). Its font is the standard Helvetica with a ToUnicode map, so any Vietnamese
  text extracts exactly (the glyphs drawn are not Vietnamese: no font file is embedded).
* :func:`write_docx`: a .docx with headings, bold titles, paragraphs and tables (python-docx).
* :func:`write_txt`: text in any of the encodings :mod:`auditor.ingest.legacy` reads.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Literal

from auditor.ingest.legacy import encode_legacy

__all__ = ["write_pdf", "write_docx", "write_txt", "DocBlock"]

DocBlock = tuple[Literal["para", "heading", "bold", "table"], object]


def write_txt(path: str | Path, text: str, encoding: str = "utf-8") -> Path:
    """Write ``text`` as 'utf-8', 'utf-8-sig', 'utf-16' (BOM), 'utf-16-le'/'-be' (no BOM), 'cp1258',
    'tcvn3' or 'vni', with Windows line ends as the offices' editors save them."""
    path = Path(path)
    text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    if encoding in ("tcvn3", "vni", "cp1258"):
        data = encode_legacy(text, encoding, lowercase_missing=True)
    else:
        data = text.encode(encoding)
    path.write_bytes(data)
    return path


def write_docx(path: str | Path, blocks: Iterable[DocBlock]) -> Path:
    """Write a .docx: ("heading", text) as Heading 2, ("bold", text) as a bold paragraph,
    ("para", text), ("table", [[cell, ...], ...])."""
    import docx

    document = docx.Document()
    for kind, value in blocks:
        if kind == "heading":
            document.add_heading(str(value), level=2)
        elif kind == "bold":
            document.add_paragraph().add_run(str(value)).bold = True
        elif kind == "table":
            rows = list(value)  # type: ignore[call-overload]
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = str(cell)
        else:
            document.add_paragraph(str(value))
    path = Path(path)
    document.save(str(path))
    return path


def _pdf_string(codes: Sequence[int]) -> bytes:
    """A literal string: raw bytes, with the delimiters and line ends escaped."""
    raw = bytes(codes)
    for char, escaped in ((b"\\", b"\\\\"), (b"(", b"\\("), (b")", b"\\)"), (b"\r", b"\\r"), (b"\n", b"\\n")):
        raw = raw.replace(char, escaped)
    return b"(" + raw + b")"


def write_pdf(path: str | Path, lines: Iterable[str], *, width: int = 90, lines_per_page: int = 50) -> Path:
    """Write ``lines`` as a PDF with a text layer, wrapping long lines at ``width`` characters.

    Characters get one-byte codes (1-255) mapped to Unicode by the font's ToUnicode CMap, so a file
    may hold at most 255 distinct characters (plenty for Vietnamese prose).
    """
    wrapped: list[str] = []
    for line in lines:
        wrapped.extend(textwrap.wrap(line, width) or [""])
    alphabet: dict[str, int] = {}
    for line in wrapped:
        for ch in line:
            if ch not in alphabet:
                alphabet[ch] = len(alphabet) + 1
    if len(alphabet) > 255:
        raise ValueError("too many distinct characters for a one-byte PDF font")
    pages = [wrapped[i:i + lines_per_page] for i in range(0, len(wrapped), lines_per_page)] or [[]]

    objects: list[bytes] = []  # object n is objects[n - 1]

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled below
    pages_obj = add(b"")
    cmap_entries = b"\n".join(
        b"<%02x> <%04x>" % (code, ord(ch)) for ch, code in alphabet.items() if ord(ch) <= 0xFFFF)
    cmap = (b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            b"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            b"1 begincodespacerange\n<00> <ff>\nendcodespacerange\n"
            + b"%d beginbfchar\n" % len(alphabet) + cmap_entries + b"\nendbfchar\n"
            b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
    to_unicode = add(b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode %d 0 R >>" % to_unicode)
    page_ids = []
    for page_lines in pages:
        ops = [b"BT", b"/F1 10 Tf", b"14 TL", b"40 800 Td"]
        for line in page_lines:
            ops.append(_pdf_string([alphabet[ch] for ch in line]) + b" Tj T*")
        ops.append(b"ET")
        stream = b"\n".join(ops)
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        page_ids.append(add(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (pages_obj, content, font)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj
    kids = b" ".join(b"%d 0 R" % p for p in page_ids)
    objects[pages_obj - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_ids))

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref)
    path = Path(path)
    path.write_bytes(bytes(out))
    return path
