"""Event outputs bound by name. Gradio takes a handler's return value as `{component: value}`, in any order (outputs
left out are not changed), so no handler depends on the order of the outputs list its event declares."""
from __future__ import annotations

from dataclasses import fields


class ViewOutputs:
    """The components that show one kind of typed view (a dataclass of `handlers`), one per field, by the field's
    name: `outputs` is the list the event declares, `of(view)` the handler's return value. Every field must be
    shown, and nothing else: checked when the page is built."""

    def __init__(self, view_type: type, **components) -> None:
        names = [f.name for f in fields(view_type)]
        if sorted(components) != sorted(names):
            raise TypeError(f"{view_type.__name__} has the fields {names}; components were given for "
                            f"{list(components)}")
        self.view_type = view_type
        self.components = components

    @property
    def outputs(self) -> list:
        return list(self.components.values())

    def of(self, view) -> dict:
        if not isinstance(view, self.view_type):
            raise TypeError(f"expected a {self.view_type.__name__}, got a {type(view).__name__}")
        return {component: getattr(view, name) for name, component in self.components.items()}
