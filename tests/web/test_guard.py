"""Interface strings in both languages, the language switch, and errors shown in plain words (never a traceback)."""
from __future__ import annotations

import io
import json
import logging
import re

import gradio as gr
import pytest

from atypie.config import LANGUAGES
from atypie.errors import UploadRejected
from atypie.logs import configure
from atypie.web.guard import guarded
from atypie.web.i18n import STRINGS, Labels, switch_js, t


def test_every_string_exists_in_french_and_english_with_the_same_fields():
    import string

    for key, texts in STRINGS.items():
        assert set(texts) == set(LANGUAGES), key
        fields = [{name for _, name, _, _ in string.Formatter().parse(texts[lang]) if name} for lang in LANGUAGES]
        assert fields[0] == fields[1], key


def test_labels_follow_the_language_switch():
    labels = Labels("fr")
    with gr.Blocks():
        box = labels(gr.Textbox, texts={"label": "code.label", "placeholder": "code.placeholder"})
        kind = labels(gr.Dropdown, texts={"label": "diagram.kind", "choices": [("kind.auto", ""), ("kind.timeline",
                                                                                                  "timeline")]})
    assert box.label == t("code.label", "fr") and labels.components == [box, kind]
    english = labels.updates("en")  # keyed by component: Gradio's outputs by name
    assert english[box]["label"] == "Access code (given by the disability service)"
    assert english[kind]["choices"] == [("Chosen automatically", ""), ("Timeline", "timeline")]
    assert "document.documentElement.lang = lang" in switch_js("student.title")


def test_known_errors_show_their_message_in_the_chosen_language_escaped():
    def upload(data, lang):
        raise UploadRejected(detail="<b>trop gros</b>")

    with pytest.raises(gr.Error) as french:
        guarded(upload)(b"", "fr")
    assert french.value.message == "[ATY-E026] Le fichier envoyé n'est pas accepté : &lt;b&gt;trop gros&lt;/b&gt;"
    assert french.value.title == "Erreur" and french.value.print_exception is False
    with pytest.raises(gr.Error) as english:
        guarded(upload)(b"", "en")
    assert english.value.message.startswith("[ATY-E026] The uploaded file is not accepted")


def test_the_language_is_the_argument_of_the_parameter_named_lang_wherever_it_stands():
    def adapt(lang, path, progress=gr.Progress()):  # noqa: B008 (how Gradio asks for one)
        raise UploadRejected(detail="vide")

    def listing(request, token, lang, selected=None):  # "fr" last would have been taken for the language
        raise UploadRejected(detail="vide")

    for call in (lambda: guarded(adapt)("en", "cours.md", gr.Progress()),
                 lambda: guarded(adapt)(path="cours.md", lang="en"),
                 lambda: guarded(listing)(None, "jeton", "en", "fr")):
        with pytest.raises(gr.Error) as english:
            call()
        assert english.value.message.startswith("[ATY-E026] The uploaded file is not accepted")
        assert english.value.title == "Error"


def test_a_handler_without_its_language_parameter_is_refused_when_the_page_is_built():
    def describe(text, language):
        raise UploadRejected(detail="vide")

    with pytest.raises(TypeError, match="no parameter 'lang'"):
        guarded(describe)
    with pytest.raises(gr.Error) as english:
        guarded(describe, lang="language")("texte", "en")
    assert english.value.message.startswith("[ATY-E026] The uploaded file is not accepted")


@pytest.mark.slow
def test_every_handler_of_both_pages_takes_its_language_from_the_switch(seeded):
    """The argument each handler reads as `lang` is the language switch's value, as Gradio passes the inputs
    (its request and progress tracker inserted where the signature asks for them)."""
    import inspect

    from gradio.helpers import special_args

    from atypie.web.binding import BrowserBinding
    from atypie.web.sessions import Sessions
    from atypie.web.staff import build_staff
    from atypie.web.staff_handlers import StaffDesk
    from atypie.web.student import build_student

    store = seeded.store
    for blocks in (build_student(store), build_staff(StaffDesk(store, Sessions(store)), BrowserBinding())):
        switch = next(b for b in blocks.blocks.values() if getattr(b, "elem_id", None) == "atypie-lang")
        checked = 0
        for fn in blocks.fns.values():
            guarded_handler = hasattr(fn.fn, "__wrapped__")
            if switch not in fn.inputs:
                assert not guarded_handler, fn.name
                continue
            args, *_ = special_args(fn.fn, inputs=list(fn.inputs), request=object())
            assert inspect.signature(fn.fn).bind(*args).arguments["lang"] is switch, fn.name
            checked += guarded_handler
        assert checked >= 8


@pytest.mark.parametrize("lang, reference", [("fr", "réf."), ("en", "ref.")])
def test_unexpected_errors_log_one_line_with_a_reference_the_user_also_sees(atypie_logger, lang, reference):
    stream = io.StringIO()
    configure("INFO", stream)

    def broken(text, lang):
        raise KeyError(f"secret internal detail about {text}")

    with pytest.raises(gr.Error) as caught:
        guarded(broken)("le cours de Léa", lang)
    lines = stream.getvalue().splitlines()
    assert len(lines) == 1
    logged = json.loads(lines[0])
    assert re.fullmatch(r"[0-9a-f]{8}", logged["request_id"])
    assert logged["level"] == "ERROR" and logged["logger"] == "atypie.web" and logged["error"] == "KeyError"
    assert logged["message"] == "unexpected error in broken" and logged["frames"][-1].endswith(":broken")
    assert "secret" not in lines[0] and "Léa" not in lines[0]
    assert caught.value.message == t("error.generic", lang, ref=logged["request_id"])
    assert f"({reference} {logged['request_id']})" in caught.value.message and "secret" not in caught.value.message


def test_every_line_of_one_request_carries_the_reference_its_error_shows(atypie_logger):
    stream = io.StringIO()
    configure("INFO", stream)
    worker = logging.getLogger("atypie.falc")

    def half_done(text, lang):
        worker.info("first step done")
        raise KeyError("second step")

    with pytest.raises(gr.Error) as caught:
        guarded(half_done)("texte", "fr")
    guarded(lambda text, lang: worker.info("another request"))("texte", "fr")
    first, error, other = (json.loads(line) for line in stream.getvalue().splitlines())
    assert first["request_id"] == error["request_id"] and error["request_id"] in caught.value.message
    assert re.fullmatch(r"[0-9a-f]{8}", other["request_id"]) and other["request_id"] != first["request_id"]
