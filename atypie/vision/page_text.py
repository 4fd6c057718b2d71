"""Charts and slides said in plain French (or English): what was read and where, never a value that was not read.
A chart's data points are not read: the description says so."""
from __future__ import annotations

from .page import Chart, Slide


def chart_text(found: Chart, lang: str) -> tuple[str, str]:
    """(alt text, description) of a chart."""
    fr = lang != "en"
    kind = (" en barres" if fr else " bar") if found.kind == "bars" else ""
    named = f" « {found.title} »" if fr and found.title else f" “{found.title}”" if found.title else ""
    alt = (f"Graphique{kind}{named}." if fr else f"{kind.strip().capitalize() or 'A'} chart{named}.")
    sentences = [f"Cette image est un graphique{kind}{named}." if fr else
                 f"This image is a{'' if kind else 'n'}{kind} chart{named}."]
    for ticks, title, name_fr, name_en in ((found.x_ticks, found.x_title, "horizontal", "horizontal"),
                                           (found.y_ticks, found.y_title, "vertical", "vertical")):
        if not ticks and not title:
            continue
        about = (f" (« {title} »)" if fr else f" (“{title}”)") if title else ""
        span = (f" : graduations lues de {ticks[0]} à {ticks[-1]}" if fr else
                f": ticks read from {ticks[0]} to {ticks[-1]}") if len(ticks) >= 2 else ""
        sentences.append(f"Axe {name_fr}{about}{span}." if fr else f"{name_en.capitalize()} axis{about}{span}.")
    if found.other:
        listed = " ; ".join(found.other) if fr else "; ".join(found.other)
        sentences.append(f"Autres textes lus (légende, noms des séries, notes) : {listed}." if fr else
                         f"Other text read (legend, series names, notes): {listed}.")
    sentences.append("Les valeurs des données ne sont pas lues : à vérifier sur l'image." if fr else
                     "The data values are not read: to be checked on the image.")
    return alt, " ".join(sentences)


def slide_text(found: Slide, body: str, lang: str) -> tuple[str, str]:
    """(alt text, description) of a slide; `body` is its lines as the reader should get them (simplified)."""
    fr = lang != "en"
    alt = f"Diapositive « {found.title} »." if fr else f"Slide “{found.title}”."
    sentences = [f"Cette image est une diapositive : « {found.title} »." if fr else
                 f"This image is a slide: “{found.title}”."]
    if body:
        sentences.append(body)
    if found.footer:
        sentences.append(("Pied de page : " if fr else "Footer: ") + " / ".join(found.footer) + ".")
    if found.page:
        sentences.append(f"Page {found.page}.")
    return alt, " ".join(sentences)
