# Reference values for actions/src/core/analysis/mann-whitney.test.ts, computed with scipy (not a project
# dependency: run it in a throwaway venv with `pip install scipy`, then commit the JSON it writes).
#
#   python3 scripts/reference/mann-whitney-vectors.py > actions/src/core/analysis/fixtures/mann-whitney-scipy.json
import json

import numpy as np
import scipy
from scipy import special, stats

rng = np.random.default_rng(20261130)
cases = []


def add(name, x, y):
    for alternative in ("greater", "less", "two-sided"):
        for method in ("auto", "asymptotic") + (() if has_ties(x, y) else ("exact",)):
            r = stats.mannwhitneyu(x, y, alternative=alternative, method=method, use_continuity=True)
            cases.append(
                {
                    "name": name,
                    "x": list(map(float, x)),
                    "y": list(map(float, y)),
                    "alternative": alternative,
                    "method": method,
                    "u": float(r.statistic),
                    "p": float(r.pvalue),
                }
            )


def has_ties(x, y):
    v = list(x) + list(y)
    return len(set(v)) != len(v)


# Canary of 4–8 points against baselines of 9–13 (where "both ≤ 8" and scipy's "either ≤ 8" disagree),
# a shifted canary so p-values land near the usual alphas.
for n1 in range(4, 9):
    for n2 in range(9, 14):
        x = np.round(rng.normal(1.0, 1.0, n1), 6)
        y = np.round(rng.normal(0.0, 1.0, n2), 6)
        add(f"canary{n1}-baseline{n2}", x, y)
# The example sizes the other way round, both small, both large, ties.
add("baseline5-canary13", np.round(rng.normal(0, 1, 13), 6), np.round(rng.normal(1, 1, 5), 6))
add("both-small", np.round(rng.normal(0.5, 1, 6), 6), np.round(rng.normal(0, 1, 7), 6))
add("both-large", np.round(rng.normal(0.3, 1, 20), 6), np.round(rng.normal(0, 1, 25), 6))
add("ties-small", [1, 2, 2, 3, 5], [0, 1, 1, 2, 2, 4, 4, 6, 7, 8])
add("one-point", [3.5], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])

# The normal upper tail over the range a p-value uses (scipy.special.ndtr(-z) = sf(z)).
tail = [{"z": float(z), "sf": float(special.ndtr(-z))} for z in np.concatenate([np.linspace(-6, 10, 161), [0.5, 1.959963984540054, 2.5758293035489004, 3.090232306167813]])]

# One case a line, so a diff shows which case moved.
lines = ",\n".join("  " + json.dumps(c) for c in cases)
tails = ",\n".join("  " + json.dumps(t) for t in tail)
print(f'{{"scipy": "{scipy.__version__}",\n"mannWhitneyU": [\n{lines}\n],\n"normalSf": [\n{tails}\n]}}')
