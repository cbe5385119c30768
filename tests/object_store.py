"""A local S3-compatible object store for the tests: moto's standalone server (``moto_server``), real HTTP on a free
port, in its own process group. ``.ci/run`` starts one for the whole PostgreSQL leg (``KOMPETEN_S3_BUCKET`` and
friends in the environment); the tests marked ``object_store`` start their own on any leg (``tests/storage/``).

``moto_server`` keeps its objects in memory: stopping it loses them, which the fault tests use on purpose.
"""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import boto3
from botocore.config import Config

BIN = Path(sys.executable).parent
ACCESS_KEY = "kompeten-test"
SECRET_KEY = "kompeten-test-secret"
REGION = "us-east-1"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _port_open(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.2)
        return probe.connect_ex(("127.0.0.1", port)) == 0


class MotoServer:
    """``moto_server -H 127.0.0.1 -p <port>``, started and stopped by whoever holds it (the same port each time)."""

    def __init__(self, port: int | None = None):
        self.port = port or free_port()
        self.process: subprocess.Popen | None = None

    @property
    def endpoint_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, *, timeout: float = 30.0) -> None:
        self.process = subprocess.Popen(
            [str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while not _port_open(self.port):
            if self.process.poll() is not None:
                raise RuntimeError(f"moto_server exited with {self.process.returncode}")
            if time.monotonic() > deadline:
                self.stop()
                raise TimeoutError(f"moto_server did not listen on {self.port} within {timeout:.0f} s")
            time.sleep(0.1)

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        except ProcessLookupError:
            pass

    def client(self):
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            region_name=REGION,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
            config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1}),
        )

    def create_bucket(self, name: str) -> None:
        self.client().create_bucket(Bucket=name)

    def environment(self, bucket: str) -> dict[str, str]:
        """The variables that point the site's storages at this server (``lms.settings.base.object_storages``)."""
        return {
            "KOMPETEN_S3_BUCKET": bucket,
            "KOMPETEN_S3_ENDPOINT_URL": self.endpoint_url,
            "KOMPETEN_S3_REGION": REGION,
            "KOMPETEN_S3_ACCESS_KEY_ID": ACCESS_KEY,
            "KOMPETEN_S3_SECRET_ACCESS_KEY": SECRET_KEY,
            # A stopped store must fail fast in the fault tests: one try, a short connect timeout.
            "KOMPETEN_S3_CONNECT_TIMEOUT": "2",
            "KOMPETEN_S3_READ_TIMEOUT": "10",
            "KOMPETEN_S3_MAX_ATTEMPTS": "1",
        }


def main() -> None:
    """``python -m tests.object_store PORT BUCKET``: start moto_server in the foreground with the bucket (.ci/run)."""
    port, bucket = int(sys.argv[1]), sys.argv[2]
    server = MotoServer(port)
    server.start()
    server.create_bucket(bucket)
    print(f"moto_server ready on {server.endpoint_url}, bucket {bucket}", flush=True)
    signal.signal(signal.SIGTERM, lambda *_: (server.stop(), sys.exit(0)))
    try:
        while server.process and server.process.poll() is None:
            time.sleep(1)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
