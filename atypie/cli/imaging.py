"""`atypie illustrate` (gated image generation), `atypie models` (registry, tiny test pipelines) and
`atypie report` (usage and energy, for staff)."""
from __future__ import annotations

from argparse import Namespace
from datetime import date
from pathlib import Path

from ..errors import InvalidInput
from ..ids import check_identifier
from ..store import open_store
from .output import emit, json_flag, output_file, say, write_file

MODES = ("nodes", "layout")


def register(commands) -> None:
    j = [json_flag()]
    illustrate = commands.add_parser("illustrate", parents=j,
                                     help="schéma → image générée (profils autorisés) / diagram → generated image")
    illustrate.add_argument("source", help="schéma exporté en .json, ou texte .txt/.md (- : entrée standard)")
    illustrate.add_argument("--profile", required=True, help="profil enregistré (le droit est lu dans la base)")
    illustrate.add_argument("--model", help="identifiant du registre ou dossier local du modèle")
    illustrate.add_argument("--mode", choices=MODES, default="nodes",
                            help="nodes : une image par notion ; layout : une image guidée par le schéma")
    illustrate.add_argument("--seed", type=int, default=0)
    illustrate.add_argument("--size", type=int, help="taille en pixels (multiple de 8)")
    illustrate.add_argument("-o", "--output", required=True, help="fichier PNG à écrire")
    illustrate.set_defaults(handler=illustrate_command)

    models = commands.add_parser("models", help="modèles d'illustration / illustration models")
    actions = models.add_subparsers(metavar="ACTION", required=True, parser_class=type(models))
    actions.add_parser("list", parents=j, help="modèles du registre / registry models").set_defaults(
        handler=list_models)
    tiny = actions.add_parser("tiny", parents=j, help="créer de petits modèles de test / build tiny test models")
    tiny.add_argument("directory", help="dossier où écrire les modèles")
    tiny.set_defaults(handler=build_tiny_models)

    report = commands.add_parser("report", parents=j, help="usage et énergie / usage and energy")
    report.add_argument("--since", help="date de début, AAAA-MM-JJ")
    report.set_defaults(handler=show_report)


def illustrate_command(args: Namespace) -> None:
    from ..api import illustrate
    from ..diagrams.load import graph_from_json
    from .text import read_input

    profile_id = check_identifier(args.profile)
    if not args.output.lower().endswith(".png"):
        raise InvalidInput(detail="le fichier à écrire doit finir par .png")
    target = output_file(args.output)  # checked first: a mistake here must not spend an image of the quota
    raw = read_input(args.source)
    source = graph_from_json(raw) if args.source.lower().endswith(".json") else raw
    with open_store() as store:
        result = illustrate(source, profile_id, store=store, actor="cli", model=args.model, mode=args.mode,
                            seed=args.seed, size=args.size)
    write_file(target, result.png)
    data = {"output": args.output, "mode": result.mode, "model": result.model_id, "seed": result.seed,
            "width": result.width, "height": result.height, "cached": result.cached, "device": result.device,
            "alt": result.alt_en if args.lang == "en" else result.alt_fr, "verdict": result.verdict.to_dict()}
    emit(args, data, [data["alt"], f"→ {args.output} ({result.width}×{result.height}, {result.model_id})"])


def list_models(args: Namespace) -> None:
    from ..imaging.registry import load_registry

    entries = load_registry()
    emit(args, [{**entry.to_dict(), "installed": entry.installed()} for entry in entries],
         [f"{entry.id}\t{entry.pipeline}\t{entry.licence}\t{'installé' if entry.installed() else 'absent'}"
          for entry in entries])


def build_tiny_models(args: Namespace) -> None:
    from ..imaging.tiny import build_tiny

    written = build_tiny(Path(args.directory))
    emit(args, [str(path) for path in written],
         [say(args, "Petits modèles de test écrits :", "Tiny test models written:"), *map(str, written)])


def show_report(args: Namespace) -> None:
    since = _date(args.since) if args.since else None
    with open_store() as store:
        report = store.usage.report(since)
    head = say(args, "opération\tprofil\tdemandes\trefusées\téchouées\tdurée (s)\tCPU (s)\tGPU (s)\ténergie (Wh)",
               "operation\tprofile\trequests\trefused\tfailed\twall (s)\tCPU (s)\tGPU (s)\tenergy (Wh)")
    lines = [head] + [f"{r.operation}\t{r.profile_id or '-'}\t{r.requests}\t{r.refused}\t{r.failed}\t"
                      f"{r.wall_s:.2f}\t{r.cpu_s:.2f}\t{r.gpu_s:.2f}\t{r.energy_wh:.4f}"
                      for r in [*report.rows, report.total]]
    emit(args, report.to_dict(), lines)


def _date(raw: str) -> date:
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise InvalidInput(detail=f"la date « {raw[:20]} » n'est pas au format AAAA-MM-JJ") from None
