"""``auditor train``: build the shipped classifier in models/ from data on disk."""

from __future__ import annotations

from pathlib import Path

import click

from auditor.errors import AuditorError
from auditor.models.train import RECIPES


@click.command()
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Thư mục kết quả (mặc định: models/ của dự án).")
@click.option("--corpus", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Kho văn bản (mặc định: ../shared/corpus).")
@click.option("--data", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Dữ liệu gán nhãn (mặc định: data/train/).")
@click.option("--mlm-steps", type=click.IntRange(min=1), default=None, help="Số bước tiền huấn luyện MLM.")
@click.option("--recipe", type=click.Choice(sorted(RECIPES)), default="v7", show_default=True,
              help="Công thức huấn luyện (v7: mô hình đang phát hành, như v6 nhưng đầu phân loại bài là trung bình của 3 lần tinh chỉnh và đọc 2 đoạn đầu của bài; v6: tiền huấn luyện dài gấp 2,5 lần v5, bỏ các bài của bộ đánh giá; v3-v5: các công thức trước; xem models/MODEL_CARD.md).")
@click.option("--seed", type=int, default=None, help="Hạt giống ngẫu nhiên.")
@click.option("--threads", type=click.IntRange(min=1), default=None, help="Số luồng torch (mặc định 2).")
@click.option("--resume", is_flag=True, help="Tiếp tục từ các điểm lưu trong <out>/checkpoints/.")
@click.option("--review-db", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Trước khi huấn luyện, xuất quyết định của thanh tra trong cơ sở dữ liệu này thành nhãn "
                   "(articles_hand_review.jsonl, sentences_hand_review.jsonl trong thư mục dữ liệu).")
@click.option("--export-only", is_flag=True, help="Chỉ xuất nhãn từ --review-db, không huấn luyện.")
def train(out: Path | None, corpus: Path | None, data: Path | None, mlm_steps: int | None,
          recipe: str, seed: int | None, threads: int | None, resume: bool, review_db: Path | None,
          export_only: bool) -> None:
    """Huấn luyện bộ phân loại: tokenizer, tiền huấn luyện MLM, hai đầu phân loại, xuất fp16.

    Train the classifier (tokenizer, MLM pretraining, article and sentence heads) into models/.
    Checkpoints go to <out>/checkpoints/; --resume skips finished stages.

    \b
    Ví dụ:
        auditor train                   # build models/ from ../shared/corpus + data/train
        auditor train --resume          # continue after an interruption
        auditor train --recipe v6 --out /tmp/v6 --threads 1   # the previous recipe
        auditor train --review-db auditor.db --export-only   # inspectors' decisions -> data/train labels

    Với --review-db, quyết định của thanh tra trong ứng dụng rà soát (tin bình đẳng giới, phát hiện
    được chấp nhận hay bác bỏ; quyết định sau cùng) trở thành nhãn huấn luyện bên cạnh data/train.
    With --review-db, the inspectors' decisions (gender-equality verdicts, accepted and dismissed
    findings; the latest per target) become hand labels beside data/train's own, so the model learns
    what the rules missed. Each export replaces the previous one; see docs/models.md.
    """
    from auditor.models.train import TrainOptions, apply_recipe, run_training

    if export_only and review_db is None:
        raise click.UsageError("--export-only cần --review-db")
    options = apply_recipe(TrainOptions(resume=resume), recipe)
    for name, value in (("out", out), ("corpus", corpus), ("data", data), ("mlm_steps", mlm_steps),
                        ("seed", seed), ("threads", threads)):
        if value is not None:
            setattr(options, name, value)
    if review_db is not None:
        from auditor.models.review_labels import ARTICLES_FILE, SENTENCES_FILE, export_review_labels

        try:
            labels = export_review_labels(review_db, options.data, options.eval)
        except AuditorError as exc:
            raise click.ClickException(str(exc)) from exc
        click.echo(f"Đã xuất nhãn từ quyết định của thanh tra: {len(labels.articles)} bài "
                   f"({labels.ge_items} tin bình đẳng giới) -> {options.data / ARTICLES_FILE}; "
                   f"{len(labels.sentences)} câu ({labels.stereotyped} có định kiến) -> "
                   f"{options.data / SENTENCES_FILE}")
        if labels.near_eval or labels.unplaced:
            click.echo(f"Bỏ qua: {labels.near_eval} trùng hoặc gần trùng bộ đánh giá, "
                       f"{labels.unplaced} quyết định về phát hiện đã bị thay bởi lần kiểm tra sau")
        if export_only:
            return
    try:
        results = run_training(options, log=lambda msg: click.echo(msg, err=True))
    except AuditorError as exc:
        raise click.ClickException(str(exc)) from exc
    sizes = results["export"]["sizes_bytes"]
    click.echo(f"Đã lưu mô hình vào {options.out}: "
               + ", ".join(f"{head} {size / 1e6:.1f} MB" for head, size in sizes.items()))
