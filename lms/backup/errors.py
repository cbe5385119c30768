class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why (shown to the operator as it is)."""
