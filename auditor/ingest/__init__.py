"""Ingest broadcast scripts, bulletins and reports (.txt in any Vietnamese encoding, .docx, .pdf).

Commune radio and district centres rarely have a web feed; what they have is the text they air. Each
item of such a file becomes an article, audited and tallied like a crawled one (see docs/ingest.md).
"""

from auditor.ingest.legacy import decode_bytes, encode_legacy
from auditor.ingest.pipeline import FileReport, IngestOptions, ingest_bytes, ingest_file
from auditor.ingest.readers import read_document
from auditor.ingest.split import split_items

__all__ = ["IngestOptions", "FileReport", "ingest_file", "ingest_bytes", "read_document", "split_items", "decode_bytes",
           "encode_legacy"]
