import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from tiendo.indicators.access import get_figure_for_user
from tiendo.orgs import access
from tiendo.tasks.access import get_task_for_user
from tiendo.testing import make_figure, make_indicator, make_task, make_unit


def codes(qs):
    return sorted(u.code for u in qs)


@pytest.mark.parametrize(
    ("who", "visible", "writable"),
    [
        ("admin", ["so-a", "so-b", "tinh-c", "tinh-p"], ["so-a", "so-b", "tinh-c", "tinh-p"]),
        ("office", ["so-a", "so-b", "tinh-p"], ["so-a", "so-b", "tinh-p"]),
        ("leader", ["so-a", "so-b", "tinh-p"], []),
        ("inspector", ["so-a", "so-b", "tinh-p"], []),
        ("focal_a", ["so-a"], ["so-a"]),
        ("focal_b", ["so-b"], ["so-b"]),
        ("outsider", ["tinh-c"], ["tinh-c"]),
    ],
)
def test_each_role_sees_and_writes_exactly_its_units(cast, who, visible, writable):
    user = getattr(cast, who)
    assert codes(access.units_visible_to(user)) == visible
    assert codes(access.units_writable_by(user)) == writable


def test_office_reaches_units_created_later_under_its_unit(cast):
    make_unit("xa-moi", parent=cast.unit_a, kind="commune")
    assert "xa-moi" in codes(access.units_visible_to(cast.office))


def test_figure_of_another_unit_is_404_and_read_only_role_gets_403(cast):
    ind = make_indicator("thu-ngan-sach")
    fig = make_figure(ind, cast.unit_a, "2026-Q1", 10)
    assert get_figure_for_user(cast.focal_a, fig.pk, write=True) == fig
    with pytest.raises(Http404):
        get_figure_for_user(cast.focal_b, fig.pk)
    with pytest.raises(Http404):
        get_figure_for_user(cast.outsider, fig.pk)
    assert get_figure_for_user(cast.leader, fig.pk) == fig
    with pytest.raises(PermissionDenied):
        get_figure_for_user(cast.leader, fig.pk, write=True)


def test_task_is_visible_to_coordinating_unit_but_writable_only_by_lead(cast):
    task = make_task("Đề án A", cast.unit_a, coordinating=[cast.unit_b])
    assert get_task_for_user(cast.focal_b, task.pk) == task
    with pytest.raises(PermissionDenied):
        get_task_for_user(cast.focal_b, task.pk, write=True)
    with pytest.raises(Http404):
        get_task_for_user(cast.outsider, task.pk)
    with pytest.raises(Http404):
        get_task_for_user(cast.focal_a, 999999)


def test_managing_is_for_office_above_the_unit_only(cast):
    assert access.can_manage_unit(cast.office, cast.unit_a.pk)
    assert access.can_manage_unit(cast.admin, cast.unit_c.pk)
    assert not access.can_manage_unit(cast.focal_a, cast.unit_a.pk)
    assert not access.can_manage_unit(cast.leader, cast.unit_a.pk)
    assert not access.can_manage_unit(cast.office, cast.unit_c.pk)


def test_moving_a_unit_moves_its_subtree_paths(cast):
    xa = make_unit("xa-1", parent=cast.unit_a, kind="commune")
    cast.unit_a.parent = cast.unit_c
    cast.unit_a.save()
    xa.refresh_from_db()
    assert xa.path == f"/{cast.unit_c.pk}/{cast.unit_a.pk}/{xa.pk}/"
    assert xa.depth == 2
    assert "xa-1" not in codes(access.units_visible_to(cast.office))
