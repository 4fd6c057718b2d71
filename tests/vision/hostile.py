"""Hostile images built by hand, and a child process to run image code on them with its memory and time
bounded, so that a regression fails the test instead of freezing the run or eating the machine's memory."""
from __future__ import annotations

import json
import subprocess
import sys

MEMORY_LIMIT = 1536 * 1024 ** 2  # address space of the child: a regression gets a MemoryError, not the machine

_CHILD = """
import json, resource, sys, time
def peak_mb():  # this program's own peak; ru_maxrss also counts the parent's memory at fork
    return int(open("/proc/self/status").read().split("VmHWM:")[1].split()[0]) / 1024
resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}))
from atypie.errors import AtypieError
{setup}
data = sys.stdin.buffer.read()
start = time.perf_counter()
try:
    result = work(data)
except AtypieError as error:
    result = {{"code": error.code, "fr": error.message("fr"), "en": error.message("en")}}
result["seconds"] = time.perf_counter() - start
result["rss_mb"] = peak_mb()
print(json.dumps(result))
"""


def run_isolated(setup: str, data: bytes, *, timeout_s: float = 60) -> dict:
    """`setup` defines `work(data) -> dict`; the answer is that dict (or the error's code and messages) with
    `seconds` (the work alone) and `rss_mb` (the child's peak resident memory)."""
    done = subprocess.run([sys.executable, "-c", _CHILD.format(limit=MEMORY_LIMIT, setup=setup)], input=data,
                          capture_output=True, timeout=timeout_s, check=False)
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    return json.loads(done.stdout.decode().strip().splitlines()[-1])


def pdf_with_pages(*sizes: tuple[int, int]) -> bytes:
    """A minimal PDF whose empty pages have the given sizes in points (pdfium accepts up to 14400)."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>",
               "<< /Type /Pages /Kids [" + " ".join(f"{3 + n} 0 R" for n in range(len(sizes)))
               + f"] /Count {len(sizes)} >>"]
    objects += [f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {w} {h}] >>" for w, h in sizes]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
