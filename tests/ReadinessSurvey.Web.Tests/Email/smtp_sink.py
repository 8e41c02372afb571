"""A real SMTP server for the tests, on loopback: writes each accepted message to a folder as an .eml file.

Usage: python3 smtp_sink.py FOLDER
Prints the port it listens on, then serves until killed. A message to an address containing "refuse" is
refused after DATA with a permanent error that quotes the address, as real servers do.
Uses smtpd from Debian's Python 3.11 standard library (deprecated there, removed in 3.12).
"""
import os
import sys
import uuid
import warnings

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import asyncore
    import smtpd


class FolderServer(smtpd.SMTPServer):
    def __init__(self, folder):
        super().__init__(("127.0.0.1", 0), None, decode_data=False)
        self.folder = folder

    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        refused = [r for r in rcpttos if "refuse" in r]
        if refused:
            return "550 5.1.1 <%s>: Recipient address rejected: mailbox unavailable" % refused[0]
        name = os.path.join(self.folder, uuid.uuid4().hex)
        with open(name + ".partial", "wb") as f:
            f.write(("X-Envelope-To: %s\r\n" % ",".join(rcpttos)).encode("ascii"))
            f.write(data)
        os.rename(name + ".partial", name + ".eml")
        return None


if __name__ == "__main__":
    server = FolderServer(sys.argv[1])
    print(server.socket.getsockname()[1], flush=True)
    asyncore.loop()
