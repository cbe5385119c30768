"""The public and holder pages of the certificates plugin, one module per audience (the admin's are in ``admin/``)."""
