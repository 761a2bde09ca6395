"""URLs of the plan pages (shudarga.web.plan_views, plan_create_views, plan_read_views)."""

from django.urls import path

from shudarga.web import plan_create_views, plan_read_views, plan_views

urlpatterns = [
    path("plans/", plan_views.plan_list, name="plan_list"),
    path("plans/new/", plan_create_views.plan_create, name="plan_create"),
    path(
        "plans/new/import/<str:token>/",
        plan_create_views.plan_import_preview,
        name="plan_import_preview",
    ),
    path("plans/<int:pk>/", plan_views.plan_page, name="plan"),
    path("plans/<int:pk>/approve/", plan_views.plan_approve, name="plan_approve"),
    path("plans/<int:pk>/reopen/", plan_views.plan_reopen, name="plan_reopen"),
    path("plans/<int:pk>/history/", plan_read_views.plan_history_page, name="plan_history"),
    path("plans/<int:pk>/download.<str:fmt>", plan_read_views.plan_download, name="plan_download"),
    path("plans/<int:pk>/objectives/add/", plan_views.objective_add, name="plan_objective_add"),
    path(
        "plans/<int:pk>/objectives/<int:objective_pk>/edit/",
        plan_views.objective_edit,
        name="plan_objective_edit",
    ),
    path(
        "plans/<int:pk>/objectives/<int:objective_pk>/delete/",
        plan_views.objective_delete,
        name="plan_objective_delete",
    ),
    path(
        "plans/<int:pk>/objectives/<int:objective_pk>/move/",
        plan_views.objective_move,
        name="plan_objective_move",
    ),
    path(
        "plans/<int:pk>/objectives/<int:objective_pk>/measures/add/",
        plan_views.measure_add,
        name="plan_measure_add",
    ),
    path(
        "plans/<int:pk>/measures/<int:measure_pk>/edit/",
        plan_views.measure_edit,
        name="plan_measure_edit",
    ),
    path(
        "plans/<int:pk>/measures/<int:measure_pk>/delete/",
        plan_views.measure_delete,
        name="plan_measure_delete",
    ),
    path(
        "plans/<int:pk>/measures/<int:measure_pk>/move/",
        plan_views.measure_move,
        name="plan_measure_move",
    ),
]
