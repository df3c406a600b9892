"""Draw Counterpoint's benchmark chart: p50 latency against scale, one panel
per query of the mix, one line per implementation.

Usage: python chart.py SUMMARY.json OUT.png
SUMMARY.json: {"scales": [{"name": "10k", "elements": 10336}, ...],
               "queries": ["actor-counters", ...],
               "impls": ["counterpoint", "limit", "peer"],
               "concurrency": 1,
               "p50": {"<query>": {"<impl>": [ms or null per scale]}}}
"""

import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import FormatStrFormatter, LogLocator, NullFormatter  # noqa: E402

STYLE = {
    "counterpoint": {"color": "#1f77b4", "marker": "o", "label": "Counterpoint (HTTP)"},
    "limit": {"color": "#2ca02c", "marker": "s", "label": "limit (same Cypher, Go driver)"},
    "peer": {"color": "#d62728", "marker": "^", "label": "peer (@neo4j/graphql 7)"},
}


def main(src, out):
    with open(src, encoding="utf-8") as f:
        s = json.load(f)
    queries = s["queries"]
    xs = [sc["elements"] for sc in s["scales"]]
    cols = 4
    rows = (len(queries) + cols - 1) // cols
    fig, axes = plt.subplots(rows, cols, figsize=(4.2 * cols, 3.4 * rows), squeeze=False)
    for i, q in enumerate(queries):
        ax = axes[i // cols][i % cols]
        for impl in s["impls"]:
            ys = s["p50"].get(q, {}).get(impl)
            if not ys:
                continue
            pts = [(x, y) for x, y in zip(xs, ys) if y is not None and y > 0]
            if not pts:
                continue
            st = STYLE.get(impl, {"label": impl})
            ax.plot([p[0] for p in pts], [p[1] for p in pts], marker=st.get("marker", "o"),
                    color=st.get("color"), label=st["label"], linewidth=1.6)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_title(q, fontsize=11)
        ax.set_xlabel("graph elements (nodes + relationships)", fontsize=8)
        ax.set_ylabel("p50 latency (ms)", fontsize=8)
        ax.set_xticks(xs)
        ax.set_xticklabels([sc["name"] for sc in s["scales"]])
        ax.yaxis.set_major_formatter(FormatStrFormatter("%g"))
        ax.yaxis.set_minor_locator(LogLocator(base=10, subs=(2, 5)))
        ax.yaxis.set_minor_formatter(FormatStrFormatter("%g"))
        ax.xaxis.set_minor_formatter(NullFormatter())
        ax.grid(True, which="both", alpha=0.3)
        ax.tick_params(labelsize=8)
        ax.tick_params(which="minor", labelsize=7)
    used = len(queries)
    for j in range(used, rows * cols):
        axes[j // cols][j % cols].axis("off")
    handles, labels = axes[0][0].get_legend_handles_labels()
    if used < rows * cols:
        axes[(rows * cols - 1) // cols][(rows * cols - 1) % cols].legend(handles, labels, loc="center", fontsize=10)
    else:
        fig.legend(handles, labels, loc="lower center", ncol=3)
    fig.suptitle("p50 latency against scale, concurrency %d (median of rounds)" % s["concurrency"], fontsize=13)
    fig.tight_layout()
    fig.savefig(out, dpi=110)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
