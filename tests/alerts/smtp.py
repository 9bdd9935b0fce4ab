"""A real SMTP server on loopback (aiosmtpd) in the test process, keeping what it accepts."""

from __future__ import annotations

import email
import email.policy
import socket
from contextlib import contextmanager

from aiosmtpd.controller import Controller


class Inbox:
    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []
        self.before_accept = None  # called with each envelope; may refuse it (a reply string)

    async def handle_DATA(self, server, session, envelope):
        if self.before_accept is not None:
            refusal = self.before_accept(envelope)
            if refusal:
                return refusal
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append(parsed)
        return "250 Message accepted for delivery"

    def bodies(self) -> list[str]:
        return [m.get_body(("plain",)).get_content() for m in self.messages]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def smtp_server():
    inbox = Inbox()
    # A busy machine can take a while to start the server thread: wait for it generously.
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port(), ready_timeout=60)
    controller.start()
    try:
        yield inbox, controller.port
    finally:
        controller.stop()


def smtp_mailers(port: int) -> dict:
    return {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 60},
        }
    }
