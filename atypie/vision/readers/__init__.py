"""Readers, best first: the graph atypie embedded, a Graphviz SVG's structure, OCR, a vision backend."""
