#!/usr/bin/python3
"""SMTP sink for tests: accepts every message on 127.0.0.1 and stores it as a .eml file.

Usage: smtp-sink.py --port N --dir PATH [--starttls-cert CERT --starttls-key KEY
                    [--require-starttls]] [--auth-user U --auth-password P]

Each message becomes PATH/<utc-timestamp>-<uuid>.eml: an `X-Kith-Envelope-To:` line with
the envelope recipients, then the message bytes exactly as received (CRLF line endings,
SMTP dot-stuffing removed). Prints `READY <port>` on stdout once listening (--port 0 picks
a free port); SIGTERM/SIGINT stop it with exit status 0. Diagnostics go to stderr.

Runs on Debian's /usr/bin/python3 with python3-aiosmtpd (1.4.x API): a python3 from
pyenv/venv cannot import the Debian package.
"""
import argparse
import asyncio
import datetime
import logging
import os
import signal
import ssl
import sys
import uuid
import warnings

try:
    from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword
except ImportError:
    sys.exit("smtp-sink: aiosmtpd missing; run with /usr/bin/python3 after "
             "`apt-get install python3-aiosmtpd`")


class Sink:
    def __init__(self, directory):
        self.directory = directory

    async def handle_DATA(self, server, session, envelope):
        stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%S.%fZ")
        name = f"{stamp}-{uuid.uuid4()}.eml"
        header = f"X-Kith-Envelope-To: {', '.join(envelope.rcpt_tos)}\r\n".encode()
        # Write under a non-.eml name and rename, so readers never see a half-written message.
        tmp = os.path.join(self.directory, f".{name}.tmp")
        with open(tmp, "wb") as f:
            f.write(header + envelope.original_content)
        os.replace(tmp, os.path.join(self.directory, name))
        print(f"smtp-sink: {name} from {envelope.mail_from} to {envelope.rcpt_tos}",
              file=sys.stderr, flush=True)
        return "250 OK"


def make_authenticator(user, password):
    expected = LoginPassword(user.encode(), password.encode())

    def authenticate(server, session, envelope, mechanism, auth_data):
        # handled=False makes aiosmtpd answer a failure with 535 itself (True means "we did").
        return AuthResult(success=auth_data == expected, handled=False)

    return authenticate


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--dir", required=True)
    p.add_argument("--starttls-cert")
    p.add_argument("--starttls-key")
    p.add_argument("--require-starttls", action="store_true")
    p.add_argument("--auth-user")
    p.add_argument("--auth-password")
    a = p.parse_args()
    if bool(a.starttls_cert) != bool(a.starttls_key):
        p.error("--starttls-cert and --starttls-key go together")
    if a.require_starttls and not a.starttls_cert:
        p.error("--require-starttls needs --starttls-cert/--starttls-key")
    if (a.auth_user is None) != (a.auth_password is None):
        p.error("--auth-user and --auth-password go together")
    return a


async def serve(args):
    os.makedirs(args.dir, exist_ok=True)
    smtp_options = {
        # An explicit hostname avoids socket.getfqdn(), a DNS lookup per connection.
        "hostname": "localhost",
        "enable_SMTPUTF8": True,
    }
    if args.starttls_cert:
        tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls.load_cert_chain(args.starttls_cert, args.starttls_key)
        smtp_options["tls_context"] = tls
        smtp_options["require_starttls"] = args.require_starttls
    if args.auth_user is not None:
        smtp_options["authenticator"] = make_authenticator(args.auth_user, args.auth_password)
        smtp_options["auth_required"] = True
        # AUTH over plain text is tolerable only because we listen on loopback alone;
        # with a certificate, keep aiosmtpd's default of refusing AUTH before STARTTLS.
        smtp_options["auth_require_tls"] = bool(args.starttls_cert)

    sink = Sink(args.dir)
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    try:
        server = await loop.create_server(
            lambda: SMTP(sink, loop=loop, **smtp_options), host="127.0.0.1", port=args.port)
    except OSError as e:
        sys.exit(f"smtp-sink: cannot listen on 127.0.0.1:{args.port}: {e.strerror}")
    print(f"READY {server.sockets[0].getsockname()[1]}", flush=True)
    await stop.wait()
    server.close()


class _DropKnownNoise(logging.Filter):
    NOISE = ("auth_require_tls == False", "Session.login_data is deprecated")

    def filter(self, record):
        return not any(n in record.getMessage() for n in self.NOISE)


def main():
    args = parse_args()
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr,
                        format="smtp-sink: %(levelname)s %(message)s")
    # aiosmtpd 1.4 logs these per connection/login: plain AUTH on loopback is deliberate, and
    # the login_data deprecation is triggered by aiosmtpd itself, not by this script.
    logging.getLogger("mail.log").addFilter(_DropKnownNoise())
    warnings.filterwarnings("ignore", "Requiring AUTH while not requiring TLS")
    asyncio.run(serve(args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
