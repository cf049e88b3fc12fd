"""NLTK's modules without NLTK's package ``__init__``, which imports nearly all of NLTK.

``import nltk.tokenize.punkt`` runs ``nltk/__init__.py`` first, and it imports most of NLTK
and with it scikit-learn and ``scipy.stats``: about 0.5 CPU-s, 0.15 of them when those two
are loaded anyway; newslab needs only a few leaf modules (Punkt, the regexp tokenizer, the
Porter stemmer). :func:`module` imports such a module under its own name, with the packages
above it (``nltk``, ``nltk.tokenize``) *deferred*: module objects whose ``__init__.py`` has
not run yet. NLTK stays the same for everyone else: a deferred package runs its
``__init__.py`` in the same module object, as ``import nltk`` would have, as soon as
anything else is asked of it (a name that is not one of its submodules: ``nltk.download``,
``from nltk import word_tokenize``, ``from nltk.tokenize import *``) or any other NLTK
module is imported (``from nltk.corpus import stopwords``: NLTK's ``__init__`` first, so its
modules load in its own order). With NLTK imported already, :func:`module` is
``importlib.import_module``; if the deferred import fails, NLTK is imported the ordinary
way.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import threading
import types

_lock = threading.RLock()
#: > 0 while :func:`module` imports a leaf and what the leaf imports (let through as is)
_window = 0


class _Deferred(types.ModuleType):
    """A package whose ``__init__.py`` has not run yet (see the module doc)."""

    def __getattr__(self, name):
        with _lock:
            if type(self) is _Deferred:
                if not name.startswith("__") and _has_submodule(self.__name__, name):
                    return importlib.import_module(f"{self.__name__}.{name}")
                _run_inits(self.__name__)
        return getattr(self, name)


def _has_submodule(package: str, name: str) -> bool:
    try:
        return importlib.util.find_spec(f"{package}.{name}") is not None
    except (ImportError, ValueError):
        return False


def _run_inits(upto: str) -> None:
    """Run the ``__init__.py`` of ``nltk`` and then of each still deferred package down to
    ``upto``, parents first (NLTK's own ``__init__`` reaches the others in its order)."""
    parts = upto.split(".")
    for k in range(1, len(parts) + 1):
        mod = sys.modules.get(".".join(parts[:k]))
        if type(mod) is _Deferred:
            mod.__class__ = types.ModuleType  # from here on a plain module
            mod.__spec__.loader.exec_module(mod)


class _AlreadyLoaded:
    """The loader of a module that NLTK's ``__init__`` imported while the import system was
    looking for it: the module as it is."""

    def create_module(self, spec):
        self.module = sys.modules[spec.name]
        self.spec = self.module.__spec__
        return self.module

    def exec_module(self, module):
        module.__spec__ = self.spec


class _Finder:
    """First on ``sys.meta_path`` once a package is deferred: while ``nltk`` is, any other
    NLTK import runs NLTK's ``__init__`` first; after that it does nothing (it stays: taking
    it off the list while the import system walks the list would skip the next finder)."""

    def find_spec(self, fullname, path=None, target=None):
        if _window or not fullname.startswith("nltk.") \
                or type(sys.modules.get("nltk")) is not _Deferred:
            return None
        _run_inits("nltk")
        if fullname in sys.modules:
            return importlib.util.spec_from_loader(fullname, _AlreadyLoaded())
        return None


_FINDER = _Finder()


def _defer(package: str) -> None:
    """``package`` and the packages above it, where not imported yet, as deferred modules."""
    parts = package.split(".")
    for k in range(1, len(parts) + 1):
        name = ".".join(parts[:k])
        if name in sys.modules:
            continue
        spec = importlib.util.find_spec(name)
        if spec is None or spec.submodule_search_locations is None or spec.loader is None:
            raise ImportError(f"no package {name}")
        mod = _Deferred(name)
        mod.__spec__, mod.__loader__, mod.__file__ = spec, spec.loader, spec.origin
        mod.__path__ = list(spec.submodule_search_locations)
        mod.__package__ = name
        sys.modules[name] = mod
        if k > 1:
            setattr(sys.modules[".".join(parts[:k - 1])], parts[k - 1], mod)
    if _FINDER not in sys.meta_path:
        sys.meta_path.insert(0, _FINDER)


def module(name: str) -> types.ModuleType:
    """The NLTK module ``name`` (a leaf: ``nltk.tokenize.punkt``, ``nltk.stem.porter``),
    imported without running NLTK's package ``__init__`` unless NLTK is imported already."""
    global _window
    got = sys.modules.get(name)
    if got is not None:
        return got
    with _lock:
        top = sys.modules.get("nltk")
        if top is not None and type(top) is not _Deferred:
            return importlib.import_module(name)
        _window += 1
        try:
            _defer(name.rpartition(".")[0])
            return importlib.import_module(name)
        except (ImportError, AttributeError):
            # forget the deferred packages and what they imported: NLTK the ordinary way
            if type(sys.modules.get("nltk")) is _Deferred:
                for k in [k for k in sys.modules if k == "nltk" or k.startswith("nltk.")]:
                    del sys.modules[k]
        finally:
            _window -= 1
    return importlib.import_module(name)
