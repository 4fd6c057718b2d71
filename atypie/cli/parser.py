"""Argument parsing with French help and errors that carry a code (exit 2)."""
from __future__ import annotations

import argparse

from .. import __version__
from ..config import LANGUAGES
from ..errors import InvalidInput
from . import adapt, codes, describe, diagram, glossary, imaging, jobs, profiles, staff, system, text


class Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self.add_argument("-h", "--help", action="help", help="afficher cette aide / show this help")

    def error(self, message: str) -> None:  # argparse would exit(2) with an English message
        raise InvalidInput(detail=f"{message}. Tapez `{self.prog} --help` pour l'aide.")


def build_parser() -> Parser:
    parser = Parser(prog="atypie", description="atypie : adaptations d'accessibilité / accessibility adaptations")
    parser.add_argument("--version", action="version", version=f"atypie {__version__}")
    parser.add_argument("--lang", choices=LANGUAGES, default=None,
                        help="langue des messages (défaut : ATYPIE_LANG ou fr) / language of messages")
    parser.set_defaults(handler=lambda _args: parser.print_help())
    commands = parser.add_subparsers(title="commandes", metavar="COMMANDE", parser_class=Parser)
    profiles.register(commands)
    codes.register(commands)
    staff.register(commands)
    system.register(commands)
    text.register(commands)
    diagram.register(commands)
    describe.register(commands)
    imaging.register(commands)
    glossary.register(commands)
    adapt.register(commands)
    jobs.register(commands)
    return parser
