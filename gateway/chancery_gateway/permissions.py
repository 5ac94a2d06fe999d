"""What the signed-in employee may do, for the pages to offer only those actions.

The services decide (docs/permissions.md); this table mirrors their rules for the actions the
pages offer, so a button is shown only to whoever the service would let through. A refusal
that still happens (the rules changed in between) is answered by the service as before.
Templates ask ``may('register_documents')``; views ``permissions.may(...)``.
"""
from flask import g

OVERSEEING = ("administrator", "director")
HEADS = ("administrator", "director", "department_head")


def _permission(code):
    return lambda actor: code in actor["permissions"]


def _roles(*roles):
    return lambda actor: any(role in actor["roles"] for role in roles)


def _any(*rules):
    return lambda actor: any(rule(actor) for rule in rules)


ACTIONS = {
    # the configurable permissions (the staff service's role settings; administrators have all)
    **{code: _permission(code) for code in (
        "register_documents", "edit_reference_books", "configure_document_types", "configure_routes",
        "manage_staff", "view_audit", "replay_events")},
    # a new document from the web form is registered in its type's journal when saved
    "create_documents": _permission("register_documents"),
    "merge_counterparties": _any(_roles(*OVERSEEING), _permission("merge_counterparties")),
    "hand_over_counterparties": _roles(*HEADS),
    "plan_for_others": _roles(*HEADS),
    "see_team_calendar": _roles(*HEADS),
    "see_dashboard": _roles(*HEADS),
    "erase_personal_data": _roles("administrator", "lawyer"),
    "administer": _roles("administrator"),
}


def may(action, actor=None):
    """Whether the employee (the request's actor by default) may perform the action."""
    if action not in ACTIONS:
        raise KeyError(f"unknown action {action!r}: add it to permissions.ACTIONS")
    actor = actor if actor is not None else g.get("actor")
    return bool(actor) and ACTIONS[action](actor)
