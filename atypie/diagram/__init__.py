"""Text → diagram: a typed graph, pure DOT generation with accessible themes, rendering, descriptions."""
