"""The audit with a classifier: a tiny random BERT from a temp folder, through `auditor audit --model`."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("transformers")

from test_models_scorer import _tiny_bert  # noqa: E402  (tests/ is on sys.path)

from auditor.audit.commands import audit  # noqa: E402
from auditor.audit.engine import Auditor  # noqa: E402
from auditor.audit.types import CATEGORIES, GE_TOPICS  # noqa: E402
from auditor.models.scorer import load_scorer  # noqa: E402

TEXT = "Cô gái là tài xế giỏi. Đội tuyển thắng trận. Phụ nữ tham gia bóng đá."


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("audit-model")
    # Thresholds of 0: every gender-cued sentence becomes a model finding, every article an item.
    _tiny_bert(root / "ge_item", ["none", *GE_TOPICS], auditor_task="article",
               auditor_thresholds={"ge_model_add": 0.0})
    _tiny_bert(root / "stereo", ["none", *CATEGORIES], auditor_thresholds={"stereotype_model_only": 0.0})
    return root


def test_model_findings_are_marked_and_slice_the_text(model_dir: Path) -> None:
    auditor = Auditor(model=load_scorer(model_dir))
    result = auditor.audit(TEXT, "Tin thể thao")
    by_model = [f for f in result.findings if f.by == "model"]
    # Only sentences that speak of women, men or gender go to the sentence head.
    assert {f.excerpt for f in by_model} == {"Cô gái là tài xế giỏi.", "Phụ nữ tham gia bóng đá."}
    for f in by_model:
        assert TEXT[f.start:f.end] == f.excerpt
        assert 0.0 <= f.score <= 1.0 and f.rule.startswith("model.") and f.category in CATEGORIES
    assert result.ge_item is True and result.ge_topic in GE_TOPICS
    assert auditor.versions["model_version"]


def test_model_only_flags_need_the_higher_bar(model_dir: Path) -> None:
    strict = Auditor(model=load_scorer(model_dir), thresholds={"stereotype_model_only": 1.01})
    assert [f for f in strict.audit(TEXT).findings if f.by == "model"] == []


def test_cli_model_option_and_no_model(model_dir: Path) -> None:
    line = json.dumps({"id": 1, "text": TEXT}, ensure_ascii=False) + "\n"
    with_model = CliRunner().invoke(audit, ["--jsonl", "-", "--workers", "1", "--model", str(model_dir)],
                                    input=line)
    assert with_model.exit_code == 0, with_model.output
    assert any(f["by"] == "model" for f in json.loads(with_model.stdout)["findings"])
    rules_only = CliRunner().invoke(audit, ["--jsonl", "-", "--workers", "1", "--no-model"], input=line)
    assert all(f["by"] == "rule" for f in json.loads(rules_only.stdout)["findings"])


def test_broken_model_folder_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(audit, ["--jsonl", "-", "--model", str(tmp_path / "empty")], input="{}\n")
    assert result.exit_code == 1
    assert "auditor train" in result.output or "config.json" in result.output


def test_a_weak_model_cannot_switch_the_rules_off(model_dir: Path) -> None:
    text = ("Hội Liên hiệp Phụ nữ xã ra mắt mô hình phòng chống bạo lực gia đình, lập đường dây nóng cho "
            "nạn nhân bạo lực gia đình và tuyên truyền Luật Bình đẳng giới.")
    title = "Ra mắt mô hình phòng chống bạo lực gia đình"
    rules_only = Auditor().audit(text, title)
    # A model that never adds items and vetoes only below 0 probability: the rules' verdict stands.
    strict = Auditor(model=load_scorer(model_dir), thresholds={"ge_model_add": 1.01, "ge_model_veto": 0.0})
    combined = strict.audit(text, title)
    assert rules_only.ge_item is True and combined.ge_item is True
    assert combined.ge_topic == rules_only.ge_topic == "gbv"
    vetoing = Auditor(model=load_scorer(model_dir), thresholds={"ge_model_add": 1.01, "ge_model_veto": 1.01})
    assert vetoing.audit(text, title).ge_item is False


def test_the_shipped_model_loads_through_the_real_cli(tmp_path: Path) -> None:
    """With weights in models/, the default `auditor audit` uses them (fresh process, offline)."""
    import os
    import subprocess
    import sys

    from auditor.errors import ModelError
    from auditor.models.scorer import DEFAULT_MODEL_DIR, find_heads

    try:
        heads = find_heads(DEFAULT_MODEL_DIR)
    except ModelError:
        heads = {}
    if not heads:
        pytest.skip("no shipped weights in models/ (run `auditor train`)")
    env = {k: v for k, v in os.environ.items() if k not in ("AUDITOR_NO_MODEL", "AUDITOR_MODEL")}
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    line = json.dumps({"id": "x", "text": "Nữ tài xế gây tai nạn liên hoàn trên quốc lộ."}, ensure_ascii=False)
    proc = subprocess.run([sys.executable, "-m", "auditor", "audit", "--jsonl", "-"], input=line.encode(),
                          capture_output=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode()[-1000:]
    out = json.loads(proc.stdout)
    assert out["id"] == "x" and any(f["rule"] == "GM302" for f in out["findings"])


def test_loading_is_quiet_and_restores_the_callers_settings(tmp_path: Path, capfd) -> None:
    """No "Loading weights" bars or load reports on stderr; the caller's GC, bar switch and
    transformers verbosity are left as found."""
    import gc
    import weakref

    import torch
    from safetensors.torch import load_file, save_file
    from transformers.utils import logging as hf_logging

    # A user's checkpoint with a tensor the classifier does not use: transformers prints a report.
    folder = _tiny_bert(tmp_path / "extra_keys", ["none", *CATEGORIES])
    weights = load_file(str(folder / "model.safetensors"))
    weights["cls.predictions.bias"] = torch.zeros(4)
    save_file(weights, str(folder / "model.safetensors"), metadata={"format": "pt"})

    class Node:
        pass

    hf_logging.enable_progress_bar()
    verbosity = hf_logging.get_verbosity()
    hf_logging.set_verbosity_warning()
    try:
        capfd.readouterr()
        cycle = Node()
        cycle.me = cycle
        alive = weakref.ref(cycle)
        del cycle  # garbage the caller left: collected, not frozen with what the load keeps
        scorer = load_scorer(folder)
        assert alive() is None
        err = capfd.readouterr().err
        assert "Loading weights" not in err and "LOAD REPORT" not in err, err
        assert 0.0 <= scorer.score_sentences(["Nữ tài xế gây tai nạn."])[0]["stereo_prob"] <= 1.0
        assert hf_logging.is_progress_bar_enabled() and gc.isenabled()
        assert hf_logging.get_verbosity() == hf_logging.WARNING
        assert gc.get_freeze_count() > 0  # what was loaded is kept out of later collections
        gc.disable()
        load_scorer(folder)
        assert not gc.isenabled()
    finally:
        gc.enable()
        hf_logging.disable_progress_bar()
        hf_logging.set_verbosity(verbosity)


def test_default_torch_threads_leave_a_core_free(monkeypatch) -> None:
    from auditor.models import scorer

    for cores, threads in ((1, 1), (2, 1), (3, 2), (16, 4)):
        monkeypatch.setattr(scorer.os, "sched_getaffinity", lambda _pid, n=cores: set(range(n)), raising=False)
        assert scorer.default_threads() == threads


def test_a_folder_without_a_trained_classification_head_is_refused(tmp_path: Path) -> None:
    """E.g. a PhoBERT downloaded as a bare encoder: transformers would invent a random head."""
    import transformers

    from auditor.errors import ModelError

    donor = _tiny_bert(tmp_path / "donor", ["none", *CATEGORIES])
    config = transformers.AutoConfig.from_pretrained(str(donor))
    bare = tmp_path / "bare_encoder"
    transformers.BertModel(config, add_pooling_layer=True).save_pretrained(str(bare))
    transformers.AutoTokenizer.from_pretrained(str(donor)).save_pretrained(str(bare))
    with pytest.raises(ModelError, match="thiếu trọng số classifier"):
        load_scorer(bare)
    result = CliRunner().invoke(audit, ["--jsonl", "-", "--model", str(bare)], input="{}\n")
    assert result.exit_code == 1 and "classifier" in result.output


def test_fresh_process_load_is_silent_with_one_thread_on_two_cores(model_dir: Path) -> None:
    import os
    import subprocess
    import sys

    code = ("import gc, os, torch\n"
            "os.sched_setaffinity(0, set(sorted(os.sched_getaffinity(0))[:2]))\n"
            "from auditor.models import load_scorer\n"
            f"s = load_scorer({str(model_dir)!r})\n"
            "row = s.score_sentences(['Nữ tài xế gây tai nạn.'])[0]\n"
            "print(torch.get_num_threads(), gc.isenabled(), 0 <= row['stereo_prob'] <= 1)\n")
    env = {k: v for k, v in os.environ.items() if k not in ("HF_HUB_DISABLE_PROGRESS_BARS", "AUDITOR_MODEL")}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert proc.returncode == 0, proc.stderr[-1000:]
    assert proc.stdout.split() == ["1", "True", "True"]
    assert proc.stderr == ""
