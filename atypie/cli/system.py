"""`atypie doctor`, `atypie serve` and `atypie audit`."""
from __future__ import annotations

import os
from argparse import Namespace

from ..config import Settings
from ..errors import EXIT_MISSING, EXIT_OK
from ..ids import check_identifier
from ..store import open_store
from .output import emit, json_flag, say


def register(commands) -> None:
    j = [json_flag()]
    commands.add_parser("doctor", parents=j, help="vérifier l'installation / check the installation"
                        ).set_defaults(handler=doctor)

    serve = commands.add_parser("serve", help="démarrer l'application web / start the web app")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=7860)
    serve.set_defaults(handler=serve_app)

    audit = commands.add_parser("audit", parents=j, help="journal des décisions / decision log")
    audit.add_argument("--profile", help="seulement ce profil")
    audit.add_argument("--limit", type=int, default=50)
    audit.set_defaults(handler=show_audit)


def doctor(args: Namespace) -> int:
    from ..doctor import run_doctor

    report = run_doctor()
    lines = []
    for check in report.checks:
        mark = "OK " if check.ok else ("MANQUE" if check.required else "option")
        lines.append(f"[{mark}] {check.name} : {check.detail}")
        if not check.ok and check.fix:
            lines.append(f"        {say(args, 'pour corriger', 'to fix')} : {check.fix}")
    lines.append(say(args, "Tout est prêt pour le mode hors ligne." if report.ok else
                     "Il manque des éléments : lancez les commandes ci-dessus, ou `make run`.",
                     "Everything the offline mode needs is ready." if report.ok else
                     "Some parts are missing: run the commands above, or `make run`."))
    emit(args, report.to_dict(), lines)
    return EXIT_OK if report.ok else EXIT_MISSING


def serve_app(args: Namespace) -> None:
    from ..logs import configure
    from ..web.app import launch

    configure(Settings.from_env().log_level)  # JSON lines on stderr; unexpected errors carry their reference
    os.umask(0o077)  # whatever the server or Gradio writes is for this user only

    base = f"http://{args.host}:{args.port}"
    print(say(args, f"atypie : {base}/ (étudiants) et {base}/staff/ (service handicap). Ctrl+C pour arrêter.",
              f"atypie: {base}/ (students) and {base}/staff/ (disability service). Ctrl+C to stop."), flush=True)
    launch(host=args.host, port=args.port)


def show_audit(args: Namespace) -> None:
    profile = check_identifier(args.profile) if args.profile is not None else None
    with open_store() as store:
        entries = store.audit.entries(profile_id=profile, limit=max(1, min(args.limit, 10000)))
    emit(args, [e.to_dict() for e in entries],
         [f"{e.at:%Y-%m-%d %H:%M:%S}\t{e.operation}\t{e.profile_id or '-'}\t"
          f"{'oui' if e.allowed else 'NON'}\t{e.detail}" for e in entries])
