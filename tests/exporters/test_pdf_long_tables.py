"""How a long table's rows are cut into batches (``pdf.batch``): reportlab made the
rest of a table anew at every page it broke, so a long table is set some pages of
rows at a time, a batch ending only between rows no merged cell joins."""

from __future__ import annotations

from bantin.exporters.pdf import batch


def test_a_batch_ends_only_where_no_merged_cell_goes_on() -> None:
    rows = [[f"r{k}"] for k in range(2000)]
    spans = [("SPAN", (0, 10), (0, 11)), ("SPAN", (0, 299), (0, 330)), ("SPAN", (1, 330), (1, 331)),
             ("SPAN", (0, 900), (2, 900)), ("SPAN", (0, 1190), (0, 1999))]
    parts = batch.batches(rows, spans, 2)
    assert [r for part, _ in parts for r in part] == rows
    starts = [0]
    for part, _ in parts[:-1]:
        starts.append(starts[-1] + len(part))
    assert starts == [0, 332, 632, 932], starts  # 302 moved past the cell down to 331; 1232 inside the last
    for part, merges in parts:
        for _op, (_c0, r0), (_c1, r1) in merges:
            assert 0 <= r0 <= r1 < len(part)
    again = sorted((op, (c0, r0 + s), (c1, r1 + s)) for s, (_, ms) in zip(starts, parts, strict=True)
                   for op, (c0, r0), (c1, r1) in ms)
    assert again == sorted(spans)  # every merged cell once, where it was
    assert batch.batches(rows[:602], spans[:1], 2) == [(rows[:602], spans[:1])]  # two batches' worth: one
