"""The Python API's entry points; the CLI and the web app are thin layers over these."""
from __future__ import annotations

from pathlib import Path

from .diagrams.model import Graph
from .diagrams.pipeline import DiagramResult
from .diagrams.pipeline import diagram as diagram_of
from .diagrams.themes import theme_for
from .documents.limits import MAX_BYTES
from .documents.pipeline import adapt as adapt_document
from .energy import metered
from .errors import InvalidInput, ProfileNotFound
from .falc.course_glossary import check_course, parse
from .falc.simplify import check as check_text
from .falc.simplify import simplify as simplify_text
from .gate import Gate, Verdict
from .ids import check_identifier
from .imaging.illustrate import check_request, render_illustration
from .imaging.registry import MODES, load_registry, resolve
from .profiles.model import Profile
from .profiles.presets import load_preset, preset_names
from .store import Store
from .vision.describe import describe as describe_image


def load_profile(name: str, store: Store | None = None) -> Profile:
    """A stored profile named `name`; when none is stored, the shipped preset of that name."""
    check_identifier(name)
    if store is not None:
        try:
            return store.profiles.get(name).profile
        except ProfileNotFound:
            if name not in preset_names():
                raise
    if name in preset_names():
        return load_preset(name)
    raise ProfileNotFound(profile_id=name)


def _resolve(profile: "Profile | str", store: Store | None) -> Profile:
    return profile if isinstance(profile, Profile) else load_profile(profile, store)


def simplify(text: str | bytes, profile: "Profile | str" = "standard", *, lang: str | None = None,
             backend: str | None = None, store: Store | None = None, course: str | None = None):
    """A plain-language version of `text` for `profile` (typed `SimplifyResult`). With a store, the course
    glossary attached to the profile (and to `course`, when given) explains hard words before the shipped lexicon."""
    resolved = _resolve(profile, store)
    with metered(store, "simplify", resolved.id):
        glossary = course_glossary(resolved.id, store, course) if store is not None else None
        return simplify_text(text, resolved, lang, backend, course_glossary=glossary or None)


def adapt(source, profile: "Profile | str" = "standard", *, to: tuple[str, ...] = ("html",), name: str = "",
          backend: str | None = None, store: Store | None = None, course: str | None = None,
          diagrams: bool = False, progress=None):
    """A course document (a path, or its bytes with its `name`) adapted whole for `profile` and written in each
    format of `to` (html, md, docx, odt, pdf): a typed `AdaptResult` with the files' bytes and a report.
    `progress(stage, done, total)`, when given, is told where the work is (see `documents.pipeline.STAGES`)."""
    if isinstance(source, bytes):
        data = source
    else:
        path = Path(source)
        if not path.is_file():
            raise InvalidInput(detail=f"le fichier « {str(source)[:80]} » n'existe pas ou n'est pas un fichier")
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
        name = name or path.name
    resolved = _resolve(profile, store)
    with metered(store, "adapt", resolved.id):
        glossary = course_glossary(resolved.id, store, course) if store is not None else None
        return adapt_document(data, resolved, name=name, to=tuple(to), backend=backend,
                              course_glossary=glossary or None, diagrams=diagrams,
                              **({"progress": progress} if progress is not None else {}))


def course_glossary(profile_id: str, store: Store, course: str | None = None) -> dict[str, str]:
    """{term: definition} attached by staff to `profile_id` (and to its `course`); {} when there is none."""
    return store.glossaries.for_simplify(profile_id, course)


def import_glossary(data: bytes, name: str, profile_id: str, *, store: Store, course: str | None = None,
                    actor: str | None = None) -> int:
    """Check a glossary file (CSV or TOML) and store it as the glossary of the profile (or of its course),
    replacing the previous one; the number of terms stored."""

    check_identifier(profile_id)
    terms = parse(data, name)
    return store.glossaries.replace(profile_id, terms, course=check_course(course), actor=actor)


def check(text: str | bytes, profile: "Profile | str" = "standard", *, lang: str | None = None,
          store: Store | None = None):
    """The plain-language rules' report on `text` (typed `CheckResult`)."""
    resolved = _resolve(profile, store)
    with metered(store, "check", resolved.id):
        return check_text(text, resolved, lang)


def diagram(text: str | bytes, profile: "Profile | str" = "standard", *, lang: str | None = None,
            kind: str | None = None, backend: str | None = None, store: Store | None = None):
    """A diagram of `text` for `profile` (typed `DiagramResult`: graph, views, description, DOT)."""
    resolved = _resolve(profile, store)
    with metered(store, "diagram", resolved.id):
        return diagram_of(text, resolved, lang=lang, kind=kind, backend=backend)


def describe(image: bytes, profile: "Profile | str" = "standard", *, backend: str | None = None,
             store: Store | None = None):
    """A plain-language description of an image (typed `ImageDescription`: alt, description, text, method…)."""
    resolved = _resolve(profile, store)
    with metered(store, "describe", resolved.id):
        return describe_image(image, resolved, backend=backend)


def image_generation_verdict(profile_id: str, store: Store) -> Verdict:
    """Whether `profile_id` may generate images now, without using its quota (to offer the option or not)."""
    return Gate(store).check(check_identifier(profile_id), "illustrate-offer", consume=False)


def illustrate(source, profile: str, *, store: Store, code_id: str | None = None, actor: str | None = None,
               model: str | None = None, mode: str = "nodes", seed: int = 0, size: int | None = None,
               lang: str | None = None, backend: str | None = None, job_id: str | None = None):
    """A generated illustration of a diagram (typed `Illustration`, carrying the gate's verdict).

    `source` is course text, a `Graph`, or a `DiagramResult`. The gate decides first, from the stored
    profile (never from the caller): refused → `ImageGenerationRefused`; nothing is loaded or generated. A job run
    by a worker gives its `job_id`: run again after its worker died, it does not take a second unit of the quota."""

    profile_id = check_identifier(profile.id if isinstance(profile, Profile) else profile)
    if mode not in MODES:
        raise InvalidInput(detail=f"mode d'illustration inconnu ; modes possibles : {', '.join(MODES)}")
    with metered(store, "illustrate", profile_id) as measure:
        gate = Gate(store)
        gate.require(profile_id, "illustrate", code_id=code_id, actor=actor, consume=False)
        installed = resolve(model or load_registry().default_for(mode))  # not installed: exit 4, quota untouched
        stored = store.profiles.get(profile_id).profile
        graph = _graph_of(source, stored, lang, backend)  # empty or unreadable text: refused, quota untouched
        check_request(graph, mode, seed, size, stored.diagram.direction, installed)
        with gate.spend(profile_id, "illustrate", job_id=job_id, code_id=code_id,
                        actor=actor) as verdict:  # given back on failure
            result = render_illustration(graph, verdict, model=installed, mode=mode, seed=seed, size=size,
                                         theme=theme_for(stored.display), direction=stored.diagram.direction)
        measure.gpu_s = result.gpu_seconds
    return result


def _graph_of(source, profile: Profile, lang: str | None, backend: str | None):
    if isinstance(source, Graph):
        return source
    if isinstance(source, DiagramResult):
        return source.graph
    return diagram_of(source, profile, lang=lang, backend=backend).graph
