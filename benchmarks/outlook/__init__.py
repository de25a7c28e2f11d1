"""Research behind the early warning: the backtest on synthetic history and the logistic fit that
checks the task scorecard's hand-set weights. Run by ``python benchmarks/outlook.py``; the product
(``tiendo.outlook``) never imports it.
"""
