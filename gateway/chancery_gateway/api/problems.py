"""The kinds of problem an error answer names in its ``type`` (RFC 9457): each URI answers
with what the problem means, for whoever follows it. No sign-in needed: it is the manual."""
from flask import abort
from .blueprint import Blueprint
from marshmallow import Schema, fields

from ..errors import PROBLEMS, problem_type
from .paging import listing
from .schemas.common import page_of

blp = Blueprint("problems", __name__, url_prefix="/api/v1/problems",
                description="The kinds of problem named by the `type` of error answers (RFC 9457). "
                            "No sign-in needed.")


class ProblemKindSchema(Schema):
    type = fields.String(metadata={"description": "The URI error answers carry in `type`."})
    status = fields.Integer(metadata={"description": "The HTTP status answered with it."})
    title = fields.String()
    description = fields.String()


def described(problem):
    return {"type": problem_type(problem.status), "status": problem.status, "title": problem.title,
            "description": problem.description}


@blp.route("/")
@blp.doc(security=[])
@blp.response(200, page_of(ProblemKindSchema, "ProblemKindList"))
@listing
def list_problems():
    """Every kind of problem, by status."""
    return [described(problem) for problem in PROBLEMS.values()]


@blp.route("/<slug>")
@blp.doc(security=[])
@blp.response(200, ProblemKindSchema)
def get_problem(slug):
    """One kind of problem: what it means and what to do about it."""
    problem = next((problem for problem in PROBLEMS.values() if problem.slug == slug), None)
    if problem is None:
        abort(404, description=f"no kind of problem is called {slug!r}")
    return described(problem)
