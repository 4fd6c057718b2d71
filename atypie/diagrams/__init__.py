"""Text → diagram: a typed graph, pure DOT generation with accessible themes, rendering, descriptions.

The public function is `atypie.diagram(text, profile)` (in `atypie.api`); this package holds its parts."""
