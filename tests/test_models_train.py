"""`auditor train` end to end on a tiny corpus and label set written here (no ../shared needed)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

pytest.importorskip("torch")

from click.testing import CliRunner  # noqa: E402

from auditor.cli import cli  # noqa: E402
from auditor.errors import ModelError  # noqa: E402
from auditor.models import load_scorer  # noqa: E402
from auditor.models.train import (  # noqa: E402
    RECIPES,
    TrainOptions,
    _mlm_texts,
    apply_recipe,
    load_examples,
    run_training,
)

ARTICLES = [
    ("Hội Liên hiệp Phụ nữ tỉnh tổ chức hội nghị", "Hội nghị bàn về bình đẳng giới và vai trò của phụ nữ "
     "trong phát triển kinh tế, hỗ trợ chị em vay vốn khởi nghiệp."),
    ("Đội tuyển bóng đá thắng trận", "Đội tuyển giành chiến thắng 2-0 trên sân nhà trước hàng nghìn cổ động "
     "viên, huấn luyện viên hài lòng với lối chơi."),
    ("Giá lúa tăng mạnh", "Nông dân đồng bằng sông Cửu Long phấn khởi vì giá lúa tăng, thương lái thu mua "
     "nhiều hơn mọi năm."),
    ("Phòng chống bạo lực gia đình", "Huyện ra mắt mô hình phòng chống bạo lực gia đình, đường dây nóng hỗ "
     "trợ nạn nhân hoạt động suốt ngày đêm."),
]


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus" / "vntc"
    folder.mkdir(parents=True)
    with gzip.open(folder / "vntc10_train.jsonl.gz", "wt", encoding="utf-8") as fh:
        for i in range(60):
            title, text = ARTICLES[i % len(ARTICLES)]
            fh.write(json.dumps({"id": f"a{i}", "topic": "XH", "title": title,
                                 "text": f"{text} Bài số {i}. {text}"}, ensure_ascii=False) + "\n")
    return tmp_path / "corpus"


def _labels(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    with open(data / "articles_hand.jsonl", "w", encoding="utf-8") as fh:
        for i in range(24):
            title, text = ARTICLES[i % len(ARTICLES)]
            positive = i % len(ARTICLES) in (0, 3)
            topic = "womens_union" if i % len(ARTICLES) == 0 else "gbv"
            fh.write(json.dumps({"id": f"h{i}", "title": title, "text": text, "ge_item": int(positive),
                                 "ge_topic": topic if positive else None}, ensure_ascii=False) + "\n")
    sentences = [("Nữ quái xinh đẹp cầm đầu đường dây trộm cắp.", "appearance"),
                 ("Chị Lan, 35 tuổi, là kỹ sư cầu đường.", None),
                 ("Bóng hồng duy nhất của đội bóng.", "demeaning_label"),
                 ("Trời mưa to suốt đêm qua ở Hà Nội.", None)]
    with open(data / "sentences_hand.jsonl", "w", encoding="utf-8") as fh:
        for i in range(24):
            sentence, category = sentences[i % len(sentences)]
            fh.write(json.dumps({"id": f"s{i}", "sentence": f"{sentence} ({i})", "stereotype": int(bool(category)),
                                 "category": category}, ensure_ascii=False) + "\n")
    return data


def _tiny(tmp_path: Path, **overrides) -> TrainOptions:
    options = TrainOptions(out=tmp_path / "models", corpus=_corpus(tmp_path), data=_labels(tmp_path),
                           vocab_size=300, hidden=32, layers=2, heads=2, intermediate=64, mlm_steps=6,
                           mlm_batch=4, mlm_seq=32, article_len=48, sentence_len=24, checkpoint_every=3,
                           article_epochs=1, sentence_epochs=1, article_freeze=2, sentence_freeze=2)
    for key, value in overrides.items():
        setattr(options, key, value)
    return options


def test_train_builds_loadable_models_and_resumes(tmp_path: Path) -> None:
    options = _tiny(tmp_path)
    messages: list[str] = []
    results = run_training(options, log=messages.append)
    assert set(results) == {"tokenizer", "mlm", "ge_item", "stereo", "export"}
    for head in ("ge_item", "stereo"):
        files = {p.name for p in (options.out / head).iterdir()}
        assert {"config.json", "model.safetensors", "tokenizer.json"} <= files
    config = json.loads((options.out / "stereo" / "config.json").read_text(encoding="utf-8"))
    assert config["auditor_task"] == "sentence" and config["dtype"] == "float16"
    assert config["auditor_thresholds"]["stereotype_model_only"] >= config["auditor_thresholds"]["stereotype"]
    article_config = json.loads((options.out / "ge_item" / "config.json").read_text(encoding="utf-8"))
    assert article_config["auditor_max_length"] == options.article_score_len
    log = json.loads((options.out / "train_log.json").read_text(encoding="utf-8"))
    assert log["stages"]["mlm"]["steps"] == 6
    assert log["stages"]["mlm"]["tokens_per_s"] > 0 and list(log["stages"]["mlm"]["loss_curve"]) == ["6"]
    # The frozen bottom of the encoder (embeddings + first layer here) leaves fine-tuning unchanged.
    from safetensors.torch import load_file

    pretrained = load_file(options.checkpoints / "mlm" / "final" / "model.safetensors")
    tuned = load_file(options.checkpoints / "ge_item" / "final" / "model.safetensors")
    for name in ("embeddings.word_embeddings.weight", "encoder.layer.0.output.dense.weight"):
        assert torch_equal(pretrained[f"bert.{name}"], tuned[f"bert.{name}"])
    assert not torch_equal(pretrained["bert.encoder.layer.1.output.dense.weight"],
                           tuned["bert.encoder.layer.1.output.dense.weight"])

    scorer = load_scorer(str(options.out))
    [article] = scorer.score_articles(["Hội phụ nữ bàn về bình đẳng giới."])
    assert 0.0 <= article["ge_prob"] <= 1.0
    assert len(scorer.score_sentences(["Nữ quái xinh đẹp.", "Trời mưa."])) == 2

    # --resume skips every finished stage and rebuilds the same export.
    messages.clear()
    options.resume = True
    run_training(options, log=messages.append)
    assert sum("bỏ qua" in m for m in messages) == 4


def torch_equal(a, b) -> bool:
    import torch

    return bool(torch.equal(a, b))


def test_resume_continues_an_interrupted_stage(tmp_path: Path) -> None:
    options = _tiny(tmp_path, mlm_steps=3)
    run_training(options, log=lambda m: None)
    # Pretend MLM was interrupted at its last checkpoint: drop the done-marker, ask for more steps.
    (options.checkpoints / "mlm" / "done.json").unlink()
    for head in ("ge_item", "stereo"):
        (options.checkpoints / head / "done.json").unlink()
    options.resume, options.mlm_steps = True, 6
    results = run_training(options, log=lambda m: None)
    assert results["mlm"]["steps"] == 6


def test_recipes_override_the_defaults_of_the_shipped_recipe() -> None:
    options = apply_recipe(TrainOptions(), "v4")
    assert (options.recipe, options.mlm_dropout, options.mlm_mask_rate) == ("v4", 0.0, 0.25)
    assert (options.article_freeze, options.sentence_freeze, options.article_score_len) == (3, 3, 256)
    options.thresholds["ge_item"]["ge_item"] = 0.9  # a copy: the recipe table is not changed
    assert RECIPES["v4"]["thresholds"]["ge_item"]["ge_item"] == 0.4
    shipped = apply_recipe(TrainOptions(), "v3")
    assert (shipped.mlm_dropout, shipped.mlm_mask_rate, shipped.article_freeze) == (0.1, 0.15, 0)
    with pytest.raises(ModelError, match="không có công thức huấn luyện 'v9'"):
        apply_recipe(TrainOptions(), "v9")


def test_pretraining_can_leave_out_the_eval_items(tmp_path: Path) -> None:
    eval_dir = tmp_path / "eval"
    eval_dir.mkdir()
    title, text = ARTICLES[3]  # the domestic-violence article is an eval item here
    (eval_dir / "topic_dev.jsonl").write_text(json.dumps({"id": "e1", "title": title, "text": text},
                                                       ensure_ascii=False) + "\n", encoding="utf-8")
    options = _tiny(tmp_path, mlm_articles=1000, eval=eval_dir)
    messages: list[str] = []
    every = _mlm_texts(options, messages.append)
    assert sum("bạo lực gia đình" in t for t in every) == 60 // len(ARTICLES) and messages == []
    options.mlm_exclude_eval = True
    kept = _mlm_texts(options, messages.append)
    assert not any("bạo lực gia đình" in t for t in kept)
    assert len(kept) == len(every) - 60 // len(ARTICLES)
    assert messages == [f"mlm: loại {60 // len(ARTICLES)} bài trùng hoặc gần trùng bộ đánh giá"]
    options.eval = tmp_path / "missing"  # no eval sets (a fresh clone): nothing is left out, and it says so
    assert _mlm_texts(options, messages.append) == every
    assert "không thấy bộ đánh giá" in messages[-1]


def test_a_check_set_draw_refuses_eval_items_and_second_copies(tmp_path: Path) -> None:
    from auditor.models.corpus import DrawnSample, EvalGuard

    eval_dir = tmp_path / "eval"
    eval_dir.mkdir()
    title, text = ARTICLES[3]
    (eval_dir / "topic_dev.jsonl").write_text(json.dumps({"id": "e1", "title": title, "text": text},
                                                       ensure_ascii=False) + "\n", encoding="utf-8")
    sample = DrawnSample(EvalGuard(eval_dir))
    assert sample.refuse(title, text) == "near eval"
    first_title, first_text = ARTICLES[0]
    assert sample.refuse(first_title, first_text) is None
    # Another outlet's copy of the story just drawn, one word changed.
    assert sample.refuse(first_title, first_text.replace("hội nghị", "buổi hội nghị")) == "second copy"
    assert sample.refuse(*ARTICLES[1]) is None


def test_cli_reports_missing_labels(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    result = CliRunner().invoke(cli, ["train", "--out", str(tmp_path / "m"), "--corpus", str(corpus),
                                      "--data", str(tmp_path / "nothing"), "--mlm-steps", "1"])
    assert result.exit_code == 1
    assert "không có tệp articles*.jsonl" in result.output


def test_cli_reports_missing_corpus(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["train", "--out", str(tmp_path / "m"), "--corpus", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert "không tìm thấy kho văn bản" in result.output


def test_bad_label_is_reported_with_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "sentences_x.jsonl").write_text(
        json.dumps({"id": "x", "sentence": "Câu.", "stereotype": 1, "category": "ugly"}) + "\n", encoding="utf-8")
    with pytest.raises(ModelError, match="nhãn không hợp lệ 'ugly'"):
        load_examples(data, "stereo")


def test_labels_can_refer_to_corpus_items(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    data = tmp_path / "refs"
    data.mkdir()
    (data / "articles_weak.jsonl").write_text(
        json.dumps({"id": "w1", "source": "vntc:a1", "ge_item": 0}) + "\n", encoding="utf-8")
    (data / "sentences_weak.jsonl").write_text(
        json.dumps({"id": "w2", "source": "vntc:a2", "start": 0, "end": 8, "stereotype": 0}) + "\n",
        encoding="utf-8")
    [(_, article, label)] = load_examples(data, "ge_item", corpus)
    assert article.startswith("Đội tuyển bóng đá thắng trận. Đội tuyển giành") and label == "none"
    [(_, sentence, _)] = load_examples(data, "stereo", corpus)
    assert sentence == "Nông dân"  # offsets index the body, as build_train_data.py wrote them
    # A sentence of the headline (the check sets of data/check label headlines too).
    (data / "sentences_weak.jsonl").write_text(
        json.dumps({"id": "w4", "source": "vntc:a2", "field": "title", "start": 0, "end": 7, "stereotype": 0})
        + "\n", encoding="utf-8")
    [(_, sentence, _)] = load_examples(data, "stereo", corpus)
    assert sentence == "Giá lúa"
    (data / "sentences_weak.jsonl").write_text(
        json.dumps({"id": "w3", "source": "vntc:missing", "start": 0, "end": 5, "stereotype": 0}) + "\n",
        encoding="utf-8")
    with pytest.raises(ModelError, match="không tìm thấy bài vntc:missing"):
        load_examples(data, "stereo", corpus)


def test_hand_label_replaces_the_weak_label_of_the_same_article(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    data = tmp_path / "both"
    data.mkdir()
    (data / "articles_weak.jsonl").write_text(
        "".join(json.dumps({"id": f"weak:vntc:a{i}", "source": f"vntc:a{i}", "ge_item": 0}) + "\n"
                for i in (0, 1)), encoding="utf-8")
    (data / "articles_hand.jsonl").write_text(
        json.dumps({"id": "hand:vntc:a0", "source": "vntc:a0", "ge_item": 1, "ge_topic": "womens_union"}) + "\n",
        encoding="utf-8")
    examples = load_examples(data, "ge_item", corpus)
    assert [(row_id, label) for row_id, _, label in examples] == [
        ("hand:vntc:a0", "womens_union"), ("weak:vntc:a1", "none")]
    assert examples[0][1].startswith("Hội Liên hiệp Phụ nữ tỉnh tổ chức hội nghị.")


def test_tokenizer_ids_are_the_same_on_every_run(tmp_path: Path) -> None:
    from auditor.models.tokenizer import train_tokenizer

    texts = [f"{title}. {text}" for title, text in ARTICLES] * 5
    first = train_tokenizer(texts, tmp_path / "a", vocab_size=200, min_frequency=1)
    train_tokenizer(texts, tmp_path / "b", vocab_size=200, min_frequency=1)
    # Same ids on every run (the trainer's own numbering of the alphabet follows hash-map order).
    assert (tmp_path / "a" / "tokenizer.json").read_bytes() == (tmp_path / "b" / "tokenizer.json").read_bytes()
    assert first.convert_ids_to_tokens(list(range(5))) == ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    tokens = first.convert_ids_to_tokens(first("Hội phụ nữ huyện")["input_ids"])
    assert tokens[0] == "[CLS]" and tokens[-1] == "[SEP]" and "phụ" in tokens


def test_head_runs_are_averaged_and_windows_exported(tmp_path: Path) -> None:
    """article_runs=2 fine-tunes the article head twice (seeds 13, 14) and ships the mean weights."""
    import torch

    options = _tiny(tmp_path, article_runs=2, article_windows=3)
    results = run_training(options, log=lambda m: None)
    assert results["ge_item"]["runs"] == 2 and results["stereo"]["runs"] == 1
    head = options.checkpoints / "ge_item"
    runs = [torch.load(head / f"run{k}" / "state.pt", weights_only=True)["model"] for k in (0, 1)]
    from safetensors.torch import load_file

    final = load_file(head / "final" / "model.safetensors")
    name = "bert.encoder.layer.1.output.dense.weight"  # trained (not frozen) in both runs
    assert not torch_equal(runs[0][name], runs[1][name])  # two seeds, two different runs
    assert torch.allclose(final[name], (runs[0][name] + runs[1][name]) / 2, atol=1e-6)
    assert torch.allclose(final["classifier.weight"], (runs[0]["classifier.weight"] + runs[1]["classifier.weight"]) / 2,
                          atol=1e-6)
    article_config = json.loads((options.out / "ge_item" / "config.json").read_text(encoding="utf-8"))
    assert article_config["auditor_windows"] == 3
    assert "auditor_windows" not in json.loads((options.out / "stereo" / "config.json").read_text(encoding="utf-8"))
    assert load_scorer(str(options.out)).heads["article"].windows == 3
    # A resumed run finds both runs finished and averages the same weights again.
    (head / "done.json").unlink()
    options.resume = True
    run_training(options, log=lambda m: None)
    assert torch.allclose(load_file(head / "final" / "model.safetensors")[name], final[name])
