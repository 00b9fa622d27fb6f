"""The `auditor` command line: a thin layer over the library.

Each stage keeps its commands in its own package (``auditor/<stage>/commands.py``); this group loads
them lazily, so ``auditor audit`` does not import torch or the web stack unless it needs them.
"""

from __future__ import annotations

import importlib

import click

from auditor import __version__

# command name -> "module:attribute"
COMMANDS: dict[str, str] = {
    "demo": "auditor.crawl.commands:demo",
    "crawl": "auditor.crawl.commands:crawl",
    "audit": "auditor.audit.commands:audit",
    "check": "auditor.review.commands:check",
    "rules": "auditor.audit.commands:rules",
    "tally": "auditor.tally.commands:tally",
    "report": "auditor.tally.commands:report",
    "serve": "auditor.review.commands:serve",
    "user": "auditor.review.commands:user",
    "train": "auditor.models.commands:train",
    "ingest": "auditor.ingest.commands:ingest",
    "outlets": "auditor.ingest.commands:outlets",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(COMMANDS))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in COMMANDS:
            module_name, attr = COMMANDS[name].split(":")
            try:
                module = importlib.import_module(module_name)
            except ModuleNotFoundError as exc:
                if exc.name and exc.name.startswith("auditor"):
                    return None  # the stage is not installed in this build
                raise
            return getattr(module, attr, None)
        return super().get_command(ctx, name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="auditor")
def cli() -> None:
    """Gender Media Auditor: kiểm tra tin, bài tiếng Việt về nhạy cảm giới.

    Thu thập bài từ các nguồn tin, đánh dấu đoạn định kiến giới (Bộ chỉ số về giới trong truyền
    thông), đếm tin, bài bình đẳng giới và nguồn tin được trích dẫn theo giới, đối chiếu chỉ tiêu
    của tỉnh và rà soát kết quả.

    (Audit Vietnamese news and broadcast content for gender sensitivity: crawl outlets, flag
    stereotyped passages, count gender-equality items and quoted sources by gender, tally provincial
    quotas and review the results.)

    \b
    Bắt đầu (start here):
        auditor demo                      # chạy thử trên mạng tin mẫu cục bộ, in số liệu
        auditor audit draft.txt           # kiểm tra một tệp văn bản, báo cáo tiếng Việt
        auditor audit --jsonl in.jsonl    # hợp đồng JSONL: mỗi dòng vào một dòng ra
    """
