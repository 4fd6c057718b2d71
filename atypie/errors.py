"""One error tree with stable codes; messages say, in plain words, what happened and how to fix it.

The library raises these; the CLI turns them into exit codes and the web app into `gr.Error`.
Tests assert on `code`, never on the wording.
"""
from __future__ import annotations

from typing import Any, ClassVar

# CLI exit codes (also carried by every error class).
EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_INVALID = 2
EXIT_REFUSED = 3
EXIT_MISSING = 4


class AtypieError(Exception):
    """Base of every error atypie raises on purpose."""

    code: ClassVar[str] = "ATY-E001"
    exit_code: ClassVar[int] = EXIT_INTERNAL
    fr: ClassVar[str] = "Une erreur interne est survenue. Réessayez, puis signalez-la si elle revient."
    en: ClassVar[str] = "An internal error occurred. Try again, then report it if it happens again."

    def __init__(self, **params: Any) -> None:
        self.params = params
        super().__init__(self.message("fr"))

    def message(self, lang: str = "fr") -> str:
        """The message in `lang` ("fr" or "en"), prefixed with the stable code."""
        template = self.en if lang == "en" else self.fr
        return f"[{self.code}] {template.format(**self.params)}"


# --- invalid input or usage (exit 2) -------------------------------------------------------------

class InvalidInput(AtypieError):
    code = "ATY-E010"
    exit_code = EXIT_INVALID
    fr = "La demande n'est pas valide : {detail}"
    en = "The request is not valid: {detail}"


class InvalidIdentifier(InvalidInput):
    code = "ATY-E011"
    fr = ("L'identifiant « {shown} » n'est pas accepté. Utilisez de 1 à 64 caractères : "
          "lettres minuscules sans accent, chiffres, « - » ou « _ », en commençant par une lettre ou un chiffre.")
    en = ("The identifier “{shown}” is not accepted. Use 1 to 64 characters: lowercase letters "
          "without accents, digits, “-” or “_”, starting with a letter or a digit.")


class ProfileNotFound(InvalidInput):
    code = "ATY-E012"
    fr = ("Le profil « {profile_id} » n'existe pas. Tapez `atypie profiles list` pour voir les profils "
          "enregistrés et les modèles de profil.")
    en = ("Profile “{profile_id}” does not exist. Run `atypie profiles list` to see the stored profiles and the "
          "profile presets.")


class ProfileExists(InvalidInput):
    code = "ATY-E013"
    fr = "Le profil « {profile_id} » existe déjà. Choisissez un autre identifiant ou modifiez ce profil."
    en = "Profile “{profile_id}” already exists. Choose another identifier or edit that profile."


class InvalidSetting(InvalidInput):
    code = "ATY-E014"
    fr = "Le réglage « {key} » n'est pas valide : {detail}"
    en = "The setting “{key}” is not valid: {detail}"


class StaleProfile(InvalidInput):
    code = "ATY-E015"
    fr = ("Le profil « {profile_id} » a été modifié par quelqu'un d'autre entre-temps "
          "(version {expected} attendue, version {actual} enregistrée). "
          "Relisez le profil, puis refaites votre modification.")
    en = ("Profile “{profile_id}” was changed by someone else in the meantime "
          "(expected version {expected}, stored version {actual}). Reload the profile, then make your change again.")


class UnknownPreset(InvalidInput):
    code = "ATY-E016"
    fr = "Le modèle de profil « {preset} » n'existe pas. Modèles disponibles : {available}."
    en = "Profile preset “{preset}” does not exist. Available presets: {available}."


class StaffExists(InvalidInput):
    code = "ATY-E017"
    fr = "Le compte « {name} » existe déjà."
    en = "Account “{name}” already exists."


class WeakPassword(InvalidInput):
    code = "ATY-E018"
    fr = "Le mot de passe est trop court : il faut au moins {minimum} caractères."
    en = "The password is too short: it needs at least {minimum} characters."


class AccessCodeNotFound(InvalidInput):
    code = "ATY-E019"
    fr = "Ce code d'accès n'existe pas. Vérifiez le code, ou demandez-en un nouveau au service handicap."
    en = "This access code does not exist. Check the code, or ask the disability service for a new one."


# --- refused: gate or permission (exit 3) --------------------------------------------------------

class Refused(AtypieError):
    code = "ATY-E030"
    exit_code = EXIT_REFUSED
    fr = "Cette action n'est pas autorisée."
    en = "This action is not allowed."


class AccessCodeRevoked(Refused):
    code = "ATY-E031"
    fr = "Ce code d'accès a été désactivé. Demandez un nouveau code au service handicap."
    en = "This access code has been revoked. Ask the disability service for a new code."


class AccessCodeExpired(Refused):
    code = "ATY-E032"
    fr = "Ce code d'accès a expiré. Demandez un nouveau code au service handicap."
    en = "This access code has expired. Ask the disability service for a new code."


class ImageGenerationRefused(Refused):
    code = "ATY-E033"
    fr = ("La création d'images n'est pas ouverte pour le profil « {profile_id} » ({why}). "
          "Les schémas et les pictogrammes restent disponibles. Seul le service handicap peut ouvrir ce droit.")
    en = ("Image generation is not open for profile “{profile_id}” ({why}). "
          "Diagrams and pictograms remain available. Only the disability service can grant this.")

    def __init__(self, verdict: Any = None, **params: Any) -> None:
        self.verdict = verdict
        super().__init__(**params)


class ImageSettingsProtected(Refused):
    code = "ATY-E034"
    fr = ("Le droit à la création d'images ne se change pas avec un réglage ordinaire. "
          "Utilisez `atypie profiles allow-images` (avec une raison) ou `atypie profiles revoke-images`.")
    en = ("The image-generation right cannot be changed with an ordinary setting. "
          "Use `atypie profiles allow-images` (with a reason) or `atypie profiles revoke-images`.")


class BadCredentials(Refused):
    code = "ATY-E035"
    fr = "Nom de compte ou mot de passe incorrect."
    en = "Wrong account name or password."


class UnknownStaff(Refused):
    code = "ATY-E036"
    fr = "Le compte du personnel « {name} » n'existe pas. Créez-le avec `atypie staff add {name}`."
    en = "Staff account “{name}” does not exist. Create it with `atypie staff add {name}`."


# --- missing dependency or configuration (exit 4) ------------------------------------------------

class MissingDependency(AtypieError):
    code = "ATY-E040"
    exit_code = EXIT_MISSING
    fr = "Il manque « {what} ». Pour l'installer : {fix}"
    en = "“{what}” is missing. To install it: {fix}"


class ConfigurationError(AtypieError):
    code = "ATY-E041"
    exit_code = EXIT_MISSING
    fr = "La configuration n'est pas valide : {detail}"
    en = "The configuration is not valid: {detail}"


class DatabaseUnavailable(ConfigurationError):
    code = "ATY-E042"
    fr = ("La base de données est inaccessible ({detail}). Vérifiez ATYPIE_DATABASE_URL "
          "ou les droits sur le dossier ATYPIE_HOME.")
    en = ("The database cannot be reached ({detail}). Check ATYPIE_DATABASE_URL "
          "or the permissions on the ATYPIE_HOME folder.")


class SchemaTooNew(ConfigurationError):
    code = "ATY-E043"
    fr = ("La base de données a été créée par une version plus récente d'atypie (schéma {found}, "
          "cette version connaît {known}). Mettez atypie à jour.")
    en = ("The database was created by a newer version of atypie (schema {found}, "
          "this version knows {known}). Update atypie.")


class BackendNotConfigured(ConfigurationError):
    code = "ATY-E044"
    fr = ("Le moteur « {backend} » n'est pas configuré : {detail}. "
          "Utilisez le mode hors ligne (--backend offline) ou définissez la variable indiquée.")
    en = ("Backend “{backend}” is not configured: {detail}. "
          "Use the offline mode (--backend offline) or set the variable named above.")


class BackendUnavailable(ConfigurationError):
    code = "ATY-E045"
    fr = ("Le moteur « {backend} » n'a pas répondu correctement ({detail}). "
          "Réessayez plus tard, ou utilisez le mode hors ligne (--backend offline).")
    en = ("Backend “{backend}” did not answer properly ({detail}). "
          "Try again later, or use the offline mode (--backend offline).")


class LanguageUndetected(InvalidInput):
    code = "ATY-E021"
    fr = ("La langue du texte n'a pas pu être reconnue avec certitude. "
          "Précisez-la avec --lang fr ou --lang en.")
    en = "The language of the text could not be recognised with certainty. Give it with --lang fr or --lang en."


class EmptyText(InvalidInput):
    code = "ATY-E022"
    fr = "Le texte est vide. Collez ou envoyez un texte d'au moins un mot."
    en = "The text is empty. Paste or send a text of at least one word."


class TextTooLong(InvalidInput):
    code = "ATY-E023"
    fr = ("Le texte est trop long ({size} caractères ; maximum {limit}). "
          "Découpez-le en plusieurs parties, par exemple chapitre par chapitre.")
    en = "The text is too long ({size} characters; at most {limit}). Split it, for example chapter by chapter."


class TextTooDense(InvalidInput):
    code = "ATY-E050"
    fr = ("Un passage du texte est trop dense pour être simplifié : il donne des milliers de phrases ou des "
          "centaines de mots difficiles (souvent une très longue liste de mots). Raccourcissez ou retirez ce "
          "passage, puis réessayez.")
    en = ("A passage of the text is too dense to simplify: it gives thousands of sentences or hundreds of hard "
          "words (often a very long list of words). Shorten or remove that passage, then try again.")


class OutputClosed(InvalidInput):
    code = "ATY-E056"
    fr = ("La sortie standard est fermée ou pleine : le résultat ne peut pas être écrit. Relancez la commande "
          "sans fermer sa sortie, ou écrivez le résultat dans un fichier.")
    en = ("Standard output is closed or full: the result cannot be written. Run the command again without closing "
          "its output, or write the result to a file.")


class NotText(InvalidInput):
    code = "ATY-E024"
    fr = "Ce fichier ne contient pas du texte lisible (UTF-8). Envoyez un fichier .txt ou .md."
    en = "This file does not contain readable text (UTF-8). Send a .txt or .md file."


class UnknownBackend(InvalidInput):
    code = "ATY-E020"
    fr = "Le moteur « {backend} » n'existe pas. Moteurs disponibles : {available}."
    en = "Backend “{backend}” does not exist. Available backends: {available}."



class UnknownModel(InvalidInput):
    code = "ATY-E025"
    fr = "Le modèle d'illustration « {model} » n'est pas dans le registre. Modèles connus : {available}."
    en = "Illustration model “{model}” is not in the registry. Known models: {available}."


class UploadRejected(InvalidInput):
    code = "ATY-E026"
    fr = "Le fichier envoyé n'est pas accepté : {detail}"
    en = "The uploaded file is not accepted: {detail}"


class TooManyAttempts(Refused):
    code = "ATY-E038"
    fr = "Trop d'essais de connexion pour ce compte. Attendez {minutes} minutes, puis réessayez."
    en = "Too many sign-in attempts for this account. Wait {minutes} minutes, then try again."


class LoginRequired(Refused):
    code = "ATY-E037"
    fr = "Connectez-vous avec votre compte du service handicap pour faire cette action."
    en = "Sign in with your disability-service account to do this."


class CookieMissing(Refused):
    code = "ATY-E055"
    fr = ("Votre navigateur n'a pas gardé le cookie de connexion. Autorisez les cookies pour ce site, "
          "rechargez la page, puis connectez-vous.")
    en = "Your browser did not keep the sign-in cookie. Allow cookies for this site, reload the page, then sign in."


class ModelNotInstalled(MissingDependency):
    code = "ATY-E046"
    fr = ("Le modèle d'illustration « {model} » n'est pas installé ({detail}). "
          "Copiez ses fichiers dans un dossier local et indiquez ce dossier avec la variable {env} "
          "(voir models/README.md), ou créez un petit modèle de test avec `atypie models tiny DOSSIER`.")
    en = ("Illustration model “{model}” is not installed ({detail}). "
          "Copy its files into a local folder and point the {env} variable at it "
          "(see models/README.md), or build a small test model with `atypie models tiny FOLDER`.")


class PdfPageTooElongated(InvalidInput):
    code = "ATY-E047"
    fr = ("La page {page} du PDF est très allongée : un de ses côtés est {ratio} fois plus long que l'autre. "
          "Une page aussi allongée ne peut pas être lue sans risque. Envoyez un PDF aux pages de format courant "
          "(A4, diapositive…), ou seulement les pages utiles.")
    en = ("Page {page} of the PDF is very elongated: one of its sides is {ratio} times longer than the other. "
          "A page this elongated cannot be read safely. Send a PDF with pages of a usual size (A4, slide…), "
          "or only the pages you need.")


class PdfPageTooLarge(InvalidInput):
    code = "ATY-E057"
    fr = ("La page {page} du PDF mesure {size} cm de côté : c'est plus grand qu'une affiche A0, et elle ne peut pas "
          "être lue sans risque. Envoyez un PDF aux pages de format courant (A4, diapositive…).")
    en = ("Page {page} of the PDF is {size} cm long: that is larger than an A0 poster, and it cannot be read "
          "safely. Send a PDF with pages of a usual size (A4, slide…).")


class ImageReadTimeout(InvalidInput):
    code = "ATY-E048"
    fr = ("La lecture du texte de l'image a pris plus de {seconds} secondes : elle a été arrêtée. "
          "Essayez avec une image plus petite, ou recadrée sur la partie utile.")
    en = ("Reading the text of the image took more than {seconds} seconds: it was stopped. "
          "Try a smaller image, or one cropped to the part you need.")


class SvgTooComplex(InvalidInput):
    code = "ATY-E049"
    fr = ("Ce SVG est trop complexe pour être lu sans risque : plus de {limit} éléments, ou plus de {depth} "
          "éléments placés les uns dans les autres. Envoyez une version simplifiée du dessin.")
    en = ("This SVG is too complex to be read safely: more than {limit} elements, or more than {depth} elements "
          "nested inside one another. Send a simpler version of the drawing.")

class GlossaryFileRejected(InvalidInput):
    code = "ATY-E027"
    fr = ("Le glossaire « {name} » n'est pas accepté, ligne {line} : {detail}. Corrigez cette ligne, puis "
          "envoyez le fichier à nouveau (format : `terme;définition` en CSV avec une ligne d'en-tête, ou "
          "`[termes]` puis `mot = \"définition\"` en TOML).")
    en = ("The glossary “{name}” is not accepted, line {line}: {detail_en}. Fix that line, then send the file again "
          "(format: `term,definition` CSV with a header line, or `[termes]` then `word = \"definition\"` TOML).")


class GlossaryTooLarge(InvalidInput):
    code = "ATY-E028"
    fr = ("Le glossaire « {name} » est trop grand ({size} ; maximum {limit}). Gardez les mots utiles au cours, "
          "ou découpez-le en un glossaire par cours (--course).")
    en = ("The glossary “{name}” is too large ({size}; at most {limit}). Keep the words the course needs, or split "
          "it into one glossary per course (--course).")


class GlossaryTermNotFound(InvalidInput):
    code = "ATY-E029"
    fr = ("Le terme « {term} » n'est pas dans le glossaire du profil « {profile_id} ». Tapez "
          "`atypie glossary list --profile {profile_id}` pour voir ses termes.")
    en = ("The term “{term}” is not in the glossary of profile “{profile_id}”. Run "
          "`atypie glossary list --profile {profile_id}` to see its terms.")


class GlossaryFileName(InvalidInput):
    code = "ATY-E039"
    fr = ("Le nom de fichier « {shown} » n'est pas accepté pour un glossaire : donnez un fichier .csv, .txt ou "
          ".toml, sans dossier, sans « .. » et sans caractère spécial.")
    en = ("The file name “{shown}” is not accepted for a glossary: give a .csv, .txt or .toml file, without a "
          "folder, without “..” and without special characters.")


def all_error_classes() -> list[type[AtypieError]]:
    """Every error class, for the catalogue test and the documentation."""
    found: list[type[AtypieError]] = []
    pending: list[type[AtypieError]] = [AtypieError]
    while pending:
        cls = pending.pop()
        found.append(cls)
        pending.extend(cls.__subclasses__())
    return found


# --- course documents ------------------------------------------------------------------------------

class DocumentUnsupported(InvalidInput):
    code = "ATY-E051"
    fr = ("Ce type de document n'est pas pris en charge ({detail}). Formats acceptés : PDF, DOCX, ODT, PPTX, "
          "Markdown (.md) et HTML.")
    en = ("This kind of document is not supported ({detail}). Accepted formats: PDF, DOCX, ODT, PPTX, Markdown (.md) "
          "and HTML.")


class DocumentUnreadable(InvalidInput):
    code = "ATY-E052"
    fr = ("Le document « {name} » ne peut pas être lu ({detail}). S'il est protégé par un mot de passe, "
          "enregistrez-le sans protection ; s'il est abîmé, enregistrez-le de nouveau depuis son logiciel.")
    en = ("Document “{name}” cannot be read ({detail}). If it is protected by a password, save it without "
          "protection; if it is damaged, save it again from the program that made it.")


class DocumentTooLarge(InvalidInput):
    code = "ATY-E053"
    fr = ("Le document « {name} » est trop grand ({what} : {size} ; maximum {limit}). "
          "Envoyez-le en plusieurs parties, par exemple chapitre par chapitre.")
    en = ("Document “{name}” is too large ({what}: {size}; at most {limit}). Send it in several parts, for example "
          "chapter by chapter.")


# --- jobs run by workers ------------------------------------------------------------------------------

class JobNotFound(InvalidInput):
    code = "ATY-E058"
    fr = ("La tâche « {job_id} » n'existe pas. Tapez `atypie jobs list` pour voir les tâches en cours et "
          "terminées.")
    en = "Job “{job_id}” does not exist. Run `atypie jobs list` to see the running and finished jobs."


class BrokerUnavailable(ConfigurationError):
    code = "ATY-E059"
    fr = ("La file des tâches est inaccessible ({detail}). Vérifiez que Redis tourne et que ATYPIE_BROKER_URL "
          "est juste, ou retirez ATYPIE_BROKER_URL pour tout faire dans ce processus.")
    en = ("The job queue cannot be reached ({detail}). Check that Redis is running and that ATYPIE_BROKER_URL is "
          "right, or unset ATYPIE_BROKER_URL to do everything in this process.")


class JobFailed(AtypieError):
    code = "ATY-E054"
    fr = "La tâche « {job_id} » n'a pas abouti. {detail}"
    en = "Job “{job_id}” did not succeed. {detail}"
