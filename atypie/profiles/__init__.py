"""Accessibility profiles: the model, the shipped presets, and setting overrides."""
