"""Image → plain-language text: safe loading, readers (embedded graph, Graphviz SVG, OCR, backend), description."""
