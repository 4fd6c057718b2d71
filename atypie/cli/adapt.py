"""`atypie adapt PATH... -o OUTDIR`: course documents (PDF, DOCX, ODT, PPTX, Markdown, HTML) adapted whole, written
back as accessible files; a folder given as input is walked. One failing file never stops the batch: its error is
reported with its code and the command ends with that error's exit code."""
from __future__ import annotations

import json
import sys
import time
from argparse import Namespace
from pathlib import Path

from ..errors import AtypieError, InvalidInput
from .jobs import WORDS
from .output import json_flag, open_store, say

SUFFIXES = (".pdf", ".docx", ".odt", ".pptx", ".md", ".markdown", ".html", ".htm")
STAGE_WORDS = {"read": ("lecture", "reading"), "text": ("texte", "text"), "diagrams": ("schémas", "diagrams"),
               "figures": ("images", "images"), "write": ("fichiers", "files")}


def register(commands) -> None:
    parser = commands.add_parser("adapt", parents=[json_flag()],
                                 help="adapter des documents de cours / adapt course documents")
    parser.add_argument("paths", nargs="+", metavar="CHEMIN", help="fichiers ou dossiers (PDF, DOCX, ODT, PPTX, MD, "
                                                                   "HTML)")
    parser.add_argument("-o", "--output", required=True, metavar="DOSSIER", help="dossier des fichiers adaptés")
    parser.add_argument("--profile", default="standard")
    parser.add_argument("--to", default="html", help="formats : html, md, docx, odt, pdf, séparés par des virgules")
    parser.add_argument("--backend", choices=("offline", "mistral"))
    parser.add_argument("--course", help="cours dont le glossaire s'ajoute à celui du profil")
    parser.add_argument("--force", action="store_true", help="refaire même si les fichiers existent déjà")
    parser.add_argument("--diagrams", action="store_true", help="un schéma à la fin de chaque section")
    parser.add_argument("--queue", action="store_true", help="confier chaque fichier aux workers (une tâche par "
                                                            "fichier ; voir `atypie jobs`)")
    parser.add_argument("--wait", action="store_true", help="avec --queue : attendre les tâches et écrire les "
                                                           "fichiers")
    parser.set_defaults(handler=adapt_command)


def adapt_command(args: Namespace) -> int:
    from ..api import course_glossary, load_profile
    from ..documents.limits import MAX_BYTES
    from ..documents.pipeline import EXTENSIONS, FORMATS, adapt

    formats = tuple(dict.fromkeys(f.strip().lower() for f in args.to.split(",") if f.strip()))
    if not formats or any(f not in FORMATS for f in formats):
        raise InvalidInput(detail=f"--to {args.to} : formats possibles {', '.join(FORMATS)}")
    if args.wait and not args.queue:
        raise InvalidInput(detail="--wait va avec --queue")
    outdir = _output_folder(args.output)
    inputs = _inputs(args.paths)
    if args.queue:
        return _queued(args, inputs, outdir, formats)
    reports, failed = [], None
    bar = _bar(args, len(inputs))
    with open_store() as store:
        profile = load_profile(args.profile, store)
        glossary = course_glossary(profile.id, store, args.course) if args.course else None
        for n, (path, below) in enumerate(inputs, 1):
            targets = {fmt: outdir / below / f"{path.stem}.{EXTENSIONS[fmt]}" for fmt in formats}
            bar.set_description(path.name[:40])
            if n > 1:  # the file before is done
                bar.update(1)
            if not args.force and all(t.exists() for t in targets.values()):
                reports.append({"file": str(path), "skipped": True})
                continue
            start = time.perf_counter()
            try:
                with path.open("rb") as handle:
                    data = handle.read(MAX_BYTES + 1)  # one byte more: the reader says it is too large
                result = adapt(data, profile, name=path.name, to=formats, backend=args.backend,
                               course_glossary=glossary, diagrams=args.diagrams, progress=_stage_shown(args, bar))
                (outdir / below).mkdir(parents=True, exist_ok=True)
                for fmt, target in targets.items():
                    target.write_bytes(result.files[fmt])
            except AtypieError as exc:
                failed = failed or exc
                reports.append({"file": str(path), "error": exc.code, "message": exc.message(args.lang)})
                continue
            except OSError as exc:
                error = InvalidInput(detail=f"« {path.name} » : {exc.strerror or 'erreur de lecture ou d’écriture'}")
                failed = failed or error
                reports.append({"file": str(path), "error": error.code, "message": error.message(args.lang)})
                continue
            reports.append({"file": str(path), "written": [str(t) for t in targets.values()],
                            **result.report(), "seconds": round(time.perf_counter() - start, 2)})
    bar.update(1)
    bar.close()
    _emit(args, reports)
    return failed.exit_code if failed is not None else 0


def _queued(args: Namespace, inputs: list[tuple[Path, Path]], outdir: Path, formats: tuple[str, ...]) -> int:
    """One job per file; with --wait, the files each job made are written where the direct run writes them."""
    from ..documents.limits import MAX_BYTES
    from ..documents.pipeline import EXTENSIONS
    from ..jobs import adapted_name, submit_adapt, wait

    reports, failed = [], None
    with open_store() as store:
        submitted = []
        for path, below in inputs:
            with path.open("rb") as handle:
                data = handle.read(MAX_BYTES + 1)
            job = submit_adapt(data, path.name, args.profile, store=store, to=formats, backend=args.backend,
                               course=args.course, diagrams=args.diagrams)
            submitted.append((path, below, job))
        for path, below, job in submitted:
            if not args.wait:
                reports.append({"file": str(path), "job": job.id, "state": job.state})
                continue
            job = wait(store, job.id)
            if job.state != "done":
                failed = failed or job
                reports.append({"file": str(path), "job": job.id, "state": job.state, "error": job.error_code,
                                "message": say(args, f"tâche {WORDS[job.state][0]}", f"job {WORDS[job.state][1]}")})
                continue
            (outdir / below).mkdir(parents=True, exist_ok=True)
            written = []
            for fmt in formats:
                target = outdir / below / f"{path.stem}.{EXTENSIONS[fmt]}"
                target.write_bytes(store.jobs.file(job.id, adapted_name(job.input_name, fmt)))
                written.append(str(target))
            reports.append({"file": str(path), "job": job.id, "written": written, **job.report,
                            "seconds": round((job.updated_at - job.created_at).total_seconds(), 2)})
    _emit(args, reports)
    return 0 if failed is None else 1


def _inputs(paths: list[str]) -> list[tuple[Path, Path]]:
    """(file, sub-folder of the output it goes to), each file once: the files named go to the output folder itself,
    the documents inside a folder named (walked, sorted) keep their place below it, so that two « cours.md » of two
    chapters give two « cours.html »."""
    found: dict[Path, Path] = {}
    for name in paths:
        path = Path(name)
        if path.is_dir():
            for inside in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES):
                found.setdefault(inside.resolve(), inside.parent.relative_to(path))
        elif path.is_file():
            found.setdefault(path.resolve(), Path())
        else:
            raise InvalidInput(detail=f"« {name[:80]} » n'existe pas")
    if not found:
        raise InvalidInput(detail="aucun document à adapter (PDF, DOCX, ODT, PPTX, MD ou HTML) dans ces chemins")
    return list(found.items())


def _output_folder(name: str) -> Path:
    path = Path(name)
    if path.exists() and not path.is_dir():
        raise InvalidInput(detail=f"« {name[:80]} » est un fichier : donnez un dossier de sortie")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InvalidInput(detail=f"le dossier « {name[:80]} » n'a pas pu être créé ({exc.strerror})") from None
    return path


def _bar(args: Namespace, total: int):
    """A progress bar on standard error (files done, time left), shown in a terminal and never with --json."""
    from tqdm import tqdm

    return tqdm(total=total, unit=say(args, "fichier", "file"), file=sys.stderr, leave=False,
                disable=args.json or not sys.stderr.isatty())


def _stage_shown(args: Namespace, bar):
    """Where the file in hand is, beside the bar: « images 3/12 »."""
    def show(stage: str, done: int, total: int) -> None:
        word = say(args, *STAGE_WORDS[stage])
        bar.set_postfix_str(f"{word} {done}/{total}" if total > 1 else word)

    return show


def _emit(args: Namespace, reports: list[dict]) -> None:
    if args.json:
        print(json.dumps(reports, ensure_ascii=False, indent=2))
        return
    for report in reports:
        name = Path(report["file"]).name
        if "written" not in report and "job" in report and "error" not in report:
            print(say(args, f"{name} : tâche {report['job']} ({WORDS[report['state']][0]})",
                      f"{name}: job {report['job']} ({WORDS[report['state']][1]})"))
        elif report.get("skipped"):
            print(say(args, f"{name} : déjà fait (--force pour refaire)", f"{name}: already done (--force to redo)"))
        elif "error" in report:
            print(f"{name} : {report['message']}")
        else:
            print(say(args, f"{name} : {report['blocks']} blocs, {report['changed']} changés, "
                            f"{report['unexplained']} mots encore à expliquer, {report['figures']} images, "
                            f"{report['seconds']} s → {', '.join(report['written'])}",
                      f"{name}: {report['blocks']} blocks, {report['changed']} changed, {report['unexplained']} words "
                      f"left unexplained, {report['figures']} images, {report['seconds']} s → "
                      f"{', '.join(report['written'])}"))
            for notice in report.get("notices", []):
                print(f"  [{notice.get('code', '')}] {notice.get('message', '')}")
