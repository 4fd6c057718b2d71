"""`atypie simplify`, `atypie check` and `atypie rules list`."""
from __future__ import annotations

import json
import sys
from argparse import Namespace

from ..config import LANGUAGES
from ..errors import TextTooLong
from ..language.analysis import MAX_CHARS
from .output import emit, json_flag, profile_in_store, read_bytes, say

MAX_BYTES = MAX_CHARS * 4  # UTF-8 takes at most 4 bytes a character: more bytes are more than MAX_CHARS characters


def register(commands) -> None:
    simplify = commands.add_parser("simplify", parents=[json_flag()],
                                   help="réécrire un texte en langage clair (FALC) / plain language")
    _text_arguments(simplify)
    simplify.add_argument("--backend", choices=("offline", "mistral"), help="moteur (défaut : ATYPIE_BACKEND)")
    simplify.add_argument("--course", help="cours dont le glossaire s'ajoute à celui du profil")
    simplify.add_argument("--format", choices=("text", "markdown", "html", "json", "diff"), default="text",
                          help="diff : tableau HTML original → version simple / side-by-side HTML diff")
    simplify.set_defaults(handler=simplify_command)

    check = commands.add_parser("check", parents=[json_flag()], help="vérifier un texte règle par règle")
    _text_arguments(check)
    check.set_defaults(handler=check_command)

    rules = commands.add_parser("rules", help="règles du langage clair / plain-language rules")
    sub = rules.add_subparsers(metavar="ACTION", required=True, parser_class=type(rules))
    sub.add_parser("list", parents=[json_flag()], help="lister les règles").set_defaults(handler=rules_command)


def _text_arguments(parser) -> None:
    parser.add_argument("file", nargs="?", default="-", help="fichier .txt ou .md, ou - pour l'entrée standard")
    parser.add_argument("--profile", default="standard", help="profil ou modèle de profil (défaut : standard)")
    parser.add_argument("--lang", dest="text_lang", choices=LANGUAGES, help="langue du texte (sinon détectée)")


def read_input(name: str) -> bytes:
    """The bytes of FILE or standard input, refusing what is too large or not a regular file."""
    data = read_bytes(name, MAX_BYTES)
    if len(data) > MAX_BYTES:  # the characters read so far: already too many
        raise TextTooLong(size=len(data.decode("utf-8", "replace")), limit=MAX_CHARS)
    return data


def simplify_command(args: Namespace) -> None:
    from ..api import simplify
    from ..falc.html import diff_page, page
    from ..falc.render import to_text

    with profile_in_store(args) as (profile, store):
        result = simplify(read_input(args.file), profile, lang=args.text_lang, backend=args.backend, store=store,
                          course=args.course)
    if args.json or args.format == "json":
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return
    title = "Texte simplifié" if result.lang == "fr" else "Plain version"
    if args.format == "html":
        print(page(result.blocks, result.glossary, profile.display, result.lang, title), end="")
    elif args.format == "diff":
        title = "Ce qui a changé" if result.lang == "fr" else "What changed"
        print(diff_page(result.diff, result.glossary, result.lang, title), end="")
    else:
        print(to_text(result.blocks, result.glossary, result.lang, markdown=args.format == "markdown"), end="")
    for notice in result.notices:
        print(f"[{notice.code}] {notice.message(args.lang)}", file=sys.stderr)


def check_command(args: Namespace) -> None:
    from ..api import check

    with profile_in_store(args) as (profile, store):
        result = check(read_input(args.file), profile, lang=args.text_lang, store=store)
    report = result.report
    lines = [say(args, f"{len(report.violations)} problème(s), {len(report.needs_review)} à vérifier, "
                       f"{len(report.passes)} règle(s) respectée(s).",
                 f"{len(report.violations)} problem(s), {len(report.needs_review)} to review, "
                 f"{len(report.passes)} rule(s) passed.")]
    for finding in report.violations + report.needs_review:
        lines.append(f"[{finding.impact}] {finding.rule_id} : {finding.message}"
                     + (f" → {finding.suggestion}" if finding.suggestion else ""))
    emit(args, result.to_dict(), lines)


def rules_command(args: Namespace) -> None:
    from ..falc.rule import all_rules

    lang = "en" if args.lang == "en" else "fr"
    data = [{"id": r.id, "impact": r.impact, "tags": list(r.tags), "help": r.help[lang].format(**r.options),
             "options": r.options, "languages": list(r.languages),
             "needs": {code: list(r.needs_in(code)) for code in r.languages}} for r in all_rules()]
    emit(args, data, [f"{r['id']}\t{r['impact']}\t{r['help']}" for r in data])
