"""The illustration model registry (models/registry.toml, or the file ATYPIE_MODELS_REGISTRY names): which local
diffusion models atypie may load, for which mode, under which licence. A model is always a local folder that the
operator installed; nothing is ever downloaded."""
from __future__ import annotations

import hashlib
import json
import os
import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields
from functools import cached_property
from pathlib import Path

from ..config import Settings
from ..errors import ConfigurationError, InvalidInput, ModelNotInstalled, UnknownModel

MODES = ("nodes", "layout")
CONTROLS = ("canny", "scribble")
# Pipeline class → the modes it serves.
PIPELINES = {"StableDiffusionPipeline": ("nodes",), "StableDiffusionControlNetPipeline": ("layout",)}
MIN_SIZE, MAX_SIZE = 64, 1024
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")


@dataclass(frozen=True)
class ModelEntry:
    id: str
    name: str
    pipeline: str
    modes: tuple[str, ...]
    licence: str
    intended_use: str
    env: str | None = None  # the variable holding the model's folder
    path: str | None = None  # the folder when the variable is unset ("$ATYPIE_HOME" is replaced)
    controlnet_env: str | None = None  # a separate ControlNet folder (layout models built on a base model)
    controlnet_path: str | None = None
    control: str = "canny"  # the control image layout mode draws: canny (edges) or scribble (lines)
    source: str = ""
    tiny: bool = False  # random test weights: no safety checker, full precision everywhere
    size: int = 512  # longest side of a generated picture, in pixels
    steps: int = 25
    guidance: float = 7.5
    base: Path | None = field(default=None, repr=False, compare=False)  # relative paths start here (the registry's)

    def to_dict(self) -> dict:
        data = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "base"}
        return {**data, "modes": list(self.modes)}

    def installed(self, env: Mapping[str, str] | None = None) -> bool:
        """Whether the folder(s) this entry names exist and look complete."""
        try:
            locate(self, env)
        except ModelNotInstalled:
            return False
        return True


@dataclass(frozen=True)
class Registry:
    entries: tuple[ModelEntry, ...]
    defaults: Mapping[str, str]  # mode → model id
    source: Path

    def __iter__(self) -> Iterator[ModelEntry]:
        return iter(self.entries)

    def ids(self) -> list[str]:
        return [entry.id for entry in self.entries]

    def get(self, model_id: str) -> ModelEntry:
        for entry in self.entries:
            if entry.id == model_id:
                return entry
        raise UnknownModel(model=model_id, available=", ".join(self.ids()) or "aucun")

    def default_for(self, mode: str, env: Mapping[str, str] | None = None) -> str:
        """The model used when none is named: ATYPIE_MODEL_DEFAULT_NODES / _LAYOUT, else the registry's."""
        chosen = (os.environ if env is None else env).get(f"ATYPIE_MODEL_DEFAULT_{mode.upper()}")
        if chosen:
            return chosen
        if mode not in self.defaults:
            raise ConfigurationError(detail=f"le registre {self.source} n'a pas de modèle par défaut pour « {mode} »")
        return self.defaults[mode]


@dataclass(frozen=True)
class InstalledModel:
    """A model whose local folder(s) exist: what the loader needs."""
    entry: ModelEntry
    folder: Path
    controlnet: Path | None = None

    @property
    def id(self) -> str:
        return self.entry.id

    @cached_property
    def identity(self) -> str:
        """A fingerprint of the installed files (names, sizes, modification times): a new copy changes it."""
        digest = hashlib.sha256()
        for root in (self.folder, self.controlnet):
            if root is None:
                continue
            for path in sorted(p for p in root.rglob("*") if p.is_file()):
                stat = path.stat()
                digest.update(f"{path.relative_to(root)}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
        return digest.hexdigest()


def load_registry(path: Path | None = None, env: Mapping[str, str] | None = None) -> Registry:
    """Read and check the registry file (by default the one Settings names)."""
    source = Path(path) if path else Settings.from_env(env).models_registry
    try:
        data = tomllib.loads(source.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigurationError(
            detail=f"registre des modèles introuvable : {source} (voir ATYPIE_MODELS_REGISTRY)") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigurationError(detail=f"registre des modèles illisible ({source}) : {exc}") from None
    entries = tuple(_entry(raw, source) for raw in data.get("model", []))
    ids = [entry.id for entry in entries]
    if len(ids) != len(set(ids)):
        raise ConfigurationError(detail=f"identifiant de modèle en double dans {source}")
    defaults = dict(data.get("defaults", {}))
    for mode, model_id in defaults.items():
        if mode not in MODES or model_id not in ids:
            raise ConfigurationError(detail=f"défaut « {mode} = {model_id} » invalide dans {source}")
    return Registry(entries, defaults, source)


def _entry(raw: dict, source: Path) -> ModelEntry:
    known = {f.name for f in fields(ModelEntry)} - {"base"}
    where = f"modèle « {raw.get('id', '?')} » de {source}"
    if set(raw) - known:
        raise ConfigurationError(detail=f"{where} : clés inconnues {sorted(set(raw) - known)}")
    try:
        entry = ModelEntry(**{**raw, "modes": tuple(raw.get("modes", ())), "base": source.parent})
    except TypeError as exc:
        raise ConfigurationError(detail=f"{where} : {exc}") from None
    problems = [
        ("identifiant invalide", not _ID.match(entry.id)),
        (f"pipeline inconnu (possibles : {', '.join(PIPELINES)})", entry.pipeline not in PIPELINES),
        ("modes incompatibles avec le pipeline", not entry.modes or not set(entry.modes) <= set(
            PIPELINES.get(entry.pipeline, ()))),
        ("licence et usage prévu obligatoires", not entry.licence.strip() or not entry.intended_use.strip()),
        ("il faut une variable (env) ou un dossier (path)", not (entry.env or entry.path)),
        (f"contrôle inconnu (possibles : {', '.join(CONTROLS)})", entry.control not in CONTROLS),
        (f"taille entre {MIN_SIZE} et {MAX_SIZE}, multiple de 8", not valid_size(entry.size)),
        ("steps entre 1 et 200", not 1 <= entry.steps <= 200),
    ]
    for problem, failed in problems:
        if failed:
            raise ConfigurationError(detail=f"{where} : {problem}")
    return entry


def valid_size(size: object) -> bool:
    return isinstance(size, int) and not isinstance(size, bool) and MIN_SIZE <= size <= MAX_SIZE and size % 8 == 0


def resolve(model: str | Path, *, registry: Registry | None = None,
            env: Mapping[str, str] | None = None) -> InstalledModel:
    """A registry id, or the operator's own local pipeline folder (one holding model_index.json), checked to be
    installed. Raises UnknownModel, ModelNotInstalled (exit 4) or InvalidInput."""
    env = os.environ if env is None else env
    text = str(model)
    if isinstance(model, Path) or "/" in text or os.sep in text or text.startswith(("~", ".")):
        return _local_folder(Path(text).expanduser())
    return locate((registry or load_registry(env=env)).get(text), env)


def locate(entry: ModelEntry, env: Mapping[str, str] | None = None) -> InstalledModel:
    """The installed folder(s) of a registry entry, else ModelNotInstalled naming the variable to set."""
    env = os.environ if env is None else env
    folder = _installed(entry, entry.env, entry.path, "model_index.json", env)
    controlnet = None
    if entry.controlnet_env or entry.controlnet_path:
        controlnet = _installed(entry, entry.controlnet_env, entry.controlnet_path, "config.json", env)
    return InstalledModel(entry, folder, controlnet)


def _installed(entry: ModelEntry, variable: str | None, default: str | None, marker: str,
               env: Mapping[str, str]) -> Path:
    """The folder `variable` names, else `default`; relative paths are read from the registry's folder."""
    value = env.get(variable) if variable else None
    if not value and default:
        value = default.replace("$ATYPIE_HOME", str(Settings.from_env(dict(env)).home))
    shown = variable or "(aucune variable)"
    if not value:
        raise ModelNotInstalled(model=entry.id, detail=f"la variable {shown} n'est pas définie", env=shown)
    folder = Path(value).expanduser()
    folder = entry.base / folder if entry.base else folder
    if not folder.is_dir():
        raise ModelNotInstalled(model=entry.id, detail=f"dossier absent : {folder}", env=shown)
    if not (folder / marker).is_file():
        raise ModelNotInstalled(model=entry.id, detail=f"le dossier {folder} ne contient pas {marker}", env=shown)
    return folder.resolve()


def _local_folder(folder: Path) -> InstalledModel:
    if not folder.is_dir():
        raise InvalidInput(detail=f"« {folder} » n'est pas un dossier de modèle : indiquez un dossier local")
    try:
        index = json.loads((folder / "model_index.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise InvalidInput(detail=f"le dossier « {folder} » n'a pas de model_index.json lisible : "
                                  "enregistrez-y le pipeline avec save_pretrained") from None
    pipeline = index.get("_class_name")
    if pipeline not in PIPELINES:
        raise InvalidInput(detail=f"pipeline « {pipeline} » non pris en charge (possibles : {', '.join(PIPELINES)})")
    folder = folder.resolve()
    entry = ModelEntry(id=str(folder), name=folder.name, pipeline=pipeline, modes=PIPELINES[pipeline],
                       licence="à vérifier : dossier local choisi par l'exploitant",
                       intended_use="dossier local choisi par l'exploitant", path=str(folder),
                       size=_native_size(folder), source=str(folder))
    return InstalledModel(entry, folder)


def _native_size(folder: Path) -> int:
    """The pipeline's own picture size: the UNet's sample size times the VAE's scale factor (512 if unreadable)."""
    try:
        unet = json.loads((folder / "unet" / "config.json").read_text(encoding="utf-8"))
        vae = json.loads((folder / "vae" / "config.json").read_text(encoding="utf-8"))
        size = int(unet["sample_size"]) * 2 ** (len(vae["block_out_channels"]) - 1)
    except (OSError, ValueError, KeyError, TypeError):
        return 512
    return min(max(size // 8 * 8, MIN_SIZE), MAX_SIZE)
