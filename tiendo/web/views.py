from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from tiendo.web.overview import overview


@login_required
def home(request):
    return render(request, "web/home.html", overview(user=request.user, params=request.GET))
