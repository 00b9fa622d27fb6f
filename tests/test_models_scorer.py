"""Loading and scoring with a tiny random BERT built in a temp folder (no shipped weights needed)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

from auditor.audit.types import CATEGORIES, GE_TOPICS  # noqa: E402
from auditor.errors import ModelError  # noqa: E402
from auditor.models import load_scorer  # noqa: E402
from auditor.models.scorer import find_heads, resolve_model_dir  # noqa: E402

WORDS = ("phụ nữ nữ tài xế gây tai nạn hội liên hiệp tỉnh bình đẳng giới xinh đẹp cầm đầu đường dây "
         "chân dài bóng đá đội tuyển thắng trận hòa thủy lợi").split()


def _tokenizer(folder: Path):
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", ".", ",", *dict.fromkeys(WORDS)]
    # transformers 5 takes the vocabulary itself (``vocab``); a ``vocab_file`` is silently ignored and
    # leaves only the special tokens, so every word would read as [UNK].
    tok = transformers.BertTokenizerFast(vocab={t: i for i, t in enumerate(vocab)}, do_lower_case=True,
                                         strip_accents=False)
    assert tok.tokenize("phụ nữ") == ["phụ", "nữ"]
    return tok


def _tiny_bert(folder: Path, labels: list[str], **extra) -> Path:
    folder.mkdir(parents=True)
    tok = _tokenizer(folder)
    torch.manual_seed(0)
    config = transformers.BertConfig(
        vocab_size=len(tok), hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
        intermediate_size=32, max_position_embeddings=64, num_labels=len(labels),
        id2label=dict(enumerate(labels)), label2id={lab: i for i, lab in enumerate(labels)}, **extra,
    )
    transformers.BertForSequenceClassification(config).save_pretrained(str(folder))
    tok.save_pretrained(str(folder))
    return folder


def _tiny_roberta(folder: Path, labels: list[str], **extra) -> Path:
    """A RoBERTa-type folder (PhoBERT's architecture) with a byte-level BPE tokenizer."""
    from tokenizers import ByteLevelBPETokenizer

    folder.mkdir(parents=True)
    bpe = ByteLevelBPETokenizer()
    bpe.train_from_iterator([" ".join(WORDS)], vocab_size=400, min_frequency=1, show_progress=False,
                            special_tokens=["<s>", "<pad>", "</s>", "<unk>", "<mask>"])
    bpe.save_model(str(folder))
    tok = transformers.RobertaTokenizer(vocab=str(folder / "vocab.json"), merges=str(folder / "merges.txt"))
    torch.manual_seed(0)
    config = transformers.RobertaConfig(
        vocab_size=len(tok), hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
        intermediate_size=32, max_position_embeddings=66, pad_token_id=tok.pad_token_id,
        bos_token_id=tok.bos_token_id, eos_token_id=tok.eos_token_id, num_labels=len(labels),
        id2label=dict(enumerate(labels)), label2id={lab: i for i, lab in enumerate(labels)}, **extra,
    )
    transformers.RobertaForSequenceClassification(config).save_pretrained(str(folder))
    tok.save_pretrained(str(folder))
    return folder


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("models")
    _tiny_bert(root / "ge_item", ["none", *GE_TOPICS], auditor_task="article",
               auditor_thresholds={"ge_item": 0.6})
    _tiny_bert(root / "stereo", ["none", *CATEGORIES])
    return root


def test_scores_articles_and_sentences(model_dir: Path) -> None:
    scorer = load_scorer(str(model_dir))
    assert scorer.has_articles and scorer.has_sentences
    articles = scorer.score_articles(["Hội Liên hiệp phụ nữ tỉnh bàn về bình đẳng giới.", "Đội tuyển thắng trận."])
    assert len(articles) == 2
    for row in articles:
        assert set(row) == {"ge_prob", "topic", "topic_prob"}
        assert 0.0 <= row["ge_prob"] <= 1.0 and row["topic"] in GE_TOPICS and 0.0 <= row["topic_prob"] <= 1.0
    sentences = scorer.score_sentences(["Nữ tài xế gây tai nạn.", "Chân dài xinh đẹp cầm đầu đường dây.", ""])
    assert len(sentences) == 3
    for row in sentences:
        assert 0.0 <= row["stereo_prob"] <= 1.0 and row["category"] in CATEGORIES
    assert scorer.thresholds["ge_item"] == 0.6  # read from config.json
    assert scorer.version.startswith("ge_item:ge_item@") and "+stereo:stereo@" in scorer.version


def test_batches_keep_input_order(model_dir: Path) -> None:
    scorer = load_scorer(str(model_dir))
    sentences = [" ".join(WORDS[: 1 + (i * 7) % len(WORDS)]) for i in range(70)]
    together = scorer.score_sentences(sentences)
    one_by_one = [scorer.score_sentences([s])[0] for s in sentences[:5]]
    for a, b in zip(together[:5], one_by_one, strict=True):
        assert a["stereo_prob"] == pytest.approx(b["stereo_prob"], abs=1e-4)


def test_tone_placement_does_not_change_scores(model_dir: Path) -> None:
    scorer = load_scorer(str(model_dir))
    old, new = scorer.score_sentences(["Hoà bình, thuỷ lợi.", "Hòa bình, thủy lợi."])
    assert old == new


def test_single_binary_folder_from_env(tmp_path: Path, monkeypatch) -> None:
    folder = _tiny_bert(tmp_path / "user_model", ["no", "stereotype"])
    monkeypatch.setenv("AUDITOR_MODEL", str(folder))
    assert resolve_model_dir() == folder
    scorer = load_scorer()
    assert scorer.has_sentences and not scorer.has_articles
    [row] = scorer.score_sentences(["Nữ tài xế gây tai nạn."])
    assert row["category"] is None and 0.0 <= row["stereo_prob"] <= 1.0
    with pytest.raises(ModelError, match="ge_item"):
        scorer.score_articles(["Bình đẳng giới."])


def test_missing_folder_and_config(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="không tìm thấy thư mục mô hình"):
        load_scorer(str(tmp_path / "nope"))
    (tmp_path / "empty").mkdir()
    with pytest.raises(ModelError, match="không có config.json.*auditor train"):
        load_scorer(str(tmp_path / "empty"))


def test_incompatible_folders(tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "config.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelError, match="config.json"):
        load_scorer(str(broken))
    no_weights = tmp_path / "no_weights"
    no_weights.mkdir()
    (no_weights / "config.json").write_text(json.dumps(
        {"model_type": "bert", "auditor_task": "sentence", "id2label": {"0": "none", "1": "trait"}}))
    with pytest.raises(ModelError, match="không tương thích"):
        load_scorer(str(no_weights))
    unknown = _tiny_bert(tmp_path / "mystery", ["a", "b", "c"])
    with pytest.raises(ModelError, match="auditor_task"):
        find_heads(unknown)


def test_loads_offline_in_fresh_process(model_dir: Path) -> None:
    code = ("import os, socket\n"
            "def deny(*a, **k): raise RuntimeError('network used')\n"
            "socket.socket.connect = deny\n"
            "from auditor.models import load_scorer\n"
            f"s = load_scorer({str(model_dir)!r})\n"
            "print(s.score_sentences(['Nữ tài xế gây tai nạn.'])[0]['stereo_prob'] >= 0,"
            " os.environ['HF_HUB_OFFLINE'])\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={"PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["True", "1"]


def test_int8_scores_close_to_float(model_dir: Path) -> None:
    sentences = ["Nữ tài xế gây tai nạn.", "Chân dài xinh đẹp cầm đầu đường dây.", "Đội tuyển thắng trận."]
    exact = load_scorer(str(model_dir)).score_sentences(sentences)
    fast = load_scorer(str(model_dir), int8=True).score_sentences(sentences)
    for a, b in zip(exact, fast, strict=True):
        assert a["stereo_prob"] == pytest.approx(b["stereo_prob"], abs=0.05)


def test_a_roberta_folder_loads_through_the_auto_classes(tmp_path: Path) -> None:
    """A user's PhoBERT-style model (RoBERTa architecture, BPE tokenizer) given as one folder."""
    folder = _tiny_roberta(tmp_path / "phobert_like", ["none", *CATEGORIES])
    scorer = load_scorer(str(folder))
    head = scorer.heads["sentence"]
    assert type(head.model).__name__ == "RobertaForSequenceClassification"
    assert head.max_length == 64  # 66 positions less RoBERTa's two padding-offset ones
    rows = scorer.score_sentences(["Nữ tài xế gây tai nạn.", " ".join(WORDS * 5), ""])
    assert [row["category"] in CATEGORIES for row in rows] == [True, True, True]
    assert all(0.0 <= row["stereo_prob"] <= 1.0 for row in rows)


def test_phobert_own_tokenizer_class_loads(tmp_path: Path) -> None:
    """PhoBERT ships a slow PhobertTokenizer (fairseq vocab.txt + bpe.codes), not a tokenizer.json."""
    folder = tmp_path / "phobert"
    folder.mkdir()
    (folder / "vocab.txt").write_text("".join(f"{w} 1\n" for w in sorted(set(WORDS))), encoding="utf-8")
    (folder / "bpe.codes").write_text("#version: 0.2\n", encoding="utf-8")
    tok = transformers.PhobertTokenizer(vocab_file=str(folder / "vocab.txt"), merges_file=str(folder / "bpe.codes"))
    torch.manual_seed(0)
    labels = ["none", *GE_TOPICS]
    config = transformers.RobertaConfig(
        vocab_size=len(tok), hidden_size=16, num_hidden_layers=1, num_attention_heads=2, intermediate_size=32,
        max_position_embeddings=66, pad_token_id=tok.pad_token_id, bos_token_id=tok.bos_token_id,
        eos_token_id=tok.eos_token_id, num_labels=len(labels), id2label=dict(enumerate(labels)),
        label2id={lab: i for i, lab in enumerate(labels)}, auditor_task="article", auditor_windows=2,
    )
    transformers.RobertaForSequenceClassification(config).save_pretrained(str(folder))
    tok.save_pretrained(str(folder))
    assert not (folder / "tokenizer.json").exists()
    scorer = load_scorer(str(folder))
    assert type(scorer.heads["article"].tokenizer).__name__ == "PhobertTokenizer"
    scored = scorer.score_articles([" ".join(WORDS * 20), "Nữ tài xế.", ""])
    assert len(scored) == 3 and all(0.0 <= row["ge_prob"] <= 1.0 and row["topic"] in GE_TOPICS for row in scored)


SCORE_IN_FRESH_PROCESS = r"""
import json, sys
from auditor.models import lean_import
from auditor.models.scorer import load_scorer
out = {}
for folder in sys.argv[1:]:
    head = next(iter(load_scorer(folder).heads.values()))
    texts = ["Nữ tài xế gây tai nạn.", "Chân dài xinh đẹp cầm đầu đường dây.", "Hoà bình, thuỷ lợi.", ""]
    out[folder] = [[p.hex() for p in row] for row in head.probabilities(texts)]
print(json.dumps([out, lean_import.status()]))
"""


def test_lean_import_changes_no_score_and_skips_the_compiler(model_dir: Path, tmp_path: Path) -> None:
    """Fresh processes with and without AUDITOR_LEAN_IMPORT: the same probabilities, bit for bit
    (BERT and RoBERTa), and the lean one never imported torch._dynamo's package, scipy.optimize or
    DTensor (what makes it ~0.8 s faster; timed by bench/model_load_bench.py, not here)."""
    import os

    folders = [str(model_dir / "stereo"), str(_tiny_roberta(tmp_path / "roberta", ["none", *CATEGORIES]))]
    results = {}
    for lean in ("0", "1"):
        env = {**os.environ, "AUDITOR_LEAN_IMPORT": lean}
        proc = subprocess.run([sys.executable, "-c", SCORE_IN_FRESH_PROCESS, *folders], capture_output=True,
                              text=True, timeout=120, env=env)
        assert proc.returncode == 0, proc.stderr[-2000:]
        results[lean] = json.loads(proc.stdout)
    (plain, plain_status), (lean_scores, lean_status) = results["0"], results["1"]
    assert lean_scores == plain and len(plain) == 2
    assert lean_status == {"dynamo_deferred": True, "scipy_optimize_not_imported": True,
                           "dtensor_not_imported": True}
    assert plain_status["dynamo_deferred"] is False


def test_deferred_dynamo_loads_in_full_on_first_real_use() -> None:
    """After a lean load, torch.compile and friends still find the whole torch._dynamo."""
    code = ("import torch\n"
            "from auditor.models import lean_import\n"
            "assert lean_import.defer_dynamo()\n"
            "@torch._dynamo.allow_in_graph\n"
            "def f(x): return x + 1\n"
            "g = torch.compiler.disable(lambda x: x * 2)\n"
            "assert g(torch.ones(1)).item() == 2 and lean_import.status()['dynamo_deferred']\n"
            "compiled = torch.compile(lambda x: f(x) * 3, backend='eager')\n"
            "print(compiled(torch.ones(2)).tolist(), lean_import.status()['dynamo_deferred'],\n"
            "      id(f) in torch._dynamo.trace_rules._allowed_callable_ids, g(torch.ones(1)).item())\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.split() == ["[6.0,", "6.0]", "False", "True", "2.0"]


def test_lean_import_falls_back_to_the_normal_import(model_dir: Path) -> None:
    """On a torch the deferral was not written for it stays off, and the load still works."""
    code = ("import torch\n"
            "torch.__version__ = '9.9.0'\n"
            "from auditor.models import lean_import, load_scorer\n"
            f"row = load_scorer({str(model_dir)!r}).score_sentences(['Nữ tài xế gây tai nạn.'])[0]\n"
            "print(0 <= row['stereo_prob'] <= 1, lean_import.status()['dynamo_deferred'])\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.split() == ["True", "False"]


def test_a_trick_that_cannot_apply_is_skipped(monkeypatch) -> None:
    from auditor.models import lean_import

    def broken():
        raise AttributeError("create_import_structure_from_path")  # e.g. another transformers

    monkeypatch.setattr(lean_import, "_shared_models_scan", broken)
    with lean_import.lean_imports():
        import transformers.models  # noqa: F401


def test_window_mean_reads_past_the_lead(tmp_path: Path) -> None:
    """A head with ``auditor_windows`` averages its windows: what follows the lead changes the score."""
    from auditor.models.textprep import token_windows

    folder = _tiny_bert(tmp_path / "ge_item", ["none", *GE_TOPICS], auditor_task="article",
                        auditor_max_length=8, auditor_windows=3,
                        initializer_range=0.5)  # large random weights: every window scores apart
    scorer = load_scorer(str(folder))
    head = scorer.heads["article"]
    lead = "đội tuyển bóng đá thắng trận hòa"          # 7 words: the first window holds 6
    later = "hội liên hiệp phụ nữ tỉnh bình đẳng giới"
    windows = token_windows(head.tokenizer, f"{lead} {later}", 8, 3)
    assert [len(w) for w in windows] == [8, 8, 6]  # [CLS] 6 words [SEP], twice, then the rest
    assert all(w[0] == head.tokenizer.cls_token_id and w[-1] == head.tokenizer.sep_token_id for w in windows)
    assert token_windows(head.tokenizer, "", 8, 3) == [[head.tokenizer.cls_token_id, head.tokenizer.sep_token_id]]

    with torch.inference_mode():
        each = [torch.softmax(head.model(input_ids=torch.tensor([w])).logits, -1)[0] for w in windows]
    expected = 1.0 - float(sum(p[head.negative] for p in each)) / 3
    [whole, short] = scorer.score_articles([f"{lead} {later}", lead])
    first_only = 1.0 - float(each[0][head.negative])
    assert abs(expected - first_only) > 0.005  # the test can tell a mean from the lead alone
    assert whole["ge_prob"] == pytest.approx(expected, abs=1e-6)  # scores are rounded to 6 places
    assert abs(whole["ge_prob"] - short["ge_prob"]) > 0.005
    # Batching windows of several articles together keeps each article's own mean.
    assert scorer.score_articles([lead, f"{lead} {later}"])[1]["ge_prob"] == pytest.approx(whole["ge_prob"], abs=1e-6)


def test_roberta_windows_carry_its_own_special_tokens(tmp_path: Path) -> None:
    from auditor.models.textprep import token_windows

    folder = _tiny_roberta(tmp_path / "phobert", ["none", "gbv"], auditor_windows=2)
    tok = transformers.AutoTokenizer.from_pretrained(str(folder))
    windows = token_windows(tok, " ".join(WORDS), 10, 2)
    assert len(windows) == 2 and all(len(w) == 10 for w in windows)
    assert all(w[0] == tok.bos_token_id and w[-1] == tok.eos_token_id for w in windows)
    [row] = load_scorer(str(folder)).score_articles([" ".join(WORDS)])
    assert 0.0 <= row["ge_prob"] <= 1.0


@pytest.mark.parametrize("windows", [0, 17, "3"])
def test_bad_window_count_is_a_clear_error(tmp_path: Path, windows) -> None:
    folder = _tiny_bert(tmp_path / "ge_item", ["none", "gbv"], auditor_windows=windows)
    with pytest.raises(ModelError, match="auditor_windows"):
        load_scorer(str(folder))
