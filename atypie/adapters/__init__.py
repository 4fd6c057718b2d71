"""Thin adapters around external programs and services (Tesseract, Graphviz, …), with clear errors."""
