"""Slowing the pages' dedicated workers as much as CDP slows their main thread.

``Emulation.setCPUThrottlingRate`` reaches a page's main thread only, and a worker target
refuses it ("Operation is only supported for pages, not workers"); yet Pyodide runs in our
worker, and on the stock page's main thread. Left alone, a "4× slower" phone would slow the
stock page's start-up and not ours. So every thread named DedicatedWorker among this
process's descendants is given a SCHED_DEADLINE reservation of 1/rate of a CPU (Linux, root
or CAP_SYS_NICE); the bench's throttling check shows a busy loop slowed alike in both.
"""

from __future__ import annotations

import ctypes
import os
import platform
import sys
import threading
import time
from pathlib import Path

SCHED_DEADLINE = 6
SCHED_FLAG_RESET_ON_FORK = 1
PERIOD_NS = 10_000_000
# The system call's number: Linux only, and per architecture.
LINUX = sys.platform.startswith("linux")
SCHED_SETATTR = {"x86_64": 314, "aarch64": 274}.get(platform.machine()) if LINUX else None


class _SchedAttr(ctypes.Structure):
    _fields_ = [
        ("size", ctypes.c_uint32),
        ("policy", ctypes.c_uint32),
        ("flags", ctypes.c_uint64),
        ("nice", ctypes.c_int32),
        ("priority", ctypes.c_uint32),
        ("runtime", ctypes.c_uint64),
        ("deadline", ctypes.c_uint64),
        ("period", ctypes.c_uint64),
    ]


def limit(thread: int, rate: float) -> str:
    """Let ``thread`` (0: the calling one) run 1/rate of the time at most; an error, or ""."""
    if SCHED_SETATTR is None:
        return f"no sched_setattr known on {sys.platform}, {platform.machine()}"
    runtime = int(PERIOD_NS / rate)
    attr = _SchedAttr(
        ctypes.sizeof(_SchedAttr),
        SCHED_DEADLINE,
        SCHED_FLAG_RESET_ON_FORK,
        0,
        0,
        runtime,
        PERIOD_NS,
        PERIOD_NS,
    )
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.syscall(SCHED_SETATTR, thread, ctypes.byref(attr), 0):
        return os.strerror(ctypes.get_errno())
    return ""


class WorkerThrottle:
    """Watches for new worker threads every 10 ms while ``rate`` is above 1 and slows them."""

    def __init__(self, enabled: bool = True) -> None:
        self.rate = 1.0
        self.throttled = 0
        self.refused: list[str] = []
        self._parents: dict[int, int] = {}
        self._looks: dict[int, dict[int, int]] = {}  # pid -> thread -> times seen (2: settled)
        self.error = self._try() if enabled else "switched off"
        if not self.error:
            threading.Thread(target=self._watch, daemon=True).start()

    def describe(self) -> str:
        if self.error:
            return f"workers not throttled: {self.error}"
        refused = f"; {len(self.refused)} refused: {self.refused[-1]}" if self.refused else ""
        return f"SCHED_DEADLINE; worker threads slowed so far: {self.throttled}{refused}"

    @staticmethod
    def _try() -> str:
        result: list[str] = []
        probe = threading.Thread(target=lambda: result.append(limit(0, 2)))
        probe.start()
        probe.join()
        return f"SCHED_DEADLINE refused ({result[0]})" if result[0] else ""

    def _descendants(self) -> set[int]:
        alive = {int(name) for name in os.listdir("/proc") if name.isdigit()}
        self._parents = {pid: ppid for pid, ppid in self._parents.items() if pid in alive}
        for pid in alive - self._parents.keys():
            try:
                stat = Path(f"/proc/{pid}/stat").read_text()
                self._parents[pid] = int(stat.rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                self._parents[pid] = 0
        ours, grown = {os.getpid()}, True
        while grown:
            more = {pid for pid, ppid in self._parents.items() if ppid in ours} - ours
            ours |= more
            grown = bool(more)
        return ours - {os.getpid()}

    def _watch(self) -> None:
        while True:
            time.sleep(0.01)
            if self.rate > 1:
                pids = self._descendants()
                self._looks = {pid: self._looks.get(pid, {}) for pid in pids}
                for pid in pids:
                    self._slow_workers_of(pid, self._looks[pid])

    def _slow_workers_of(self, pid: int, looks: dict[int, int]) -> None:
        try:
            threads = [int(name) for name in os.listdir(f"/proc/{pid}/task")]
        except OSError:
            return
        for thread in threads:
            # A new thread may not have its name yet: look twice before settling.
            if looks.get(thread, 0) >= 2:
                continue
            try:
                name = Path(f"/proc/{pid}/task/{thread}/comm").read_text()
            except OSError:
                continue
            if not name.startswith("DedicatedWorker"):
                looks[thread] = looks.get(thread, 0) + 1
                continue
            looks[thread] = 2
            error = limit(thread, self.rate)
            if error:
                self.refused.append(error)
            else:
                self.throttled += 1
