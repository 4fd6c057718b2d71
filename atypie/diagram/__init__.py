"""Text → diagram: a typed graph, pure DOT generation with accessible themes, rendering, descriptions.

`atypie.diagram` is both this package and the public function `atypie.diagram(text, profile)`: once the
package is imported Python binds its name on `atypie`, so the package itself is made callable."""
import sys
import types


class _CallablePackage(types.ModuleType):
    def __call__(self, *args, **kwargs):
        from ..api import diagram

        return diagram(*args, **kwargs)


sys.modules[__name__].__class__ = _CallablePackage
