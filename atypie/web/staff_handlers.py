"""What the staff page does, as plain methods (no Gradio). Every action but signing in takes the session's
credential (its token and the browser's cookie) and checks it on the server first (`LoginRequired` otherwise);
the staff name it maps to is the actor written to the audit log and the approver of image-generation grants."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime

from ..api import import_glossary
from ..errors import BadCredentials, InvalidInput, InvalidSetting
from ..falc.course_glossary import MAX_BYTES
from ..ids import check_identifier
from ..profiles.presets import load_preset
from ..profiles.settings import apply_settings, setting_keys
from ..store import Store
from . import views
from .downloads import Downloads
from .i18n import t
from .sessions import LoginThrottle, Sessions, StaffCredential


@dataclass(frozen=True)
class SettingsText:
    """A profile's settings as editable `key = value` lines, and the version they were read at."""
    text: str
    version: int


@dataclass(frozen=True)
class Report:
    table_html: str
    files: list[str]


class StaffDesk:
    def __init__(self, store: Store, sessions: Sessions, throttle: LoginThrottle | None = None) -> None:
        self.store = store
        self.sessions = sessions
        self.throttle = throttle or LoginThrottle(store)

    # --- session ------------------------------------------------------------------------------------
    def login(self, name: str, password: str, *, binding: str | None, client: str = "") -> StaffCredential:
        """A new session for valid credentials, tied to the browser known by `binding` (its signed cookie);
        `BadCredentials` otherwise, `TooManyAttempts` while this client or the name is locked out."""
        name = (name or "").strip()
        attempt = self.throttle.begin(name, client)
        try:
            account = self.store.staff.authenticate(name, password or "")
        except BadCredentials:
            self.throttle.failed(attempt)
            raise
        except BaseException:
            self.throttle.abandon(attempt)
            raise
        self.throttle.succeeded(attempt)
        return self.sessions.open(account.name, binding)

    def logout(self, credential: StaffCredential) -> None:
        self.sessions.close(credential)

    def who(self, credential: StaffCredential) -> str:
        return self.sessions.require(credential)

    # --- profiles -----------------------------------------------------------------------------------
    def profile_ids(self, credential: StaffCredential) -> list[str]:
        self.sessions.require(credential)
        return [stored.id for stored in self.store.profiles.list()]

    def profiles_table(self, credential: StaffCredential, lang: str) -> str:
        self.sessions.require(credential)
        rows = []
        for stored in self.store.profiles.list():
            grant = stored.profile.image_generation
            rows.append([stored.id, stored.profile.label or t("value.none", lang),
                         stored.profile.preset or t("value.none", lang), stored.version,
                         grant.daily_quota if grant.allowed else t("value.no", lang), f"{stored.updated_at:%Y-%m-%d}"])
        headers = [t(k, lang) for k in ("col.id", "col.label", "col.preset", "col.version", "col.images",
                                        "col.updated")]
        return views.table(t("table.profiles", lang), headers, rows)

    def create_profile(self, credential: StaffCredential, profile_id: str, preset: str, label: str) -> str:
        actor = self.sessions.require(credential)
        profile = load_preset(preset or "standard", check_identifier((profile_id or "").strip()))
        if label and label.strip():
            profile = apply_settings(profile, [f"label={json.dumps(label.strip(), ensure_ascii=False)}"])
        return self.store.profiles.create(profile, actor=actor).id

    def delete_profile(self, credential: StaffCredential, profile_id: str, confirmed: bool, lang: str) -> None:
        actor = self.sessions.require(credential)
        if not confirmed:
            raise InvalidInput(detail=t("delete.unconfirmed", lang))
        self.store.profiles.delete(profile_id or "", actor=actor)

    # --- settings -----------------------------------------------------------------------------------
    def read_settings(self, credential: StaffCredential, profile_id: str, lang: str) -> SettingsText:
        self.sessions.require(credential)
        stored = self.store.profiles.get(profile_id or "")
        data = stored.profile.model_dump(mode="json")
        lines = []
        for key in setting_keys():
            section, _, name = key.partition(".")
            value = data[section][name] if name else data[section]
            lines.append(f"{key} = {_shown(value, lang)}")
        return SettingsText("\n".join(lines), stored.version)

    def save_settings(self, credential: StaffCredential, profile_id: str, text: str, version: int | float | None,
                      lang: str) -> int:
        """Apply the `key = value` lines; refused with `StaleProfile` when someone saved in between."""
        actor = self.sessions.require(credential)
        stored = self.store.profiles.get(profile_id or "")
        assignments = []
        for line in (text or "").splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            key, sep, value = line.partition("=")
            if not sep:
                raise InvalidSetting(key=line[:60], detail=t("settings.bad_line", lang, line=line[:60]))
            assignments.append(f"{key.strip()}={value.strip()}")
        profile = apply_settings(stored.profile, assignments)
        expected = int(version) if version is not None else stored.version
        return self.store.profiles.update(profile, expected_version=expected, actor=actor).version

    # --- image generation ---------------------------------------------------------------------------
    def allow_images(self, credential: StaffCredential, profile_id: str, reason: str, quota: int | float | None) -> int:
        approver = self.sessions.require(credential)
        daily = int(quota or 0)
        self.store.profiles.allow_images(profile_id or "", reason=reason or "", approved_by=approver,
                                         daily_quota=daily)
        return daily

    def revoke_images(self, credential: StaffCredential, profile_id: str) -> None:
        actor = self.sessions.require(credential)
        self.store.profiles.revoke_images(profile_id or "", actor=actor)

    # --- access codes -------------------------------------------------------------------------------
    def issue_code(self, credential: StaffCredential, profile_id: str, expires_days: int | float | None,
                   pseudonym: str | None) -> str:
        """A new code for the profile; the secret is returned here once and never stored."""
        actor = self.sessions.require(credential)
        days = int(expires_days) if expires_days else None
        issued = self.store.codes.issue(profile_id or "", expires_days=days,
                                        pseudonym=(pseudonym or "").strip() or None, actor=actor)
        return issued.code

    def revoke_code(self, credential: StaffCredential, code_or_id: str) -> str:
        actor = self.sessions.require(credential)
        return self.store.codes.revoke((code_or_id or "").strip(), actor=actor).id

    def codes_table(self, credential: StaffCredential, profile_id: str, lang: str) -> str:
        self.sessions.require(credential)
        now = datetime.now(UTC)
        rows = []
        for code in self.store.codes.for_profile(profile_id or ""):
            state = ("state.revoked" if code.revoked_at else
                     "state.expired" if code.expires_at and code.expires_at <= now else "state.active")
            rows.append([code.id, code.pseudonym or t("value.none", lang), f"{code.created_at:%Y-%m-%d}",
                         f"{code.expires_at:%Y-%m-%d}" if code.expires_at else t("value.none", lang), t(state, lang)])
        headers = [t(k, lang) for k in ("col.id", "col.pseudonym", "col.created", "col.expires", "col.state")]
        return views.table(t("table.codes", lang, profile_id=profile_id), headers, rows)

    # --- course glossary ----------------------------------------------------------------------------
    def import_glossary(self, credential: StaffCredential, profile_id: str, path: str | None, course: str | None,
                        lang: str) -> int:
        """Attach the uploaded glossary file (CSV or TOML, checked) to the profile, or to its course."""
        from pathlib import Path

        actor = self.sessions.require(credential)
        if not path:
            raise InvalidInput(detail=t("glossary.no_file", lang))
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
        return import_glossary(data, Path(path).name, profile_id or "", store=self.store, course=course,
                               actor=actor)

    def glossary_table(self, credential: StaffCredential, profile_id: str, lang: str) -> str:
        self.sessions.require(credential)
        self.store.profiles.get(profile_id or "")
        rows = [[g.term, g.definition, g.course or t("value.none", lang)]
                for g in self.store.glossaries.list(profile_id)]
        headers = [t(k, lang) for k in ("col.term", "col.definition", "col.course")]
        return views.table(t("table.glossary", lang, profile_id=profile_id), headers, rows)

    # --- usage and energy ---------------------------------------------------------------------------
    def usage_report(self, credential: StaffCredential, since: str | None, lang: str) -> Report:
        self.sessions.require(credential)
        try:
            start = date.fromisoformat(since.strip()) if since and since.strip() else None
        except ValueError:
            raise InvalidInput(detail=t("usage.bad_date", lang)) from None
        report = self.store.usage.report(since=start)
        keys = ("col.operation", "col.profile", "col.requests", "col.refused", "col.wall", "col.cpu", "col.gpu",
                "col.energy")
        rows = [[r.operation, r.profile_id or t("value.none", lang), r.requests, r.refused, f"{r.wall_s:.1f}",
                 f"{r.cpu_s:.1f}", f"{r.gpu_s:.1f}", f"{r.energy_wh:.2f}"] for r in report.rows]
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["operation", "profile_id", "requests", "refused", "wall_s", "cpu_s", "gpu_s", "energy_wh"])
        writer.writerows([r.operation, r.profile_id or "", r.requests, r.refused, r.wall_s, r.cpu_s, r.gpu_s,
                          r.energy_wh] for r in report.rows)
        files = Downloads()
        files.add("consommation.csv", buffer.getvalue())
        files.add("consommation.json", json.dumps(report.to_dict(), ensure_ascii=False, indent=2, default=str))
        return Report(views.table(t("table.usage", lang), [t(k, lang) for k in keys], rows), files.paths)


def _shown(value: object, lang: str) -> str:
    """A setting's value as `apply_settings` reads it back: oui/non, numbers, quoted strings."""
    if isinstance(value, bool):
        return t("value.yes" if value else "value.no", lang)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return json.dumps(value)
