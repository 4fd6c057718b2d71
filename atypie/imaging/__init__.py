"""Generative illustration: pictograms, and diagrams illustrated by a local diffusion model behind the gate."""
