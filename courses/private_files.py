"""Kept only because migrations name its callable (``assessments`` 0009, ``placement`` 0006 store
``courses.private_files.private_storage`` as a FileField's storage): the code lives in ``kompeten_core.private_files``.
Import it from there; this module is not part of the plugin's interface."""

from kompeten_core.private_files import private_storage

__all__ = ["private_storage"]
