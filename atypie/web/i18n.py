"""Every string of the web interface, in French (the default) and English, and the language switch."""
from __future__ import annotations

import json

from ..config import LANGUAGES
from ..language.analysis import MAX_CHARS

_TEXT_LIMIT = {"fr": f"{MAX_CHARS:,}".replace(",", "\u202f"), "en": f"{MAX_CHARS:,}"}  # "300 000", "300,000"

DEFAULT_LANG = "fr"

STRINGS: dict[str, dict[str, str]] = {
    # --- shared ---------------------------------------------------------------------------------------
    "error.title": {"fr": "Erreur", "en": "Error"},
    "error.generic": {"fr": "Erreur interne (réf. {ref}). Réessayez ; si elle revient, "
                            "signalez-la au service handicap en donnant cette référence.",
                      "en": "Internal error (ref. {ref}). Try again; if it happens again, "
                            "report it to the disability service with this reference."},
    "files.label": {"fr": "Fichiers à télécharger", "en": "Files to download"},
    "notices.heading": {"fr": "À savoir", "en": "Good to know"},
    "preview.unavailable": {
        "fr": "L'aperçu ne peut pas être affiché. Le résultat est dans les fichiers à télécharger.",
        "en": "The preview cannot be shown. The result is in the files to download."},
    # --- students -------------------------------------------------------------------------------------
    "student.title": {"fr": "atypie : adapter vos supports de cours", "en": "atypie: adapt your course material"},
    "student.intro": {
        "fr": "# atypie : adapter vos supports de cours\n\natypie rend vos cours plus faciles à lire : texte en "
              "français facile (FALC), schémas, descriptions d'images. Votre profil d'accessibilité est créé par "
              "le service handicap de votre établissement.",
        "en": "# atypie: adapt your course material\n\natypie makes your course material easier to read: "
              "plain-language text, diagrams, image descriptions. Your accessibility profile is set up by your "
              "institution's disability service."},
    "profile.heading": {"fr": "## Votre profil", "en": "## Your profile"},
    "code.label": {"fr": "Code d'accès (donné par le service handicap)",
                   "en": "Access code (given by the disability service)"},
    "code.placeholder": {"fr": "Par exemple : 7K3Q-…", "en": "For example: 7K3Q-…"},
    "code.use": {"fr": "Utiliser ce code", "en": "Use this code"},
    "code.standard": {"fr": "Continuer avec le profil standard", "en": "Continue with the standard profile"},
    "profile.standard": {"fr": "Vous utilisez le profil standard (sans code d'accès).",
                         "en": "You are using the standard profile (no access code)."},
    "profile.coded": {"fr": "Votre code est valable. Profil : {label}.", "en": "Your code is valid. Profile: {label}."},
    "profile.images": {"fr": "La création d'images est ouverte pour vous ({left} image(s) aujourd'hui).",
                       "en": "Image generation is open to you ({left} image(s) left today)."},
    "tab.simplify": {"fr": "Simplifier un texte", "en": "Simplify a text"},
    "tab.diagram": {"fr": "Texte → schéma", "en": "Text → diagram"},
    "tab.describe": {"fr": "Image → texte", "en": "Image → text"},
    "tab.illustrate": {"fr": "Schéma → image", "en": "Diagram → image"},
    "text.label": {"fr": "Texte du cours", "en": "Course text"},
    "text.placeholder": {"fr": "Collez votre texte ici.", "en": "Paste your text here."},
    "text.upload": {"fr": f"Ou envoyez un fichier texte (.txt ou .md, {_TEXT_LIMIT['fr']} caractères au plus)",
                    "en": f"Or send a text file (.txt or .md, {_TEXT_LIMIT['en']} characters at most)"},
    "simplify.button": {"fr": "Simplifier", "en": "Simplify"},
    "simplify.result": {"fr": "Texte simplifié", "en": "Plain version"},
    "simplify.diff": {"fr": "Ce qui a changé", "en": "What changed"},
    "diagram.kind": {"fr": "Type de schéma", "en": "Kind of diagram"},
    "kind.auto": {"fr": "Choisi automatiquement", "en": "Chosen automatically"},
    "kind.process": {"fr": "Processus (étapes)", "en": "Process (steps)"},
    "kind.hierarchy": {"fr": "Classification", "en": "Classification"},
    "kind.concept_map": {"fr": "Carte de notions", "en": "Concept map"},
    "kind.cause_effect": {"fr": "Causes et effets", "en": "Causes and effects"},
    "kind.timeline": {"fr": "Frise chronologique", "en": "Timeline"},
    "kind.comparison": {"fr": "Comparaison", "en": "Comparison"},
    "diagram.button": {"fr": "Faire le schéma", "en": "Make the diagram"},
    "diagram.description": {"fr": "Description du schéma", "en": "Description of the diagram"},
    "diagram.outline": {"fr": "Plan du schéma", "en": "Outline of the diagram"},
    "image.label": {"fr": "Image à décrire (PNG, JPEG, WebP, GIF, SVG ou PDF ; 20 Mo au plus)",
                    "en": "Image to describe (PNG, JPEG, WebP, GIF, SVG or PDF; 20 MB at most)"},
    "describe.button": {"fr": "Décrire l'image", "en": "Describe the image"},
    "describe.alt": {"fr": "Texte alternatif (court)", "en": "Alternative text (short)"},
    "describe.description": {"fr": "Description de l'image", "en": "Description of the image"},
    "describe.text": {"fr": "Texte lu dans l'image", "en": "Text read in the image"},
    "describe.method": {"fr": "Lu par : {method} ; confiance : {confidence} %.",
                        "en": "Read by: {method}; confidence: {confidence}%."},
    "illustrate.intro": {
        "fr": "atypie fait d'abord le schéma de votre texte, puis crée une image à partir de ce schéma. "
              "Ce droit est ouvert par le service handicap, avec un nombre d'images par jour.",
        "en": "atypie first makes the diagram of your text, then creates an image from that diagram. "
              "The disability service opens this right, with a number of images per day."},
    "illustrate.button": {"fr": "Créer l'image", "en": "Create the image"},
    "illustrate.mode": {"fr": "Type d'image", "en": "Kind of image"},
    "mode.nodes": {"fr": "Une petite image par notion", "en": "A small picture for each notion"},
    "mode.layout": {"fr": "Une image pour tout le schéma", "en": "One picture for the whole diagram"},
    "illustrate.alt_fr": {"fr": "Texte alternatif en français", "en": "Alternative text in French"},
    "illustrate.alt_en": {"fr": "Texte alternatif en anglais", "en": "Alternative text in English"},
    "tab.document": {"fr": "Document → document adapté", "en": "Document → adapted document"},
    "document.label": {"fr": "Document de cours (PDF, DOCX, ODT, PPTX, Markdown ou HTML ; 50 Mo au plus)",
                       "en": "Course document (PDF, DOCX, ODT, PPTX, Markdown or HTML; 50 MB at most)"},
    "document.formats": {"fr": "Formats des fichiers adaptés", "en": "Formats of the adapted files"},
    "document.button": {"fr": "Adapter le document", "en": "Adapt the document"},
    "document.result": {"fr": "Document adapté", "en": "Adapted document"},
    "document.summary": {
        "fr": "{blocks} paragraphes et éléments de liste lus, {changed} simplifiés ; {unexplained} mots encore à "
              "expliquer ; {figures} images, dont {described} décrites par atypie.",
        "en": "{blocks} paragraphs and list items read, {changed} simplified; {unexplained} words still to explain; "
              "{figures} images, {described} of them described by atypie."},
    "progress.read": {"fr": "Lecture du document", "en": "Reading the document"},
    "progress.text": {"fr": "Simplification du texte", "en": "Simplifying the text"},
    "progress.diagrams": {"fr": "Schémas des sections", "en": "Diagrams of the sections"},
    "progress.figures": {"fr": "Description des images ({done} sur {total})",
                         "en": "Describing the images ({done} of {total})"},
    "progress.write": {"fr": "Écriture des fichiers ({done} sur {total})",
                       "en": "Writing the files ({done} of {total})"},
    "upload.too_big": {"fr": "il pèse {size} octets, le maximum est {limit} octets",
                       "en": "it weighs {size} bytes, the maximum is {limit} bytes"},
    "upload.not_text": {"fr": "ce n'est pas un fichier texte lisible ; envoyez un fichier .txt ou .md en UTF-8",
                        "en": "this is not a readable text file; send a .txt or .md file in UTF-8"},
    "upload.empty": {"fr": "aucun fichier n'a été reçu", "en": "no file was received"},
    # Gradio's drop zone speaks the browser's language; these follow the page's (`gradio_compat.on_load_js`).
    "dropzone.drop": {"fr": "Déposez le fichier ici", "en": "Drop the file here"},
    "dropzone.or": {"fr": "- ou -", "en": "- or -"},
    "dropzone.click": {"fr": "Cliquez pour le choisir", "en": "Click to choose it"},
    "dropzone.button": {"fr": "Choisir un fichier ou le déposer ici", "en": "Choose a file or drop it here"},
    "dropzone.input": {"fr": "Envoi de fichier", "en": "File upload"},
    "refused.no_code": {"fr": "sans code d'accès, la création d'images n'est pas possible",
                        "en": "without an access code, image generation is not possible"},
    # --- staff ----------------------------------------------------------------------------------------
    "staff.title": {"fr": "atypie : espace du service handicap", "en": "atypie: disability-service area"},
    "staff.intro": {
        "fr": "# atypie : espace du service handicap\n\nGérez les profils d'accessibilité, les codes d'accès des "
              "étudiants et le droit à la création d'images. Un profil décrit des aménagements, jamais un "
              "diagnostic.",
        "en": "# atypie: disability-service area\n\nManage accessibility profiles, students' access codes and the "
              "image-generation right. A profile describes accommodations, never a diagnosis."},
    "login.heading": {"fr": "## Connexion", "en": "## Sign in"},
    "login.name": {"fr": "Nom du compte", "en": "Account name"},
    "login.password": {"fr": "Mot de passe", "en": "Password"},
    "login.button": {"fr": "Se connecter", "en": "Sign in"},
    "logout.button": {"fr": "Se déconnecter", "en": "Sign out"},
    "login.done": {"fr": "Connecté·e en tant que {name}.", "en": "Signed in as {name}."},
    "logout.done": {"fr": "Vous êtes déconnecté·e.", "en": "You are signed out."},
    "workspace.heading": {"fr": "## Profils et droits", "en": "## Profiles and rights"},
    "profile.select": {"fr": "Profil sélectionné", "en": "Selected profile"},
    "profiles.refresh": {"fr": "Actualiser", "en": "Refresh"},
    "staff.tab.profiles": {"fr": "Profils", "en": "Profiles"},
    "staff.tab.settings": {"fr": "Réglages", "en": "Settings"},
    "staff.tab.images": {"fr": "Création d'images", "en": "Image generation"},
    "staff.tab.codes": {"fr": "Codes d'accès", "en": "Access codes"},
    "staff.tab.usage": {"fr": "Consommation et énergie", "en": "Usage and energy"},
    "create.id": {"fr": "Identifiant du nouveau profil (minuscules, chiffres, - ou _)",
                  "en": "Identifier of the new profile (lowercase, digits, - or _)"},
    "create.preset": {"fr": "Modèle de départ", "en": "Starting preset"},
    "create.label": {"fr": "Nom affiché (facultatif)", "en": "Display name (optional)"},
    "create.button": {"fr": "Créer le profil", "en": "Create the profile"},
    "create.done": {"fr": "Profil « {profile_id} » créé.", "en": "Profile “{profile_id}” created."},
    "delete.confirm": {"fr": "Je confirme la suppression du profil sélectionné",
                       "en": "I confirm deleting the selected profile"},
    "delete.button": {"fr": "Supprimer le profil", "en": "Delete the profile"},
    "delete.unconfirmed": {"fr": "cochez d'abord la case de confirmation", "en": "tick the confirmation box first"},
    "delete.done": {"fr": "Profil « {profile_id} » supprimé.", "en": "Profile “{profile_id}” deleted."},
    "settings.load": {"fr": "Afficher les réglages", "en": "Show the settings"},
    "settings.text": {"fr": "Réglages (une ligne « clé = valeur »)", "en": "Settings (one “key = value” line each)"},
    "settings.version": {"fr": "Version lue", "en": "Version read"},
    "settings.save": {"fr": "Enregistrer les réglages", "en": "Save the settings"},
    "settings.done": {"fr": "Réglages enregistrés (version {version}).", "en": "Settings saved (version {version})."},
    "settings.bad_line": {"fr": "la ligne « {line} » n'a pas la forme clé = valeur",
                          "en": "the line “{line}” is not of the form key = value"},
    "settings.info": {"fr": "Une ligne par réglage, par exemple : display.font_size_px = 20 ; oui ou non pour les "
                            "cases à cocher.",
                      "en": "One line per setting, for example: display.font_size_px = 20; yes or no for on/off "
                            "settings."},
    "settings.keys": {"fr": "Réglages possibles", "en": "Possible settings"},
    "images.reason": {"fr": "Raison de l'autorisation (obligatoire)", "en": "Reason for the grant (required)"},
    "images.quota": {"fr": "Nombre d'images par jour (1 à 200)", "en": "Images per day (1 to 200)"},
    "images.allow": {"fr": "Autoriser la création d'images", "en": "Allow image generation"},
    "images.revoke": {"fr": "Retirer l'autorisation", "en": "Revoke the right"},
    "images.allowed": {"fr": "Création d'images autorisée pour « {profile_id} » ({quota} par jour).",
                       "en": "Image generation allowed for “{profile_id}” ({quota} per day)."},
    "images.revoked": {"fr": "Création d'images retirée pour « {profile_id} ».",
                       "en": "Image generation revoked for “{profile_id}”."},
    "codes.expires": {"fr": "Validité en jours (0 : sans limite)", "en": "Valid for days (0: no limit)"},
    "codes.pseudonym": {"fr": "Pseudonyme (facultatif, sans nom réel)", "en": "Pseudonym (optional, no real name)"},
    "codes.issue": {"fr": "Créer un code d'accès", "en": "Create an access code"},
    "codes.new": {"fr": "Nouveau code : notez-le maintenant, il ne sera plus jamais affiché",
                  "en": "New code: write it down now, it will never be shown again"},
    "codes.list": {"fr": "Afficher les codes du profil", "en": "Show the profile's codes"},
    "codes.revoke_id": {"fr": "Code ou identifiant (ac-…) à désactiver", "en": "Code or identifier (ac-…) to revoke"},
    "codes.revoke": {"fr": "Désactiver le code", "en": "Revoke the code"},
    "codes.revoked": {"fr": "Code {code_id} désactivé.", "en": "Code {code_id} revoked."},
    "usage.since": {"fr": "Depuis le (AAAA-MM-JJ, facultatif)", "en": "Since (YYYY-MM-DD, optional)"},
    "usage.button": {"fr": "Afficher le rapport", "en": "Show the report"},
    "usage.bad_date": {"fr": "la date doit avoir la forme AAAA-MM-JJ", "en": "the date must look like YYYY-MM-DD"},
    "staff.tab.glossary": {"fr": "Glossaire du cours", "en": "Course glossary"},
    "glossary.help": {"fr": "Fichier CSV (en-tête « terme;définition ») ou TOML (table [termes]). Il remplace le "
                              "glossaire du profil, ou celui du cours nommé. Les définitions sont lues comme du texte.",
                      "en": "CSV file (header “term,definition”) or TOML (table [termes]). It replaces the profile's "
                            "glossary, or the named course's. Definitions are read as plain text."},
    "glossary.file": {"fr": "Fichier du glossaire (.csv, .txt ou .toml)", "en": "Glossary file (.csv, .txt or .toml)"},
    "glossary.course": {"fr": "Cours (facultatif)", "en": "Course (optional)"},
    "glossary.import": {"fr": "Attacher le glossaire au profil", "en": "Attach the glossary to the profile"},
    "glossary.list": {"fr": "Afficher les termes", "en": "Show the terms"},
    "glossary.done": {"fr": "{count} terme(s) attaché(s) au profil « {profile_id} ».",
                      "en": "{count} term(s) attached to profile “{profile_id}”."},
    "glossary.no_file": {"fr": "choisissez d'abord un fichier de glossaire", "en": "choose a glossary file first"},
    "table.glossary": {"fr": "Glossaire du profil « {profile_id} »", "en": "Glossary of profile “{profile_id}”"},
    "col.term": {"fr": "Terme", "en": "Term"},
    "col.definition": {"fr": "Définition", "en": "Definition"},
    "col.course": {"fr": "Cours", "en": "Course"},
    # --- tables ---------------------------------------------------------------------------------------
    "table.profiles": {"fr": "Profils enregistrés", "en": "Stored profiles"},
    "table.codes": {"fr": "Codes d'accès du profil « {profile_id} »", "en": "Access codes of profile “{profile_id}”"},
    "table.usage": {"fr": "Consommation par opération et par profil", "en": "Usage by operation and profile"},
    "col.id": {"fr": "Identifiant", "en": "Identifier"},
    "col.label": {"fr": "Nom affiché", "en": "Display name"},
    "col.preset": {"fr": "Modèle", "en": "Preset"},
    "col.version": {"fr": "Version", "en": "Version"},
    "col.images": {"fr": "Images par jour", "en": "Images per day"},
    "col.updated": {"fr": "Modifié le", "en": "Updated"},
    "col.pseudonym": {"fr": "Pseudonyme", "en": "Pseudonym"},
    "col.created": {"fr": "Créé le", "en": "Created"},
    "col.expires": {"fr": "Expire le", "en": "Expires"},
    "col.state": {"fr": "État", "en": "State"},
    "col.operation": {"fr": "Opération", "en": "Operation"},
    "col.profile": {"fr": "Profil", "en": "Profile"},
    "col.requests": {"fr": "Demandes", "en": "Requests"},
    "col.refused": {"fr": "Refusées", "en": "Refused"},
    "col.wall": {"fr": "Durée (s)", "en": "Duration (s)"},
    "col.cpu": {"fr": "CPU (s)", "en": "CPU (s)"},
    "col.gpu": {"fr": "GPU (s)", "en": "GPU (s)"},
    "col.energy": {"fr": "Énergie (Wh)", "en": "Energy (Wh)"},
    "state.active": {"fr": "actif", "en": "active"},
    "state.revoked": {"fr": "désactivé", "en": "revoked"},
    "state.expired": {"fr": "expiré", "en": "expired"},
    "value.none": {"fr": "—", "en": "—"},
    "value.no": {"fr": "non", "en": "no"},
    "value.yes": {"fr": "oui", "en": "yes"},
}


def lang_of(value: object) -> str:
    """`value` when it names a supported language, else the default (French)."""
    return value if value in LANGUAGES else DEFAULT_LANG


def t(key: str, lang: str = DEFAULT_LANG, **params: object) -> str:
    """The string `key` in `lang`, with `params` filled in."""
    text = STRINGS[key][lang_of(lang)]
    return text.format(**params) if params else text


class Labels:
    """Builds components with translated text and remembers them, so that the language switch can relabel them.

    `texts` maps a component argument (label, value, placeholder, info, choices) to a string key, or for
    `choices` to a list of (key, value) pairs.
    """

    def __init__(self, lang: str) -> None:
        self.lang = lang_of(lang)
        self._entries: list[tuple[object, dict]] = []

    def __call__(self, factory, /, *, texts: dict, **kwargs):
        component = factory(**self._translated(texts, self.lang), **kwargs)
        self._entries.append((component, texts))
        return component

    @property
    def components(self) -> list:
        return [component for component, _ in self._entries]

    def updates(self, lang: str) -> dict:
        """An update in `lang` for each remembered component, keyed by the component (Gradio's outputs by name)."""
        import gradio as gr

        return {component: gr.update(**self._translated(texts, lang)) for component, texts in self._entries}

    @staticmethod
    def _translated(texts: dict, lang: str) -> dict:
        return {arg: [(t(k, lang), v) for k, v in key] if arg == "choices" else t(key, lang)
                for arg, key in texts.items()}


def language_switch(lang: str):
    """The radio that switches the interface language; its label is the same in both languages."""
    import gradio as gr

    return gr.Radio(choices=[("Français", "fr"), ("English", "en")], value=lang_of(lang), label="Langue / Language",
                    elem_id="atypie-lang")


def switch_js(title_key: str) -> str:
    """Run in the browser before the switch's handler: the page's `lang` attribute and title follow the choice."""
    titles = {lang: STRINGS[title_key][lang] for lang in LANGUAGES}
    return ("(lang) => { document.documentElement.lang = lang; "
            f"document.title = {json.dumps(titles, ensure_ascii=False)}[lang]; "
            "window.atypieLang = lang; if (window.atypieDropzones) window.atypieDropzones(); return lang; }")
