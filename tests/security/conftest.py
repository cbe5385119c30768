"""Reports the size of the access sweep at the end of the run (the closing note quotes it)."""

import sys


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    sweep = sys.modules.get("tests.security.test_access_sweep")
    if sweep is None:  # not collected in this run
        return
    patterns = sweep.PATTERNS
    public = sum(1 for pattern in patterns if pattern.is_public)
    cases = len(patterns) * len(sweep.ACTORS) * len(sweep.METHODS)
    terminalreporter.write_line(
        f"access sweep: {len(patterns)} URL patterns with a parameter ({public} public by design) "
        f"x {len(sweep.ACTORS)} people x {len(sweep.METHODS)} methods = {cases} cases"
    )
