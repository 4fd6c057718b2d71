"""The whole path from bytes to files: the progress a long adaptation reports, stage by stage."""
from __future__ import annotations

import base64
import io

import pytest
from PIL import Image, ImageDraw

from atypie.documents.pipeline import STAGES, adapt
from atypie.profiles.presets import load_preset


def _picture() -> bytes:
    image = Image.new("RGB", (160, 60), "white")
    ImageDraw.Draw(image).rectangle((10, 10, 150, 50), outline="black", width=3)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.slow
def test_progress_is_told_each_stage_in_order_and_each_figure_and_file():
    picture = base64.b64encode(_picture()).decode()
    note = ("# La cellule\n\nLa membrane plasmique, qui entoure la cellule, contrôle les échanges.\n\n"
            f"![](data:image/png;base64,{picture})\n\n![](data:image/png;base64,{picture})\n")
    told: list[tuple[str, int, int]] = []
    result = adapt(note.encode(), load_preset("standard"), name="cours.md", to=("html", "md"),
                   progress=lambda *step: told.append(step))
    assert result.figures == 2 and sorted(result.files) == ["html", "md"]
    assert told == [("read", 0, 1), ("text", 0, 1), ("figures", 0, 2), ("figures", 1, 2),
                    ("write", 0, 2), ("write", 1, 2), ("write", 2, 2)]
    assert [stage for stage in dict.fromkeys(s for s, _, _ in told)] == [s for s in STAGES if s != "diagrams"]
