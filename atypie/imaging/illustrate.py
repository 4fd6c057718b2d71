"""Illustrating a diagram with a local diffusion model, only behind an allowing gate verdict.

Two modes: `nodes` draws one pictogram per element and lets Graphviz lay them out with crisp labels; `layout`
draws the whole diagram, guided by a ControlNet control image of its layout, then redraws the arrows and labels on
top.
Prompts are built from the graph (labels, title, kind), never from the course text. Results are cached on disk,
keyed by everything that decides their pixels; the PNG carries the graph like every atypie PNG.
"""
from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..adapters.graphviz import run_dot
from ..config import Settings
from ..diagrams.describe import describe
from ..diagrams.dot import to_dot
from ..diagrams.model import Graph
from ..diagrams.render import png_with_graph
from ..diagrams.themes import DiagramTheme, theme_for
from ..errors import ConfigurationError, ImageGenerationRefused, InvalidInput
from ..private import private_folder, write_atomically
from ..profiles.model import DisplayPreferences
from . import compose, pipelines
from .registry import MAX_SIZE, MIN_SIZE, MODES, InstalledModel, load_registry, resolve, valid_size

if TYPE_CHECKING:
    from ..verdict import Verdict

MAX_NODES = {"nodes": 12, "layout": 40}  # one picture per node in `nodes` mode; one picture in all in `layout`
DIRECTIONS = ("TB", "LR")
PICTURE_PT = 64  # side of a node's picture in the diagram, in points
CACHE_VERSION = 3
MAX_CACHE_BYTES = 500 * 2**20  # beyond this, the least recently used illustrations are removed
_META = {"width", "height", "device", "gpu_seconds"}
STYLE = "simple flat pictogram, one centred symbol, plain white background, no text, no letters"
LAYOUT_STYLE = "clean educational illustration, soft flat colours, plain light background, no text, no letters"
NEGATIVE = "text, letters, words, numbers, writing, caption, watermark, signature, photo, clutter"
_KIND_CONTEXT = {"process": "a step of a process", "hierarchy": "a part of a classification",
                 "concept_map": "a notion of a concept map", "cause_effect": "a cause or an effect",
                 "timeline": "an event of a timeline", "comparison": "a side of a comparison"}
_NOTES = {"nodes": ("Chaque élément est accompagné d'une image générée, décorative.",
                    "Each element comes with a generated, decorative picture."),
          "layout": ("Le schéma est illustré par une image générée, décorative ; ses étiquettes restent nettes.",
                     "The diagram is illustrated by a generated, decorative picture; its labels stay sharp.")}


@dataclass(frozen=True)
class Illustration:
    png: bytes
    width: int
    height: int
    mode: str
    model_id: str
    seed: int
    prompts: tuple[str, ...]
    cached: bool
    device: str
    gpu_seconds: float  # spent on this call (0 on a CPU or from the cache)
    alt_fr: str
    alt_en: str
    verdict: Verdict


def render_illustration(graph: Graph, verdict: Verdict, *, model: str | Path | InstalledModel | None = None,
                        mode: str = "nodes", seed: int = 0, size: int | None = None,
                        theme: DiagramTheme | None = None, direction: str = "TB") -> Illustration:
    """Illustrate `graph` with a local model (a registry id, a folder, or one already resolved). Raises
    ImageGenerationRefused unless `verdict` allows it: the public entry points ask the gate first; this check is
    defence in depth."""
    if not getattr(verdict, "allowed", False):
        why = verdict.explain("fr") if verdict is not None else "aucune décision du contrôle d'accès"
        raise ImageGenerationRefused(verdict=verdict, profile_id=getattr(verdict, "profile_id", None) or "?", why=why)
    installed = model if isinstance(model, InstalledModel) else resolve(model or load_registry().default_for(mode))
    check_request(graph, mode, seed, size, direction, installed)
    entry = installed.entry
    size = size or entry.size
    theme = theme or _default_theme()
    plain = to_dot(graph, theme, direction=direction)
    if mode == "nodes":
        prompts = tuple(node_prompt(graph, node.id) for node in graph.nodes)
    else:
        prompts = (layout_prompt(graph),)
    alt_fr, alt_en = _alts(graph, mode)
    key = _cache_key(installed, mode, prompts, seed, size, graph, plain)
    found = _cache_read(key)
    if found is None:
        if mode == "nodes":
            raw, device, seconds = _nodes(installed, graph, theme, direction, prompts, seed, size)
        else:
            raw, device, seconds = _layout(installed, graph, theme, plain, prompts[0], seed, size)
        png = png_with_graph(raw, graph, alt_en if graph.lang == "en" else alt_fr)
        found = _cache_write(key, png, device, seconds)
    png, meta, cached = found
    return Illustration(png, meta["width"], meta["height"], mode, entry.id, seed, prompts, cached, meta["device"],
                        0.0 if cached else meta["gpu_seconds"], alt_fr, alt_en, verdict)


def node_prompt(graph: Graph, node_id: str) -> str:
    """A pictogram prompt from a node's label and its context in the graph (kind, title, neighbours)."""
    node = graph.node(node_id)
    neighbours = [graph.node(e.target if e.source == node_id else e.source).label for e in graph.edges
                  if node_id in (e.source, e.target)]
    context = _KIND_CONTEXT[graph.kind] + (f" about {_clean(graph.title)}" if graph.title else "")
    near = f"; next to {', '.join(_clean(label, 24) for label in neighbours[:3])}" if neighbours else ""
    return f"pictogram of {_clean(node.label)}; {context}{near}; {STYLE}"


def layout_prompt(graph: Graph) -> str:
    """A prompt for the whole diagram, from its title (else its kind) and its first labels."""
    head = _clean(graph.title) if graph.title else _KIND_CONTEXT[graph.kind]
    labels = ", ".join(_clean(node.label, 24) for node in graph.nodes[:8])
    return f"illustration of {head}: {labels}; {LAYOUT_STYLE}"


def _clean(text: str, limit: int = 48) -> str:
    """Printable, one line, at most `limit` characters (cut at a word)."""
    flat = re.sub(r"\s+", " ", "".join(ch if ch.isprintable() else " " for ch in text)).strip()
    return flat if len(flat) <= limit else flat[:limit].rsplit(" ", 1)[0]


def check_request(graph: Graph, mode: str, seed: int, size: int | None, direction: str,
                  installed: InstalledModel) -> None:
    """Every reason to refuse an illustration before any quota is spent: `InvalidInput` with a plain message."""
    if mode not in MODES:
        raise InvalidInput(detail=f"mode d'illustration inconnu : {mode} (possibles : {', '.join(MODES)})")
    if not graph.nodes:
        raise InvalidInput(detail="le schéma n'a aucun élément à illustrer")
    if len(graph.nodes) > MAX_NODES[mode]:
        raise InvalidInput(detail=f"le schéma a {len(graph.nodes)} éléments ; le mode « {mode} » en illustre au "
                                  f"plus {MAX_NODES[mode]} : découpez le schéma")
    if not isinstance(seed, int) or isinstance(seed, bool) or not 0 <= seed < 2**32:
        raise InvalidInput(detail="la graine doit être un entier entre 0 et 4 294 967 295")
    if size is not None and not valid_size(size):
        raise InvalidInput(detail=f"taille d'image {size} : entre {MIN_SIZE} et {MAX_SIZE} pixels, multiple de 8")
    if direction not in DIRECTIONS:
        raise InvalidInput(detail=f"sens du schéma inconnu : {direction} (possibles : TB, LR)")
    if mode not in installed.entry.modes:
        raise InvalidInput(detail=f"le modèle « {installed.entry.id} » ne sert pas le mode « {mode} » "
                                  f"(modes : {', '.join(installed.entry.modes)})")


def _nodes(installed: InstalledModel, graph: Graph, theme: DiagramTheme, direction: str, prompts: tuple[str, ...],
           seed: int, size: int) -> tuple[bytes, str, float]:
    """One picture per node, laid out by Graphviz above each node's label."""
    entry = installed.entry
    done = pipelines.generate(installed, prompts, seed=seed, width=size, height=size, steps=entry.steps,
                              guidance=entry.guidance, negative=NEGATIVE)
    with tempfile.TemporaryDirectory(prefix="atypie-illustration-") as folder:
        images = {}
        for index, (node, picture) in enumerate(zip(graph.nodes, done.images, strict=True)):
            path = Path(folder).resolve() / f"node-{index}.png"
            picture.save(path)
            images[node.id] = str(path)
        try:
            source = to_dot(graph, theme, direction=direction, images=images, image_size_pt=PICTURE_PT)
        except ValueError:
            raise ConfigurationError(detail=f"le dossier temporaire {folder} a un nom que Graphviz ne peut pas lire ; "
                                            "choisissez un TMPDIR fait de lettres, chiffres, « / », « - » et « _ »"
                                     ) from None
        return run_dot(source, "png"), done.device, done.gpu_seconds


def _layout(installed: InstalledModel, graph: Graph, theme: DiagramTheme, plain: str, prompt: str, seed: int,
            size: int) -> tuple[bytes, str, float]:
    """One picture guided by the diagram's layout, scaled up to at least the plain diagram's size, with every
    arrow and label redrawn on top."""
    from PIL import Image

    entry = installed.entry
    shape = compose.layout(graph, plain)
    longest = max(shape.width, shape.height)
    generated = tuple(max(MIN_SIZE, int(side * size / longest) // 8 * 8) for side in (shape.width, shape.height))
    per_point = max(96 / 72, size / longest)
    output = (round(shape.width * per_point), round(shape.height * per_point))
    scale = (output[0] / shape.width, output[1] / shape.height)
    placed = compose.place(shape, theme.font_size, scale, theme.font)
    ratio = (generated[0] / output[0], generated[1] / output[1])
    blanks = [((p.box[0] - p.font_px / 2) * ratio[0], (p.box[1] - p.font_px / 2) * ratio[1],
               (p.box[2] + p.font_px / 2) * ratio[0], (p.box[3] + p.font_px / 2) * ratio[1]) for p in placed]
    with Image.open(io.BytesIO(run_dot(plain, "png"))) as rendering:
        control = compose.control_image(rendering, entry.control, generated, blanks)
    done = pipelines.generate(installed, [prompt], seed=seed, width=generated[0], height=generated[1],
                              steps=entry.steps, guidance=entry.guidance, negative=NEGATIVE, control=control)
    background = done.images[0].resize(output, Image.Resampling.BICUBIC)
    picture = compose.draw_labels(compose.draw_arrows(background, shape.arrows, scale, theme), placed, theme)
    out = io.BytesIO()
    picture.save(out, format="PNG")
    return out.getvalue(), done.device, done.gpu_seconds


def _alts(graph: Graph, mode: str) -> tuple[str, str]:
    note_fr, note_en = _NOTES[mode]
    return (f"{describe(replace(graph, lang='fr')).alt} {note_fr}",
            f"{describe(replace(graph, lang='en')).alt} {note_en}")


def _default_theme() -> DiagramTheme:
    return theme_for(DisplayPreferences())


def _cache_key(installed: InstalledModel, mode: str, prompts: tuple[str, ...], seed: int, size: int, graph: Graph,
               plain: str) -> str:
    entry = installed.entry
    facts = {"version": CACHE_VERSION, "model": entry.id, "identity": installed.identity, "mode": mode,
             "prompts": prompts, "negative": NEGATIVE, "seed": seed, "size": size, "steps": entry.steps,
             "guidance": entry.guidance, "control": entry.control, "graph": graph.to_dict(),
             "layout": hashlib.sha256(plain.encode("utf-8")).hexdigest()}
    return hashlib.sha256(json.dumps(facts, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def _cache_dir() -> Path:
    return Settings.from_env().home / "cache" / "illustrations"


def _cache_read(key: str) -> tuple[bytes, dict[str, Any], bool] | None:
    folder = _cache_dir()
    try:
        meta = json.loads((folder / f"{key}.json").read_text(encoding="utf-8"))
        png = (folder / f"{key}.png").read_bytes()
    except (OSError, ValueError):
        return None
    if not (isinstance(meta, dict) and _META <= meta.keys()):
        return None
    with contextlib.suppress(OSError):
        os.utime(folder / f"{key}.png")  # recently used: kept longest
    return png, meta, True


def _cache_write(key: str, png: bytes, device: str, seconds: float) -> tuple[bytes, dict[str, Any], bool]:
    """Store the PNG, then its facts (written last: a reader that finds them finds the PNG)."""
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        width, height = image.size
    meta = {"width": width, "height": height, "device": device, "gpu_seconds": seconds}
    folder = private_folder(_cache_dir())
    write_atomically(folder / f"{key}.png", png)
    write_atomically(folder / f"{key}.json", json.dumps(meta).encode("utf-8"))
    _prune_cache(folder)
    return png, meta, False


def _prune_cache(folder: Path, limit: int = MAX_CACHE_BYTES) -> None:
    """Remove the least recently used illustrations until the cache holds at most 80 % of `limit`."""
    entries = []
    for png in folder.glob("*.png"):
        with contextlib.suppress(OSError):
            info = png.stat()
            entries.append((info.st_mtime, info.st_size, png))
    total = sum(size for _, size, _ in entries)
    if total <= limit:
        return
    for _, size, png in sorted(entries):
        for path in (png, png.with_suffix(".json")):
            path.unlink(missing_ok=True)
        total -= size
        if total <= limit * 0.8:
            return
