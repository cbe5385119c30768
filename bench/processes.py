"""The processes a run starts and waits for: our own commands, servers and workers, each logging to the run's
folder."""

import contextlib
import resource
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from bench.plan import CORES, ROOT, Run


def sh(command: list[str], *, env: dict | None = None, cwd: Path = ROOT, timeout: int = 900, quiet: bool = True):
    result = subprocess.run(  # noqa: S603 — our own commands
        command, env=env, cwd=cwd, capture_output=quiet, text=True, timeout=timeout, check=False
    )
    if result.returncode != 0:
        if quiet:
            print(result.stdout[-4000:], result.stderr[-4000:], sep="\n", file=sys.stderr)
        raise SystemExit(f"bench: command failed ({result.returncode}): {' '.join(command)}")
    return result


def measured(command: list[str], *, env: dict | None = None, cwd: Path = ROOT, timeout: int = 900):
    """Run a load generator; return (completed process, its CPU as a share of the whole machine, in %)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    result = subprocess.run(  # noqa: S603 — our own commands
        command, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False
    )
    wall = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return result, round(100 * cpu / wall / CORES, 1)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(run: Run, command: list[str], *, env: dict, name: str, new_session: bool = False) -> subprocess.Popen:
    """Start a process logging to ``<work>/<name>.log``; with ``new_session`` it leads its own process group (so that
    a drill can kill it with every child)."""
    logfile = (run.work / f"{name}.log").open("w")
    process = subprocess.Popen(  # noqa: S603 — our own commands
        command, env=env, cwd=ROOT, stdout=logfile, stderr=subprocess.STDOUT, start_new_session=new_session
    )
    process.logfile = run.work / f"{name}.log"
    run.processes.append(process)
    return process


def stop(run: Run, process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    with contextlib.suppress(ValueError):
        run.processes.remove(process)


def wait_http(url: str, process: subprocess.Popen, seconds: int = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            print(process.logfile.read_text()[-4000:], file=sys.stderr)
            raise SystemExit(f"bench: the server died while starting ({url})")
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310
            if response.status == 200:  # our own 127.0.0.1 URL
                return
        time.sleep(0.3)
    raise SystemExit(f"bench: no answer from {url} after {seconds}s")


def wait_log(process: subprocess.Popen, text: str, seconds: int = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in process.logfile.read_text():
            return
        if process.poll() is not None:
            break
        time.sleep(0.3)
    print(process.logfile.read_text()[-4000:], file=sys.stderr)
    raise SystemExit(f"bench: {process.args[:3]} did not say {text!r}")
