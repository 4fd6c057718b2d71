"""`atypie jobs list|show|wait|cancel` and `atypie worker`: following the jobs that workers run, and starting a
worker (Celery, on the broker of ATYPIE_BROKER_URL)."""
from __future__ import annotations

import os
from argparse import Namespace

from ..config import Settings
from ..errors import ConfigurationError, InvalidInput
from ..logs import configure
from ..store import open_store
from .output import emit, json_flag, say

STATES = ("queued", "running", "done", "failed", "refused", "cancelled")
WORDS = {"queued": ("en attente", "queued"), "running": ("en cours", "running"), "done": ("terminée", "done"),
         "failed": ("échouée", "failed"), "refused": ("refusée", "refused"), "cancelled": ("annulée", "cancelled")}


def register(commands) -> None:
    j = [json_flag()]
    jobs = commands.add_parser("jobs", help="tâches des workers / workers' jobs")
    actions = jobs.add_subparsers(metavar="ACTION", required=True, parser_class=type(jobs))
    listing = actions.add_parser("list", parents=j, help="les dernières tâches / the latest jobs")
    listing.add_argument("--state", choices=STATES)
    listing.add_argument("--limit", type=int, default=50)
    listing.set_defaults(handler=list_jobs)
    for name, handler, text in (("show", show_job, "une tâche / one job"),
                                ("wait", wait_job, "attendre la fin d'une tâche / wait for a job to finish"),
                                ("cancel", cancel_job, "annuler une tâche / cancel a job")):
        action = actions.add_parser(name, parents=j, help=text)
        action.add_argument("job_id", metavar="ID")
        if name == "wait":
            action.add_argument("--timeout", type=float, default=None, help="secondes au plus")
        action.set_defaults(handler=handler)

    purge = actions.add_parser("purge", parents=j, help="effacer les tâches finies depuis longtemps / delete old "
                                                        "finished jobs")
    purge.add_argument("--days", type=int, default=30, help="finies depuis plus de ce nombre de jours (défaut : 30)")
    purge.set_defaults(handler=purge_jobs)

    worker = commands.add_parser("worker", help="démarrer un worker Celery / start a Celery worker")
    worker.add_argument("--queues", default="cpu", help="cpu, gpu, ou cpu,gpu")
    worker.add_argument("--concurrency", type=int, default=2, help="tâches à la fois (file cpu)")
    worker.set_defaults(handler=start_worker)


def list_jobs(args: Namespace) -> int:
    if not 1 <= args.limit <= 1000:
        raise InvalidInput(detail="--limit : un nombre entre 1 et 1000")
    with open_store() as store:
        found = store.jobs.list(state=args.state, limit=args.limit)
    emit(args, [job.to_dict() for job in found], [_line(args, job) for job in found] or
         [say(args, "Aucune tâche.", "No job.")])
    return 0


def show_job(args: Namespace) -> int:
    with open_store() as store:
        job = store.jobs.get(args.job_id)
    emit(args, job.to_dict(), [_line(args, job), *(f"  {name}" for name in job.files)])
    return 0


def wait_job(args: Namespace) -> int:
    from ..jobs import wait

    with open_store() as store:
        job = wait(store, args.job_id, args.timeout)
    emit(args, job.to_dict(), [_line(args, job)])
    return 0 if job.state == "done" else (1 if job.finished else 124)


def cancel_job(args: Namespace) -> int:
    with open_store() as store:
        job = store.jobs.cancel(args.job_id)
    emit(args, job.to_dict(), [_line(args, job)])
    return 0


def purge_jobs(args: Namespace) -> int:
    """Finished jobs keep their document and files in the database until purged (run it from cron, for example)."""
    from datetime import UTC, datetime, timedelta

    if not 0 <= args.days <= 3650:
        raise InvalidInput(detail="--days : un nombre entre 0 et 3650")
    with open_store() as store:
        removed = store.jobs.purge(datetime.now(UTC) - timedelta(days=args.days))
    emit(args, {"removed": removed}, [say(args, f"{removed} tâches effacées.", f"{removed} jobs deleted.")])
    return 0


def start_worker(args: Namespace) -> int:
    from ..jobs.broker import start_worker as run

    settings = Settings.from_env()
    if settings.broker_url is None:
        raise ConfigurationError(detail="ATYPIE_BROKER_URL n'est pas défini : un worker a besoin de la file des tâches "
                                        "(par exemple redis://127.0.0.1:6379/0)")
    queues = [q.strip() for q in args.queues.split(",") if q.strip()]
    if not queues or any(q not in ("cpu", "gpu") for q in queues):
        raise InvalidInput(detail="--queues : cpu, gpu, ou cpu,gpu")
    if not 1 <= args.concurrency <= 64:
        raise InvalidInput(detail="--concurrency : un nombre entre 1 et 64")
    configure(settings.log_level)  # atypie's records as JSON lines on stderr, with the job id; never content
    os.umask(0o077)  # what a worker writes (caches) is for this user only
    run(settings.broker_url, queues, args.concurrency)
    return 0


def _line(args: Namespace, job) -> str:
    progress = f" — {job.stage} {job.done}/{job.total}" if job.state == "running" and job.stage else ""
    error = f" [{job.error_code}]" if job.error_code else ""
    name = f" « {job.input_name} »" if job.input_name else ""
    return f"{job.id}  {job.kind}{name}  {say(args, *WORDS[job.state])}{progress}{error}"
