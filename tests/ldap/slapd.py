"""Debian's slapd for the tests: started on free loopback ports, ldap:// with StartTLS and
ldaps:// (a server certificate of a CA made for the run), loaded with directory.ldif,
changed with ldapmodify. ``other_ca_pem``: a CA that did not sign it, to be refused.

``scripts/test`` installs slapd and ldap-utils when they are missing (as root).
"""
import datetime
import ipaddress
import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

from chancery_local.infra import free_port

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

HERE = Path(__file__).resolve().parent
SLAPD = "/usr/sbin/slapd"
SUFFIX = "dc=holding,dc=test"
ADMIN_DN = f"cn=admin,{SUFFIX}"
SCHEMAS = ("core", "cosine", "inetorgperson", "nis")


def _validity():
    now = datetime.datetime.now(datetime.timezone.utc)
    return {"not_valid_before": now - datetime.timedelta(minutes=5),
            "not_valid_after": now + datetime.timedelta(days=2)}


def make_ca(common_name):
    """(key, name, certificate) of a self-signed CA."""
    valid = _validity()
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
          .serial_number(x509.random_serial_number()).not_valid_before(valid["not_valid_before"])
          .not_valid_after(valid["not_valid_after"])
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .sign(ca_key, hashes.SHA256()))
    return ca_key, ca_name, ca


def make_certificates(folder):
    """(CA certificate PEM, server certificate path, key path) for 127.0.0.1 and localhost."""
    valid = _validity()
    ca_key, ca_name, ca = make_ca("Chancery test CA")
    server_key = ec.generate_private_key(ec.SECP256R1())
    server = (x509.CertificateBuilder()
              .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
              .issuer_name(ca_name).public_key(server_key.public_key()).serial_number(x509.random_serial_number())
              .not_valid_before(valid["not_valid_before"]).not_valid_after(valid["not_valid_after"])
              .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
                                                          x509.DNSName("localhost")]), critical=False)
              .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
              .sign(ca_key, hashes.SHA256()))
    certificate, key = folder / "server.pem", folder / "server.key"
    certificate.write_bytes(server.public_bytes(serialization.Encoding.PEM))
    key.write_bytes(server_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                             serialization.NoEncryption()))
    ca_pem = ca.public_bytes(serialization.Encoding.PEM).decode()
    (folder / "ca.pem").write_text(ca_pem)
    return ca_pem, certificate, key


class Slapd:
    """A running slapd with the test directory; ``modify(ldif)`` changes it as its administrator."""

    def __init__(self, folder):
        if not os.path.exists(SLAPD) or shutil.which("ldapmodify") is None:
            raise RuntimeError("the LDAP tests need Debian's slapd and ldap-utils "
                               "(apt-get install slapd ldap-utils; scripts/test installs them as root)")
        self.folder = folder
        self.run = secrets.token_hex(3)
        self.port = free_port()
        self.url = f"ldap://127.0.0.1:{self.port}"
        self.ldaps_port = free_port()
        self.ldaps_url = f"ldaps://127.0.0.1:{self.ldaps_port}"
        self.admin_password = secrets.token_urlsafe(12)
        self.ca_pem, certificate, key = make_certificates(folder)
        # the same name, another key: only the signature tells them apart
        self.other_ca_pem = make_ca("Chancery test CA")[2].public_bytes(serialization.Encoding.PEM).decode()
        database = folder / "db"
        database.mkdir()
        includes = "\n".join(f"include /etc/ldap/schema/{name}.schema" for name in SCHEMAS)
        (folder / "slapd.conf").write_text(f"""{includes}
modulepath /usr/lib/ldap
moduleload back_mdb
moduleload ppolicy
pidfile {folder}/slapd.pid
TLSCACertificateFile {folder}/ca.pem
TLSCertificateFile {certificate}
TLSCertificateKeyFile {key}
database mdb
suffix "{SUFFIX}"
rootdn "{ADMIN_DN}"
rootpw {self.admin_password}
directory {database}
maxsize 10485760
overlay ppolicy
""")
        subprocess.run([SLAPD, "-f", str(folder / "slapd.conf"), "-h", f"{self.url}/ {self.ldaps_url}/"],
                       check=True, timeout=30)
        deadline = time.monotonic() + 20
        while not self._answers():
            if time.monotonic() > deadline:
                raise RuntimeError("slapd did not start")
            time.sleep(0.1)
        self.ldap("ldapadd", (HERE / "directory.ldif").read_text().replace("{run}", self.run))

    def _answers(self):
        try:
            for port in (self.port, self.ldaps_port):
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    pass
            return True
        except OSError:
            return False

    def dn(self, uid, unit):
        return f"uid={uid},ou={unit} {self.run},ou=people,{SUFFIX}"

    def email(self, uid):
        return f"{uid}.{self.run}@holding.test"

    def ldap(self, tool, ldif):
        """Run ldapadd or ldapmodify as the directory's administrator, over StartTLS."""
        done = subprocess.run([tool, "-ZZ", "-x", "-H", self.url, "-D", ADMIN_DN, "-w", self.admin_password],
                              input=ldif, text=True, capture_output=True, timeout=30,
                              env={**os.environ, "LDAPTLS_CACERT": str(self.folder / "ca.pem")})
        if done.returncode:
            raise RuntimeError(f"{tool} failed ({done.returncode}): {done.stderr.strip()}\n{ldif}")

    def modify(self, ldif):
        self.ldap("ldapmodify", ldif.replace("{run}", self.run))

    def settings(self, **changes):
        """Chancery's settings for this directory (StartTLS, the run's CA, the admin as the sync account)."""
        return {"enabled": True, "url": self.url, "start_tls": True, "ca_certificate": self.ca_pem,
                "bind_dn": ADMIN_DN, "bind_password": self.admin_password, "user_base": f"ou=people,{SUFFIX}",
                "group_base": f"ou=groups,{SUFFIX}",
                "group_roles": {"lawyers": ["lawyer"], "sales-managers": ["manager"],
                                "chancery-admins": ["administrator"]},
                "default_roles": ["employee"], **changes}

    def stop(self):
        pid_file = self.folder / "slapd.pid"
        if pid_file.exists():
            pid = int(pid_file.read_text().strip())
            os.kill(pid, signal.SIGTERM)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                try:
                    os.kill(pid, 0)
                except ProcessLookupError:
                    return
                time.sleep(0.1)
