"""Outputs bound by name: a typed view's fields go to the components that show them, whatever the order."""
from __future__ import annotations

import gradio as gr
import pytest

from atypie.web.handlers import DocumentView, IllustrateView
from atypie.web.outputs import ViewOutputs


def test_a_view_is_shown_field_by_field_by_name():
    with gr.Blocks():
        result, summary, notices, files = gr.HTML(), gr.Markdown(), gr.HTML(), gr.File()
    shown = ViewOutputs(DocumentView, files=files, summary=summary, page_html=result, notices_html=notices)
    assert shown.outputs == [files, summary, result, notices]
    view = DocumentView("<iframe></iframe>", "3 paragraphes", "", ["/tmp/a.html"])
    assert shown.of(view) == {result: "<iframe></iframe>", summary: "3 paragraphes", notices: "",
                              files: ["/tmp/a.html"]}
    with pytest.raises(TypeError, match="DocumentView"):
        shown.of(IllustrateView("<img>", "fr", "en"))


@pytest.mark.parametrize("components", [{"page_html": 1, "summary": 2, "notices_html": 3},
                                        {"page_html": 1, "summary": 2, "notices_html": 3, "files": 4, "extra": 5}])
def test_every_field_and_only_fields_must_be_shown(components):
    with pytest.raises(TypeError, match="page_html"):
        ViewOutputs(DocumentView, **components)


def test_gradio_matches_a_returned_dict_to_the_outputs_by_component():
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    with gr.Blocks() as blocks:
        first, second = gr.Textbox(), gr.Textbox()
        button = gr.Button()
        button.click(lambda: {second: "deux", first: "un"}, None, [first, second])
    event = next(iter(blocks.fns.values()))
    with ThreadPoolExecutor(1) as thread:  # a loop of its own, whatever runs in this thread (the browser tests')
        shown = thread.submit(asyncio.run, blocks.postprocess_data(event, {second: "deux", first: "un"}, None))
    assert shown.result() == ["un", "deux"]
