"""What the students' page does, as plain functions (no Gradio): each call resolves the access code on the server,
runs one transformation through `atypie.api` and returns a typed view (sanitised HTML, text, download paths).

The profile always comes from the code typed by the student, resolved against the store on every call; no
profile id sent by the browser is ever trusted. Errors are `AtypieError`s; the page turns them into messages.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import api, jobs
from ..config import Settings
from ..diagrams.export import to_json
from ..diagrams.render import render
from ..documents.limits import MAX_BYTES
from ..errors import ImageGenerationRefused, JobFailed, TextTooLong, UploadRejected
from ..falc.html import diff_page, page
from ..falc.render import to_text
from ..language.analysis import MAX_CHARS
from ..profiles.model import Profile
from ..profiles.presets import load_preset
from ..results import Notice
from ..store import Store
from ..vision.describe import ImageDescription
from . import views
from .downloads import Downloads
from .i18n import t
from .sanitize import frame, read_page

IMAGE_UPLOAD_LIMIT = 20 * 1024 * 1024  # same as atypie.vision.load.MAX_BYTES
DOCUMENT_FORMATS = ("html", "md", "docx", "odt", "pdf")


@dataclass(frozen=True)
class Access:
    """The profile a request runs with; `code_id` is None for the standard profile (no code)."""
    profile: Profile
    code_id: str | None


@dataclass(frozen=True)
class SignIn:
    summary_html: str
    can_illustrate: bool


@dataclass(frozen=True)
class SimplifyView:
    page_html: str
    diff_html: str
    notices_html: str
    files: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class DiagramView:
    figure_html: str
    description_html: str
    outline_html: str
    notices_html: str
    files: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class DescribeView:
    alt: str
    description_html: str
    text: str
    method: str
    files: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class DocumentView:
    page_html: str
    summary: str
    notices_html: str
    files: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class IllustrateView:
    image_html: str
    alt_fr: str
    alt_en: str
    files: list[str] = field(default_factory=list)


def resolve(store: Store, code: str | None) -> Access:
    """The stored profile behind `code` (refusing unknown, revoked and expired codes), or the standard preset."""
    if not (code or "").strip():
        return Access(load_preset("standard"), None)
    access = store.codes.resolve(code)
    return Access(store.profiles.get(access.profile_id).profile, access.id)


def sign_in(store: Store, code: str | None, lang: str) -> SignIn:
    """Check the code and say which profile applies; the illustration tab is offered only when the gate would
    allow it now (this does not use up the quota; every illustration is checked again)."""
    access = resolve(store, code)
    if access.code_id is None:
        return SignIn(views.status(t("profile.standard", lang)), False)
    profile = access.profile
    message = t("profile.coded", lang, label=profile.label or profile.id)
    verdict = api.image_generation_verdict(profile.id, store)
    if verdict.allowed:
        message += " " + t("profile.images", lang, left=verdict.quota_left)
    return SignIn(views.status(message), verdict.allowed)


def read_text_upload(data: bytes | None, lang: str) -> str:
    """The text of an uploaded .txt or .md file; refuses what is not UTF-8 text or is longer than pasted text
    may be (`MAX_CHARS` characters)."""
    if not data:
        raise UploadRejected(detail=t("upload.empty", lang))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UploadRejected(detail=t("upload.not_text", lang)) from None
    if "\x00" in text:
        raise UploadRejected(detail=t("upload.not_text", lang))
    if len(text) > MAX_CHARS:
        raise TextTooLong(size=len(text), limit=MAX_CHARS)
    return text


def simplify_text(store: Store, code: str | None, text: str, lang: str) -> SimplifyView:
    """The plain-language version, shown with the profile's display, with what changed and the files."""

    access = resolve(store, code)
    result = api.simplify(text or "", access.profile, store=store)
    title, diff_title = t("simplify.result", result.lang), t("simplify.diff", result.lang)
    document = page(result.blocks, result.glossary, access.profile.display, result.lang, title)
    diff = diff_page(result.diff, result.glossary, result.lang, diff_title)
    shown, changes = read_page(document), read_page(diff)  # atypie's own pages: a changed shape is an error
    files = Downloads()
    files.add("texte-simplifie.txt", to_text(result.blocks, result.glossary, result.lang))
    files.add("texte-simplifie.md", to_text(result.blocks, result.glossary, result.lang, markdown=True))
    files.add("texte-simplifie.html", shown.html())
    files.add("changements.html", changes.html())
    return SimplifyView(frame(shown, title), frame(changes, diff_title), views.notices(result.notices, lang),
                        files.paths)


def diagram_text(store: Store, code: str | None, text: str, kind: str | None, lang: str) -> DiagramView:
    """The diagram as inline SVG with its alternative text, long description and outline, and the files."""

    access = resolve(store, code)
    result = api.diagram(text or "", access.profile, kind=kind or None, store=store)
    text_of = result.description
    shown = result.views.overview
    svg = render(shown, result.dot, "svg", alt=text_of.alt, description=text_of.long).decode("utf-8")
    png = render(shown, result.dot, "png", alt=text_of.alt, description=text_of.long)
    graph_lang = result.graph.lang
    files = Downloads()
    files.add("schema.svg", svg)
    files.add("schema.png", png)
    files.add("schema-description.txt", f"{text_of.alt}\n\n{text_of.long}\n")
    files.add("schema.json", to_json(result.graph))
    return DiagramView(views.figure(svg, text_of.alt),
                       views.reading_frame(text_of.long.splitlines(), access.profile.display, graph_lang,
                                           t("diagram.description", graph_lang), ui_lang=lang),
                       views.outline(t("diagram.outline", lang), text_of.outline),
                       views.notices(result.notices, lang), files.paths)


def describe_image(store: Store, code: str | None, data: bytes | None, lang: str) -> DescribeView:
    """Alternative text, description and the text read in an uploaded image."""
    if not data:
        raise UploadRejected(detail=t("upload.empty", lang))
    if len(data) > IMAGE_UPLOAD_LIMIT:
        raise UploadRejected(detail=t("upload.too_big", lang, size=len(data), limit=IMAGE_UPLOAD_LIMIT))
    access = resolve(store, code)
    if data.startswith(b"%PDF") and Settings.from_env().broker_url is not None:
        # A scanned PDF is read page by page: a CPU worker does it; the page follows the job
        job = _followed(store, jobs.submit_describe(data, access.profile.id, store=store), None, lang)
        result = ImageDescription(**{key: job.report[key] for key in ("alt", "description", "text", "method",
                                                                       "confidence", "lang")})
    else:
        result = api.describe(data, access.profile, store=store)
    files = Downloads()
    files.add("description-image.txt", "\n\n".join(part for part in (result.alt, result.description, result.text)
                                                    if part) + "\n")
    method = t("describe.method", lang, method=result.method, confidence=round(result.confidence * 100))
    return DescribeView(result.alt,
                        views.reading_frame(result.description.splitlines(), access.profile.display, result.lang,
                                            t("describe.description", result.lang), ui_lang=lang),
                        result.text, method, files.paths)


# Where each stage of a document's adaptation starts and ends, as a share of the whole (figures are the slowest).
_STAGE_SPANS = {"read": (0.0, 0.1), "text": (0.1, 0.45), "diagrams": (0.45, 0.55), "figures": (0.55, 0.9),
                "write": (0.9, 1.0)}


def adapt_upload(store: Store, code: str | None, path: str | None, formats: list[str] | None,
                 lang: str, report=None) -> DocumentView:
    """A course document (PDF, DOCX, ODT, PPTX, Markdown, HTML) adapted whole for the code's profile: a preview of
    the plain version and the files in the formats chosen. `report(share_done, what)`, when given, is told how far
    the work is, in the interface language (Gradio's progress bar)."""
    from pathlib import Path

    if not path:
        raise UploadRejected(detail=t("upload.empty", lang))
    upload = Path(path)
    size = upload.stat().st_size
    if size > MAX_BYTES:
        raise UploadRejected(detail=t("upload.too_big", lang, size=size, limit=MAX_BYTES))
    chosen = tuple(f for f in DOCUMENT_FORMATS if f in (formats or ())) or ("html",)
    access = resolve(store, code)
    to = tuple(dict.fromkeys(("html", *chosen)))
    told = _stages_told(report, lang) if report is not None else None
    if Settings.from_env().broker_url is None:
        result = api.adapt(upload.read_bytes(), access.profile, name=upload.name, to=to, store=store, progress=told)
        adapted = _Adapted(result.files, result.report(), result.adapted.notices, result.adapted.lang)
    else:
        adapted = _adapted_by_worker(store, upload.read_bytes(), upload.name, access.profile.id, to, told, lang)
    files = Downloads()
    stem = re.sub(r"[^\w.-]+", "-", Path(upload.name).stem)[:80].strip(".-") or "document"  # a safe file name
    for fmt in chosen:
        files.add(f"{stem}-adapte.{fmt}", adapted.files[fmt])
    numbers = adapted.report
    summary = t("document.summary", lang, blocks=numbers["blocks"], changed=numbers["changed"],
                unexplained=numbers["unexplained"], figures=numbers["figures"], described=numbers["described"])
    title = t("document.result", adapted.lang)
    # The preview only: the files offered stand on their own, so a page that cannot be shown leaves a notice.
    return DocumentView(views.page_frame(adapted.files["html"].decode("utf-8"), title, lang), summary,
                        views.notices(adapted.notices, lang), files.paths)


@dataclass(frozen=True)
class _Adapted:
    files: dict[str, bytes]  # format → bytes
    report: dict
    notices: list[Notice]
    lang: str


JOB_POLL_S = 0.5


def _adapted_by_worker(store: Store, data: bytes, name: str, profile_id: str, to: tuple[str, ...], told,
                       lang: str) -> _Adapted:
    """With a broker: the document goes to a worker as a job; the page follows its progress in the store and
    shows the result when it is done; `JobFailed` with the worker's message when it did not succeed."""
    job = _followed(store, jobs.submit_adapt(data, name, profile_id, store=store, to=to), told, lang)
    files = {fmt: store.jobs.file(job.id, jobs.adapted_name(job.input_name, fmt)) for fmt in to}
    return _Adapted(files, job.report, jobs.notices_of(job.report), job.report.get("lang", "fr"))


def _followed(store: Store, job, told, lang: str):
    """The job once done, its progress told on the way; `JobFailed` with the worker's message otherwise (a grant
    revoked before the worker started it is told as such)."""
    while not job.finished:
        if told is not None and job.stage:
            told(job.stage, job.done, job.total)
        job = jobs.wait(store, job.id, timeout_s=JOB_POLL_S)
    if job.state != "done":
        raise JobFailed(job_id=job.id, detail=job.report.get("message", {}).get(lang, job.error_code))
    return job


def _stages_told(report, lang: str):
    def step(stage: str, done: int, total: int) -> None:
        low, high = _STAGE_SPANS[stage]
        report(low + (high - low) * done / max(total, 1), t(f"progress.{stage}", lang, done=done, total=total))

    return step


def illustrate_text(store: Store, code: str | None, text: str, lang: str, *, mode: str = "nodes") -> IllustrateView:
    """An image generated from the text's diagram, when the gate allows it for the code's profile (checked by
    `atypie.api.illustrate` on every call, which also uses up one image of today's quota)."""
    access = resolve(store, code)
    if access.code_id is None:
        raise ImageGenerationRefused(profile_id="standard", why=t("refused.no_code", lang))
    if Settings.from_env().broker_url is None:
        result = api.illustrate(text or "", access.profile.id, store=store, code_id=access.code_id, mode=mode)
        png, alt_fr, alt_en = result.png, result.alt_fr, result.alt_en
    else:  # made by a GPU worker; the gate decides before the job is queued and again when it starts
        png, alt_fr, alt_en = _illustrated_by_worker(store, text or "", access, mode, lang)
    files = Downloads()
    files.add("illustration.png", png)
    files.add("illustration-texte-alternatif.txt", f"{alt_fr}\n\n{alt_en}\n")
    return IllustrateView(views.image_figure(png, alt_en if lang == "en" else alt_fr), alt_fr, alt_en, files.paths)


def _illustrated_by_worker(store: Store, text: str, access: Access, mode: str, lang: str) -> tuple[bytes, str, str]:
    job = _followed(store, jobs.submit_illustrate(text, access.profile.id, store=store, code_id=access.code_id,
                                             mode=mode), None, lang)
    return store.jobs.file(job.id, "illustration.png"), job.report["alt_fr"], job.report["alt_en"]
