"""Runs: counts, error policy, resume after Ctrl-C, changed inputs, workers."""

from __future__ import annotations

import pytest
from test_store_support import (
    SAMPLE_TEXTS,
    FakePipeline,
    InterruptingPipeline,
    fake_clean,
    fake_reader,
    write_inputs,
)

from hadath.runner import RunInterrupted, process
from hadath.settings import Settings
from hadath.store import SQLiteStore


def _run(folder, store, pipeline=None, **settings):
    return process(
        [str(folder)], Settings(**settings), store,
        reader=fake_reader, cleaner=fake_clean, pipeline=pipeline or FakePipeline(), progress=False,
    )  # fmt: skip


def _dump(store: SQLiteStore) -> dict[str, list]:
    return {
        "documents": store.conn.execute(
            "SELECT doc_id, source, part, text FROM documents ORDER BY doc_id"
        ).fetchall(),
        "events": store.conn.execute("SELECT id, record FROM events ORDER BY id").fetchall(),
        "entities": store.conn.execute(
            'SELECT doc_id, layer, start, "end", code FROM entities ORDER BY 1,2,3,4'
        ).fetchall(),
        "rejections": store.conn.execute("SELECT id, reason FROM rejections ORDER BY id").fetchall(),
    }


def test_runner_counts_documents_parts_events_and_rejections(tmp_path):
    folder = write_inputs(tmp_path / "in", SAMPLE_TEXTS)
    with SQLiteStore(str(tmp_path / "h.db")) as store:
        summary = _run(folder, store)
        assert (summary.inputs, summary.documents, summary.new, summary.parts) == (4, 5, 5, 1)
        assert dict(summary.rejected) == {"empty": 1}
        assert dict(summary.events) == {"ASSAULT": 1, "CONSULT": 2, "REJECT": 1}
        assert store.counts()["events"] == 4 and store.counts()["runs"] == 1
        again = _run(folder, store)
        assert (again.inputs, again.skipped, again.documents, again.new) == (4, 4, 0, 0)
        assert store.counts()["documents"] == 5


def test_runner_pipeline_error_is_a_rejection_and_the_run_goes_on(tmp_path, caplog):
    folder = write_inputs(tmp_path / "in", SAMPLE_TEXTS)
    with SQLiteStore(str(tmp_path / "h.db")) as store:
        summary = _run(folder, store, pipeline=FakePipeline(boom="هاجم"))
        assert summary.rejected["pipeline_error"] == 1
        assert summary.new == 4
        (row,) = store.rejections(reason="pipeline_error")
        assert row["source"].endswith("b.txt") and "ValueError: fake failure" in row["detail"]
        assert "pipeline_error" in caplog.text


@pytest.mark.parametrize("batch_size", [1, 100])
def test_runner_resumes_after_ctrl_c_and_stores_every_document_once(tmp_path, batch_size):
    texts = {f"{i:02d}.txt": f"زار واشنطن نيامي. رقم {i}." for i in range(10)}
    texts["05.txt"] = "هاجم نيامي أبوجا. توقف."
    folder = write_inputs(tmp_path / "in", texts)
    with SQLiteStore(str(tmp_path / "h.db")) as store:
        with pytest.raises(RunInterrupted) as stop:
            _run(folder, store, pipeline=InterruptingPipeline("توقف"), batch_size=batch_size)
        assert stop.value.summary.new == 5
        assert store.counts()["documents"] == 5  # everything before the interrupt is committed
        summary = _run(folder, store, batch_size=batch_size)
        assert (summary.skipped, summary.new) == (5, 5)
        docs = store.conn.execute("SELECT source, COUNT(*) FROM documents GROUP BY source").fetchall()
        assert len(docs) == 10 and all(n == 1 for _, n in docs)
        assert store.counts()["events_by_type"] == {"CONSULT": 9, "ASSAULT": 1}


def test_runner_reprocesses_an_input_whose_content_changed_and_drops_its_old_rows(tmp_path):
    folder = write_inputs(tmp_path / "in", {"a.txt": "زار واشنطن نيامي.", "b.txt": "زار واشنطن نيامي."})
    with SQLiteStore(str(tmp_path / "h.db")) as store:
        _run(folder, store)
        assert store.counts()["documents"] == 1  # b.txt carries the same article
        write_inputs(folder, {"a.txt": "هاجم نيامي أبوجا."})
        summary = _run(folder, store)
        assert (summary.skipped, summary.new) == (1, 1)
        assert store.counts()["events_by_type"] == {"ASSAULT": 1, "CONSULT": 1}  # b.txt keeps its article
        write_inputs(folder, {"b.txt": "رفض أبوجا واشنطن."})
        _run(folder, store)
        assert store.counts()["events_by_type"] == {"ASSAULT": 1, "REJECT": 1}  # the old article is gone
        assert store.counts()["documents"] == 2 and store.counts()["entities"] == 4


def test_runner_a_fixed_input_loses_its_old_rejection(tmp_path):
    folder = write_inputs(tmp_path / "in", {"a.txt": "هاجم نيامي أبوجا."})
    with SQLiteStore(str(tmp_path / "h.db")) as store:
        assert _run(folder, store, pipeline=FakePipeline(boom="هاجم")).rejected["pipeline_error"] == 1
        assert _run(folder, store).new == 1
        assert store.rejection_counts() == {}


def test_runner_two_workers_store_the_same_rows_as_one(tmp_path):
    texts = {
        f"{i:02d}.txt": f"زار واشنطن نيامي. هاجم نيامي أبوجا {i}. --- رفض أبوجا واشنطن {i}."
        for i in range(12)
    }
    folder = write_inputs(tmp_path / "in", texts | {"zz.txt": ""})
    dumps = []
    for workers in (1, 2):
        with SQLiteStore(str(tmp_path / f"w{workers}.db")) as store:
            summary = _run(folder, store, workers=workers, batch_size=5)
            assert summary.new == 24
            dumps.append(_dump(store))
    assert dumps[0] == dumps[1]
