"""`atypie glossary …`: course glossaries attached to a profile (CSV `terme;définition` or TOML `[termes]`)."""
from __future__ import annotations

from argparse import Namespace
from pathlib import Path

from ..falc.course_glossary import MAX_BYTES
from ..ids import check_identifier
from .output import emit, json_flag, open_store, read_bytes, say


def register(commands) -> None:
    group = commands.add_parser("glossary", help="glossaires de cours / course glossaries")
    sub = group.add_subparsers(metavar="ACTION", required=True, parser_class=type(group))
    load = sub.add_parser("import", parents=[json_flag()],
                          help="attacher un glossaire (CSV terme;définition ou TOML [termes]) à un profil")
    load.add_argument("file", help="fichier .csv, .txt ou .toml")
    load.add_argument("--profile", required=True, help="profil enregistré")
    load.add_argument("--course", default=None, help="nom du cours (sinon : tout le profil)")
    load.set_defaults(handler=import_command)
    listing = sub.add_parser("list", parents=[json_flag()], help="lister les termes du glossaire d'un profil")
    listing.add_argument("--profile", required=True)
    listing.add_argument("--course", default=None, help="seulement les termes de ce cours")
    listing.set_defaults(handler=list_command)
    remove = sub.add_parser("remove", parents=[json_flag()], help="retirer un terme du glossaire d'un profil")
    remove.add_argument("term")
    remove.add_argument("--profile", required=True)
    remove.add_argument("--course", default=None, help="seulement dans ce cours")
    remove.set_defaults(handler=remove_command)


def import_command(args: Namespace) -> None:
    from ..api import import_glossary

    profile_id = check_identifier(args.profile)
    data = read_bytes(args.file, MAX_BYTES)  # one byte more than the limit at most: too large is refused
    with open_store() as store:
        count = import_glossary(data, Path(args.file).name, profile_id, store=store, course=args.course)
    where = f" (cours « {args.course} »)" if args.course else ""
    emit(args, {"profile": profile_id, "course": args.course or "", "terms": count},
         [say(args, f"{count} terme(s) attaché(s) au profil « {profile_id} »{where}.",
              f"{count} term(s) attached to profile “{profile_id}”" + (f" (course “{args.course}”)" if args.course
                                                                       else "") + ".")])


def list_command(args: Namespace) -> None:
    profile_id = check_identifier(args.profile)
    with open_store() as store:
        store.profiles.get(profile_id)
        terms = store.glossaries.list(profile_id, args.course)
    lines = [f"{t.term} : {t.definition}" + (f"  [{t.course}]" if t.course else "") for t in terms]
    emit(args, [t.to_dict() for t in terms], lines or [say(args, "Aucun terme.", "No terms.")])


def remove_command(args: Namespace) -> None:
    profile_id = check_identifier(args.profile)
    with open_store() as store:
        removed = store.glossaries.remove(profile_id, args.term, course=args.course)
    emit(args, {"profile": profile_id, "term": args.term, "removed": removed},
         [say(args, f"Terme « {args.term} » retiré.", f"Term “{args.term}” removed.")])
