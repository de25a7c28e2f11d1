"""The backtest's figures (benchmarks/outlook.py writes them to docs/early-warning.md): the
same seeds give the same figures, and writing them replaces only their own block."""

import json

from benchmarks.outlook.report import render_markdown, run_backtest, write_block


def test_the_backtest_prints_accuracy_and_writes_only_its_block(tmp_path):
    doc = tmp_path / "early-warning.md"
    doc.write_text("# Cảnh báo sớm\n\nText kept.\n", encoding="utf-8")
    text = render_markdown(run_backtest())
    assert "| seasonal | all | 1200 |" in text
    assert "scorecard AUC" in text
    write_block(doc, "backtest", text)
    written = doc.read_text(encoding="utf-8")
    assert written.startswith("# Cảnh báo sớm\n\nText kept.\n\n<!-- section:backtest -->\n")
    assert "| seasonal | all | 1200 |" in written


def test_the_backtest_is_reproducible():
    a = json.loads(json.dumps(run_backtest(), default=str))
    b = json.loads(json.dumps(run_backtest(), default=str))
    assert a == b
    assert a["targets"]["overall"]["seasonal"]["predictions"] == 1200
