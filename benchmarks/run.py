#!/usr/bin/env python3
"""Runs the messaging benchmarks under jshost and, when they are on PATH, node, deno and bun, in the same run,
and prints each figure with its ratio to jshost.

Usage: benchmarks/run.py [--jshost PATH] [--only NAME,...]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPTS = ["pingpong", "burst", "fanout", "clone", "post-roundtrip", "transfer", "channels", "web-apis", "workers", "broadcast", "shared-worker"]
# Figures where smaller is better (everything else: bigger is better).
LOWER_IS_BETTER = ("us/message", "ms", "MB")


def runtimes(jshost):
    found = [("jshost", [jshost, "run"])]
    if shutil.which("node"):
        found.append(("node", ["node"]))
    deno = shutil.which("deno")
    if deno:
        found.append(("deno", [deno, "run", "--quiet", "--allow-read"]))
    bun = shutil.which("bun")
    if bun:
        found.append(("bun", [bun, "run"]))
    return found


def run_script(command, script, workdir):
    """Runs one benchmark; returns ({name: (value, unit)}, peak RSS in MB)."""
    with open(os.path.join(HERE, "common.js")) as f:
        common = f.read()
    with open(os.path.join(HERE, script + ".js")) as f:
        body = f.read()
    path = os.path.join(workdir, script + ".js")
    with open(path, "w") as f:
        f.write(common + "\n" + body)
    # GNU time reports this one process's peak RSS (RUSAGE_CHILDREN would be the maximum over all children).
    timer = ["/usr/bin/time", "-f", "PEAK_RSS_KB %M"] if os.path.exists("/usr/bin/time") else []
    proc = subprocess.run(timer + command + [path], capture_output=True, text=True, timeout=600)
    peak_mb = None
    for line in proc.stderr.splitlines():
        if line.startswith("PEAK_RSS_KB "):
            peak_mb = int(line.split()[1]) / 1024
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} {script}.js exited {proc.returncode}: {proc.stderr.strip()[:300]}")
    results = {}
    for line in proc.stdout.splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[0] == "RESULT":
            results[parts[1]] = (float(parts[2]), parts[3])
    return results, peak_mb


def startup(command, workdir, runs=15):
    path = os.path.join(workdir, "empty.js")
    open(path, "w").close()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command + [path], check=True)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--jshost", default=os.path.join(HERE, "..", ".build", "release", "jshost"))
    parser.add_argument("--only", default="")
    args = parser.parse_args()
    only = set(filter(None, args.only.split(",")))
    peers = runtimes(os.path.abspath(args.jshost))
    table = {}  # name -> {runtime: (value, unit)}
    with tempfile.TemporaryDirectory() as workdir:
        for script in SCRIPTS:
            if only and script not in only:
                continue
            for runtime, command in peers:
                try:
                    results, peak = run_script(command, script, workdir)
                except Exception as error:  # a peer that cannot run a benchmark is reported, not fatal
                    print(f"  {runtime} {script}: {error}", file=sys.stderr)
                    continue
                for name, value in results.items():
                    table.setdefault(name, {})[runtime] = value
                if script == "channels" and peak is not None:
                    table.setdefault("channels-1m-peak-rss", {})[runtime] = (round(peak, 1), "MB")
        if not only or "startup" in only:
            for runtime, command in peers:
                table.setdefault("startup-median", {})[runtime] = (round(startup(command, workdir), 1), "ms")

    names = [name for name, _ in peers]
    header = f"{'benchmark':<28}" + "".join(f"{n:>16}" for n in names) + "   unit / ratio vs jshost"
    print(header)
    print("-" * len(header))
    for name, values in table.items():
        unit = next(iter(values.values()))[1]
        row = f"{name:<28}"
        for runtime in names:
            row += f"{values[runtime][0]:>16,.1f}" if runtime in values else f"{'-':>16}"
        ratios = []
        base = values.get("jshost", (None,))[0]
        for runtime in names[1:]:
            if runtime in values and base:
                other = values[runtime][0]
                better = base / other if unit in LOWER_IS_BETTER else other / base
                # Express as "jshost is X× the peer" in the direction where >1 means jshost wins.
                ratio = (other / base) if unit in LOWER_IS_BETTER else (base / other)
                ratios.append(f"{ratio:.2f}x vs {runtime}")
        print(row + f"   {unit}" + ("  (" + ", ".join(ratios) + ")" if ratios else ""))
    print("\nratio > 1 means jshost is better (faster, or smaller for times and memory)")


if __name__ == "__main__":
    main()
