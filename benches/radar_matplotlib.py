#!/usr/bin/env python3
"""The same radar chart a user would otherwise draw with matplotlib, for comparison.

Reads results.json (from `aims-readiness export --format json`) and writes a 1600x1600
PNG with the current profile filled, the target dashed, rings 1-5 and labels. Used by
benches/whole_process.sh to time the matplotlib route against `export --format png`.

usage: radar_matplotlib.py RESULTS_JSON OUT_PNG
"""
import json
import math
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def main(results_path: str, out_path: str) -> None:
    with open(results_path, encoding="utf-8") as f:
        results = json.load(f)
    domains = results["domains"]
    labels = [d["title"] for d in domains]
    current = [d["score"] or 0.0 for d in domains]
    target = [d["target"] for d in domains]
    angles = [2 * math.pi * i / len(domains) for i in range(len(domains))]
    closed = lambda xs: xs + xs[:1]  # noqa: E731

    fig = plt.figure(figsize=(8, 8), dpi=200)
    ax = fig.add_subplot(111, polar=True)
    ax.set_theta_offset(math.pi / 2)
    ax.set_theta_direction(-1)
    ax.set_ylim(0, 5)
    ax.set_yticks([1, 2, 3, 4, 5])
    ax.set_xticks(angles)
    ax.set_xticklabels(
        [f"{l}\n{c:.1f} / {t}" for l, c, t in zip(labels, current, target)], fontsize=9
    )
    ax.plot(closed(angles), closed(target), linestyle="--", color="#d97706", label="Target")
    ax.plot(closed(angles), closed(current), color="#2563eb", label="Current")
    ax.fill(closed(angles), closed(current), color="#2563eb", alpha=0.25)
    ax.legend(loc="lower right")
    ax.set_title("AI management system maturity", pad=30)
    fig.savefig(out_path)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
