"""`atypie profiles …`: staff manage accessibility profiles."""
from __future__ import annotations

from argparse import Namespace

from ..errors import ProfileNotFound
from ..ids import check_identifier
from ..profiles.presets import load_preset, preset_names
from ..profiles.settings import apply_settings
from ..store import open_store
from .output import emit, json_flag, say


def register(commands) -> None:
    group = commands.add_parser("profiles", help="profils d'accessibilité / accessibility profiles")
    sub = group.add_subparsers(metavar="ACTION", required=True, parser_class=type(group))
    j = [json_flag()]

    sub.add_parser("list", parents=j, help="lister les profils").set_defaults(handler=list_profiles)
    sub.add_parser("presets", parents=j, help="lister les modèles de profil").set_defaults(handler=list_presets)

    show = sub.add_parser("show", parents=j, help="afficher un profil")
    show.add_argument("id")
    show.set_defaults(handler=show_profile)

    create = sub.add_parser("create", parents=j, help="créer un profil à partir d'un modèle")
    create.add_argument("id")
    create.add_argument("--from", dest="preset", default="standard", help="modèle de départ (défaut : standard)")
    create.add_argument("--set", dest="settings", action="append", default=[], metavar="CLÉ=VALEUR")
    create.set_defaults(handler=create_profile)

    edit = sub.add_parser("update", parents=j, help="modifier les réglages d'un profil")
    edit.add_argument("id")
    edit.add_argument("--set", dest="settings", action="append", required=True, metavar="CLÉ=VALEUR")
    edit.add_argument("--expect-version", type=int, help="refuser si le profil a changé depuis cette version")
    edit.set_defaults(handler=update_profile)

    allow = sub.add_parser("allow-images", parents=j, help="autoriser la création d'images (personnel)")
    allow.add_argument("id")
    allow.add_argument("--reason", required=True, help="raison de l'autorisation")
    allow.add_argument("--by", required=True, help="compte du personnel qui autorise")
    allow.add_argument("--quota", type=int, default=10, help="images par jour (défaut : 10)")
    allow.set_defaults(handler=allow_images)

    revoke = sub.add_parser("revoke-images", parents=j, help="retirer la création d'images")
    revoke.add_argument("id")
    revoke.add_argument("--by", help="compte du personnel qui retire le droit")
    revoke.set_defaults(handler=revoke_images)

    remove = sub.add_parser("delete", help="supprimer un profil et ses codes d'accès")
    remove.add_argument("id")
    remove.set_defaults(handler=delete_profile)


def list_profiles(args: Namespace) -> None:
    with open_store() as store:
        stored = store.profiles.list()
    images = say(args, "images autorisées", "images allowed")
    presets = ", ".join(preset_names())
    emit(args, [s.to_dict() for s in stored],
         [f"{s.id}\t{s.profile.label}\t(v{s.version}{', ' + images if s.profile.image_generation.allowed else ''})"
          for s in stored] or [say(args, "Aucun profil enregistré.", "No stored profile.")]
         + ["", say(args, f"Modèles de profil, utilisables tels quels avec --profile : {presets} "
                          "(détails : atypie profiles presets).",
                    f"Profile presets, usable as they are with --profile: {presets} (details: atypie profiles presets).")])


def list_presets(args: Namespace) -> None:
    presets = [load_preset(name) for name in preset_names()]
    emit(args, [p.model_dump(mode="json") for p in presets], [f"{p.id}\t{p.label}" for p in presets])


def show_profile(args: Namespace) -> None:
    """A stored profile; else the shipped preset of that name, said to be one."""

    profile_id = check_identifier(args.id)
    with open_store() as store:
        try:
            stored = store.profiles.get(profile_id)
        except ProfileNotFound:
            if profile_id not in preset_names():
                raise
            preset = load_preset(profile_id)
            emit(args, {"preset": True, "profile": preset.model_dump(mode="json")},
                 [say(args, f"« {profile_id} » est un modèle de profil, non enregistré : il s'utilise tel quel avec "
                            f"--profile {profile_id}, ou sert de départ à « atypie profiles create ID --from "
                            f"{profile_id} ».",
                      f"“{profile_id}” is a profile preset, not stored: use it as it is with --profile {profile_id}, "
                      f"or start from it with “atypie profiles create ID --from {profile_id}”."),
                  *_settings_lines(args, preset)])
            return
    _emit_profile(args, stored)


def create_profile(args: Namespace) -> None:
    profile = apply_settings(load_preset(args.preset, check_identifier(args.id)), args.settings)
    with open_store() as store:
        stored = store.profiles.create(profile, actor="cli")
    _emit_profile(args, stored, say(args, "Profil créé.", "Profile created."))


def update_profile(args: Namespace) -> None:
    with open_store() as store:
        current = store.profiles.get(check_identifier(args.id))
        expected = current.version if args.expect_version is None else args.expect_version
        changed = apply_settings(current.profile, args.settings)
        stored = store.profiles.update(changed, expected_version=expected, actor="cli")
    _emit_profile(args, stored, say(args, "Profil modifié.", "Profile updated."))


def allow_images(args: Namespace) -> None:
    with open_store() as store:
        stored = store.profiles.allow_images(check_identifier(args.id), reason=args.reason,
                                             approved_by=check_identifier(args.by), daily_quota=args.quota)
    _emit_profile(args, stored, say(args, "Création d'images autorisée.", "Image generation allowed."))


def revoke_images(args: Namespace) -> None:
    actor = check_identifier(args.by) if args.by is not None else "cli"
    with open_store() as store:
        stored = store.profiles.revoke_images(check_identifier(args.id), actor=actor)
    _emit_profile(args, stored, say(args, "Création d'images retirée.", "Image generation revoked."))


def delete_profile(args: Namespace) -> None:
    with open_store() as store:
        store.profiles.delete(check_identifier(args.id), actor="cli")
    print(say(args, f"Profil « {args.id} » supprimé.", f"Profile “{args.id}” deleted."))


def _emit_profile(args: Namespace, stored, headline: str | None = None) -> None:
    p = stored.profile
    grant = p.image_generation
    images = (say(args, f"oui, {grant.daily_quota} par jour (raison : {grant.reason} ; par {grant.approved_by})",
                  f"yes, {grant.daily_quota} a day (reason: {grant.reason}; by {grant.approved_by})")
              if grant.allowed else say(args, "non", "no"))
    lines = [headline] if headline else []
    lines += [f"{p.id} — {p.label} (version {stored.version})", *_settings_lines(args, p),
              f"  {say(args, 'création d’images', 'image generation')}: {images}"]
    emit(args, stored.to_dict(), lines)


def _settings_lines(args: Namespace, p) -> list[str]:
    return [
        f"  langue / language: {p.language}",
        f"  texte / text: {p.text.model_dump()}",
        f"  affichage / display: {p.display.model_dump()}",
        f"  schémas / diagrams: {p.diagram.model_dump()}",
        f"  descriptions: {p.description.depth}",
    ]
