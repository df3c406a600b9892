#!/usr/bin/env python3
"""Execute notebooks/counterpoint.ipynb headless against a running Counterpoint API.

    python notebooks/run_notebook.py [--url URL] [--output PATH] [--timeout SECONDS]

It checks that the source notebook is committed clean (no outputs, no
execution counts), waits until the API answers, runs every cell in a fresh
kernel with COUNTERPOINT_URL set, and writes the executed copy to --output
(never over the source notebook). Any exception in a cell (a failed assert, a
GraphQL error) stops the run: the failing cell and its error are printed, the
partial copy is still written, and the exit status is 1. The last line is
"notebook: N cells executed, E errors".
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_URL = "http://localhost:8080/graphql"
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--url", default=os.environ.get("COUNTERPOINT_URL") or DEFAULT_URL,
                   help="GraphQL endpoint (default: $COUNTERPOINT_URL or %(default)s)")
    p.add_argument("--notebook", type=Path, default=HERE / "counterpoint.ipynb", help="notebook to execute")
    p.add_argument("--output", type=Path, default=ROOT / ".neo4j" / "notebook-output.ipynb",
                   help="where to write the executed copy (default: %(default)s)")
    p.add_argument("--timeout", type=int, default=120, help="seconds allowed for each cell (default: %(default)s)")
    p.add_argument("--wait", type=float, default=60, help="seconds to wait for the API to answer (default: %(default)s)")
    return p.parse_args(argv)


def check_clean(nb: nbformat.NotebookNode, path: Path) -> list[str]:
    """The committed notebook carries no outputs and no execution counts."""
    problems = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        if cell.get("outputs"):
            problems.append(f"{path}: cell {i} has outputs")
        if cell.get("execution_count") is not None:
            problems.append(f"{path}: cell {i} has an execution count")
    return problems


def wait_for_api(url: str, seconds: float) -> str | None:
    """Poll the endpoint with a trivial query; return None once it answers, else the last error."""
    body = json.dumps({"query": "{ __typename }"}).encode()
    deadline = time.monotonic() + seconds
    last = "no attempt"
    while True:
        req = urllib.request.Request(url, data=body, method="POST",
                                     headers={"Content-Type": "application/json", "Accept": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=10) as resp:
                answer = json.load(resp)
                if answer.get("data", {}).get("__typename") == "Query":
                    return None
                last = f"unexpected answer: {answer}"
        except (urllib.error.URLError, OSError, ValueError) as exc:
            last = str(exc)
        if time.monotonic() >= deadline:
            return last
        time.sleep(1)


def cell_label(nb: nbformat.NotebookNode, index: int) -> str:
    code_number = sum(1 for c in nb.cells[: index + 1] if c.cell_type == "code")
    first_line = next((line for line in nb.cells[index].source.splitlines() if line.strip()), "")
    return f"cell {index} (code cell {code_number}: {first_line.strip()[:70]!r})"


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    source = args.notebook.resolve()
    output = args.output.resolve()
    if output == source:
        print(f"notebook: refusing to write the executed copy over the source {source}", file=sys.stderr)
        return 2

    nb = nbformat.read(source, as_version=4)
    nbformat.validate(nb)
    problems = check_clean(nb, source)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        print("notebook: the committed notebook must have no outputs and no execution counts "
              "(clear them, e.g. jupyter nbconvert --clear-output --inplace)", file=sys.stderr)
        return 1

    print(f"notebook: waiting for the API at {args.url}", flush=True)
    error = wait_for_api(args.url, args.wait)
    if error is not None:
        print(f"notebook: the API at {args.url} does not answer after {args.wait:.0f}s: {error}", file=sys.stderr)
        print("notebook: 0 cells executed, 1 errors")
        return 1

    # The kernel inherits this process's environment.
    os.environ["COUNTERPOINT_URL"] = args.url
    os.environ["MPLBACKEND"] = "Agg"

    code_cells = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    client = NotebookClient(
        nb,
        timeout=args.timeout,
        kernel_name="python3",
        allow_errors=False,
        resources={"metadata": {"path": str(HERE)}},
    )
    started = time.monotonic()
    failure = None
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as exc:
        failure = exc
    elapsed = time.monotonic() - started

    executed = sum(1 for i in code_cells if nb.cells[i].get("execution_count") is not None)
    errors = [i for i in code_cells if any(o.get("output_type") == "error" for o in nb.cells[i].get("outputs", []))]

    output.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, output)
    print(f"notebook: executed copy written to {output}")

    if failure is not None:
        failed = errors[0] if errors else next((i for i in code_cells if nb.cells[i].get("execution_count") is None), None)
        where = cell_label(nb, failed) if failed is not None else "a cell"
        print(f"notebook: FAILED in {where} after {elapsed:.1f}s", file=sys.stderr)
        outputs = nb.cells[failed].get("outputs", []) if failed is not None else []
        error = next((o for o in outputs if o.get("output_type") == "error"), None)
        if error is not None:
            print(ANSI.sub("", "\n".join(error.get("traceback", []))), file=sys.stderr)
            print(f"notebook: {error.get('ename')}: {error.get('evalue')}", file=sys.stderr)
        else:
            print(ANSI.sub("", str(failure)), file=sys.stderr)
        print(f"notebook: {executed} cells executed, {max(len(errors), 1)} errors")
        return 1

    print(f"notebook: {len(code_cells)} code cells in {elapsed:.1f}s")
    print(f"notebook: {executed} cells executed, {len(errors)} errors")
    return 0 if not errors and executed == len(code_cells) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
