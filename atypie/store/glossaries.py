"""Course glossaries: terms and plain definitions that staff attach to a profile, for the whole profile (course "")
or for one named course. Importing a file replaces that profile's (or course's) glossary in one transaction."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine, delete, select

from ..errors import GlossaryTermNotFound
from ..ids import check_identifier
from . import audit
from .schema import course_glossary
from .times import aware


@dataclass(frozen=True)
class StoredTerm:
    term: str
    definition: str
    course: str
    updated_at: datetime

    def to_dict(self) -> dict:
        return {"term": self.term, "definition": self.definition, "course": self.course,
                "updated_at": self.updated_at.isoformat()}


def term_key(term: str) -> str:
    return " ".join(term.lower().replace("’", "'").split())


class CourseGlossaries:
    def __init__(self, engine: Engine, profiles) -> None:
        self._engine = engine
        self._profiles = profiles

    def replace(self, profile_id: str, terms, *, course: str = "", actor: str | None = None) -> int:
        """Store `terms` (items with `.term` and `.definition`, already checked) as the glossary of the profile
        (or of its `course`), replacing the previous one; the profile must exist (`ProfileNotFound`)."""
        now = datetime.now(UTC)
        with self._engine.begin() as conn:
            self._profiles.read(conn, profile_id)
            conn.execute(delete(course_glossary).where(course_glossary.c.profile_id == profile_id,
                                                       course_glossary.c.course == course))
            rows = [{"profile_id": profile_id, "course": course, "term_key": term_key(t.term), "term": t.term,
                     "definition": t.definition, "updated_at": now, "actor": actor} for t in terms]
            if rows:
                conn.execute(course_glossary.insert(), rows)
            audit.record(conn, "glossary.import", allowed=True, profile_id=profile_id, actor=actor,
                         detail=f"terms={len(rows)} course={'yes' if course else 'no'}")
        return len(rows)

    def list(self, profile_id: str, course: str | None = None) -> list[StoredTerm]:
        """The terms of the profile; with `course`, only that course's terms (not the whole profile's)."""
        check_identifier(profile_id)
        query = select(course_glossary).where(course_glossary.c.profile_id == profile_id)
        if course is not None:
            query = query.where(course_glossary.c.course == course)
        with self._engine.begin() as conn:
            rows = conn.execute(query.order_by(course_glossary.c.course, course_glossary.c.term_key)).mappings().all()
        return [StoredTerm(r["term"], r["definition"], r["course"], aware(r["updated_at"])) for r in rows]

    def for_simplify(self, profile_id: str, course: str | None = None) -> dict[str, str]:
        """{term: definition} for simplifying a text: the profile's terms, overridden by the course's own."""
        check_identifier(profile_id)
        courses = [""] + ([course] if course else [])
        with self._engine.begin() as conn:
            rows = conn.execute(select(course_glossary.c.term, course_glossary.c.definition, course_glossary.c.course)
                                .where(course_glossary.c.profile_id == profile_id,
                                       course_glossary.c.course.in_(courses))).all()
        ordered = sorted(rows, key=lambda r: r.course != "")  # the course's terms come last and win
        return {row.term: row.definition for row in ordered}

    def remove(self, profile_id: str, term: str, *, course: str | None = None, actor: str | None = None) -> int:
        check_identifier(profile_id)
        condition = [course_glossary.c.profile_id == profile_id, course_glossary.c.term_key == term_key(term)]
        if course is not None:
            condition.append(course_glossary.c.course == course)
        with self._engine.begin() as conn:
            removed = conn.execute(delete(course_glossary).where(*condition)).rowcount
            if not removed:
                raise GlossaryTermNotFound(term=term[:80], profile_id=profile_id)
            audit.record(conn, "glossary.remove", allowed=True, profile_id=profile_id, actor=actor)
        return removed
