"""Turning errors into messages on the page: an `AtypieError` shows its own plain message in the chosen language,
anything else is logged on the server with a short reference and shows a generic message carrying that
reference, so that staff can find the log line (never a traceback)."""
from __future__ import annotations

import functools
import logging
from html import escape

from ..errors import AtypieError
from ..logs import log_unexpected, request_scope
from .i18n import lang_of, t

log = logging.getLogger("atypie.web")


def guarded(fn):
    """Wrap an event handler whose last argument is the interface language ("fr" or "en"), or just before a
    progress tracker that Gradio adds at the end."""

    @functools.wraps(fn)
    def run(*args):
        given = [arg for arg in args if type(arg).__name__ != "Progress"]
        lang = lang_of(given[-1] if given else None)
        with request_scope():  # every log line of this request carries one id, the one an unexpected error shows
            try:
                return fn(*args)
            except AtypieError as err:
                raise _shown(err.message(lang), lang) from None
            except Exception:
                request_id = log_unexpected(log, getattr(fn, "__name__", "handler"))
                raise _shown(t("error.generic", lang, ref=request_id), lang) from None

    return run


def _shown(message: str, lang: str):
    import gradio as gr

    # The modal renders HTML: the message may quote what the user typed, so it is escaped.
    return gr.Error(escape(message, quote=False), duration=None, title=t("error.title", lang), print_exception=False)
