"""`atypie describe IMAGE`: an image → alt text, plain-language description and the text it contains."""
from __future__ import annotations

import sys
from argparse import Namespace

from ..vision.load import MAX_BYTES
from .output import emit, json_flag, profile_in_store, read_bytes


def register(commands) -> None:
    parser = commands.add_parser("describe", parents=[json_flag()], help="image → texte / image → text")
    parser.add_argument("image", help="PNG, JPEG, WebP, GIF, SVG ou PDF ; - pour l'entrée standard")
    parser.add_argument("--profile", default="standard")
    parser.add_argument("--backend", choices=("offline", "mistral"))
    parser.set_defaults(handler=describe_command)


def describe_command(args: Namespace) -> None:
    from ..api import describe

    with profile_in_store(args) as (profile, store):
        result = describe(read_bytes(args.image, MAX_BYTES), profile, backend=args.backend, store=store)
    lines = [result.alt, "", result.description]
    if result.text:
        lines += ["", "Texte lu :" if result.lang == "fr" else "Text read:", result.text]
    emit(args, result.to_dict(), lines)
    if not args.json:
        for notice in result.notices:
            print(f"[{notice.code}] {notice.message(args.lang)}", file=sys.stderr)
