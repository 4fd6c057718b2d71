"""Gate decisions per second on SQLite (check + quota + audit in one transaction), against a bare
conditional UPDATE on the same database as the baseline."""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

from sqlalchemy import text

import atypie

N = 500


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp, atypie.open_store(f"sqlite:///{Path(tmp) / 'b.db'}") as store:
        store.profiles.create(atypie.load_preset("tsa", "bench"))
        store.staff.add("bench-staff", "mot-de-passe-de-bench")
        store.profiles.allow_images("bench", reason="bench", approved_by="bench-staff", daily_quota=200)
        gate = atypie.Gate(store)

        start = time.perf_counter()
        for _ in range(N):
            gate.check("bench")
        gate_rate = N / (time.perf_counter() - start)

        with store.engine.begin() as conn:
            conn.execute(text("CREATE TABLE counter (n INTEGER)"))
            conn.execute(text("INSERT INTO counter VALUES (0)"))
        start = time.perf_counter()
        for _ in range(N):
            with store.engine.begin() as conn:
                conn.execute(text("UPDATE counter SET n = n + 1 WHERE n < 1000000"))
        base_rate = N / (time.perf_counter() - start)

    print(f"{'measure':<40}{'per second':>12}")
    print(f"{'bare conditional UPDATE (baseline)':<40}{base_rate:>12.0f}")
    print(f"{'gate.check (read, quota, audit)':<40}{gate_rate:>12.0f}   ratio {gate_rate / base_rate:.2f}")


if __name__ == "__main__":
    main()
