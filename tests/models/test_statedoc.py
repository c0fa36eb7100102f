"""docs/state.md is generated from the schema; it must match what a run creates today."""

from pipelines.statedoc import OUT, render


def test_state_doc_is_up_to_date():
    assert OUT.read_text() == render(), "docs/state.md is stale: run `make docs`"


def test_every_state_table_and_analysis_view_is_explained():
    text = render()
    for name in ("sync.links", "sync.outbox", "sync.runs", "sync.write_ledger", "sync.property_history",
                 "sync.match_candidates", "sync.match_conflicts", "analysis.customer_history", "analysis.pushed",
                 "analysis.unmatched", "analysis.failed_operations", "analysis.conflicts"):
        section = text.split(f"### `{name}`", 1)[1].split("###", 1)[0]
        assert section.split("\n\n")[1].strip() and not section.split("\n\n")[1].startswith("|"), name
