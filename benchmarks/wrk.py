"""Driving wrk (https://github.com/wg/wrk, Debian package ``wrk``) from Python.

``run()`` writes a Lua script that sends GET requests for paths drawn at random from a list,
counts every response outside 200-299 by class (a redirect counts too), and prints one line
of JSON at the end, which is read back; wrk's own report (with ``--latency``) is kept as well.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

INSTALL_HINT = "wrk is not installed: `sudo apt-get install wrk` (Debian/Ubuntu), then run again"

LUA = r"""-- Written by benchmarks/wrk.py: random paths from a list, non-2xx counted by class.
local paths = {
%(paths)s
}
local threads = {}
local next_id = 1

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  seen = 0
  c1xx, c3xx, c4xx, c5xx = 0, 0, 0, 0
  math.randomseed(%(seed)d + id * 7919)
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end

function response(status, headers, body)
  seen = seen + 1
  if status < 200 then c1xx = c1xx + 1
  elseif status < 300 then return
  elseif status < 400 then c3xx = c3xx + 1
  elseif status < 500 then c4xx = c4xx + 1
  else c5xx = c5xx + 1 end
end

function done(summary, latency, requests)
  local total = {seen = 0, c1xx = 0, c3xx = 0, c4xx = 0, c5xx = 0}
  for _, thread in ipairs(threads) do
    for key, _ in pairs(total) do
      total[key] = total[key] + thread:get(key)
    end
  end
  local e = summary.errors
  io.write(string.format(
    'WRK-RESULT {"requests": %%d, "responses": %%d, "microseconds": %%d, "p50_us": %%d, ' ..
    '"p90_us": %%d, "p99_us": %%d, "max_us": %%d, "c1xx": %%d, "c3xx": %%d, "c4xx": %%d, ' ..
    '"c5xx": %%d, "connect": %%d, "read": %%d, "write": %%d, "timeout": %%d}\n',
    summary.requests, total.seen, summary.duration, latency:percentile(50),
    latency:percentile(90), latency:percentile(99), latency.max, total.c1xx, total.c3xx,
    total.c4xx, total.c5xx, e.connect, e.read, e.write, e.timeout))
end
"""


@dataclass
class Result:
    requests: int
    responses: int
    seconds: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float
    non_2xx: int
    by_class: dict[str, int]
    socket_errors: dict[str, int]
    report: str

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def wrk_path() -> str | None:
    return shutil.which("wrk")


def version() -> str:
    done = subprocess.run(["wrk", "--version"], capture_output=True, text=True)
    return (done.stdout or done.stderr).splitlines()[0].split(" Copyright")[0].strip()


def lua_string(value: str) -> str:
    if not value.isascii() or any(ch in value for ch in '"\\\n\r'):
        raise ValueError(f"path {value!r} needs escaping; give URL-encoded paths")
    return f'"{value}"'


def write_script(folder: Path, paths: list[str], seed: int = 1) -> Path:
    script = folder / "mix.lua"
    body = ",\n".join(f"  {lua_string(p)}" for p in paths)
    script.write_text(LUA % {"paths": body, "seed": seed})
    return script


def run(
    base_url: str,
    paths: list[str],
    folder: Path,
    *,
    duration: int,
    connections: int,
    threads: int,
    timeout: int = 30,
    name: str = "mix",
) -> Result:
    """wrk against ``base_url`` for ``duration`` seconds, requests spread over ``paths``.

    The timeout is long on purpose: a slow response is measured, not dropped as an error.
    """
    folder = folder / name
    folder.mkdir(parents=True, exist_ok=True)
    script = write_script(folder, paths)
    command = [
        "wrk",
        f"--threads={threads}",
        f"--connections={connections}",
        f"--duration={duration}s",
        f"--timeout={timeout}s",
        "--latency",
        f"--script={script}",
        base_url,
    ]
    done = subprocess.run(command, capture_output=True, text=True)
    lines = done.stdout.splitlines()
    found = [line for line in lines if line.startswith("WRK-RESULT ")]
    if done.returncode != 0 or not found:
        raise RuntimeError(f"wrk failed ({done.returncode}): {done.stdout}{done.stderr}")
    data = json.loads(found[-1].removeprefix("WRK-RESULT "))
    by_class = {k: data[f"c{k}"] for k in ("1xx", "3xx", "4xx", "5xx")}
    return Result(
        requests=data["requests"],
        responses=data["responses"],
        seconds=data["microseconds"] / 1e6,
        p50_ms=data["p50_us"] / 1000,
        p90_ms=data["p90_us"] / 1000,
        p99_ms=data["p99_us"] / 1000,
        max_ms=data["max_us"] / 1000,
        non_2xx=sum(by_class.values()),
        by_class=by_class,
        socket_errors={k: data[k] for k in ("connect", "read", "write", "timeout")},
        report="\n".join(line for line in lines if not line.startswith("WRK-RESULT ")),
    )
