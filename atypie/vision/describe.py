"""`describe()`: an image → alt text, plain-language description, the text it contains, how it was read and
how sure atypie is. Readers are tried best first; what cannot be read is said plainly, never invented."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from pydantic import BaseModel, Field

from ..backends import get_backend
from ..backends.base import ImageInput, OcrText, StructuredTask
from ..diagrams.describe import describe as describe_graph
from ..diagrams.model import Edge, Graph, Node
from ..diagrams.render import embedded_graph, svg_graph
from ..errors import AtypieError
from ..falc.simplify import simplify
from ..language import numbers
from ..profiles.model import Profile
from ..results import Notice
from .facts import main_colours, orientation
from .load import LoadedImage, load_image, png_bytes
from .page import chart, slide
from .page_text import chart_text, slide_text
from .readers.graphviz_svg import read_graphviz_svg
from .readers.ocr import OcrResult, read_text

MAX_ALT = 250
READINGS_AGREE = 0.6
BOXES_SHARE = 0.6  # boxes holding this share of the words read make a picture of boxes


@dataclass(frozen=True)
class ImageDescription:
    alt: str
    description: str
    text: str
    method: str  # metadata, graphviz-svg, svg-text, ocr, ocr-blocks, ocr-chart, ocr-slide, facts, or the backend's id
    confidence: float
    notices: list[Notice] = field(default_factory=list)
    graph: Graph | None = None
    lang: str = "fr"

    def to_dict(self) -> dict:
        return {"alt": self.alt, "description": self.description, "text": self.text, "method": self.method,
                "confidence": self.confidence, "notices": [n.to_dict(self.lang) for n in self.notices],
                "graph": self.graph.to_dict() if self.graph is not None else None}


def describe(data: bytes, profile: Profile, *, backend: str | None = None) -> ImageDescription:
    loaded = load_image(data)
    lang = profile.language
    exact = _exact(loaded, profile)
    if exact is not None:
        return exact
    if loaded.image is None:  # an SVG that is not a diagram: its text elements
        return _svg_text(loaded, lang)
    task = VisionTask(loaded, profile)
    engine = get_backend(backend)
    outcome = engine.run(task)
    read = None
    if outcome.backend != "offline":  # the model answered: its OCR reads the text, to check it against
        read = engine.ocr(task.image.data, task.image.mime)
    return task.result_for(outcome.value, outcome.backend, list(outcome.notices), read)


def _exact(loaded: LoadedImage, profile: Profile) -> ImageDescription | None:
    graph, method = None, "metadata"
    if loaded.kind == "png":
        graph = embedded_graph(loaded.data)
    elif loaded.kind == "svg":
        graph = svg_graph(loaded.svg_root)
        if graph is None:
            graph, method = read_graphviz_svg(loaded.svg_root, profile.language), "graphviz-svg"
    if graph is None:
        return None
    text = describe_graph(graph, profile.description.depth)
    labels = "\n".join(n.label for n in graph.nodes)
    return ImageDescription(text.alt, text.long, labels, method, 1.0 if method == "metadata" else 0.95, [], graph,
                            profile.language)


def _svg_text(loaded: LoadedImage, lang: str) -> ImageDescription:
    found = [text for text in _text_elements(loaded.svg_root) if text]
    fr = lang != "en"
    if not found:
        return ImageDescription("Image SVG sans texte." if fr else "SVG image without text.",
                                "Cette image vectorielle ne contient pas de texte lisible." if fr else
                                "This vector image contains no readable text.", "", "svg-text", 0.0, [], None, lang)
    text = "\n".join(found)
    return ImageDescription(_cut(("Image avec le texte : " if fr else "Image with the text: ") + " ; ".join(found)),
                            ("L'image contient ce texte : " if fr else "The image contains this text: ")
                            + " ; ".join(found) + ".", text, "svg-text", 0.9, [], None, lang)


def _text_elements(root) -> list[str]:
    """The text of each <text> element of the parsed SVG, in document order (any namespace, linear)."""
    return ["".join(element.itertext()).strip() for element in root.iter()
            if isinstance(element.tag, str) and element.tag.rsplit("}", 1)[-1] == "text"]


def _cut(text: str) -> str:
    return text if len(text) <= MAX_ALT else text[:MAX_ALT - 1].rsplit(" ", 1)[0] + "…"


# --- raster images: OCR offline, a vision model when configured -------------------------------------------

class VisionAnswer(BaseModel):
    alt: str = Field(max_length=MAX_ALT)
    description: str = Field(max_length=4000)
    text_seen: str = Field("", max_length=8000)
    kind: str = Field("", max_length=40)  # photo, diagram, chart, slide, text


class VisionTask(StructuredTask[VisionAnswer]):
    name = "describe_image"
    schema = VisionAnswer

    def __init__(self, loaded: LoadedImage, profile: Profile) -> None:
        super().__init__("", profile.language, ImageInput(png_bytes(loaded.image), "image/png"))
        self.loaded = loaded
        self.profile = profile
        self._ocr: OcrResult | None = None
        self._offline: ImageDescription | None = None

    @property
    def ocr_result(self) -> OcrResult:
        if self._ocr is None:
            self._ocr = read_text(self.loaded.image, self.lang)
        return self._ocr

    def instructions(self) -> str:
        if self.lang == "en":
            return ("Describe the image for a student who cannot see it: a short alt text (at most 250 characters), "
                    "then a plain-language description from general to specific, the text you see copied exactly, "
                    "and the kind of image. Describe only what is visible; if unsure, say 'to be checked'.")
        return ("Décris l'image pour un étudiant qui ne la voit pas : un texte alternatif court (250 caractères au "
                "plus), puis une description en langage simple, du général au détail, le texte visible recopié "
                "exactement, et le type d'image. Décris seulement ce qui est visible ; en cas de doute, écris "
                "« à vérifier ».")

    def offline(self) -> VisionAnswer:
        found = self.offline_description()
        return VisionAnswer(alt=found.alt, description=found.description, text_seen=found.text, kind=found.method)

    def offline_description(self) -> ImageDescription:
        if self._offline is None:
            self._offline = _from_ocr(self.loaded, self.ocr_result, self.profile)
        return self._offline

    def result_for(self, answer: VisionAnswer, backend: str, notices: list[Notice],
                   read: OcrText | None = None) -> ImageDescription:
        """The description: the offline one, or the model's checked against both readings of the text (the
        backend's OCR and the local one), and those two against each other."""
        if backend == "offline" or (self._offline is not None and answer == self.offline()):
            found = self.offline_description()
            return ImageDescription(found.alt, found.description, found.text, found.method, found.confidence,
                                    [*notices, *found.notices], found.graph, found.lang)
        local = self.ocr_result.text
        remote = read.text if read is not None and read.backend != "offline" else ""
        checks = _disagreements(answer, "\n".join(t for t in (local, remote) if t), self.lang)
        if remote:
            checks += _readings_differ(remote, local)
        notices = [*notices, *(read.notices if read is not None else [])]
        return ImageDescription(_cut(answer.alt), answer.description, remote or answer.text_seen or local, backend,
                                0.6 if checks else 0.8, [*notices, *checks], None, self.lang)


def _disagreements(answer: VisionAnswer, ocr_text: str, lang: str) -> list[Notice]:
    """Numbers and quoted text the model reports that the OCR does not see."""
    seen = numbers.values(ocr_text, lang)
    claimed = numbers.values(answer.description + " " + answer.text_seen, lang)
    extra = sorted(claimed - seen)
    quoted = [q for q in re.findall(r"[«\"“]\s*([^»\"”]{3,60})\s*[»\"”]", answer.description)
              if q.lower() not in ocr_text.lower()]
    if not extra and not quoted:
        return []
    items = ", ".join(extra + [f"« {q} »" for q in quoted])
    return [Notice("vision-unconfirmed", fr=f"À vérifier : la lecture du texte ne confirme pas {items}.",
                   en=f"To be checked: reading the text does not confirm {items}.")]


def _readings_differ(remote: str, local: str) -> list[Notice]:
    """A notice when the backend's OCR and the local one share less than READINGS_AGREE of the local words."""
    words = set(re.findall(r"\w{3,}", local.lower()))
    if len(words) < 5:
        return []
    shared = len(words & set(re.findall(r"\w{3,}", remote.lower()))) / len(words)
    if shared >= READINGS_AGREE:
        return []
    percent = round(100 * shared)
    return [Notice("ocr-disagree", fr=f"À vérifier : la lecture du texte par le modèle et la lecture locale "
                   f"diffèrent ({percent} % des mots en commun).",
                   en=f"To be checked: the model's reading of the text and the local one differ ({percent} % of "
                   "the words shared).")]


def _from_ocr(loaded: LoadedImage, result: OcrResult, profile: Profile) -> ImageDescription:
    lang = profile.language
    fr = lang != "en"
    width, height = loaded.size
    if not _legible(result):  # nothing, or only noise read in a picture
        colours = ", ".join(main_colours(loaded.image, lang=lang))
        shape = orientation(loaded.image, lang)
        description = (f"Image de {width} × {height} pixels, {shape}, aux couleurs principales : {colours}. "
                       "Aucun texte n'y a été lu. atypie ne décrit pas le contenu d'une photo sans moteur de "
                       "vision : pour une description, le service peut activer Mistral (--backend mistral)."
                       if fr else
                       f"Image of {width} × {height} pixels, {shape}, main colours: {colours}. No text was read in "
                       "it. atypie does not describe what a photo shows without a vision backend: to get a "
                       "description, enable Mistral (--backend mistral).")
        alt = (f"Image sans texte, {shape}, couleurs : {colours}." if fr else
               f"Image without text, {shape}, colours: {colours}.")
        return ImageDescription(_cut(alt), description, "", "facts", 0.0, [], None, lang)
    notices = []
    graph = None
    found_chart = chart(result)
    if found_chart is not None:  # ticks beside an axis: the cells of a grid are not boxes
        method = "ocr-chart"
        alt, description = chart_text(found_chart, lang)
    elif len(result.labels) >= 2 and result.arrows:  # a graph only from boxes and connectors actually seen
        method = "ocr-blocks"
        graph = _rebuilt_graph(result, lang)
        text = describe_graph(graph, profile.description.depth)
        warning = "(reconstruit, à vérifier) " if fr else "(rebuilt, to be checked) "
        description, alt = warning + text.long, text.alt
        outside = [piece for piece in result.free if sum(ch.isalnum() for ch in piece) >= 2]  # not a stray mark
        if outside:
            description += (" Texte hors des cases : " if fr else " Text outside the boxes: ") + " / ".join(
                outside) + "."
        notices.append(Notice("rebuilt", fr="Schéma reconstruit depuis une image : à vérifier.",
                              en="Diagram rebuilt from a picture: to be checked."))
        if result.uncertain_links:
            notices.append(Notice("links-unsure", fr=f"À vérifier : {result.uncertain_links} trait(s) relient plus "
                                  "de deux cases ; ces liens ne sont pas décrits.",
                                  en=f"To be checked: {result.uncertain_links} line(s) join more than two boxes; "
                                  "these links are not described."))
    elif (found_slide := slide(result)) is not None:
        method = "ocr-slide"
        alt, description = slide_text(found_slide, _plain(" ".join(found_slide.lines), profile), lang)
    elif _boxes_only(result):  # boxes seen, but no line between two of them
        method = "ocr-blocks"
        graph = _rebuilt_graph(result, lang)
        text = describe_graph(graph, profile.description.depth)
        alt = text.alt
        description = ((f"Cette image montre {len(result.labels)} cases : " if fr else
                        f"This image shows {len(result.labels)} boxes: ")
                       + ", ".join(f"« {label} »" if fr else f"“{label}”" for label in result.labels) + ". "
                       + ("Les liens entre les cases n'ont pas été lus : à vérifier sur l'image." if fr else
                          "The links between the boxes were not read: to be checked on the image."))
        notices.append(Notice("links-unread", fr="Liens entre les cases non lus : à vérifier.",
                              en="Links between the boxes not read: to be checked."))
    else:
        method = "ocr"
        body = " ".join(result.lines)
        description = (("L'image contient du texte. " if fr else "The image contains text. ")
                       + _plain(body, profile))
        alt = (("Image avec du texte : " if fr else "Image with text: ") + body)
    if result.doubtful:
        listed = ", ".join(f"« {w} »" for w in result.doubtful[:12])
        notices.append(Notice("words-unsure", fr=f"À vérifier : mots lus avec peu de certitude : {listed}.",
                              en=f"To be checked: words read with little certainty: {listed}."))
    if result.confidence < 0.7:
        notices.append(Notice("low-confidence", fr="Texte difficile à lire : la lecture est à vérifier.",
                              en="Text hard to read: the reading should be checked."))
    return ImageDescription(_cut(alt), description, result.text, method, result.confidence, notices, graph, lang)


def _rebuilt_graph(result: OcrResult, lang: str) -> Graph:
    """The shapes' labels as nodes, the connectors seen between them as edges (with the text along them as their
    label); a single chain of arrows is read in its own order, as a process."""

    nodes = tuple(Node(f"n{n}", label, "concept", None, n, n + 1) for n, label in enumerate(result.labels, 1))
    edges = tuple(Edge(f"n{a.source + 1}", f"n{a.target + 1}", a.label, "next" if a.directed else "relation")
                  for a in result.arrows)
    chain = all(a.directed for a in result.arrows) and len(edges) == len(nodes) - 1 and len(
        {e.source for e in edges}) == len(edges) == len({e.target for e in edges})
    if chain:  # read a chain in its own order, from the block no arrow points to
        following = {e.source: e.target for e in edges}
        current = next(n.id for n in nodes if n.id not in following.values())
        order = [current]
        while current in following and len(order) < len(nodes):
            current = following[current]
            order.append(current)
        rank = {node_id: n for n, node_id in enumerate(order)}
        nodes = tuple(Node(n.id, n.label, "step", None, rank.get(n.id, len(order)), rank.get(n.id, len(order)) + 1)
                      for n in nodes)
        return Graph("process", "", nodes, edges, (), lang)
    return Graph("concept_map", "", nodes, tuple(Edge(e.source, e.target, e.label, "arrow" if e.kind == "next" else
                                                      "relation") for e in edges), (), lang)


def _boxes_only(result: OcrResult) -> bool:
    """At least three boxes with text, holding most of the words read."""
    held = sum(len(label.split()) for label in result.labels)
    return len(result.labels) >= 3 and held >= BOXES_SHARE * max(len(result.words), 1)


def _legible(result: OcrResult) -> bool:
    """Real text, not shapes read as letters: several confident words, or one long very confident word."""
    confident = [w for w in result.words if w.confidence >= 70 and sum(ch.isalnum() for ch in w.text) >= 2]
    mean = sum(w.confidence for w in result.words) / len(result.words) if result.words else 0
    return (len(confident) >= 2 and mean >= 55) or any(
        w.confidence >= 85 and sum(ch.isalpha() for ch in w.text) >= 3 for w in result.words)


def _plain(text: str, profile: Profile) -> str:
    """The text read, through the plain-language engine when it is long enough to be prose."""

    if len(text.split()) < 12:
        return text
    try:
        return " ".join(simplify(text, profile).sentences)
    except AtypieError:  # e.g. the language of a short slide cannot be told: keep the text as read
        return text
