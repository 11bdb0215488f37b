"""A Dask scheduler address that is wrong, silent or not Dask at all is one usage
error, never a hang or a traceback (issue 28)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest
from helpers import EXAMPLES, bantin

from bantin.errors import UsageError
from bantin.run import cluster
from bantin.run.settings import Settings


@pytest.mark.parametrize("address", ["garbage", "", "tcp://", "LOCAL", "tcp://[::1", "inproc://x", "tcp://h:99999"])
def test_a_malformed_address_is_a_usage_error(address: str) -> None:
    with pytest.raises(UsageError, match="--scheduler takes local or an address"):
        Settings.make("txt", scheduler=address)
    r = bantin("export", "-f", "txt", "--scheduler", address, "-o", "-", str(EXAMPLES / "thu-vien-so.txt"))
    assert r.returncode == 2 and b"Traceback" not in r.stderr


@pytest.fixture
def server() -> Iterator[tuple[socket.socket, list[bytes]]]:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    replies: list[bytes] = []
    held: list[socket.socket] = []

    def serve() -> None:
        while True:
            try:
                conn, _ = sock.accept()
            except OSError:
                return
            held.append(conn)
            for reply in replies:
                conn.sendall(reply)

    threading.Thread(target=serve, daemon=True).start()
    yield sock, replies
    sock.close()
    for conn in held:
        conn.close()


@pytest.mark.skipif(not cluster.dask_available(), reason="the dask extra is not installed")
@pytest.mark.parametrize("reply", [b"", b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok" * 50])
def test_a_silent_or_foreign_port_is_one_line(server: tuple[socket.socket, list[bytes]], reply: bytes,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    sock, replies = server
    replies.append(reply)
    monkeypatch.setattr(cluster, "CONNECT_SECONDS", 2)
    t0 = time.monotonic()
    with pytest.raises(UsageError, match="Dask scheduler"):
        cluster._connect(f"tcp://127.0.0.1:{sock.getsockname()[1]}", 1)
    assert time.monotonic() - t0 < 30
