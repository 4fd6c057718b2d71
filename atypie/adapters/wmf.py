"""Windows metafiles (WMF) as PNG, by libwmf's `wmf2gd` (Debian `libwmf-bin`), with a timeout. Word and PowerPoint
files hold them for old equations and clip art; no browser shows one. EMF (the newer metafile) is not read."""
from __future__ import annotations

import shutil
import struct
import subprocess
import tempfile
from pathlib import Path

PLACEABLE = b"\xd7\xcd\xc6\x9a"  # the Aldus header that gives a metafile its size
SCALE = 2.0  # rendered at twice its size on paper (96 dpi): an equation stays legible
MAX_SIDE = 1600
DEFAULT_SIDE = 600  # a metafile that states no size
TIMEOUT_S = 20


def available() -> bool:
    return shutil.which("wmf2gd") is not None


def is_wmf(data: bytes) -> bool:
    return data[:4] == PLACEABLE or data[:6] in (b"\x01\x00\x09\x00\x00\x03", b"\x02\x00\x09\x00\x00\x03")


def to_png(data: bytes) -> bytes | None:
    """The metafile drawn as a PNG; None when `wmf2gd` is not installed or cannot draw it (the document then shows
    the figure's text instead of its picture)."""
    if not available() or not is_wmf(data):
        return None
    width, height = _size(data)
    with tempfile.TemporaryDirectory(prefix="atypie-wmf-") as folder:
        source, target = Path(folder) / "in.wmf", Path(folder) / "out.png"
        source.write_bytes(data)
        try:
            subprocess.run(["wmf2gd", "-t", "png", f"--maxwidth={width}", f"--maxheight={height}", "--maxpect",
                            "-o", str(target), str(source)], capture_output=True, timeout=TIMEOUT_S, check=False)
        except (OSError, subprocess.TimeoutExpired):
            return None
        png = target.read_bytes() if target.exists() else b""
    return png if png.startswith(b"\x89PNG\r\n\x1a\n") else None


def _size(data: bytes) -> tuple[int, int]:
    """The size to draw at, in pixels: the placeable header's box at SCALE × 96 dpi, within MAX_SIDE."""
    if data[:4] != PLACEABLE or len(data) < 16:
        return DEFAULT_SIDE, DEFAULT_SIDE
    left, top, right, bottom, per_inch = struct.unpack("<hhhhH", data[6:16])
    if per_inch <= 0 or right == left or bottom == top:
        return DEFAULT_SIDE, DEFAULT_SIDE
    width, height = abs(right - left) / per_inch * 96 * SCALE, abs(bottom - top) / per_inch * 96 * SCALE
    shrink = min(1.0, MAX_SIDE / max(width, height))
    return max(int(width * shrink), 1), max(int(height * shrink), 1)
