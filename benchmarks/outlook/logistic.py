"""Logistic regression in pure Python, to fit the task scorecard's features on replayed history.

The product scores tasks with hand-set weights (``tiendo.outlook.task_rules.SCORECARD``); the
backtest fits the same features with :func:`fit_logistic` and compares the two AUCs.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

__all__ = ["fit_logistic", "predict_logistic"]


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1 / (1 + math.exp(-x))
    z = math.exp(x)
    return z / (1 + z)


def fit_logistic(
    rows: Sequence[Sequence[float]], labels: Sequence[int], *, l2: float = 1.0, steps: int = 25
) -> tuple[float, ...]:
    """Fit ``logit(p) = b₀ + Σ bᵢ·xᵢ`` by Newton's method (IRLS) with an L2 penalty ``l2·Σbᵢ²/2``.

    The intercept is not penalised. Pure Python: the Hessian is solved by Gaussian elimination,
    fine for a handful of features. Returns ``(b₀, b₁, …)``.
    """
    if not rows:
        raise ValueError("no rows to fit")
    k = len(rows[0]) + 1
    beta = [0.0] * k
    xs = [(1.0, *map(float, r)) for r in rows]
    for _ in range(steps):
        grad = [0.0] * k
        hess = [[0.0] * k for _ in range(k)]
        for x, y in zip(xs, labels, strict=True):
            p = _sigmoid(sum(b * xi for b, xi in zip(beta, x, strict=True)))
            w = p * (1 - p)
            for i in range(k):
                grad[i] += (y - p) * x[i]
                for j in range(k):
                    hess[i][j] += w * x[i] * x[j]
        for i in range(1, k):
            grad[i] -= l2 * beta[i]
            hess[i][i] += l2
        step = _solve(hess, grad)
        beta = [b + s for b, s in zip(beta, step, strict=True)]
        if max(abs(s) for s in step) < 1e-8:
            break
    return tuple(beta)


def predict_logistic(beta: Sequence[float], row: Sequence[float]) -> float:
    return _sigmoid(beta[0] + sum(b * x for b, x in zip(beta[1:], row, strict=True)))


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Solve ``a·x = b`` by Gaussian elimination with partial pivoting."""
    n = len(b)
    m = [[*row, rhs] for row, rhs in zip(a, b, strict=True)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        if abs(m[col][col]) < 1e-12:
            continue
        for r in range(col + 1, n):
            factor = m[r][col] / m[col][col]
            for c in range(col, n + 1):
                m[r][c] -= factor * m[col][c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        if abs(m[r][r]) < 1e-12:
            continue
        x[r] = (m[r][n] - sum(m[r][c] * x[c] for c in range(r + 1, n))) / m[r][r]
    return x
