"""The LDAP directory's settings and its synchronisation."""

from marshmallow import Schema, fields, validate


ROLE = fields.String()


class LdapDirectorySchema(Schema):
    """The holding's LDAP directory or Active Directory and how its entries map onto employees.
    Fields left out keep their stored (or default) values; the bind password is write-only."""

    enabled = fields.Boolean(metadata={"description": "logins may be the directory's; the sync runs"})
    url = fields.String(metadata={"description": "ldaps://host:636, or ldap://host:389 with StartTLS"})
    start_tls = fields.Boolean(metadata={"description": "StartTLS on ldap:// (default true)"})
    allow_plain = fields.Boolean(metadata={"description": "allow ldap:// without StartTLS: passwords unencrypted"})
    ca_certificate = fields.String(allow_none=True, metadata={
        "description": "PEM of the CA of the server's certificate (empty: the system's CAs)"})
    bind_dn = fields.String(metadata={"description": "the account the sync and the user search bind as"})
    bind_password = fields.String(load_only=True, metadata={"description": "write-only; left out: kept"})
    has_bind_password = fields.Boolean(dump_only=True)
    user_base = fields.String(metadata={"description": "where people are searched, e.g. ou=people,dc=example,dc=com"})
    login_filter = fields.String(metadata={
        "description": "finds the person signing in; {login} is the typed login, escaped (RFC 4515), e.g. "
                       "(&(objectClass=user)(|(sAMAccountName={login})(userPrincipalName={login})(mail={login})))"})
    sync_filter = fields.String(metadata={"description": "who the sync takes as employees"})
    id_attribute = fields.String(metadata={"description": "the entry's unique id: entryUUID, objectGUID (AD)"})
    login_attribute = fields.String(metadata={"description": "uid, sAMAccountName"})
    email_attribute = fields.String()
    name_attribute = fields.String()
    department_attribute = fields.String(metadata={"description": "empty: the entry's nearest OU"})
    position_attribute = fields.String()
    phone_attribute = fields.String()
    group_base = fields.String(metadata={"description": "where groups are searched (empty: the user base)"})
    group_filter = fields.String()
    member_attribute = fields.String(metadata={"description": "member, uniqueMember, memberUid"})
    group_roles = fields.Dict(keys=fields.String(), values=fields.List(ROLE), metadata={
        "description": "{group name or DN: [roles]}; someone in none gets default_roles"})
    default_roles = fields.List(ROLE)
    department_map = fields.Dict(keys=fields.String(), values=fields.String(), metadata={
        "description": "{directory value: department id}; a value not listed names a department (made if missing)"})
    allow_create = fields.Boolean(metadata={
        "description": "add employees for directory people Chancery does not know (at sign-in and by the sync)"})
    sync_interval_minutes = fields.Integer(validate=validate.Range(min=0), metadata={
        "description": "how often the sync runs (0: only by hand)"})
    max_dismissals = fields.Integer(validate=validate.Range(min=0), metadata={
        "description": "a sync that would dismiss more is held: nothing written"})
    next_sync_at = fields.String(dump_only=True, allow_none=True)
    updated_at = fields.String(dump_only=True)


class LdapSyncRequestSchema(Schema):
    dry_run = fields.Boolean(load_default=False, metadata={
        "description": "list what the sync would change, writing nothing"})


class LdapSyncSchema(Schema):
    """A sync's outcome; ``changes`` lists each creation, update, dismissal, reactivation,
    link, department created and entry skipped."""

    id = fields.String(allow_none=True)
    dry_run = fields.Boolean()
    status = fields.String(metadata={"description": "succeeded, held (a safety rule stopped it) or failed"})
    error = fields.String(allow_none=True)
    started_at = fields.String()
    finished_at = fields.String(allow_none=True)
    trigger = fields.String()
    counts = fields.Dict(keys=fields.String(), values=fields.Integer())
    changes = fields.List(fields.Dict())
