"""`auditor audit` and `auditor rules`: the audit engine from the command line."""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any, BinaryIO

import click

from auditor.errors import AuditorError, InputError

# Below this many lines the work is done in-process: starting workers costs more than it saves.
_POOL_MIN_LINES = 200
_worker_auditor = None


@functools.cache
def _make_auditor(no_model: bool, model_dir: str | None = None):
    """Rules alone, rules + the model in ``model_dir``, or the process-wide default auditor; built
    once per process (the --model check before a --jsonl run and the run share it)."""
    from auditor.audit.engine import Auditor, default_auditor, load_default_model

    rules_dir = os.environ.get("AUDITOR_RULES") or None
    if no_model:
        return Auditor(rules_dir=rules_dir)
    if model_dir:
        return Auditor(rules_dir=rules_dir, model=load_default_model(model_dir))
    return default_auditor()


def audit_json_line(auditor, raw: bytes, line_no: int) -> str:
    """One input line of the JSONL contract -> one output line (a result or an error)."""
    if not raw.strip():
        return json.dumps({"line": line_no, "error": "dòng trống (empty line)"}, ensure_ascii=False)
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        return json.dumps({"line": line_no, "error": "dòng không phải UTF-8 hợp lệ (invalid UTF-8)"},
                          ensure_ascii=False)
    try:
        row = json.loads(line)
    except ValueError as exc:
        return json.dumps({"line": line_no, "error": f"dòng không phải JSON hợp lệ (invalid JSON: {exc.msg})"},
                          ensure_ascii=False)
    if not isinstance(row, dict):
        return json.dumps({"line": line_no, "error": "mỗi dòng phải là một đối tượng JSON (expected an object)"},
                          ensure_ascii=False)
    ident = {"id": row["id"]} if "id" in row else {"line": line_no}
    try:
        result = auditor.audit(row.get("text"), row.get("title"), id=row.get("id"))
    except InputError as exc:
        return json.dumps({**ident, "error": str(exc)}, ensure_ascii=False)
    except Exception as exc:  # noqa: BLE001 - one bad line must never end the run
        return json.dumps({**ident, "error": f"lỗi khi kiểm tra (internal error: {type(exc).__name__}: {exc})"},
                          ensure_ascii=False)
    out = result.to_dict()
    if "id" not in row:
        out = {"line": line_no, **{k: v for k, v in out.items() if k != "id"}}
    return json.dumps(out, ensure_ascii=False)


def _init_worker(no_model: bool, model_dir: str | None) -> None:
    global _worker_auditor
    # One torch thread per worker: N workers x 2 threads on N cores spin against each other.
    os.environ["AUDITOR_TORCH_THREADS"] = "1"
    _worker_auditor = _make_auditor(no_model, model_dir)


def _work(item: tuple[int, bytes]) -> str:
    return audit_json_line(_worker_auditor, item[1], item[0])


def _numbered_lines(stream: BinaryIO) -> Iterator[tuple[int, bytes]]:
    """Every input line with its 1-based number (blank ones too: each gets its own output line)."""
    n = 0
    for raw in stream:
        n += 1
        line = raw.rstrip(b"\r\n")
        if n == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]  # a UTF-8 byte-order mark written by some editors
        yield n, line


def run_jsonl(stream: BinaryIO, out, *, workers: int, no_model: bool, model_dir: str | None = None) -> int:
    """Audit a JSONL stream, writing one line per input line in order. Returns the line count."""
    lines = _numbered_lines(stream)
    head = list(islice(lines, _POOL_MIN_LINES))
    count = 0
    if workers <= 1 or len(head) < _POOL_MIN_LINES:
        auditor = _make_auditor(no_model, model_dir)
        for n, raw in _chain(head, lines):
            out.write(audit_json_line(auditor, raw, n) + "\n")
            count += 1
        return count
    import multiprocessing as mp

    # Fresh interpreters: forking a parent that already runs torch's thread pool can hang.
    ctx = mp.get_context("forkserver") if hasattr(os, "fork") else mp.get_context()
    with ctx.Pool(workers, initializer=_init_worker, initargs=(no_model, model_dir)) as pool:
        for line in pool.imap(_work, _chain(head, lines), chunksize=16):
            out.write(line + "\n")
            count += 1
    return count


def _chain(head: list, rest: Iterable) -> Iterator:
    yield from head
    yield from rest


def _read_text_file(path: str) -> str:
    # The ingest stage's decoder: UTF-8/16, windows-1258 and the legacy TCVN3/VNI font encodings.
    from auditor.errors import IngestError
    from auditor.ingest.legacy import decode_bytes

    data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    try:
        return decode_bytes(data, path=path).text
    except IngestError as exc:
        raise InputError(str(exc)) from exc


def audit_db(db_path: str, *, everything: bool, no_model: bool, model_dir: str | None = None) -> tuple[int, int]:
    """Audit stored articles that have no audit (or all, or those of another engine version)."""
    from auditor.audit.store import save_audit, unaudited_article_ids
    from auditor.db import open_db

    auditor = _make_auditor(no_model, model_dir)
    db = open_db(db_path)
    if everything:
        ids = [r[0] for r in db.execute("SELECT id FROM articles").fetchall()]
    else:
        ids = unaudited_article_ids(db, auditor.versions)
    done = failed = 0
    for article_id in ids:
        row = db.execute("SELECT title, text FROM articles WHERE id = ?", [article_id]).fetchone()
        try:
            result = auditor.audit(row[1], row[0], id=article_id)
        except InputError as exc:
            click.echo(f"bỏ qua {article_id}: {exc}", err=True)
            failed += 1
            continue
        save_audit(db, article_id, result, auditor.versions)
        done += 1
    return done, failed


@click.command()
@click.argument("files", nargs=-1, type=click.Path(allow_dash=True))
@click.option("--jsonl", "jsonl", type=click.Path(allow_dash=True), default=None,
              help="Read articles as JSONL ({id, title?, text} per line; - for stdin) and write one JSON "
                   "result line per input line, in order.")
@click.option("--db", "db_path", type=click.Path(dir_okay=False), default=None,
              help="Audit the articles stored in this database that have no audit yet, or whose audit an "
                   "earlier engine, rules or model version made.")
@click.option("--all", "everything", is_flag=True, help="With --db: re-audit every article.")
@click.option("--title", default=None, help="Title of a plain-text draft.")
@click.option("--json", "as_json", is_flag=True, help="For plain files: print the JSON result, not the report.")
@click.option("--workers", type=int, default=None,
              help="Processes for --jsonl (default: all cores for large inputs).")
@click.option("--model", "model_dir", type=click.Path(file_okay=False), default=None, envvar="AUDITOR_MODEL",
              help="A local transformers model folder (default: the shipped models/; env AUDITOR_MODEL).")
@click.option("--no-model", is_flag=True, help="Rules only: do not load the classifier.")
def audit(files: tuple[str, ...], jsonl: str | None, db_path: str | None, everything: bool, title: str | None,
          as_json: bool, workers: int | None, model_dir: str | None, no_model: bool) -> None:
    """Kiểm tra văn bản về nhạy cảm giới (audit Vietnamese text for gender sensitivity).

    Flags passages that break the Gender-in-Media Indicators (stereotyped, demeaning, sexualised
    portrayal; gender marked where irrelevant), says whether the piece is a gender-equality item,
    and lists the people named with gender and whether they are quoted.

    \b
    Examples:
        auditor audit draft.txt                   # Vietnamese report for a draft
        auditor audit --json draft.txt            # the same as JSON
        auditor audit --jsonl articles.jsonl > results.jsonl
        cat articles.jsonl | auditor audit --jsonl -
        auditor audit --db auditor.db             # audit stored articles not yet audited (or stale)

    In --jsonl mode every input line gives exactly one output line, in order; a bad line (not JSON,
    no text, binary junk) becomes {"id" or "line": n, "error": "..."} and the run goes on.
    """
    modes = sum(bool(x) for x in (files, jsonl, db_path))
    if modes != 1:
        raise click.UsageError("give FILES, or --jsonl FILE|-, or --db PATH (exactly one)")
    try:
        if jsonl and model_dir and not no_model:
            _make_auditor(False, model_dir)  # a broken --model folder fails here, before any line is read
        if jsonl:
            n_workers = workers if workers is not None else (os.cpu_count() or 1)
            stream = sys.stdin.buffer if jsonl == "-" else open(jsonl, "rb")  # noqa: SIM115
            try:
                run_jsonl(stream, sys.stdout, workers=n_workers, no_model=no_model, model_dir=model_dir)
            finally:
                if stream is not sys.stdin.buffer:
                    stream.close()
            return
        if db_path:
            done, failed = audit_db(db_path, everything=everything, no_model=no_model, model_dir=model_dir)
            click.echo(f"Đã kiểm tra {done} bài; bỏ qua {failed} bài lỗi.")
            return
        from auditor.audit.report import format_report

        auditor = _make_auditor(no_model, model_dir)
        status = 0
        for path in files:
            try:
                text = _read_text_file(path)
                result = auditor.audit(text, title, id=path)
            except (InputError, OSError) as exc:
                click.echo(f"Lỗi: {exc}", err=True)
                status = 1
                continue
            if as_json:
                click.echo(json.dumps(result.to_dict(), ensure_ascii=False))
            else:
                click.echo(format_report(result, text, title, name=path, color=sys.stdout.isatty()))
        if status:
            sys.exit(status)
    except AuditorError as exc:
        raise click.ClickException(str(exc)) from exc


@click.group()
def rules() -> None:
    """Liệt kê, kiểm tra bộ quy tắc chỉ số (list and check the rules in rules/indicators/)."""


@rules.command("list")
def rules_list() -> None:
    """In mọi quy tắc: mã, nhóm, tên, thông điệp (print every rule)."""
    from auditor.audit.rules import load_rules

    try:
        ruleset = load_rules()
    except AuditorError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{len(ruleset)} quy tắc (phiên bản {ruleset.version})")
    for r in ruleset:
        click.echo(f"{r.id}  {r.category:<16} {r.name}")
        click.echo(f"       {r.message}")


@rules.command("check")
def rules_check() -> None:
    """Kiểm tra tệp quy tắc và chạy ví dụ của từng quy tắc; lỗi thì thoát mã 1 (validate the rules
    and run their own examples; exit 1 on any failure)."""
    from auditor.audit.engine import Auditor

    try:
        auditor = Auditor()
    except AuditorError as exc:
        raise click.ClickException(str(exc)) from exc
    failures = check_examples(auditor)
    for f in failures:
        click.echo(f, err=True)
    click.echo(f"{len(auditor.rules)} quy tắc; {len(failures)} ví dụ sai")
    if failures:
        sys.exit(1)


def check_examples(auditor: Any) -> list[str]:
    """Each rule must flag its `flag` examples and leave its `pass` examples alone."""
    problems = []
    for rule in auditor.rules:
        for sentence in rule.examples.get("flag", []):
            if not any(f.rule == rule.id for f in auditor.audit(sentence).findings):
                problems.append(f"{rule.id}: không phát hiện (should flag): {sentence}")
        for sentence in rule.examples.get("pass", []):
            hits = [f for f in auditor.audit(sentence).findings if f.rule == rule.id]
            if hits:
                problems.append(f"{rule.id}: phát hiện nhầm (should pass) «{hits[0].excerpt}»: {sentence}")
    return problems
