"""Debian's dovecot on a loopback port for the intake tests: IMAP over TLS only (IMAPS, a
self-signed certificate made here), one user with a Maildir, everything under one folder."""
import os
import pwd
import socket
import subprocess
import time
from pathlib import Path

from chancery_local.infra import free_port

DOVECOT = "/usr/sbin/dovecot"


class Dovecot:
    user, password = "intake@test.chancery", "imap-test-password"

    def __init__(self, root):
        self.root = Path(root)
        self.port = free_port()
        self.cert, key = self.root / "cert.pem", self.root / "key.pem"
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                        "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                        "-keyout", str(key), "-out", str(self.cert)], check=True, capture_output=True)
        owner = pwd.getpwnam("nobody") if os.getuid() == 0 else pwd.getpwuid(os.getuid())
        self.mail = self.root / "mail"
        self.mail.mkdir()
        for path in (self.root, self.mail):
            os.chmod(path, 0o755)
            if os.getuid() == 0:
                os.chown(path, owner.pw_uid, owner.pw_gid)
        (self.root / "passwd").write_text(f"{self.user}:{{PLAIN}}{self.password}\n")
        login_user = "dovenull" if os.getuid() == 0 else owner.pw_name
        internal_user = "dovecot" if os.getuid() == 0 else owner.pw_name
        self.config = self.root / "dovecot.conf"
        self.config.write_text(f"""
protocols = imap
listen = 127.0.0.1
base_dir = {self.root}/run
state_dir = {self.root}/state
log_path = {self.root}/dovecot.log
ssl = required
ssl_cert = <{self.cert}
ssl_key = <{key}
disable_plaintext_auth = yes
auth_mechanisms = plain
default_login_user = {login_user}
default_internal_user = {internal_user}
first_valid_uid = {owner.pw_uid}
mail_location = maildir:{self.mail}/%u
passdb {{
  driver = passwd-file
  args = {self.root}/passwd
}}
userdb {{
  driver = static
  args = uid={owner.pw_uid} gid={owner.pw_gid} home={self.mail}/%u
}}
service imap-login {{
  inet_listener imap {{
    port = 0
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {self.port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
}}
service imap-login {{
  chroot =
}}
""")
        self.process = subprocess.Popen([DOVECOT, "-F", "-c", str(self.config)], stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.2)
        log = (self.root / "dovecot.log").read_text() if (self.root / "dovecot.log").exists() else ""
        raise RuntimeError(f"dovecot did not start: {self.process.stdout.read().decode()}{log}")

    def settings(self, **extra):
        return {"host": "127.0.0.1", "port": self.port, "security": "tls", "username": self.user,
                "mailbox": "INBOX", "processed_mailbox": "Processed", "ca_file": str(self.cert), **extra}

    def stop(self):
        self.process.terminate()
        self.process.wait(10)
