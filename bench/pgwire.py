"""A minimal PostgreSQL client (protocol 3, trust authentication, no TLS) for the benchmarks.

Only the standard library is available here. Statements go through the extended protocol
(Parse/Bind/Describe/Execute/Sync with an unnamed statement and typed text parameters), which is
what Npgsql sends for an unprepared command, so the baseline gets the same custom plans as the server.
"""
import socket
import struct

BOOL, INT4, TEXT, UUID, TEXT_ARRAY, UUID_ARRAY = 16, 23, 25, 2950, 1009, 2951


class PgError(Exception):
    pass


class Connection:
    def __init__(self, host, port, user, database):
        self.sock = socket.create_connection((host, port))
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.buf = b""
        body = struct.pack("!i", 196608) + b"".join(k.encode() + b"\0" + v.encode() + b"\0" for k, v in
                                                    (("user", user), ("database", database))) + b"\0"
        self.sock.sendall(struct.pack("!i", len(body) + 4) + body)
        self._until_ready()

    def _read(self, n):
        while len(self.buf) < n:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise PgError("connection closed")
            self.buf += chunk
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def _message(self):
        head = self._read(5)
        kind, length = head[:1], struct.unpack("!i", head[1:])[0]
        return kind, self._read(length - 4)

    def _until_ready(self):
        rows, error = [], None
        while True:
            kind, body = self._message()
            if kind == b"D":
                n = struct.unpack("!h", body[:2])[0]
                pos, row = 2, []
                for _ in range(n):
                    size = struct.unpack("!i", body[pos:pos + 4])[0]
                    pos += 4
                    if size < 0:
                        row.append(None)
                    else:
                        row.append(body[pos:pos + size].decode())
                        pos += size
                rows.append(row)
            elif kind == b"E":
                fields = dict((f[:1], f[1:].decode(errors="replace")) for f in body.split(b"\0") if f)
                error = fields.get(b"M", "error") + (" / " + fields[b"D"] if b"D" in fields else "")
            elif kind == b"R":
                if struct.unpack("!i", body[:4])[0] != 0:
                    raise PgError("only trust authentication is supported")
            elif kind == b"Z":
                if error:
                    raise PgError(error)
                return rows

    def query(self, sql, params=()):
        """Runs one statement; params are (type oid, value as text or None). Returns rows of text values."""
        def cstr(s):
            return s.encode() + b"\0"

        def msg(kind, body):
            return kind + struct.pack("!i", len(body) + 4) + body

        parse = cstr("") + cstr(sql) + struct.pack("!h", len(params)) + b"".join(struct.pack("!i", t) for t, _ in params)
        values = b""
        for _, v in params:
            if v is None:
                values += struct.pack("!i", -1)
            else:
                data = str(v).encode()
                values += struct.pack("!i", len(data)) + data
        bind = cstr("") + cstr("") + struct.pack("!hh", 0, len(params)) + values + struct.pack("!h", 0)
        out = (msg(b"P", parse) + msg(b"B", bind) + msg(b"D", b"P" + cstr("")) + msg(b"E", cstr("") + struct.pack("!i", 0))
               + msg(b"S", b""))
        self.sock.sendall(out)
        return self._until_ready()

    def close(self):
        try:
            self.sock.sendall(b"X" + struct.pack("!i", 4))
        finally:
            self.sock.close()
