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
    english = labels.updates("en")
    assert english[0]["label"] == "Access code (given by the disability service)"
    assert english[1]["choices"] == [("Chosen automatically", ""), ("Timeline", "timeline")]
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


def test_the_language_is_found_before_the_progress_tracker_gradio_adds():
    def adapt(path, lang, progress=gr.Progress()):  # noqa: B008 (how Gradio asks for one)
        raise UploadRejected(detail="vide")

    with pytest.raises(gr.Error) as english:
        guarded(adapt)(None, "en", gr.Progress())
    assert english.value.message.startswith("[ATY-E026] The uploaded file is not accepted")


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
