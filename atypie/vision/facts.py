"""Verifiable facts about a picture without text: size, orientation, main colours. Never a caption."""
from __future__ import annotations

COLOURS = {  # name (fr, en) → RGB
    ("noir", "black"): (0, 0, 0), ("blanc", "white"): (255, 255, 255), ("gris", "grey"): (128, 128, 128),
    ("rouge", "red"): (200, 30, 30), ("orange", "orange"): (240, 140, 20), ("jaune", "yellow"): (240, 220, 40),
    ("vert", "green"): (40, 160, 60), ("bleu", "blue"): (40, 90, 200), ("violet", "purple"): (130, 60, 170),
    ("rose", "pink"): (240, 150, 190), ("marron", "brown"): (120, 75, 40), ("beige", "beige"): (225, 205, 170),
}


def main_colours(image, count: int = 3, lang: str = "fr") -> list[str]:
    import numpy

    small = image.convert("RGB").resize((64, 64))
    tally: dict[str, int] = {}
    for pixel in numpy.asarray(small).reshape(-1, 3).tolist():
        names = min(COLOURS, key=lambda n: sum((a - b) ** 2 for a, b in zip(pixel, COLOURS[n], strict=True)))
        name = names[1] if lang == "en" else names[0]
        tally[name] = tally.get(name, 0) + 1
    return [name for name, _ in sorted(tally.items(), key=lambda item: -item[1])[:count]]


def orientation(image, lang: str = "fr") -> str:
    width, height = image.size
    if abs(width - height) <= 0.05 * max(width, height):
        return "square" if lang == "en" else "carrée"
    if width > height:
        return "landscape" if lang == "en" else "en largeur (paysage)"
    return "portrait" if lang == "en" else "en hauteur (portrait)"
