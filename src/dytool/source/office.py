"""LibreOffice, when it is installed: converting a .doc or .wps file to .docx.

Offices still send Word 97 (.doc) and WPS (.wps) files.  dytool reads .docx only, so these are
converted first with LibreOffice (``soffice --headless --convert-to docx``) in a private
profile, with a time limit; without LibreOffice the user is told what to do instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from dytool.core.errors import EXIT_FINDINGS, UserError

__all__ = ["CONVERTIBLE", "convert_to_docx", "office_program"]

CONVERTIBLE = (".doc", ".wps", ".rtf", ".odt", ".wpt", ".dot")
_TIMEOUT = 180


def office_program() -> str | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return None


def convert_to_docx(source: Path, dest_dir: Path) -> Path:
    """``source`` converted to .docx in ``dest_dir`` (a temporary folder, which also holds
    LibreOffice's profile); UserError without LibreOffice or on failure."""
    program = office_program()
    if program is None:
        raise UserError(f"“{source.name}”是 {source.suffix} 文件，需要 LibreOffice 转换，但本机没有安装 LibreOffice",
                        f"{source.name!r} is a {source.suffix} file; converting it needs LibreOffice, which is not installed",
                        exit_code=EXIT_FINDINGS, hint_zh="在 Word 或 WPS 中“另存为” .docx 后再导入，或安装 LibreOffice",
                        hint_en="save it as .docx in Word or WPS and import that, or install LibreOffice")
    profile = dest_dir / "office-profile"  # inside the caller's temporary folder: removed with it
    profile.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "HOME": str(profile)}
    try:
        done = subprocess.run(  # noqa: S603 - a fixed program, arguments never go through a shell
            [program, "--headless", "--norestore", "--nologo", f"-env:UserInstallation={profile.resolve().as_uri()}",
             "--convert-to", "docx", "--outdir", str(dest_dir), str(source)],
            capture_output=True, timeout=_TIMEOUT, check=False, env=env,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise UserError(f"LibreOffice 转换“{source.name}”失败：{exc}", f"LibreOffice could not convert {source.name!r}: {exc}",
                        exit_code=EXIT_FINDINGS) from None
    target = dest_dir / f"{source.stem}.docx"
    if done.returncode != 0 or not target.is_file():
        raise UserError(f"LibreOffice 无法转换“{source.name}”（文件可能已损坏或加密）",
                        f"LibreOffice could not convert {source.name!r} (damaged or encrypted?)", exit_code=EXIT_FINDINGS)
    return target
