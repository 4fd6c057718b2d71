from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import update

from atypie.store.schema import usage_log


def test_report_totals_per_operation_and_profile(store):
    store.usage.record("simplify", "p1", "done", wall_s=1.0, cpu_s=0.5, gpu_s=0.0, energy_wh=0.002)
    store.usage.record("simplify", "p1", "failed", wall_s=0.5, cpu_s=0.25, gpu_s=0.0, energy_wh=0.001)
    store.usage.record("illustrate", "p1", "refused", wall_s=0.1, cpu_s=0.0, gpu_s=0.0, energy_wh=0.0)
    store.usage.record("illustrate", "p2", "done", wall_s=3.0, cpu_s=2.0, gpu_s=1.0, energy_wh=0.5)
    report = store.usage.report()
    rows = {(row.operation, row.profile_id): row for row in report.rows}
    assert rows["simplify", "p1"].requests == 2 and rows["simplify", "p1"].failed == 1
    assert rows["simplify", "p1"].wall_s == pytest.approx(1.5)
    assert rows["illustrate", "p1"].refused == 1 and rows["illustrate", "p1"].energy_wh == 0
    assert rows["illustrate", "p2"].gpu_s == pytest.approx(1.0)
    assert report.total.requests == 4 and report.total.energy_wh == pytest.approx(0.503)
    assert report.to_dict()["total"]["refused"] == 1


def test_since_counts_from_the_start_of_that_day(store):
    store.usage.record("check", "p", "done", wall_s=1, cpu_s=1, gpu_s=0, energy_wh=0.1)
    with store.engine.begin() as conn:  # move it to last week
        conn.execute(update(usage_log).values(at=datetime.now(UTC) - timedelta(days=7)))
    store.usage.record("check", "p", "done", wall_s=1, cpu_s=1, gpu_s=0, energy_wh=0.1)
    assert store.usage.report(date.today() - timedelta(days=1)).total.requests == 1
    assert store.usage.report(date.today() - timedelta(days=8)).total.requests == 2
    assert store.usage.report().total.requests == 2


def test_unknown_outcomes_are_refused(store):
    with pytest.raises(ValueError):
        store.usage.record("check", "p", "maybe", wall_s=0, cpu_s=0, gpu_s=0, energy_wh=0)
