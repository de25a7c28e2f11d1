"""Rating engine (xếp loại chất lượng): a pure, deterministic function from a framework and the
metrics of every subject to scores, levels and the reasons for them.

No Django, no ORM, no clock. docs/domain.md §Ratings lives here; docs/scoring.md explains the
choices.

Order of the rules for one subject
----------------------------------
1. Each criterion's formula is evaluated; the value is clamped to ``[0, max_points]`` and rounded
   to 2 decimals (ROUND_HALF_UP). A criterion whose value is missing is *not* counted as zero:
   the subject gets no score and no level ("thiếu dữ liệu") until the data is there.
2. ``score`` = the exact sum of the criteria points.
3. The band gives the starting level (``>= 90`` xuất sắc, ``>= 70`` tốt, ``>= 50`` hoàn thành).
4. Vetoes: any veto that holds sets ``khong_hoan_thanh`` (every veto that holds is named).
5. Further conditions are cumulative: a condition attached to a level applies to that level and
   every level above it. From the band downwards, the first level whose applicable conditions all
   hold is the subject's level; every failed condition is named.
   A veto or applicable condition that cannot be checked for lack of data leaves the subject
   without a level ("thiếu dữ liệu"), never silently passed or failed.
6. Quota per peer group (see :func:`quota_limit`).
"""

# The modules, each importing only modules listed before it: levels, wording, framework,
# results, points, judging, quota, rating, year, civil_servant, serialise. Callers import from here.

from __future__ import annotations

from .civil_servant import (
    QUARTER_PENALTY,
    civil_servant_item_sums,
    civil_servant_weighted_sums,
    item_factor,
)
from .framework import (
    GROUPING_PARENT,
    GROUPING_PEER,
    REDISTRIBUTE_PROPORTIONAL,
    Bands,
    Condition,
    Criterion,
    Framework,
    FrameworkError,
    QuotaRule,
    TieKey,
    Veto,
)
from .levels import (
    HOAN_THANH,
    KHONG_HOAN_THANH,
    LEVEL_LABELS,
    LEVEL_RANK,
    LEVEL_SHORT,
    LEVELS,
    NO_QUOTA,
    OF_TOT,
    OF_TOT_OR_BETTER,
    QUOTA_READINGS,
    TOT,
    TWO_PLACES,
    XUAT_SAC,
    ZERO,
    ZERO_POINTS,
)
from .points import (
    MEMO_LIMIT,
    NOTHING_APPLIES,
)
from .quota import (
    TIE_DECIDED_BY_COMMITTEE,
    quota_limit,
    quota_min_group,
)
from .rating import (
    rate,
)
from .results import (
    CriterionScore,
    Reason,
    SubjectMetrics,
    SubjectResult,
)
from .serialise import (
    framework_from_dict,
    framework_to_dict,
)
from .wording import (
    SETTING_LABEL,
    fmt,
)
from .year import (
    MSG_Q4_NOT_RATED,
    check_period_ratable,
    fold_year,
)

__all__ = [
    "GROUPING_PARENT",
    "GROUPING_PEER",
    "HOAN_THANH",
    "KHONG_HOAN_THANH",
    "LEVELS",
    "LEVEL_LABELS",
    "LEVEL_RANK",
    "LEVEL_SHORT",
    "MEMO_LIMIT",
    "MSG_Q4_NOT_RATED",
    "NOTHING_APPLIES",
    "NO_QUOTA",
    "OF_TOT",
    "OF_TOT_OR_BETTER",
    "QUARTER_PENALTY",
    "QUOTA_READINGS",
    "REDISTRIBUTE_PROPORTIONAL",
    "SETTING_LABEL",
    "TIE_DECIDED_BY_COMMITTEE",
    "TOT",
    "TWO_PLACES",
    "XUAT_SAC",
    "ZERO",
    "ZERO_POINTS",
    "Bands",
    "Condition",
    "Criterion",
    "CriterionScore",
    "Framework",
    "FrameworkError",
    "QuotaRule",
    "Reason",
    "SubjectMetrics",
    "SubjectResult",
    "TieKey",
    "Veto",
    "check_period_ratable",
    "civil_servant_item_sums",
    "civil_servant_weighted_sums",
    "fmt",
    "fold_year",
    "framework_from_dict",
    "framework_to_dict",
    "item_factor",
    "quota_limit",
    "quota_min_group",
    "rate",
]
