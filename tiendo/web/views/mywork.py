"""Việc của tôi: a focal point's week on one screen (phone first)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from tiendo.indicators.period_choice import chosen_period
from tiendo.indicators.periods import period_codes
from tiendo.web import task_queries
from tiendo.web.views.common import today


@login_required
def mywork(request):
    on = today()
    codes = period_codes()
    period, _error = chosen_period(request, codes, on)
    data = task_queries.my_work(user=request.user, on=on, period=period)
    return render(request, "web/mywork.html", {**data, "on": on, "period": period})
