"""The worker process of `grammalecte.errors_of_each`: reads one JSON list of texts per line on stdin, answers one
JSON list per line on stdout (for each text, its errors as rows), until stdin closes. An answer that is not a list
of the same length tells the caller to read the texts itself."""
from __future__ import annotations

import json
import sys

from .grammalecte import as_rows, errors


def main() -> None:
    for line in sys.stdin:
        try:
            answer = [as_rows(errors(text)) for text in json.loads(line)]
        except (ImportError, ValueError, TypeError):
            answer = None
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
