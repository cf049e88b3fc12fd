"""NLTK's modules that newslab uses, imported without NLTK's package imports.

``import nltk`` (and so ``from nltk.tokenize.punkt import ...``) first runs
``nltk/__init__.py``, which imports nearly all of NLTK and, through ``nltk.classify``,
scikit-learn and SciPy's statistics: about 1.5 CPU-s, in every process that splits a
sentence, for the three modules newslab uses (Punkt, ``RegexpTokenizer`` and the Porter
stemmer, about 0.1 CPU-s with what they import themselves).

:func:`module` imports one NLTK module with the packages above it (``nltk``,
``nltk.tokenize``, ``nltk.stem``) registered as *deferred* packages when they are not
imported yet: a package whose ``__init__.py`` runs on the first attribute asked of it that
it does not have (``nltk.word_tokenize``, ``nltk.__version__``, ``from nltk import
FreqDist``), into the same module object. The import system's own questions (is there a
submodule of that name?) do not run it. So the modules are NLTK's own, the same objects a
later ``import nltk`` gives (``nltk.tokenize.punkt`` is this module), and code of the
caller's that uses the rest of NLTK gets all of it, only later. Where ``nltk`` is already
imported this is a plain import, and so it is when the deferral fails (an NLTK whose
packages are laid out otherwise): what it registered is removed and ``nltk`` imported whole.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import importlib.util
import re
import sys
import threading
import types

_LOCK = threading.RLock()
_PENDING = "_newslab_deferred_init"
#: the import system's own code: frozen (the usual), or its files (``-X frozen_modules=off``)
_IMPORT_SYSTEM = re.compile(r"^<frozen importlib\._bootstrap|importlib[/\\]_bootstrap\w*\.py$")


class DeferredPackage(types.ModuleType):
    """A package whose ``__init__.py`` has not run yet: it runs, once, on the first
    attribute the package lacks (unless the import system asks: a submodule may be
    meant)."""

    def __getattr__(self, name):
        d = self.__dict__
        if d.get(_PENDING) and _IMPORT_SYSTEM.search(sys._getframe(1).f_code.co_filename):
            raise AttributeError(name)  # ``from pkg import sub``: the submodule is imported
        _run_init(self)
        try:
            return d[name]
        except KeyError:
            raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}") \
                from None


def _run_init(mod: types.ModuleType) -> None:
    """Run a deferred package's ``__init__.py`` (its parents' first, in the order a plain
    ``import`` runs them: NLTK's subpackages import each other in that order only)."""
    parent = mod.__name__.rpartition(".")[0]
    with _LOCK:
        if parent and isinstance(sys.modules.get(parent), DeferredPackage):
            _run_init(sys.modules[parent])
        d = mod.__dict__
        if d.get(_PENDING):
            d[_PENDING] = False
            spec = d["__spec__"]
            exec(spec.loader.get_code(spec.name), d)


def _deferred(name: str) -> types.ModuleType:
    """The package ``name`` from ``sys.modules``, else registered there deferred."""
    mod = sys.modules.get(name)
    if mod is not None:
        return mod
    parent, _, child = name.rpartition(".")
    if parent:
        spec = importlib.machinery.PathFinder.find_spec(name, _deferred(parent).__path__)
    else:
        spec = importlib.util.find_spec(name)
    if spec is None or spec.submodule_search_locations is None:
        raise ModuleNotFoundError(f"No package named {name!r}", name=name)
    mod = DeferredPackage(name)
    mod.__dict__.update({"__spec__": spec, "__loader__": spec.loader, "__package__": name,
                         "__file__": spec.origin,
                         "__path__": list(spec.submodule_search_locations),
                         _PENDING: True})
    sys.modules[name] = mod
    if parent:
        setattr(sys.modules[parent], child, mod)
    return mod


class _InitFirst:
    """On ``sys.meta_path``: an import of any other NLTK module while ``nltk`` is deferred
    runs ``nltk/__init__.py`` first (as a plain import would), then lets the usual finders
    find it. Finds nothing itself."""

    light = threading.local()

    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if name.startswith("nltk.") and not getattr(cls.light, "on", False):
            root = sys.modules.get("nltk")
            if isinstance(root, DeferredPackage) and root.__dict__.get(_PENDING):
                _run_init(root)
        return None


def module(name: str) -> types.ModuleType:
    """The NLTK module ``name`` (``"nltk.tokenize.punkt"``), imported with the packages
    above it deferred (see the module docstring)."""
    mod = sys.modules.get(name)
    if mod is not None:
        return mod
    with _LOCK:
        if _InitFirst not in sys.meta_path:
            sys.meta_path.insert(0, _InitFirst)
        before = {k for k in sys.modules if k == "nltk" or k.startswith("nltk.")}
        _InitFirst.light.on = True
        try:
            parts = name.split(".")[:-1]
            for i in range(1, len(parts) + 1):
                _deferred(".".join(parts[:i]))
            return importlib.import_module(name)
        except Exception:  # noqa: BLE001 - an NLTK laid out otherwise: the plain import
            for k in [k for k in sys.modules
                      if (k == "nltk" or k.startswith("nltk.")) and k not in before]:
                del sys.modules[k]
        finally:
            _InitFirst.light.on = False
    return importlib.import_module(name)
