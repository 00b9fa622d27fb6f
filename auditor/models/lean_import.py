"""Import transformers' modelling code for inference without the training and compiler machinery.

Issue 5 wants a classifier loaded in a fresh process in under 2 s. Importing a model class through the
Auto classes (``modeling_bert``, ``modeling_roberta``, ...) costs ~1.1 s of CPU, and most of it is
machinery inference never runs (transformers 5.23, torch 2.13, measured with ``-X importtime``):

* ``transformers.models`` scans all ~2,500 files of the models folder to build its lazy import table,
  a scan ``import transformers`` has just done: transformers caches it (``lru_cache``), but keyed by
  the path as given, and the two calls spell the same folder differently (~0.22 s);
* ``modeling_utils`` imports every loss, and the object-detection losses import ``scipy.optimize``
  when scipy is installed (~0.23 s), for a Hungarian matcher used only when training DETR-like models;
* ``masking_utils`` imports one small module from ``torch._dynamo``; that runs the package's
  ``__init__``, which loads the whole compiler stack (dynamo, inductor config, FSDP, DTensor: ~0.35 s
  beyond what loading needs). Other modules only apply dynamo's decorators (``disable``,
  ``allow_in_graph``, ``assume_constant_result``) to functions at import time;
* ``core_model_loading`` imports DTensor support for tensor-parallel loading (~0.15 s more).

:func:`lean_imports` avoids the four, each one in a way that changes no computation:

1. the second scan reuses the first (same folder, same function, transformers' own cache);
2. transformers' own availability flag ``is_scipy_available`` reads False while the modelling code is
   imported, so its guarded ``from scipy.optimize import linear_sum_assignment`` is skipped; afterwards
   the real flag is put back and the skipped name becomes a stand-in that imports scipy on first call;
3. ``torch._dynamo`` becomes a *deferred package* (on the torch version this was written for): the
   one submodule masking_utils wants loads alone, the three decorators record their function and
   hand it back unchanged (``disable`` hands back a forwarder), and the first use of anything else
   (an attribute, another submodule, ``torch.compile``) runs the real package ``__init__`` in place,
   replaying what was recorded. Until then nothing can be compiling, so a forwarder calling its
   function directly is exactly what dynamo's disabled wrapper does in eager mode;
4. the flag ``is_torch_distributed_available`` reads False for the modelling code imported here, as
   on a torch built without ``torch.distributed``: one process scoring on CPU never shards a tensor.

Each trick checks what it relies on and is skipped when that is missing (another transformers or torch
version), so the worst case is the normal, slower import. ``AUDITOR_LEAN_IMPORT=0`` turns them all off
(for comparing outputs or timing: ``bench/model_identity_check.py``, ``bench/model_load_bench.py``).
"""

from __future__ import annotations

import functools
import importlib.util
import os
import sys
import threading
import types
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

ENV_SWITCH = "AUDITOR_LEAN_IMPORT"
_DEFERRED_DECORATORS = ("allow_in_graph", "assume_constant_result")
_active = threading.local()


def enabled() -> bool:
    return os.environ.get(ENV_SWITCH, "1").strip().lower() not in {"0", "false", "no", "off"}


@contextmanager
def lean_imports() -> Iterator[None]:
    """Import (and load) models inside this block; see the module docstring. Re-entrant.

    Call it after ``import torch, transformers``. The deferred ``torch._dynamo`` outlives the block on
    purpose: loading and scoring would otherwise import it on first use.
    """
    depth = getattr(_active, "depth", 0)
    _active.depth = depth + 1
    try:
        if depth or not enabled():
            yield
            return
        with ExitStack() as stack:
            defer_dynamo()
            for trick in (_shared_models_scan, _scipy_skipped, _distributed_skipped):
                try:
                    stack.enter_context(trick())
                except Exception:  # noqa: BLE001  a trick that cannot apply costs time, never the load
                    pass
            yield
    finally:
        _active.depth = depth


# 1. One scan of transformers/models ---------------------------------------------------------------

@contextmanager
def _shared_models_scan() -> Iterator[None]:
    from transformers.utils import import_utils

    scan = import_utils.create_import_structure_from_path
    if not hasattr(scan, "cache_info"):  # not the lru_cache'd function this relies on
        yield
        return

    @functools.wraps(scan)
    def scan_folder_once(module_path: Any) -> Any:
        # `transformers.models` passes its __init__.py, `import transformers` passed the folder as a
        # Path; the function itself starts with this same dirname, so only the cache key changes.
        if isinstance(module_path, (str, os.PathLike)) and os.path.isfile(module_path):
            module_path = Path(os.path.dirname(module_path))
        return scan(module_path)

    import_utils.create_import_structure_from_path = scan_folder_once
    try:
        yield
    finally:
        if import_utils.create_import_structure_from_path is scan_folder_once:
            import_utils.create_import_structure_from_path = scan


# 2 and 4. Availability flags read False while the modelling code is imported ---------------------

def _lazy_linear_sum_assignment(*args: Any, **kwargs: Any) -> Any:
    from scipy.optimize import linear_sum_assignment

    return linear_sum_assignment(*args, **kwargs)


@contextmanager
def _flag_off(flag: str, already_imported: str, keep_in_importers: bool) -> Iterator[None]:
    """transformers' ``flag`` (``is_<x>_available``) returns False inside the block.

    Modules imported meanwhile bind the flag by name (``from ..utils import is_scipy_available``) and
    skip the imports it guards. With ``keep_in_importers`` they keep seeing False (their code then
    stays on the paths that never touch the skipped names); otherwise they get the real flag back.
    """
    import transformers.utils
    from transformers.utils import import_utils

    real = getattr(import_utils, flag)
    if already_imported in sys.modules or getattr(transformers.utils, flag) is not real or not real():
        yield  # already paid for, absent anyway, or not the flag this was written for
        return

    def unavailable_while_importing() -> bool:
        return False

    setattr(import_utils, flag, unavailable_while_importing)
    setattr(transformers.utils, flag, unavailable_while_importing)
    try:
        yield
    finally:
        setattr(import_utils, flag, real)
        setattr(transformers.utils, flag, real)
        for module in list(sys.modules.values()):
            # vars(), not getattr: lazy modules (the deferred torch._dynamo among them) import on getattr.
            namespace = getattr(module, "__dict__", {})
            if namespace.get(flag) is unavailable_while_importing and not keep_in_importers:
                namespace[flag] = real
                # The one name the object-detection losses import under this flag.
                if flag == "is_scipy_available" and module.__name__.startswith("transformers.loss"):
                    namespace.setdefault("linear_sum_assignment", _lazy_linear_sum_assignment)


def _scipy_skipped() -> Any:
    # Real flag back afterwards: the losses' only scipy name becomes a stand-in that imports on call.
    return _flag_off("is_scipy_available", "scipy.optimize", keep_in_importers=False)


def _distributed_skipped() -> Any:
    # transformers then treats this process as it treats a torch built without torch.distributed
    # (a supported setup): no DTensor / FSDP imports (~0.15 s), and its tensor-parallel helpers answer
    # "not distributed", which a single-process classifier is. They keep that answer: they skipped
    # importing the DTensor names the real flag would lead them to.
    return _flag_off("is_torch_distributed_available", "torch.distributed.tensor", keep_in_importers=True)


# 3. Deferred torch._dynamo -----------------------------------------------------------------------

# The only submodule allowed to load before the package's __init__: masking_utils' import. It imports
# torch-level modules only, nothing from torch._dynamo (so no circular import when __init__ runs later).
_EARLY_SUBMODULES = frozenset({"torch._dynamo._trace_wrapped_higher_order_op"})
# The deferral knows these torch internals (which submodule is safe early, which decorators only
# register their function); on another torch the package is imported normally.
_TESTED_TORCH = ("2.13",)
_dynamo_lock = threading.RLock()


class _DeferredPackage(types.ModuleType):
    """``torch._dynamo`` before its ``__init__`` has run; any use beyond the deferred decorators runs it."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") and name != "__all__":
            raise AttributeError(name)
        _complete(self)
        return getattr(self, name)


class _ExistingModule:
    """Loader handing the import system a module that already exists (see _CompleteFirst)."""

    def __init__(self, module: types.ModuleType) -> None:
        self.module, self.spec = module, module.__spec__

    def create_module(self, spec: Any) -> types.ModuleType:
        return self.module

    def exec_module(self, module: types.ModuleType) -> None:
        module.__spec__ = self.spec  # the import system set its own spec on it


class _CompleteFirst:
    """Meta path finder: importing any other ``torch._dynamo.*`` first runs the package ``__init__``.

    So submodules load in the order a normal ``import torch._dynamo`` gives them (torch.compile, for
    one, imports ``torch._dynamo.backends.registry`` directly); nothing but _EARLY_SUBMODULES ever
    loads ahead of the ``__init__``.
    """

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> Any:
        if not name.startswith("torch._dynamo.") or name in _EARLY_SUBMODULES:
            return None
        module = sys.modules.get("torch._dynamo")
        if type(module) is not _DeferredPackage:
            return None
        _complete(module)
        existing = sys.modules.pop(name, None)
        if existing is None:
            return None  # not imported by __init__: the normal finders load it now
        # __init__ imported it meanwhile; without this the caller's import would load a second copy.
        return importlib.util.spec_from_loader(name, _ExistingModule(existing))


_complete_first = _CompleteFirst()


def _complete(module: types.ModuleType) -> None:
    """Run the real ``torch._dynamo/__init__.py`` in the deferred module, then replay the decorators."""
    with _dynamo_lock:
        if type(module) is not _DeferredPackage:
            return
        if _complete_first in sys.meta_path:
            sys.meta_path.remove(_complete_first)
        pending: list[tuple[str, Callable]] = module.__dict__.pop("_auditor_pending")
        for name in (*_DEFERRED_DECORATORS, "disable"):
            module.__dict__.pop(name, None)
        module.__class__ = types.ModuleType
        spec = module.__spec__
        spec._initializing = True  # concurrent importers wait, as for a normal import
        try:
            spec.loader.exec_module(module)
        finally:
            spec._initializing = False
        for name, fn in pending:
            getattr(module, name)(fn)


def _completed(module: types.ModuleType) -> types.ModuleType:
    _complete(module)
    return module


def _deferred_decorator(module: types.ModuleType, name: str) -> Callable:
    def record(fn: Any = None, *args: Any, **kwargs: Any) -> Any:
        if type(module) is not _DeferredPackage or not callable(fn) or args or kwargs:
            return getattr(_completed(module), name)(fn, *args, **kwargs)
        module._auditor_pending.append((name, fn))
        return fn  # these decorators only register fn and return it

    record.__name__ = name
    return record


def _deferred_disable(module: types.ModuleType) -> Callable:
    def disable(fn: Any = None, *args: Any, **kwargs: Any) -> Any:
        if fn is None and (args[0] if args else kwargs.get("recursive", True)) is False:
            # `@disable(recursive=False)`: a plain decorator (the recursive form is also a context
            # manager, so that one is left to the real dynamo).
            return lambda function: disable(function, *args, **kwargs)
        if type(module) is not _DeferredPackage or not isinstance(fn, types.FunctionType):
            return _completed(module).disable(fn, *args, **kwargs)
        real: list[Callable] = []

        @functools.wraps(fn)
        def call(*call_args: Any, **call_kwargs: Any) -> Any:
            if not real:
                if type(module) is _DeferredPackage:
                    return fn(*call_args, **call_kwargs)  # dynamo not loaded: nothing is compiling
                real.append(module.disable(fn, *args, **kwargs))
            return real[0](*call_args, **call_kwargs)

        return call

    return disable


def defer_dynamo() -> bool:
    """Install the deferred ``torch._dynamo`` (see the module docstring); True if it is in place."""
    if not enabled():
        return False
    with _dynamo_lock:
        current = sys.modules.get("torch._dynamo")
        if current is not None:
            return type(current) is _DeferredPackage
        try:
            import torch

            if not torch.__version__.startswith(tuple(f"{v}." for v in _TESTED_TORCH)):
                return False
            spec = importlib.util.find_spec("torch._dynamo")
            if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module") \
                    or not spec.submodule_search_locations:
                return False
            module = importlib.util.module_from_spec(spec)
        except Exception:  # noqa: BLE001  no deferral: torch imports it normally when needed
            return False
        module._auditor_pending = []
        for name in _DEFERRED_DECORATORS:
            setattr(module, name, _deferred_decorator(module, name))
        module.disable = _deferred_disable(module)
        module.__class__ = _DeferredPackage
        sys.meta_path.insert(0, _complete_first)
        sys.modules["torch._dynamo"] = module
        torch._dynamo = module
        return True


def status() -> dict[str, bool]:
    """Which of the heavy imports this process has avoided so far (for tests and benchmarks)."""
    dynamo = sys.modules.get("torch._dynamo")
    return {
        "dynamo_deferred": dynamo is None or type(dynamo) is _DeferredPackage,
        "scipy_optimize_not_imported": "scipy.optimize" not in sys.modules,
        "dtensor_not_imported": "torch.distributed.tensor" not in sys.modules,
    }
