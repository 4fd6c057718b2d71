"""The web app (Gradio). Imported only by `atypie serve` and the demos, never by `import atypie`."""
