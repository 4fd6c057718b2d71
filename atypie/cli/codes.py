"""`atypie codes …`: student access codes."""
from __future__ import annotations

from argparse import Namespace

from ..ids import check_identifier
from .output import emit, json_flag, open_store, say


def register(commands) -> None:
    group = commands.add_parser("codes", help="codes d'accès des étudiants / student access codes")
    sub = group.add_subparsers(metavar="ACTION", required=True, parser_class=type(group))
    j = [json_flag()]

    issue = sub.add_parser("issue", parents=j, help="créer un code pour un profil (affiché une seule fois)")
    issue.add_argument("profile")
    issue.add_argument("--expires", type=int, metavar="JOURS", help="validité en jours")
    issue.add_argument("--pseudonym", help="pseudonyme facultatif (jamais un nom réel)")
    issue.set_defaults(handler=issue_code)

    listing = sub.add_parser("list", parents=j, help="lister les codes d'un profil")
    listing.add_argument("profile")
    listing.set_defaults(handler=list_codes)

    for name, handler, text in (("revoke", revoke_code, "désactiver un code"),
                                ("export", export_code, "exporter toutes les données liées à un code"),
                                ("delete", delete_code, "effacer toutes les données liées à un code")):
        action = sub.add_parser(name, parents=j, help=text)
        action.add_argument("code", help="le code, ou son identifiant ac-…")
        action.set_defaults(handler=handler)


def issue_code(args: Namespace) -> None:
    with open_store() as store:
        issued = store.codes.issue(check_identifier(args.profile), expires_days=args.expires,
                                   pseudonym=args.pseudonym, actor="cli")
    emit(args, {"code": issued.code, **issued.access.to_dict()}, [
        issued.code,
        say(args, f"Code pour le profil « {issued.access.profile_id} » (identifiant {issued.access.id}). "
                  "Notez-le maintenant : il ne sera plus affiché.",
            f"Code for profile “{issued.access.profile_id}” (id {issued.access.id}). "
            "Write it down now: it will not be shown again."),
    ])


def list_codes(args: Namespace) -> None:
    with open_store() as store:
        found = store.codes.for_profile(check_identifier(args.profile))
    emit(args, [a.to_dict() for a in found],
         [f"{a.id}\t{a.pseudonym or '-'}\t{'révoqué' if a.revoked_at else 'actif'}"
          f"\t{a.expires_at.date() if a.expires_at else '-'}" for a in found]
         or [say(args, "Aucun code.", "No codes.")])


def revoke_code(args: Namespace) -> None:
    with open_store() as store:
        access = store.codes.revoke(args.code, actor="cli")
    emit(args, access.to_dict(), [say(args, f"Code {access.id} désactivé.", f"Code {access.id} revoked.")])


def export_code(args: Namespace) -> None:
    import json

    with open_store() as store:
        exported = store.codes.export(args.code)
    print(json.dumps(exported.to_dict(), ensure_ascii=False, indent=2))


def delete_code(args: Namespace) -> None:
    with open_store() as store:
        deleted = store.codes.delete(args.code, actor="cli")
    emit(args, {"code_id": deleted.code_id, "audit_entries_deleted": deleted.audit_entries_deleted}, [
        say(args, f"Code {deleted.code_id} effacé, avec {deleted.audit_entries_deleted} entrée(s) du journal.",
            f"Code {deleted.code_id} erased, with {deleted.audit_entries_deleted} log entries.")])
