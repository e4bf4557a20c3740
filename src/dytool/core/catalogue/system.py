"""What the operating system and the error boundary say.

The OS's own text (``strerror``) is English on an office's Linux server and on a Chinese
Windows alike, so Chinese output names the common failures itself (:func:`os_reason`).
"""

from __future__ import annotations

import errno

from dytool.core.messages import Text

__all__ = ["os_reason"]

_ERRNO_ZH: dict[int, str] = {
    errno.ENOENT: "文件或文件夹不存在",
    errno.EACCES: "没有权限",
    errno.EPERM: "操作不被允许（权限不足）",
    errno.ENOSPC: "磁盘空间不足",
    errno.EISDIR: "这是文件夹，不是文件",
    errno.ENOTDIR: "路径中有一级不是文件夹",
    errno.EROFS: "文件系统是只读的",
    errno.ELOOP: "链接层次过多（可能是循环链接）",
    errno.ENAMETOOLONG: "文件名过长",
    errno.ENXIO: "没有程序在读取（或设备不存在）",
    errno.EEXIST: "已经存在",
    errno.EBUSY: "文件正被占用",
    errno.ETXTBSY: "文件正被占用",
    errno.EMFILE: "打开的文件过多",
    errno.ENFILE: "打开的文件过多",
    errno.EIO: "读写设备出错",
    errno.EINVAL: "参数无效（文件名中可能有不允许的字符）",
    errno.EXDEV: "不能跨磁盘移动文件",
    errno.ENOTEMPTY: "文件夹不是空的",
    errno.EAGAIN: "资源暂时不可用，请稍后重试",
    errno.EFBIG: "文件过大",
    errno.EPIPE: "读取输出的程序已关闭",
    errno.ETIMEDOUT: "超时",
    errno.ECONNREFUSED: "连接被拒绝",
    errno.ENODEV: "设备不存在",
}
_EDQUOT = getattr(errno, "EDQUOT", None)
if _EDQUOT is not None:
    _ERRNO_ZH[_EDQUOT] = "超出磁盘配额"


def os_reason(exc: OSError) -> Text:
    """Why an operation failed, in words: the table above in Chinese, the OS's text in English."""
    english = exc.strerror or str(exc) or type(exc).__name__
    number = exc.errno
    if number in _ERRNO_ZH:
        return Text(_ERRNO_ZH[number], english)
    if number is not None:
        return Text(f"系统错误（{errno.errorcode.get(number, number)}）", english)
    return Text("系统错误", english)


INTERNAL_ERROR = Text("内部错误：{kind}: {detail}", "internal error: {kind}: {detail}")
INTERNAL_HINT = Text("加 --debug 再运行一次，把显示的内容报告给维护者", "run again with --debug and report it")
ABORTED = Text("已中止", "aborted")
NUL_ARGUMENT = Text("命令行参数中不能有空字符（NUL）", "command-line arguments cannot contain NUL characters")
HINT = Text("提示：{hint}", "hint: {hint}")
NOTE = Text("注意", "note")
