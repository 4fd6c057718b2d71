"""Turning errors into messages on the page: an `AtypieError` shows its own plain message in the chosen language,
anything else is logged on the server with a short reference and shows a generic message carrying that
reference, so that staff can find the log line (never a traceback)."""
from __future__ import annotations

import functools
import inspect
import logging
from html import escape

from ..errors import AtypieError
from ..logs import log_unexpected, request_scope
from .i18n import lang_of, t

log = logging.getLogger("atypie.web")


def guarded(fn, *, lang: str = "lang"):
    """Wrap an event handler so that its errors show as messages in the interface language: the argument bound to
    its parameter named `lang`, wherever that parameter stands (Gradio passes the inputs in order, its request and
    progress tracker where the signature asks for them). A handler without that parameter is refused here, when the
    page is built, rather than showing its errors in a language taken from some other argument."""
    signature = inspect.signature(fn)
    if lang not in signature.parameters:
        raise TypeError(f"{getattr(fn, '__name__', fn)!r} has no parameter {lang!r} for the interface language")

    def language(args: tuple, kwargs: dict) -> str:
        try:
            bound = signature.bind(*args, **kwargs)
        except TypeError:  # called with arguments that do not fit: Gradio's own message follows
            return lang_of(None)
        bound.apply_defaults()
        return lang_of(bound.arguments[lang])

    @functools.wraps(fn)
    def run(*args, **kwargs):
        with request_scope():  # every log line of this request carries one id, the one an unexpected error shows
            try:
                return fn(*args, **kwargs)
            except AtypieError as err:
                chosen = language(args, kwargs)
                raise _shown(err.message(chosen), chosen) from None
            except Exception:
                request_id = log_unexpected(log, getattr(fn, "__name__", "handler"))
                chosen = language(args, kwargs)
                raise _shown(t("error.generic", chosen, ref=request_id), chosen) from None

    return run


def _shown(message: str, lang: str):
    import gradio as gr

    # The modal renders HTML: the message may quote what the user typed, so it is escaped.
    return gr.Error(escape(message, quote=False), duration=None, title=t("error.title", lang), print_exception=False)
