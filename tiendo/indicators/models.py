"""Indicators (chỉ tiêu), their targets per unit and period, and the figures units report."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

MSG_BAD_PERIOD = _("Kỳ không hợp lệ: {error}")
MSG_UNIT_OUT_OF_SCOPE = _(
    "Đơn vị “{unit}” không thuộc phạm vi báo cáo của chỉ tiêu “{indicator}”."
)


def validate_period_code(value: str) -> None:
    from tiendo.lib.periods import PeriodError, parse_period

    try:
        period = parse_period(value)
    except PeriodError as exc:
        raise ValidationError(str(exc)) from exc
    if period.code != value:
        raise ValidationError(
            _("Kỳ phải ghi ở dạng chuẩn “{code}”.").format(code=period.code)
        )


class Direction(models.TextChoices):
    HIGHER = "higher", _("Càng cao càng tốt")
    LOWER = "lower", _("Càng thấp càng tốt")
    RANGE = "range", _("Trong khoảng mục tiêu")


class Rollup(models.TextChoices):
    SUM = "sum", _("Cộng")
    MEAN = "mean", _("Trung bình")
    WEIGHTED = "weighted", _("Trung bình có trọng số")
    LAST = "last", _("Giá trị cuối kỳ")
    NONE = "none", _("Không tổng hợp")


class HistoryRule(models.TextChoices):
    """How the figures of predecessor units (merged provinces, districts, communes) combine
    into the successor's history."""

    SUM = "sum", _("Cộng các đơn vị cũ")
    WEIGHTED = "weighted", _("Trung bình có trọng số")
    NONE = "none", _("Không ghép được")


class Frequency(models.TextChoices):
    MONTH = "month", _("Hằng tháng")
    QUARTER = "quarter", _("Hằng quý")
    HALF = "half", _("6 tháng")
    YEAR = "year", _("Hằng năm")


class Field(models.TextChoices):
    ECONOMY = "kinh_te", _("Kinh tế")
    SOCIETY = "xa_hoi", _("Văn hóa - xã hội")
    ENVIRONMENT = "moi_truong", _("Tài nguyên - môi trường")
    SECURITY = "noi_chinh", _("Quốc phòng, an ninh, nội chính")
    GOVERNMENT = "chinh_quyen", _("Xây dựng chính quyền")
    PARTY = "xay_dung_dang", _("Xây dựng Đảng")


class Indicator(models.Model):
    code = models.SlugField(_("mã"), max_length=64, unique=True)
    name = models.CharField(_("tên chỉ tiêu"), max_length=300)
    unit_of_measure = models.CharField(_("đơn vị tính"), max_length=64)
    direction = models.CharField(
        _("chiều tốt"), max_length=8, choices=Direction.choices, default=Direction.HIGHER
    )
    rollup = models.CharField(
        _("cách tổng hợp"), max_length=10, choices=Rollup.choices, default=Rollup.SUM
    )
    history_rule = models.CharField(
        _("ghép lịch sử đơn vị cũ"), max_length=10, choices=HistoryRule.choices,
        default=HistoryRule.NONE,
        help_text=_("Cách ghép số liệu của các đơn vị đã sáp nhập vào lịch sử đơn vị mới."),
    )
    history_weight = models.ForeignKey(
        "self", verbose_name=_("chỉ tiêu trọng số"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("Với trung bình có trọng số: chỉ tiêu cho trọng số của từng đơn vị cũ "
                    "(để trống: trọng số bằng nhau)."),
    )
    frequency = models.CharField(
        _("tần suất báo cáo"), max_length=8, choices=Frequency.choices, default=Frequency.QUARTER
    )
    is_cumulative = models.BooleanField(
        _("lũy kế từ đầu năm"), default=False,
        help_text=_("Giá trị của một kỳ là lũy kế từ đầu năm (thu ngân sách, giải ngân…)."),
    )
    field = models.CharField(_("lĩnh vực"), max_length=16, choices=Field.choices, blank=True)
    parent = models.ForeignKey(
        "self", verbose_name=_("thuộc chỉ tiêu (trong đó)"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="parts",
    )
    programme = models.ForeignKey(
        "programmes.Programme", verbose_name=_("văn bản giao"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="indicators",
    )
    scope_units = models.ManyToManyField(
        "orgs.Unit", blank=True, related_name="indicators", verbose_name=_("đơn vị báo cáo"),
        help_text=_("Để trống: mọi đơn vị được báo cáo."),
    )
    is_key = models.BooleanField(_("chỉ tiêu chủ yếu"), default=False)
    sort_order = models.PositiveIntegerField(default=0)
    description = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")
        ordering = ["sort_order", "code"]

    def __str__(self) -> str:
        return self.name

    def unit_in_scope(self, unit) -> bool:
        if not self.pk:
            return True
        scope = set(self.scope_units.values_list("pk", flat=True))
        return not scope or unit.pk in scope


class Bound(models.TextChoices):
    EQ = "=", _("bằng / đạt")
    GT = ">", _("trên")
    GE = ">=", _("từ … trở lên")
    LT = "<", _("dưới")
    LE = "<=", _("không quá")
    RANGE = "range", _("trong khoảng")
    ABOUT = "about", _("khoảng")


class TargetScope(models.TextChoices):
    PERIOD = "period", _("Kế hoạch của kỳ")
    YEAR = "year", _("Kế hoạch cả năm")


class Target(models.Model):
    """A plan value (kế hoạch, chỉ tiêu) for one indicator, unit and period."""

    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="targets")
    unit = models.ForeignKey(
        "orgs.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="targets"
    )
    period = models.CharField(_("kỳ"), max_length=16, validators=[validate_period_code])
    bound = models.CharField(_("ràng buộc"), max_length=6, choices=Bound.choices, default=Bound.EQ)
    value = models.DecimalField(_("giá trị"), max_digits=20, decimal_places=4)
    value_high = models.DecimalField(
        _("cận trên"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    scope = models.CharField(
        _("phạm vi"), max_length=8, choices=TargetScope.choices, default=TargetScope.PERIOD
    )
    basis = models.CharField(
        _("căn cứ"), max_length=120, blank=True,
        help_text=_("Ví dụ: dự toán Trung ương giao, kế hoạch HĐND tỉnh giao."),
    )
    programme = models.ForeignKey(
        "programmes.Programme", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="targets", verbose_name=_("văn bản giao"),
    )
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)
    is_sample = models.BooleanField(_("dữ liệu mẫu"), default=False)

    class Meta:
        verbose_name = _("chỉ tiêu kế hoạch")
        verbose_name_plural = _("chỉ tiêu kế hoạch")
        ordering = ["indicator__sort_order", "period"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "unit", "period", "basis"], name="target_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator} — {self.unit} — {self.period}"

    def clean(self) -> None:
        if self.bound == Bound.RANGE and (
            self.value_high is None or self.value is None or self.value_high < self.value
        ):
            raise ValidationError({"value_high": _("Khoảng mục tiêu cần cận trên ≥ cận dưới.")})
        if self.indicator_id and self.unit_id and not self.indicator.unit_in_scope(self.unit):
            raise ValidationError(
                {"unit": MSG_UNIT_OUT_OF_SCOPE.format(unit=self.unit, indicator=self.indicator)}
            )


class FigureState(models.TextChoices):
    DRAFT = "draft", _("Nháp")
    SUBMITTED = "submitted", _("Đã gửi, chờ duyệt")
    APPROVED = "approved", _("Đã duyệt")
    RETURNED = "returned", _("Bị trả lại")


class Figure(models.Model):
    """A value a unit reports for an indicator and period (số liệu thực hiện).

    An estimate (ước đạt) is later replaced by the final figure: the estimate row stays,
    pointing to its replacement through `superseded_by`; only one current row per
    indicator, unit and period.
    """

    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="figures")
    unit = models.ForeignKey(
        "orgs.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="figures"
    )
    period = models.CharField(_("kỳ"), max_length=16, validators=[validate_period_code])
    value = models.DecimalField(_("giá trị thực hiện"), max_digits=20, decimal_places=4)
    is_estimate = models.BooleanField(_("ước đạt"), default=False)
    change = models.DecimalField(
        _("tăng/giảm so với cùng kỳ (%)"), max_digits=12, decimal_places=4, null=True, blank=True,
        help_text=_("Khi đơn vị báo cáo trực tiếp mức tăng/giảm so với cùng kỳ."),
    )
    reported = models.JSONField(
        _("số liệu kèm theo"), default=dict, blank=True,
        help_text=_("Các tỷ lệ kèm theo như báo cáo: đạt X% kế hoạch năm, bằng X% dự toán…"),
    )
    state = models.CharField(
        _("trạng thái"), max_length=10, choices=FigureState.choices, default=FigureState.DRAFT
    )
    note = models.TextField(_("thuyết minh"), blank=True)
    source = models.CharField(_("nguồn số liệu"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    return_comment = models.TextField(_("lý do trả lại"), blank=True)
    superseded_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="supersedes"
    )
    version = models.PositiveIntegerField(default=1)
    is_sample = models.BooleanField(_("dữ liệu mẫu"), default=False)

    class Meta:
        verbose_name = _("số liệu")
        verbose_name_plural = _("số liệu")
        ordering = ["indicator__sort_order", "unit__path", "period"]
        constraints = [
            # serves: the one current figure of an indicator, unit and period
            models.UniqueConstraint(
                fields=["indicator", "unit", "period"],
                condition=models.Q(superseded_by__isnull=True),
                name="figure_one_current",
            )
        ]
        indexes = [
            models.Index(fields=["period", "unit"], name="figure_period_unit"),
            # serves: the office's bell and approval queue (figures waiting, per unit)
            models.Index(fields=["state", "unit"], name="figure_state_unit"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} — {self.unit} — {self.period}: {self.value}"

    def clean(self) -> None:
        if self.indicator_id and self.unit_id and not self.indicator.unit_in_scope(self.unit):
            raise ValidationError(
                {"unit": MSG_UNIT_OUT_OF_SCOPE.format(unit=self.unit, indicator=self.indicator)}
            )


def evidence_upload_to(instance, filename: str) -> str:
    from tiendo.shared.uploads import generated_name

    return f"evidence/{generated_name(filename)}"


class Evidence(models.Model):
    """A file backing a figure (minh chứng)."""

    figure = models.ForeignKey(Figure, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(_("tệp"), upload_to=evidence_upload_to, blank=True)
    original_name = models.CharField(max_length=255, blank=True)
    excerpt = models.TextField(_("trích dẫn nguồn"), blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("minh chứng")
        verbose_name_plural = _("minh chứng")

    def __str__(self) -> str:
        return self.original_name or self.excerpt[:60]


class RowClass(models.TextChoices):
    """How an indicator, unit and period counts on the overview."""

    MET = "met", _("Đạt, vượt")
    NOT_MET = "not_met", _("Không đạt")
    NOT_REPORTED = "not_reported", _("Chưa báo cáo")
    NO_TARGET = "no_target", _("Chưa có kế hoạch để so")


class Assessment(models.Model):
    """The stored standing of one indicator, unit and period: the plan that counts, the current
    reported (non-draft) figure, and their verdict, attainment and overview class.

    Derived data, written in the same transaction as the target or figure it follows (see
    indicators/assessments.py), so every page counts it with GROUP BY instead of assessing every
    row of a province in Python. A row exists while the slot has a target or a reported figure.
    """

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey("orgs.Unit", on_delete=models.CASCADE, related_name="+")
    period = models.CharField(max_length=16)
    target = models.ForeignKey(Target, null=True, on_delete=models.SET_NULL, related_name="+")
    figure = models.ForeignKey(Figure, null=True, on_delete=models.SET_NULL, related_name="+")
    verdict = models.CharField(max_length=16, blank=True)
    attainment = models.DecimalField(max_digits=20, decimal_places=2, null=True)
    klass = models.CharField(max_length=12, choices=RowClass.choices)
    is_key = models.BooleanField(default=False)  # the indicator's, kept for the overview's list
    rule = models.CharField(max_length=64, blank=True)  # the verdict rule it was assessed with

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["indicator", "unit", "period"],
                                    name="assessment_one_per_slot"),
        ]
        indexes = [
            # serves: the list of periods (a loose index scan) and whether each has figures;
            # counts per class of periods for many units (covering: never reads the table)
            models.Index(fields=["period", "klass", "verdict", "unit"],
                         name="assessment_period_class"),
            # serves: counts per class of the units a user sees (one seek per unit and
            # period, covering: the count never reads the table), and a unit's rows
            models.Index(fields=["unit", "period", "klass", "verdict"],
                         name="assessment_unit_period"),
            # serves: the key indicators of a period
            models.Index(fields=["period", "is_key", "unit"], name="assessment_period_key"),
            # serves: are there rows assessed with another verdict rule? (two range seeks)
            models.Index(fields=["rule"], name="assessment_rule"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id}/{self.unit_id}/{self.period}: {self.klass}"


class UnitTally(models.Model):
    """How many of one unit's stored assessments of a period fall in each overview class, and
    how many exceed their target: the rollup the overview sums for many units.

    Derived from `Assessment` and recounted in the same transaction as every write of the
    unit's assessments of that period (indicators/assessments.py), so the national overview adds
    up 2,000 rows a period instead of counting 300,000.
    """

    unit = models.ForeignKey("orgs.Unit", on_delete=models.CASCADE, related_name="+")
    period = models.CharField(max_length=16)
    met = models.PositiveIntegerField(default=0)
    not_met = models.PositiveIntegerField(default=0)
    not_reported = models.PositiveIntegerField(default=0)
    no_target = models.PositiveIntegerField(default=0)
    exceeded = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["unit", "period"], name="tally_one_per_unit_period"),
        ]
        indexes = [
            # serves: the sums of a period (and its trend's quarters) over many units
            models.Index(fields=["period", "unit"], name="tally_period_unit"),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id}/{self.period}: {self.met}/{self.not_met}/{self.not_reported}"


class AssessmentRun(models.Model):
    """One re-assessment of the stored assessments (after a change of the verdict rule, or on
    an upgrade), with its progress for the overview's banner and `tiendo reassess`."""

    rule = models.CharField(max_length=64)
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    periods_done = models.PositiveIntegerField(default=0)
    periods_total = models.PositiveIntegerField(default=0)
    rows = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-pk"]

    def __str__(self) -> str:
        return f"{self.rule}: {self.periods_done}/{self.periods_total}"
