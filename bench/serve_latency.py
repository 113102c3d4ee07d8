#!/usr/bin/env python3
"""Time from saving a file to the reload event of a preview server reaching
a connected client (used by bench/serve.sh).

    serve_latency.py ADDRESS FILE KIND SAVES [--livereload]

With `--livereload` the server is Hugo's (`hugo server`): the client speaks
the LiveReload protocol over its WebSocket (`/livereload`), as the page
script Hugo adds does, and the clock stops when its `reload` command is
read; otherwise it is `parvis serve`'s event stream.

ADDRESS is host:port of a running `parvis serve`; FILE is rewritten SAVES
times (plus one warm-up save, not counted), each time with a change of
KIND: `body` (a sentence at the end of an entry), `title` (the entry's
title) or `template` (an HTML comment in a template, so every page
changes). The clock starts just before the file is written and stops when
the `reload` event's last line has been read from the event stream; after
each save the script waits for the stream to be quiet for a moment, so a
late event is never taken for the next save's. Prints one line per save,
then a JSON summary line.
"""

import json
import re
import socket
import statistics
import sys
import time

QUIET_AFTER = 0.5  # seconds of silence after each reload before the next save
PATIENCE = 600  # seconds to wait for one reload


class Events:
    """A server-sent events stream read over a raw socket (HTTP/1.0, so
    with no chunked framing)."""

    def __init__(self, address):
        host, port = address.rsplit(":", 1)
        self.sock = socket.create_connection((host, int(port)))
        self.sock.sendall(b"GET /__parvis/events HTTP/1.0\r\n\r\n")
        self.buffer = b""
        while b"\r\n\r\n" not in self.buffer:
            self._fill(PATIENCE)
        self.buffer = self.buffer.split(b"\r\n\r\n", 1)[1]

    def _fill(self, timeout):
        self.sock.settimeout(timeout)
        chunk = self.sock.recv(1 << 20)
        if not chunk:
            raise SystemExit("the event stream closed")
        self.buffer += chunk

    def next(self, timeout=PATIENCE):
        """The next event as (name, data, time it was complete); None on
        timeout."""
        deadline = time.monotonic() + timeout
        while b"\n\n" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            try:
                self._fill(left)
            except socket.timeout:
                return None
        done = time.monotonic()
        block, self.buffer = self.buffer.split(b"\n\n", 1)
        name, data = "message", []
        for line in block.decode("utf-8").split("\n"):
            if line.startswith("event:"):
                name = line[6:].strip()
            elif line.startswith("data:"):
                data.append(line[5:].lstrip())
        if name == "" or (not data and name == "message"):
            return self.next(max(0, deadline - time.monotonic()))
        return name, "\n".join(data), done


class LiveReload:
    """Hugo's LiveReload WebSocket, spoken with the standard library: the
    opening handshake, a masked `hello` frame, then unmasked text frames."""

    def __init__(self, address):
        import base64
        import os
        host, port = address.rsplit(":", 1)
        self.sock = socket.create_connection((host, int(port)))
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((
            f"GET /livereload HTTP/1.1\r\nHost: {address}\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
        ).encode())
        self.buffer = b""
        while b"\r\n\r\n" not in self.buffer:
            self._fill(PATIENCE)
        head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
        if b" 101 " not in head.split(b"\r\n", 1)[0]:
            raise SystemExit(f"no WebSocket: {head[:200]!r}")
        self._send(json.dumps({"command": "hello", "protocols": [
            "http://livereload.com/protocols/official-7"]}, separators=(",", ":")))

    def _fill(self, timeout):
        self.sock.settimeout(timeout)
        chunk = self.sock.recv(1 << 20)
        if not chunk:
            raise SystemExit("the WebSocket closed")
        self.buffer += chunk

    def _send(self, text):
        import os
        data = text.encode()
        mask = os.urandom(4)
        header = bytes([0x81]) + (bytes([0x80 | len(data)]) if len(data) < 126
                                  else bytes([0x80 | 126]) + len(data).to_bytes(2, "big"))
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

    def _frame(self, deadline):
        while True:
            if len(self.buffer) >= 2:
                size, at = self.buffer[1] & 0x7F, 2
                if size == 126:
                    size, at = int.from_bytes(self.buffer[2:4], "big"), 4
                elif size == 127:
                    size, at = int.from_bytes(self.buffer[2:10], "big"), 10
                if len(self.buffer) >= at + size:
                    opcode = self.buffer[0] & 0x0F
                    payload, self.buffer = self.buffer[at:at + size], self.buffer[at + size:]
                    return opcode, payload
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            try:
                self._fill(left)
            except socket.timeout:
                return None

    def next(self, timeout=PATIENCE):
        """The next command as (name, data, time it was read); None on timeout."""
        deadline = time.monotonic() + timeout
        while True:
            frame = self._frame(deadline)
            if frame is None:
                return None
            opcode, payload = frame
            if opcode != 1:
                continue  # pings and the like
            done = time.monotonic()
            command = json.loads(payload.decode("utf-8"))
            return command.get("command", ""), payload.decode("utf-8"), done


def change(kind, text, n):
    if kind == "body":
        return re.sub(r"(\n*)$", f"\n\nMesure de l’aperçu, enregistrement {n}.\n", text, count=1) \
            if "Mesure de l’aperçu" not in text \
            else re.sub(r"enregistrement \d+\.", f"enregistrement {n}.", text)
    if kind == "title":
        return re.sub(r'^title: "?(.*?)(?: \(v\d+\))?"?$', lambda m: f'title: "{m.group(1)} (v{n})"',
                      text, count=1, flags=re.M)
    if kind == "template":
        marker = re.compile(r"<!-- aperçu \d+ -->")
        if marker.search(text):
            return marker.sub(f"<!-- aperçu {n} -->", text)
        return f"<!-- aperçu {n} -->\n{text}"
    raise SystemExit(f"unknown kind {kind}")


def main():
    address, path, kind, saves = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    hugo = "--livereload" in sys.argv[5:]
    events = LiveReload(address) if hugo else Events(address)
    first = events.next()
    if not first or first[0] != "hello":
        raise SystemExit(f"expected a hello event, got {first!r}")
    original = open(path, encoding="utf-8").read()
    times = []
    try:
        text = original
        for n in range(saves + 1):
            text = change(kind, text, n)
            started = time.monotonic()
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            while True:
                event = events.next()
                if event is None:
                    raise SystemExit(f"save {n}: no reload within {PATIENCE} s")
                name, data, done = event
                if name == "problems":
                    raise SystemExit(f"save {n}: the site has errors: {data[:500]}")
                if name == "reload":
                    break
            changed = "?" if hugo else len(json.loads(data).get("changed", []))
            ms = (done - started) * 1000
            label = "warm-up" if n == 0 else f"save {n}"
            print(f"{kind} {label}: {ms:.0f} ms ({changed} files changed)", flush=True)
            if n > 0:
                times.append(ms)
            # Let late events pass before the next save.
            while events.next(QUIET_AFTER) is not None:
                pass
    finally:
        with open(path, "w", encoding="utf-8") as f:
            f.write(original)
        # Wait for the rebuild of the restored file, so the next run starts quiet.
        while (event := events.next()) is not None and event[0] not in ("reload", "problems"):
            pass
    print(json.dumps({"kind": kind, "saves": len(times), "median_ms": statistics.median(times),
                      "min_ms": min(times), "max_ms": max(times), "ms": [round(t, 1) for t in times]}))


if __name__ == "__main__":
    main()
