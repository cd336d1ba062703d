"""The performance benchmark (`make bench`): every page against a floor, in headless Chromium on loopback.

    python bench/run.py                   # everything (about 30 minutes on 2 cores)
    python bench/run.py --quick           # 5 repetitions, sizes up to 10,000, 10 sessions
    python bench/run.py --only pages,scale --sizes 57,1000
    python bench/run.py --report artifacts/bench/bench-<time>.json

Writes artifacts/bench/bench-<time>.json and prints Markdown tables; no test depends on it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from anywhere

from bench import report, sections  # noqa: E402
from dashboard import paths

SECTIONS = ("floors", "pages", "script", "scale", "memory", "micro")
BROWSER_SECTIONS = {"floors", "pages", "scale", "memory"}


def machine() -> dict[str, Any]:
    meminfo = Path("/proc/meminfo").read_text().splitlines()
    mem_kb = next(int(line.split()[1]) for line in meminfo if line.startswith("MemTotal"))
    from harness.browser import chromium as find_chromium

    chromium = subprocess.run([find_chromium(), "--version"], capture_output=True, text=True).stdout.strip()
    import plotly
    import streamlit

    return {"nproc": os.cpu_count(), "memory_gb": round(mem_kb / 1024**2, 1), "chromium": chromium,
            "python": platform.python_version(), "streamlit": streamlit.__version__, "plotly": plotly.__version__,
            "load_average": os.getloadavg()}  # fmt: skip


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="sizes up to 10,000 and 10 concurrent sessions")
    parser.add_argument("--only", default=",".join(SECTIONS[:-1]), help=f"comma-separated: {','.join(SECTIONS)}")
    parser.add_argument("--reps", type=int, default=5, help="repetitions per median (at least 5 for the README)")
    parser.add_argument("--sizes", default=None, help="member counts for the scale section")
    parser.add_argument("--sessions", type=int, default=None, help="concurrent browser sessions")
    parser.add_argument("--out", type=Path, default=None, help="the JSON file to write")
    parser.add_argument("--report", type=Path, default=None, help="only print the tables of an earlier JSON file")
    args = parser.parse_args(argv)
    args.only = [s for s in args.only.split(",") if s]
    unknown = set(args.only) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s): {', '.join(sorted(unknown))}")
    default_sizes = "57,1000,10000" if args.quick else "57,1000,10000,100000"
    args.sizes = [int(s) for s in (args.sizes or default_sizes).split(",")]
    args.sessions = args.sessions or (10 if args.quick else 20)
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse(argv)
    if args.report:
        print(report.markdown(json.loads(args.report.read_text(encoding="utf-8"))))
        return
    results: dict[str, Any] = {"machine": machine(), "reps": args.reps, "started": time.strftime("%FT%TZ")}
    out = args.out or paths.ROOT / "artifacts" / "bench" / f"bench-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.parent.mkdir(parents=True, exist_ok=True)

    def save() -> None:  # after every section, so an interrupted run keeps what it measured
        out.write_text(json.dumps(results, indent=2), encoding="utf-8")

    if "micro" in args.only:
        from bench import micro

        micro.main()
    with tempfile.TemporaryDirectory(prefix="explorer-bench-") as folder:
        tmp = Path(folder)
        if "script" in args.only:
            print("script time (AppTest) ...", flush=True)
            results["script"] = sections.script(args.reps)
            save()
        if BROWSER_SECTIONS & set(args.only):
            from playwright.sync_api import sync_playwright

            with sync_playwright() as pw:
                browser = sections.web.launch(pw)
                for name in ("floors", "pages", "scale", "memory"):
                    if name not in args.only:
                        continue
                    print(f"{name} ...", flush=True)
                    started = time.monotonic()
                    if name == "scale":
                        results[name] = sections.scale(browser, tmp, args.reps, args.sizes)
                    elif name == "memory":
                        results[name] = sections.memory(browser, tmp, args.sessions)
                    else:
                        results[name] = getattr(sections, name)(browser, tmp, args.reps)
                    save()
                    print(f"{name}: {time.monotonic() - started:.0f} s", flush=True)
                browser.close()
    save()
    print(report.markdown(results))
    print(f"\nJSON: {paths.display(out)}")


if __name__ == "__main__":
    main()
