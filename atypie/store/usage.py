"""Usage log: time and estimated energy of every request, per operation and profile. Never the content."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, case, func, select

from .schema import usage_log

OUTCOMES = ("done", "refused", "failed")


@dataclass(frozen=True)
class UsageRow:
    operation: str
    profile_id: str | None
    requests: int
    refused: int
    failed: int
    wall_s: float
    cpu_s: float
    gpu_s: float
    energy_wh: float


@dataclass(frozen=True)
class UsageReport:
    since: date | None
    rows: list[UsageRow]

    @property
    def total(self) -> UsageRow:
        return UsageRow("*", None, *(sum(getattr(row, name) for row in self.rows)
                                     for name in ("requests", "refused", "failed", "wall_s", "cpu_s", "gpu_s",
                                                  "energy_wh")))

    def to_dict(self) -> dict:
        return {"since": self.since.isoformat() if self.since else None,
                "rows": [asdict(row) for row in self.rows], "total": asdict(self.total)}


class UsageLog:
    def __init__(self, engine: Engine, timezone: str) -> None:
        self._engine = engine
        self._zone = ZoneInfo(timezone)

    def record(self, operation: str, profile_id: str | None, outcome: str, *, wall_s: float, cpu_s: float,
               gpu_s: float, energy_wh: float) -> None:
        if outcome not in OUTCOMES:
            raise ValueError(f"unknown outcome {outcome!r}")
        with self._engine.begin() as conn:
            conn.execute(usage_log.insert().values(
                at=datetime.now(UTC), operation=operation, profile_id=profile_id, outcome=outcome,
                wall_s=wall_s, cpu_s=cpu_s, gpu_s=gpu_s, energy_wh=energy_wh))

    def report(self, since: date | None = None) -> UsageReport:
        """Totals per operation and profile, from the start of `since` (in the store's time zone)."""
        counted = lambda outcome: func.sum(case((usage_log.c.outcome == outcome, 1), else_=0))  # noqa: E731
        query = (select(usage_log.c.operation, usage_log.c.profile_id, func.count().label("requests"),
                        counted("refused").label("refused"), counted("failed").label("failed"),
                        func.sum(usage_log.c.wall_s), func.sum(usage_log.c.cpu_s), func.sum(usage_log.c.gpu_s),
                        func.sum(usage_log.c.energy_wh))
                 .group_by(usage_log.c.operation, usage_log.c.profile_id)
                 .order_by(usage_log.c.operation, usage_log.c.profile_id))
        if since is not None:
            start = datetime.combine(since, time.min, tzinfo=self._zone).astimezone(UTC)
            query = query.where(usage_log.c.at >= start)
        with self._engine.begin() as conn:
            rows = conn.execute(query).all()
        return UsageReport(since, [UsageRow(op, pid, int(n), int(refused or 0), int(failed or 0), float(wall or 0),
                                            float(cpu or 0), float(gpu or 0), float(wh or 0))
                                   for op, pid, n, refused, failed, wall, cpu, gpu, wh in rows])
