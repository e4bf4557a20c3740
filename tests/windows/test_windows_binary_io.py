"""Every descriptor dytool opens with ``os.open`` is binary on Windows.

Python's ``open`` always asks for binary descriptors, but ``os.open`` passes its flags to the C
runtime as they are, and Windows then opens in *text* mode: reading turns CRLF into LF and stops
at a Ctrl-Z byte, writing turns every 10 byte into 13 10.  A record file read that way loses
its line ends and its digest, a signed cache entry (a pickle) no longer matches its signature,
and the cache's 32-byte key can come back 33 bytes long.  ``os.O_BINARY`` (0 elsewhere) must be
in the flags of every call; this test reads the source, as the call cannot be watched on Linux.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "dytool"


def _flags_text(module: ast.Module, source: str, call: ast.Call) -> str:
    flags = call.args[1] if len(call.args) > 1 else next((k.value for k in call.keywords if k.arg == "flags"), None)
    assert flags is not None
    text = ast.get_source_segment(source, flags) or ""
    if isinstance(flags, ast.Name):  # a constant or a local variable: what it was assigned
        text += "".join(ast.get_source_segment(source, node.value) or "" for node in ast.walk(module)
                        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == flags.id for t in node.targets))
    return text


def test_every_os_open_asks_for_a_binary_descriptor() -> None:
    calls, text_mode = 0, []
    for path in sorted(SRC.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        module = ast.parse(source)
        for node in ast.walk(module):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "open"
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "os"):
                calls += 1
                if "O_BINARY" not in _flags_text(module, source, node):
                    text_mode.append(f"{path.relative_to(SRC).as_posix()}:{node.lineno}")
    assert calls >= 6  # the test still finds the calls
    assert text_mode == []
