"""Scale-out on one machine, loopback only: PostgreSQL, Redis, two `atypie serve` processes and CPU workers
(`atypie worker`), all started here (bench/_services.py), on the configuration of docs/deploy.md.

1. Throughput: a batch of real course documents (bench/data/documents_fr) adapted as jobs with one worker, then
   another batch with two: jobs per minute, and the ratio; and pages per minute of one worker on PDF course notes.
2. Load: N simulated students (default 50) for D seconds (default 60), each on one web process (sticky, as behind
   the proxy), pausing 1-3 s between calls, on a mix of simplify, diagram, describe (an image of a diagram) and
   adapt (a short course document, new each time, so that every call is real work for a worker), on paragraphs of
   real course text (bench/data/courses_fr, tuning halves): errors and p95 per operation. Target: 0 errors.
3. Faults:
   - `kill -9` of a worker (and its pool) in the middle of a 10-file batch: every result arrives, none twice;
   - five wrong passwords spread over the two web processes lock the account (over HTTP, the staff page's API);
   - a staff session opened through one web process is still valid after that process restarts, and in the other
     one (the sessions live in the store).
4. The embedded default: `atypie serve` with no broker answers /readyz without one.

    python bench/scale_out.py [--users 50] [--seconds 60] [--skip-load]
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from _services import ROOT, Web, Worker, environment, postgres, redis

DOCUMENTS = ROOT / "bench/data/documents_fr"
BATCH = ("md01_glassus_cryptographie.md", "md02_mechain_tp_crypto.md", "html01_glassus_pratiques_programmation.html",
         "docx01_toulzac_cahier_recursivite.docx", "docx02_thevenin_tp0_durees.docx",
         "docx03_elyaakoubi_mini_projet.docx", "odt01_mechain_ieee754_16bits.odt", "odt02_mechain_minifloats_qcm.odt",
         "pptx01_elyaakoubi_tests_junit.pptx", "pdf01_mechain_arbres.pdf")
PDFS = {"speed01_junier_circuits_logiques.pdf": 18, "pdf01_mechain_arbres.pdf": 5,
        "pdf02_glassus_ds02_recursivite.pdf": 1, "pdf03_tzanev_m43_td2_probabilites.pdf": 3}  # file: its pages
STAFF, PASSWORD = "bench-staff", "mot-de-passe-de-bench"
VISIBILITY_S, LEASE_S = "20", "15"  # short, so that the fault phase does not wait ten minutes for a dead worker
OPERATIONS = (("simplify", 4), ("diagram", 3), ("describe", 2), ("adapt", 1))  # weights of the mix


def seed(url: str) -> str:
    from atypie.profiles.presets import load_preset
    from atypie.store import Store

    with Store(url) as store:
        store.profiles.create(load_preset("dyslexie", "bench-etu"))
        store.staff.add(STAFF, PASSWORD)
        return store.codes.issue("bench-etu").code


def batch(store, settings, profile: str, names=BATCH) -> tuple[list[str], float]:
    """Submit one adaptation job per document; (job ids, seconds until all finished)."""
    from atypie.jobs import submit_adapt, wait

    start = time.perf_counter()
    ids = [submit_adapt((DOCUMENTS / name).read_bytes(), name, profile, store=store, settings=settings).id
           for name in names]
    for job_id in ids:
        wait(store, job_id, timeout_s=900)
    return ids, time.perf_counter() - start


def states(store, ids: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for job_id in ids:
        state = store.jobs.get(job_id).state
        found[state] = found.get(state, 0) + 1
    return found


def warm(store, settings, label: str) -> None:
    """One small job, so that the timed batch does not count a worker's start (its parser loads at start)."""
    from atypie.jobs import submit_adapt, wait

    job = submit_adapt(f"# {label}\n\nUn paragraphe pour démarrer le worker.\n".encode(), "warm.md", "standard",
                       store=store, settings=settings)
    wait(store, job.id, timeout_s=300)


def throughput(store, settings, env) -> None:
    print("\n1. Throughput: adaptation jobs on real course documents (10 files: md, html, docx, odt, pptx, pdf), "
          "workers warm")
    first = Worker(env).start()
    warm(store, settings, "one")
    ids, one = batch(store, settings, "falc")
    print(f"   one worker:  {len(ids)} jobs in {one:6.1f} s = {60 * len(ids) / one:5.1f} jobs/min  {states(store, ids)}")
    ids, seconds = batch(store, settings, "standard", tuple(PDFS))
    pages = sum(PDFS.values())
    print(f"   one worker, PDF course notes ({len(PDFS)} files, {pages} pages): {seconds:.1f} s = "
          f"{60 * pages / seconds:.0f} pages/min  {states(store, ids)}")
    second = Worker(env).start()
    time.sleep(5)  # the second worker connects to the broker and loads its parser
    ids, two = batch(store, settings, "tsa")
    print(f"   two workers: {len(ids)} jobs in {two:6.1f} s = {60 * len(ids) / two:5.1f} jobs/min  {states(store, ids)}")
    print(f"   ratio two/one: {one / two:.2f} (2 cores here: the web processes and the database share them)")
    first.stop()
    second.stop()


# --- 2. load ---------------------------------------------------------------------------------------------------------

class Student(threading.Thread):
    def __init__(self, url: str, code: str, texts: list[str], image: Path, folder: Path, index: int,
                 stop_at: float) -> None:
        super().__init__(daemon=True)
        self.url, self.code, self.texts, self.image, self.folder = url, code, texts, image, folder
        self.index, self.stop_at = index, stop_at
        self.random = random.Random(index)
        self.latencies: dict[str, list[float]] = {name: [] for name, _ in OPERATIONS}
        self.errors: list[str] = []

    def call(self, client, operation: str, n: int) -> None:
        from gradio_client import handle_file

        text = self.texts[(self.index * 7 + n) % len(self.texts)]
        if operation == "simplify":
            args = (self.code, text, "fr")
        elif operation == "diagram":
            args = (self.code, text, "", "fr")
        elif operation == "describe":
            args = (self.code, handle_file(str(self.image)), "fr")
        else:  # a short document of its own: new content, so a worker really adapts it
            document = self.folder / f"chapitre-{self.index}-{n}.md"
            document.write_text(f"# Chapitre {self.index}.{n}\n\n{text}\n\n## Suite\n\n"
                                f"{self.texts[(self.index + n + 1) % len(self.texts)]}\n", encoding="utf-8")
            args = (self.code, handle_file(str(document)), ["html"], "fr")
        start = time.perf_counter()
        try:
            client.predict(*args, api_name=f"/{operation}")
        except Exception as exc:  # noqa: BLE001 - every failure counts
            self.errors.append(f"{operation}: {type(exc).__name__}: {str(exc)[:160]}")
        else:
            self.latencies[operation].append(time.perf_counter() - start)

    def run(self) -> None:
        from gradio_client import Client

        client = Client(self.url + "/", verbose=False, analytics_enabled=False, download_files=False)
        names = [name for name, weight in OPERATIONS for _ in range(weight)]
        n = 0
        while time.perf_counter() < self.stop_at:
            self.call(client, self.random.choice(names), n)
            n += 1
            time.sleep(self.random.uniform(1.0, 3.0))


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 2 else (values[0] if values else float("nan"))


def diagram_png(text: str) -> bytes:
    from atypie.api import diagram
    from atypie.diagrams.render import render

    result = diagram(text, "standard", lang="fr")
    return render(result.graph, result.dot, "png", alt=result.description.alt, description=result.description.long)


def load(webs: list[Web], code: str, users: int, seconds: float) -> int:
    texts = [json.loads(line)["text"] for name in ("tuning.jsonl", "tuning2.jsonl")
             for line in (ROOT / "bench/data/courses_fr" / name).open(encoding="utf-8") if line.strip()]
    folder = Path(tempfile.mkdtemp(prefix="atypie-bench-docs-"))
    image = folder / "schema.png"
    image.write_bytes(diagram_png(texts[0]))
    print(f"\n2. Load: {users} students for {seconds:.0f} s on {len(webs)} web processes (sticky), pausing 1-3 s "
          "between calls")
    warm = Student(webs[0].url, code, texts, image, folder, 0, 0.0)
    from gradio_client import Client

    for web in webs:  # each process loads its models once before the clock starts
        client = Client(web.url + "/", verbose=False, analytics_enabled=False, download_files=False)
        for operation, _ in OPERATIONS:
            warm.call(client, operation, 0)
    if warm.errors:
        sys.exit(f"the warm-up failed: {warm.errors}")
    stop_at = time.perf_counter() + seconds
    students = [Student(webs[i % len(webs)].url, code, texts, image, folder, i, stop_at) for i in range(users)]
    for student in students:
        student.start()
    for student in students:
        student.join()
    errors = [e for s in students for e in s.errors]
    print(f"   {'operation':<10}{'calls':>7}{'errors':>8}{'median (s)':>12}{'p95 (s)':>10}")
    for operation, _ in OPERATIONS:
        values = [v for s in students for v in s.latencies[operation]]
        failed = sum(e.startswith(operation) for e in errors)
        median = statistics.median(values) if values else float("nan")
        print(f"   {operation:<10}{len(values):>7}{failed:>8}{median:>12.2f}{p95(values):>10.2f}")
    for error in sorted(set(errors))[:5]:
        print("   error:", error)
    return len(errors)


# --- 3. faults -------------------------------------------------------------------------------------------------------

def killed_worker(store, settings, env) -> bool:
    from sqlalchemy import func, select

    from atypie.jobs import submit_adapt, wait
    from atypie.store.schema import job_files

    print("\n3a. kill -9 of a worker in the middle of a 10-file batch (two workers)")
    victim, survivor = Worker(env).start(), Worker(env).start()
    time.sleep(5)
    start = time.perf_counter()
    ids = [submit_adapt((DOCUMENTS / name).read_bytes(), name, "dyslexie", store=store, settings=settings).id
           for name in BATCH]
    while not any(store.jobs.get(i).state == "done" for i in ids):  # mid-batch: some done, others held
        time.sleep(0.2)
    victim.kill()
    killed_at = time.perf_counter() - start
    for job_id in ids:
        wait(store, job_id, timeout_s=600)
    elapsed = time.perf_counter() - start
    survivor.stop()
    jobs = [store.jobs.get(i) for i in ids]
    with store.engine.connect() as conn:
        files = dict(conn.execute(select(job_files.c.job_id, func.count()).where(job_files.c.job_id.in_(ids))
                                  .group_by(job_files.c.job_id)).all())
    done = sum(j.state == "done" for j in jobs)
    duplicated = sum(files.get(i, 0) != 1 for i in ids)
    rerun = sum(j.attempts > 1 for j in jobs)
    print(f"   killed at {killed_at:.1f} s; all finished at {elapsed:.1f} s; done {done}/10; result files per job "
          f"exactly one: {10 - duplicated}/10; jobs run again after the kill: {rerun}")
    return done == 10 and duplicated == 0


def lockout(webs: list[Web]) -> bool:
    from gradio_client import Client

    print("\n3b. five wrong passwords spread over the two web processes")
    answers = []
    for web, tries in ((webs[0], 3), (webs[1], 2)):
        client = Client(web.url + "/staff/", verbose=False, analytics_enabled=False, download_files=False)
        for _ in range(tries):
            try:
                client.predict(STAFF, "pas-le-bon-mot-de-passe", "fr", api_name="/login")
                answers.append("signed in")
            except Exception as exc:  # noqa: BLE001
                answers.append(_code(str(exc)))
    client = Client(webs[0].url + "/staff/", verbose=False, analytics_enabled=False, download_files=False)
    try:
        client.predict(STAFF, PASSWORD, "fr", api_name="/login")
        last = "signed in"
    except Exception as exc:  # noqa: BLE001
        last = _code(str(exc))
    print(f"   wrong passwords: {answers}; then the right one on the first process: {last}")
    return last == "ATY-E038"


def _code(message: str) -> str:
    start = message.find("[ATY-")
    return message[start + 1:start + 9] if start >= 0 else message[:60]


def surviving_session(url: str, webs: list[Web]) -> bool:
    """Sign in through the staff desk of one process, restart that web process, and check the session in a new
    process (as the restarted server and the other one do): the session and the cookie key live in the store."""
    import subprocess

    print("\n3c. a staff session survives a web process restart")
    opened = subprocess.run([sys.executable, "-c", _OPEN_SESSION, url, STAFF, PASSWORD], capture_output=True,
                            text=True, check=True, cwd=ROOT / "bench").stdout.split()
    webs[0].restart()
    checked = subprocess.run([sys.executable, "-c", _CHECK_SESSION, url, *opened], capture_output=True, text=True,
                             cwd=ROOT / "bench")
    print(f"   after the restart, the session belongs to: {checked.stdout.strip() or checked.stderr.strip()[-200:]}")
    return checked.stdout.strip() == STAFF


_OPEN_SESSION = """
import sys
from atypie.store import Store
from atypie.web.binding import binding_for
from atypie.web.sessions import LoginThrottle, Sessions
from atypie.web.staff_handlers import StaffDesk
store = Store(sys.argv[1])
cookie = binding_for(store).mint()
credential = StaffDesk(store, Sessions(store), LoginThrottle(store)).login(sys.argv[2], sys.argv[3], binding=cookie,
                                                                           client="bench")
print(credential.token, credential.binding)
"""
_CHECK_SESSION = """
import sys
from atypie.store import Store
from atypie.web.binding import binding_for
from atypie.web.sessions import Sessions, StaffCredential
store = Store(sys.argv[1])
cookie = binding_for(store).verified(sys.argv[3])
print(Sessions(store).require(StaffCredential(sys.argv[2], cookie)))
"""


def embedded_default() -> bool:
    print("\n4. The embedded default (no broker, SQLite)")
    home = Path(tempfile.mkdtemp(prefix="atypie-bench-default-"))
    web = Web(environment(home)).start()
    try:
        with urllib.request.build_opener(urllib.request.ProxyHandler({})).open(web.url + "/readyz",
                                                                             timeout=10) as answer:
            body = json.loads(answer.read())
    finally:
        web.stop()
    print(f"   /readyz: {body}")
    return body.get("status") == "ok" and "broker" not in body


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--skip-load", action="store_true")
    args = parser.parse_args()
    from atypie.config import Settings
    from atypie.store import Store

    results = {}
    with postgres() as database, redis() as broker:
        home = Path(tempfile.mkdtemp(prefix="atypie-bench-scale-"))
        env = environment(home, ATYPIE_DATABASE_URL=database, ATYPIE_BROKER_URL=broker,
                          ATYPIE_JOB_VISIBILITY_S=VISIBILITY_S, ATYPIE_JOB_LEASE_S=LEASE_S)
        settings = Settings.from_env(env)
        code = seed(database)
        with Store(database) as store:
            throughput(store, settings, env)
            webs = [Web(env).start(), Web(env).start()]
            try:
                if not args.skip_load:
                    workers = [Worker(env).start(), Worker(env).start()]
                    try:
                        results["load: 0 errors"] = load(webs, code, args.users, args.seconds) == 0
                    finally:
                        for worker in workers:
                            worker.stop()
                results["kill -9 worker: 10/10, none twice"] = killed_worker(store, settings, env)
                results["lockout across processes"] = lockout(webs)
                results["session survives a restart"] = surviving_session(database, webs)
            finally:
                for web in webs:
                    web.stop()
    results["embedded default without broker"] = embedded_default()
    print()
    for name, ok in results.items():
        print(f"{'PASS' if ok else 'FAIL'}  {name}")
    sys.exit(0 if all(results.values()) else 1)


if __name__ == "__main__":
    main()
