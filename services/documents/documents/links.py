"""Links and the tree: a document's parents and children, and the documents it relates to."""
from sqlalchemy import or_, select

from .access import get_document, visible_to
from .exceptions import Conflict, InvalidInput, NotFound
from .models import Document, DocumentLink, audit_log

# Links and the tree: what a document belongs to, what belongs to it, what it relates to.

def add_link(session, *, document_id, other_id, note, actor):
    """Link two documents the actor sees as related; the link reads the same from either end."""
    document = get_document(session, document_id=document_id, actor=actor)
    if other_id == document.id:
        raise InvalidInput("Invalid input: document_id", {"document_id": ["A document cannot relate to itself."]})
    if session.scalar(select(Document.id).where(Document.id == other_id, visible_to(actor))) is None:
        raise InvalidInput("Invalid input: document_id", {"document_id": ["Unknown document."]})
    if _link(session, document.id, other_id) is not None:
        raise Conflict(f"documents {document.id} and {other_id} are already linked")
    link = DocumentLink(from_id=document.id, to_id=other_id, note=note, created_by=actor.id)
    session.add(link)
    session.flush()
    audit_log.record(session, actor_id=actor.id, action="linked", record_type="document",
                     record_id=document.id, changes={"related_document_id": {"from": None, "to": other_id},
                                                     "note": {"from": None, "to": note}})
    return link


def remove_link(session, *, document_id, other_id, actor):
    """Remove the link between a document the actor sees and another, whichever end it was made from."""
    document = get_document(session, document_id=document_id, actor=actor)
    link = _link(session, document.id, other_id)
    if link is None:
        raise NotFound(f"document {document.id} has no link to {other_id}")
    session.delete(link)
    session.flush()
    audit_log.record(session, actor_id=actor.id, action="unlinked", record_type="document",
                     record_id=document.id, changes={"related_document_id": {"from": other_id, "to": None}})


def _link(session, one, other):
    return session.scalars(select(DocumentLink).where(or_(
        (DocumentLink.from_id == one) & (DocumentLink.to_id == other),
        (DocumentLink.from_id == other) & (DocumentLink.to_id == one)))).first()


def document_tree(session, *, document_id, actor):
    """The document with its parents up to the root, its children recursively and its related
    documents; a document the actor does not see is left out (a visible grandchild under an
    invisible child hangs from the nearest visible ancestor)."""
    document = get_document(session, document_id=document_id, actor=actor)
    chain, parent_id = [], document.parent_id
    while parent_id is not None and parent_id not in chain and parent_id != document.id:
        chain.append(parent_id)
        parent_id = session.scalar(select(Document.parent_id).where(Document.id == parent_id))
    descendants = select(Document.id, Document.parent_id).where(Document.parent_id == document.id) \
        .cte("descendants", recursive=True)
    descendants = descendants.union(
        select(Document.id, Document.parent_id).where(Document.parent_id == descendants.c.id))
    below = dict(session.execute(select(descendants.c.id, descendants.c.parent_id)).all())
    links = session.scalars(select(DocumentLink).where(
        or_(DocumentLink.from_id == document.id, DocumentLink.to_id == document.id))).all()
    related = {(link.to_id if link.from_id == document.id else link.from_id): link for link in links}
    visible = {d.id: d for d in session.scalars(select(Document).where(
        Document.id.in_([*chain, *below, *related]), visible_to(actor))).unique()}

    def nearest_visible_parent(node_id):
        parent = below[node_id]
        while parent != document.id and parent not in visible:
            parent = below[parent]
        return parent

    children_of = {}
    for node_id in below:
        if node_id in visible:
            children_of.setdefault(nearest_visible_parent(node_id), []).append(visible[node_id])

    def subtree(node):
        children = sorted(children_of.get(node.id, []), key=lambda d: (d.created_at, d.id))
        return {"document": node, "children": [subtree(child) for child in children]}

    return {
        "document": document,
        "parents": [visible[i] for i in reversed(chain) if i in visible],
        "children": subtree(document)["children"],
        "related": [{"document": visible[other_id], "note": link.note,
                     "direction": "outgoing" if link.from_id == document.id else "incoming",
                     "created_by": link.created_by, "created_at": link.created_at}
                    for other_id, link in sorted(related.items(), key=lambda item: item[1].created_at)
                    if other_id in visible],
    }
