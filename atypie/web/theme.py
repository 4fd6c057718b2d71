"""The look of both pages: a Gradio theme whose text and controls reach at least 4.5:1 contrast (light and dark),
a visible keyboard focus, and room for the reading frames and diagrams."""
from __future__ import annotations

from . import gradio_compat

# Dark blue accent: #0b4f9c on white is 8.0:1; the light blue used in dark mode, #9cc7ff on #121212, is 10.7:1.
BLUE = ("#eef4fb", "#d6e4f5", "#adc9eb", "#7aa6dc", "#3f7cc4", "#0b4f9c", "#094489", "#083a75", "#062f5f",
        "#052549", "#031833")

CSS = """
:focus-visible, button:focus-visible, input:focus-visible, textarea:focus-visible, select:focus-visible,
[role="tab"]:focus-visible, a:focus-visible, iframe:focus-visible, [tabindex]:focus-visible {
  outline: 3px solid #0b4f9c !important; outline-offset: 2px !important; box-shadow: 0 0 0 5px #ffffff !important;
}
.dark :focus-visible, .dark button:focus-visible, .dark input:focus-visible, .dark textarea:focus-visible,
.dark [role="tab"]:focus-visible, .dark a:focus-visible, .dark iframe:focus-visible {
  outline-color: #ffd84d !important; box-shadow: 0 0 0 5px #121212 !important;
}
.atypie-frame { width: 100%; min-height: 24rem; height: 60vh; border: 2px solid #595959; border-radius: 4px;
  resize: vertical; }
.atypie-figure { margin: 0; }
.atypie-figure svg, .atypie-figure img { max-width: 100%; height: auto; background: #ffffff; }
.atypie-figure figcaption { margin-top: .5rem; }
.atypie-table { border-collapse: collapse; width: 100%; }
.atypie-table th, .atypie-table td { border: 1px solid #595959; padding: .4rem .6rem; text-align: left; }
""" + gradio_compat.CSS


def theme():
    import gradio as gr

    blue = gr.themes.Color(*BLUE, name="atypie-blue")
    return gr.themes.Default(primary_hue=blue, secondary_hue=blue, neutral_hue=gr.themes.colors.gray).set(
        body_text_color="#1a1a1a", body_text_color_dark="#f2f2f2",
        body_text_color_subdued="#4a4a4a", body_text_color_subdued_dark="#d0d0d0",
        body_background_fill="#ffffff", body_background_fill_dark="#121212",
        block_label_text_color="#333333", block_label_text_color_dark="#e6e6e6",
        block_title_text_color="#333333", block_title_text_color_dark="#e6e6e6",
        block_info_text_color="#4a4a4a", block_info_text_color_dark="#d0d0d0",
        input_placeholder_color="#5c5c5c", input_placeholder_color_dark="#bdbdbd",
        input_border_color="#6b6b6b", input_border_color_dark="#9a9a9a",
        button_primary_background_fill="#0b4f9c", button_primary_background_fill_hover="#083a75",
        button_primary_text_color="#ffffff",
        button_primary_background_fill_dark="#9cc7ff", button_primary_background_fill_hover_dark="#c4ddff",
        button_primary_text_color_dark="#0a0a0a",
        button_secondary_background_fill="#e8e8e8", button_secondary_background_fill_hover="#d4d4d4",
        button_secondary_text_color="#1a1a1a", button_secondary_border_color="#6b6b6b",
        button_secondary_background_fill_dark="#3a3a3a", button_secondary_text_color_dark="#f2f2f2",
        link_text_color="#0b4f9c", link_text_color_visited="#5b2a86", link_text_color_hover="#083a75",
        link_text_color_dark="#9cc7ff", link_text_color_visited_dark="#d3b3f5", link_text_color_hover_dark="#c4ddff",
        color_accent="#0b4f9c", color_accent_soft="#d6e4f5", color_accent_soft_dark="#052549",
        error_text_color="#a61b1b", error_text_color_dark="#ffd4d4",
        button_cancel_background_fill="#a61b1b", button_cancel_background_fill_hover="#7f1414",
        button_cancel_text_color="#ffffff", button_cancel_text_color_hover="#ffffff",
        button_cancel_border_color="#a61b1b",
        button_cancel_background_fill_dark="#ffb3b3", button_cancel_background_fill_hover_dark="#ffd4d4",
        button_cancel_text_color_dark="#0a0a0a", button_cancel_text_color_hover_dark="#0a0a0a",
    )
