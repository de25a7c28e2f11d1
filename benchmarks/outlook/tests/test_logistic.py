"""The logistic fit that checks the task scorecard's weights."""

import math
import random

from benchmarks.outlook.logistic import fit_logistic, predict_logistic


def test_logistic_fit_recovers_planted_coefficients():
    rng = random.Random(11)
    rows, labels = [], []
    for _ in range(4000):
        x = (rng.gauss(0, 1), rng.gauss(0, 1))
        p = 1 / (1 + math.exp(-(-0.5 + 1.5 * x[0] - 1.0 * x[1])))
        rows.append(x)
        labels.append(int(rng.random() < p))
    beta = fit_logistic(rows, labels, l2=0.0)
    assert [round(b, 1) for b in beta] == [-0.5, 1.5, -1.0]
    assert 0 < predict_logistic(beta, (0.0, 0.0)) < 0.5
