"""External data: the publishers' datasets, checked on arrival, normalised, cited.

One module per concern, the imports running one way (each imports only those
before it):

:mod:`~analysis.external.registry`
    :class:`~analysis.external.registry.Dataset`, ``DataError``, the
    ``REGISTRY`` and ``register()``; ``data_version()`` and ``cite()``. It knows
    no publisher.
:mod:`~analysis.external.load`
    ``check_file()``, ``load()`` with its cache, and the text helpers the
    publishers share (``clean_text``, ``decimal_comma``, ``explode_codes``, ``note``).
:mod:`~analysis.external.countries`, :mod:`~analysis.external.ucdp`, :mod:`~analysis.external.ewp`, \
:mod:`~analysis.external.pitf`, :mod:`~analysis.external.un`
    one module per publisher: its registry entries, the normalisers of its
    files' quirks and its adapters to the country-year panel (countries holds
    the Gleditsch–Ward list and the code crosswalks the others use).
:mod:`~analysis.external.fetch`
    ``fetch_all()`` (``make data``): mirror or download from each file's direct URLs (zip member or
    conversion, pinned sha256, retries), checks, ``PROVENANCE.csv``.

Importing the package imports every publisher's module, so the registry is
complete whichever module a caller asks for. Adding a dataset is one module
(or one entry in its publisher's module) with a :func:`~analysis.external.registry.register` call, and its
import below.
"""

from . import countries, ewp, fetch, load, pitf, registry, ucdp, un

__all__ = ["countries", "ewp", "fetch", "load", "pitf", "registry", "ucdp", "un"]
