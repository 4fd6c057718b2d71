"""The daily image quota per profile: how many images a profile made today, counted atomically.

The gate decides; these calls only count, inside the caller's transaction, so that the decision, the count and
the audit line are written together (as `audit.record` does)."""
from __future__ import annotations

from sqlalchemy import select, update

from .schema import image_usage
from .sql import insert_ignore


def used(conn, profile_id: str, day: str) -> int:
    count = conn.execute(select(image_usage.c.count).where(
        image_usage.c.profile_id == profile_id, image_usage.c.day == day)).scalar()
    return count or 0


def take_one(conn, profile_id: str, day: str, limit: int) -> bool:
    """One more image today, unless `limit` is reached (one conditional UPDATE: no two callers pass)."""
    insert_ignore(conn, image_usage, profile_id=profile_id, day=day, count=0)
    result = conn.execute(update(image_usage)
                          .where(image_usage.c.profile_id == profile_id, image_usage.c.day == day,
                                 image_usage.c.count < limit)
                          .values(count=image_usage.c.count + 1))
    return result.rowcount == 1


def give_back(conn, profile_id: str, day: str) -> None:
    """One image fewer today (the work it was taken for failed)."""
    conn.execute(update(image_usage)
                 .where(image_usage.c.profile_id == profile_id, image_usage.c.day == day, image_usage.c.count > 0)
                 .values(count=image_usage.c.count - 1))
