"""Benchmark of ``occ probe``: concurrency against the ideal, against sequential ``curl -I``, and
per-request timing against curl's ``%{time_total}``. Everything on 127.0.0.1, measured in one run.

A local asyncio HTTP server (its own process, listen backlog 4096) answers ``/slow/*`` no sooner
than ``--delay`` seconds (100 ms) after the request and ``/fast`` at once.
Figures printed:

1. wall time of probing N (1000) targets with concurrency C (100), through the library
   (``run_probes``) and through the CLI (``occ probe``, a fresh process that also writes the store),
   against the ideal ``delay * ceil(N / C)`` (the median of ``--trials`` runs each). Goal: at most
   1.5x the ideal; the CLI's figure includes the interpreter's start, imports, config validation and
   the store write.
2. a sequential ``curl -I`` loop (the teams' practice) over 50 of the targets, scaled to N.
   Goal: occ at least 50x faster.
3. one endpoint without delay, 50 requests each: the median of occ's ``elapsed_ms`` (a new
   connection per probe, like curl) against the median of curl's ``%{time_total}``.
   Goal: medians within 5 ms.

Usage: ``python bench/probe.py [--n 1000] [--concurrency 100] [--delay 0.1] [--samples 50]``.
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# --------------------------------------------------------------------------- the server process


class _Slow(asyncio.Protocol):
    """One connection: answer each request after the delay (``/slow/*``) or at once.

    A plain Protocol rather than streams: the server is the harness, and its own CPU per request
    must stay well below the client's so that the figure measures occ, not the server.
    """

    delay = 0.1

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport
        self.buf = b""

    def data_received(self, data: bytes) -> None:
        self.buf += data
        while b"\r\n\r\n" in self.buf:
            head, self.buf = self.buf.split(b"\r\n\r\n", 1)
            parts = head.split(b"\r\n", 1)[0].split()
            if len(parts) < 2:
                self.transport.close()
                return
            method, path = parts[0], parts[1]
            body = b"ok\n"
            reply = (
                b"HTTP/1.1 200 OK\r\nServer: occ-bench\r\nContent-Type: text/plain\r\n"
                b"Content-Length: %d\r\n\r\n" % len(body) + (b"" if method == b"HEAD" else body)
            )
            if path.startswith(b"/slow"):
                self._later(time.monotonic() + self.delay, reply)
            else:
                self._send(reply)

    def _later(self, due: float, reply: bytes) -> None:
        """Answer at ``due`` (monotonic clock), never before, whatever the loop's timer resolution:
        the ideal the figure is measured against must stay a floor."""
        wait = due - time.monotonic()
        if wait > 0:
            asyncio.get_running_loop().call_later(wait + 0.0005, self._later, due, reply)
        else:
            self._send(reply)

    def _send(self, reply: bytes) -> None:
        if not self.transport.is_closing():
            self.transport.write(reply)


async def _serve(delay: float) -> None:
    _Slow.delay = delay
    loop = asyncio.get_running_loop()
    server = await loop.create_server(_Slow, "127.0.0.1", 0, backlog=4096)
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


def _start_server(delay: float) -> tuple[subprocess.Popen, int]:
    proc = subprocess.Popen(
        [sys.executable, __file__, "--serve", "--delay", str(delay)], stdout=subprocess.PIPE, text=True
    )
    port = int(proc.stdout.readline())
    return proc, port


# --------------------------------------------------------------------------- measurements


def _library_wall(
    urls: list[str], concurrency: int, workers: int | None = 1
) -> tuple[float, float, dict[str, int]]:
    """Wall and CPU seconds of one ``run_probes`` over ``urls``, and the outcome counts."""
    from occ_lib.probe import run_probes
    from occ_lib.targets import Target

    targets = [Target(name=f"t{i}", url=u) for i, u in enumerate(urls)]
    t0, c0 = time.perf_counter(), time.process_time()
    df = run_probes(targets, concurrency=concurrency, workers=workers)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    return wall, cpu, df["outcome"].value_counts().to_dict()


def _cli_wall(urls: list[str], concurrency: int, workers: str = "auto") -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as tmp:
        cfg = Path(tmp) / "occ.yml"
        lines = ["store: data/", "probes:", "  defaults: {timeout_s: 30, degraded_ms: 5000}", "  targets:"]
        lines += [f"    - {{name: t{i}, url: '{u}'}}" for i, u in enumerate(urls)]
        cfg.write_text("\n".join(lines) + "\n")
        occ = shutil.which("occ", path=str(Path(sys.executable).parent)) or "occ"
        t0 = time.perf_counter()
        out = subprocess.run(
            [occ, "probe", "--config", str(cfg), "--concurrency", str(concurrency), "--workers", str(workers),
             "--format", "csv"],
            capture_output=True, text=True,
        )
        return time.perf_counter() - t0, out.returncode


def _curl_loop(curl: str, urls: list[str]) -> float:
    t0 = time.perf_counter()
    for u in urls:
        subprocess.run([curl, "-sS", "-o", "/dev/null", "-I", u], check=True)
    return time.perf_counter() - t0


def _paired_times(curl: str, url: str, n: int) -> tuple[list[float], list[float]]:
    """n (occ ``elapsed_ms``, curl ``time_total`` ms) pairs, interleaved so both see the same load.

    Each occ probe runs on a new client, hence a new connection, like each ``curl`` process.
    """
    from occ_lib.probe import probe_many
    from occ_lib.targets import Target

    target = Target(name="one", url=url)

    async def go() -> tuple[list[float], list[float]]:
        await probe_many([target])  # warm-up: imports, TLS context, resolver
        occ, crl = [], []
        for _ in range(n):
            occ.append((await probe_many([target], concurrency=1))[0]["elapsed_ms"])
            r = subprocess.run([curl, "-sS", "-o", "/dev/null", "-I", "-w", "%{time_total}", url],
                               check=True, capture_output=True, text=True)
            crl.append(float(r.stdout) * 1000)
        return occ, crl

    return asyncio.run(go())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--concurrency", type=int, default=100)
    ap.add_argument("--delay", type=float, default=0.1)
    ap.add_argument("--samples", type=int, default=50)
    ap.add_argument("--trials", type=int, default=3, help="library runs (the median is reported)")
    ap.add_argument("--workers", default="auto",
                    help="processes for the multi-process figures: a number, or auto (occ's default)")
    ap.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    # occ_lib's bytecode, as `make bench` writes it (Makefile `pyc`): the processes timed here must
    # not spend their start-up compiling the package when PYTHONDONTWRITEBYTECODE is set
    compileall.compile_dir(str(Path(__file__).resolve().parents[1] / "occ_lib"), quiet=1)
    if args.serve:
        asyncio.run(_serve(args.delay))
        return

    curl = shutil.which("curl")
    proc, port = _start_server(args.delay)
    try:
        base = f"http://127.0.0.1:{port}"
        urls = [f"{base}/slow/{i}" for i in range(args.n)]
        ideal = args.delay * math.ceil(args.n / args.concurrency)
        _library_wall(urls[: args.concurrency], args.concurrency)  # warm-up
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(f"probe {args.n} targets, concurrency {args.concurrency}, server delay "
              f"{args.delay * 1000:.0f} ms ({os.cpu_count()} CPUs, load average {load:.1f})")
        print(f"  ideal delay*ceil(N/C)      {ideal:8.3f} s")
        from occ_lib.probe import auto_workers

        workers = auto_workers(args.n, args.concurrency) if args.workers == "auto" else int(args.workers)
        print(f"  workers: {args.workers} = {workers} ({len(os.sched_getaffinity(0))} usable CPUs)")
        best = {}
        for w in dict.fromkeys((1, workers)):
            runs = [_library_wall(urls, args.concurrency, w) for _ in range(args.trials)]
            walls = sorted(r[0] for r in runs)
            best[w] = lib_w = statistics.median(walls)
            cpu = statistics.median(r[1] for r in runs)
            print(f"  occ library, {w} worker(s)  {lib_w:8.3f} s  = {lib_w / ideal:5.2f}x ideal   (median of "
                  f"{args.trials}: {', '.join(f'{x:.3f}' for x in walls)}; parent CPU {cpu:.3f} s) "
                  f"outcomes {runs[-1][2]}")
        lib = best[workers]
        cli_runs = [_cli_wall(urls, args.concurrency, args.workers) for _ in range(args.trials)]
        cli_walls = sorted(w for w, _ in cli_runs)
        cli = statistics.median(cli_walls)
        print(f"  occ probe --workers {args.workers} (process + store) {cli:8.3f} s  = "
              f"{cli / ideal:5.2f}x ideal   (median of {args.trials}: "
              f"{', '.join(f'{x:.3f}' for x in cli_walls)}; exit {sorted({c for _, c in cli_runs})})")
        print(f"  goal <= 1.5x ideal: library with {workers} worker(s) "
              f"{'met' if lib <= 1.5 * ideal else 'NOT met'} ({lib / ideal:.2f}x); one process "
              f"{best[1] / ideal:.2f}x; CLI {'met' if cli <= 1.5 * ideal else 'NOT met'} "
              f"({cli / ideal:.2f}x)")
        if curl is None:
            print("curl not found: sequential and per-request comparisons skipped")
            return
        k = min(50, args.n)
        seq = _curl_loop(curl, urls[:k]) * args.n / k
        print(f"sequential curl -I over {k} targets, scaled to {args.n}: {seq:8.3f} s")
        print(f"  occ library is {seq / lib:6.1f}x faster, occ CLI {seq / cli:6.1f}x faster")
        print(f"  goal >= 50x faster: library {'met' if seq / lib >= 50 else 'NOT met'}, "
              f"CLI {'met' if seq / cli >= 50 else 'NOT met'}")
        fast = f"{base}/fast"
        occ_all, curl_all = _paired_times(curl, fast, args.samples)
        occ_ms, curl_ms = statistics.median(occ_all), statistics.median(curl_all)
        diff = occ_ms - curl_ms
        print(f"one endpoint, {args.samples} requests each, interleaved (new connection per request):")
        print(f"  median occ elapsed_ms {occ_ms:7.3f} ms   median curl time_total {curl_ms:7.3f} ms   "
              f"difference {diff:+.3f} ms")
        print(f"  goal medians within 5 ms: {'met' if abs(diff) <= 5 else 'NOT met'}")
    finally:
        proc.terminate()
        proc.wait(5)


if __name__ == "__main__":
    sys.path.insert(0, os.fspath(Path(__file__).resolve().parents[1]))
    main()
