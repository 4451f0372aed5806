import io
import json
from datetime import date

from viewer.timex.cli import run_batch, run_file


def test_run_file_writes_one_line_per_expression():
    out = io.StringIO()
    run_file("Last September and this summer.", date(2024, 11, 18), out)
    rows = [json.loads(x) for x in out.getvalue().splitlines()]
    assert [r["value"] for r in rows] == ["2024-09", "2024-SU"]
    assert set(rows[0]) >= {"start", "end", "text", "type", "value", "earliest", "latest", "granularity", "reasoning"}


def test_run_batch_is_robust():
    inp = io.StringIO("\n".join([
        json.dumps({"id": "a", "text": "Last September.", "dct": "2024-11-18"}),
        "not json",
        json.dumps({"id": "c", "text": "this Monday, November 18", "dct": None}),
        json.dumps({"id": "d", "text": "x", "dct": "garbage"}),
    ]) + "\n")
    out = io.StringIO()
    run_batch(inp, out)
    rows = [json.loads(x) for x in out.getvalue().splitlines()]
    assert len(rows) == 4
    assert rows[0]["dct"] == "2024-11-18" and rows[0]["dct_source"] == "given"
    assert rows[0]["timexes"][0]["value"] == "2024-09"
    assert "error" in rows[1]
    assert rows[2]["dct_source"] == "inferred" and rows[2]["dct"] == "2024-11-18"
    # a dct that is no date never costs the document its expressions: the line says so and goes on
    assert "error" not in rows[3] and rows[3]["id"] == "d" and "garbage" in rows[3]["dct_note"]
