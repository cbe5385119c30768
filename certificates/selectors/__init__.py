"""Reads of the certificates plugin, one module per audience: the holder, the public verifier, the admin, and the
plugins above (what people are certified competent in)."""
