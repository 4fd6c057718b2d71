"""`atypie diagram`: text → diagram, exported as SVG, PNG, PDF, DOT, Mermaid or JSON."""
from __future__ import annotations

import sys
from argparse import Namespace
from pathlib import Path

from ..config import LANGUAGES
from ..errors import InvalidInput
from .output import emit, json_flag, output_file, profile_in_store, write_file

EXPORTS = {".svg": "svg", ".png": "png", ".pdf": "pdf", ".dot": "dot", ".gv": "dot", ".mmd": "mermaid",
           ".json": "json"}


def register(commands) -> None:
    from ..diagrams.model import KINDS

    parser = commands.add_parser("diagram", parents=[json_flag()], help="texte → schéma / text → diagram")
    parser.add_argument("file", nargs="?", default="-", help="fichier .txt ou .md, ou - pour l'entrée standard")
    parser.add_argument("--profile", default="standard")
    parser.add_argument("--lang", dest="text_lang", choices=LANGUAGES, help="langue du texte (sinon détectée)")
    parser.add_argument("--kind", choices=KINDS, help="type de schéma (sinon détecté)")
    parser.add_argument("--backend", choices=("offline", "mistral"))
    parser.add_argument("-o", "--output", help="fichier à écrire : .svg, .png, .pdf, .dot, .mmd ou .json")
    parser.add_argument("--dpi", type=int, default=150, help="résolution du PNG (défaut : 150)")
    parser.set_defaults(handler=diagram_command)


def diagram_command(args: Namespace) -> None:
    from ..api import diagram
    from ..diagrams.export import to_json, to_mermaid
    from ..diagrams.render import render
    from .text import read_input

    target, fmt = _target(args)
    with profile_in_store(args) as (profile, store):
        result = diagram(read_input(args.file), profile, lang=args.text_lang, kind=args.kind, backend=args.backend,
                         store=store)
    if target is not None:
        if fmt == "dot":
            data = result.dot.encode("utf-8")
        elif fmt == "mermaid":
            data = to_mermaid(result.graph, profile.diagram.direction).encode("utf-8")
        elif fmt == "json":
            data = to_json(result.graph).encode("utf-8")
        else:
            data = render(result.views.overview, result.dot, fmt, alt=result.description.alt,
                          description=result.description.long, dpi=args.dpi)
        write_file(target, data)
    lines = [result.description.alt, "", result.description.long]
    if args.output:
        lines.append(f"\n→ {args.output}")
    emit(args, result.to_dict(), lines)
    if not args.json:
        for notice in result.notices:
            print(f"[{notice.code}] {notice.message(args.lang)}", file=sys.stderr)


def _target(args: Namespace) -> tuple[Path | None, str | None]:
    """The output file and its format, checked before the diagram is made."""
    if not args.output:
        return None, None
    fmt = EXPORTS.get(Path(args.output).suffix.lower())
    if fmt is None:
        raise InvalidInput(detail="l'extension du fichier doit être .svg, .png, .pdf, .dot, .mmd ou .json")
    if not 30 <= args.dpi <= 600:
        raise InvalidInput(detail="la résolution doit être entre 30 et 600 dpi")
    return output_file(args.output), fmt
