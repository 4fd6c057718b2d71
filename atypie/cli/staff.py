"""`atypie staff …`: disability-services staff accounts."""
from __future__ import annotations

import getpass
import sys
from argparse import Namespace

from ..errors import InvalidInput
from ..ids import check_identifier
from ..store import open_store
from .output import emit, json_flag, say


def register(commands) -> None:
    group = commands.add_parser("staff", help="comptes du personnel / staff accounts")
    sub = group.add_subparsers(metavar="ACTION", required=True, parser_class=type(group))
    add = sub.add_parser("add", help="créer un compte (mot de passe demandé, ou lu sur l'entrée standard)")
    add.add_argument("name")
    add.set_defaults(handler=add_staff)
    sub.add_parser("list", parents=[json_flag()], help="lister les comptes").set_defaults(handler=list_staff)


def add_staff(args: Namespace) -> None:
    name = check_identifier(args.name)
    password = _read_password(args)
    with open_store() as store:
        store.staff.add(name, password)
    print(say(args, f"Compte « {name} » créé.", f"Account “{name}” created."))


def list_staff(args: Namespace) -> None:
    with open_store() as store:
        names = store.staff.names()
    emit(args, names, names or [say(args, "Aucun compte.", "No accounts.")])


def _read_password(args: Namespace) -> str:
    if sys.stdin is not None and sys.stdin.isatty():
        first = getpass.getpass(say(args, "Mot de passe : ", "Password: "))
        if getpass.getpass(say(args, "Encore une fois : ", "Once more: ")) != first:
            raise InvalidInput(detail=say(args, "les deux mots de passe sont différents",
                                          "the two passwords differ"))
        return first
    line = sys.stdin.readline() if sys.stdin is not None else ""
    return line.rstrip("\r\n")
