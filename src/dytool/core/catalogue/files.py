"""Reading and writing files: what a failure of the operating system or a file's format
means for the user (the reason comes from :func:`~dytool.core.catalogue.system.os_reason`)."""

from __future__ import annotations

from dytool.core.messages import Text

CANNOT_READ = Text("无法读取“{path}”：{reason}", "cannot read {path!r}: {reason}")
CANNOT_READ_SHORT = Text("无法读取：{reason}", "cannot be read: {reason}")
CANNOT_WRITE = Text("无法写入“{path}”：{reason}", "cannot write {path!r}: {reason}")
CANNOT_WRITE_UNCHANGED = Text("无法写入“{path}”：{reason}；文件保持原样", "cannot write {path!r}: {reason}; the file is unchanged")
NAME_TOO_LONG_HINT = Text("文件名是否太长？", "is the file name too long?")
SPACE_HINT = Text("检查磁盘空间和文件夹权限后重试", "check the free disk space and the folder's permissions, then try again")
CANNOT_LOCK = Text("无法锁定仓库以写入：{reason}", "cannot lock the repository for writing: {reason}")
IMAGE_UNREADABLE = Text("图片 {image} 无法读取：{reason}", "image {image} cannot be read: {reason}")
FILE_UNREADABLE = Text("文件无法读取：{reason}", "the file cannot be read: {reason}")
YAML_NOT_EDITABLE = Text("{file} 的 YAML 无法读取，无法修改；先运行 dytool check 改正", "{file}: YAML cannot be read, so it cannot be edited; run 'dytool check' and fix it first: {detail}")
WORD_UNREADABLE = Text("无法读取这个 Word 文件（{kind}）；请在 Word 或 WPS 中另存为 .docx 后重试",
                       "cannot read this Word file ({kind}: {detail}); save it as .docx and try again")
WORKBOOK_UNREADABLE = Text("无法读取 Excel 文件“{name}”（{kind}）；请在 Excel 或 WPS 中另存为 .xlsx 后重试",
                           "cannot read the workbook {name!r}: {kind}: {detail}")
CSV_UNREADABLE = Text("“{name}”第{line}行无法按 CSV 读取", "{name!r} line {line}: not CSV ({detail})")
OFFICE_FAILED = Text("LibreOffice 转换“{name}”失败（{kind}）", "LibreOffice could not convert {name!r}: {detail}")
LINK_LOOP = Text("链接层次过多（可能是循环链接）", "too many levels of links (a loop?)")
NOT_UTF8 = Text("不是 UTF-8 编码", "not UTF-8")
TIMED_OUT = Text("超时", "timed out")

# ---------------------------------------------------------------- files of the repository (DY013, DY002, DY206, DY016)
LINK_OUTSIDE = Text("文件是指向仓库之外的链接，已拒绝读取", "the file is a link to outside the repository; refused")
FOLDER_LINK_OUTSIDE = Text("文件夹是指向仓库之外的链接，已拒绝读取", "the folder is a link to outside the repository; refused")
REMOVE_LINK_HINT = Text("删除这个链接，把文件本身放进仓库", "remove the link and put the file itself in the repository")
FOLDER_LINK_SKIPPED = Text("文件夹是链接，已跳过（记录文件夹中不能用链接）", "the folder is a link and was skipped (record folders cannot contain links)")
FOLDER_LINK_HINT = Text("把文件本身放进这个文件夹", "put the files themselves in the folder")
NOT_REGULAR = Text("这不是普通文件（可能是管道或设备），已跳过", "not a regular file (a pipe or a device?); skipped")
NOT_REGULAR_HINT = Text("记录文件夹中只放普通文件", "keep only regular files in record folders")
UNREADABLE_HINT = Text("检查文件权限，或是否为失效、循环的链接", "check its permissions, or whether it is a broken or looping link")
TOO_LARGE = Text("文件超过 {kib} KiB 上限", "file exceeds the {kib} KiB limit")
TOO_LARGE_HINT = Text("按单位或月份拆成几个文件（如 visits/2023-05.yaml）", "split it by unit or month (e.g. visits/2023-05.yaml)")
NO_FRONT_MATTER = Text("报告开头缺少 YAML 头信息（--- 之间的 topic、title 等），或头信息没有以 --- 结束",
                       "the report does not start with YAML front matter (topic, title … between --- lines), or it is not closed by ---")
NO_FRONT_MATTER_HINT = Text("在文件开头加上：---\\ntopic: T-001\\ntitle: 报告标题\\n---", "start the file with: ---\\ntopic: T-001\\ntitle: Report title\\n---")

# ---------------------------------------------------------------- writing into the repository
LINK_ON_PATH = Text("拒绝写入“{path}”：路径中的“{where}”是链接（或不是普通文件夹），写入可能落到仓库之外",
                    "refusing to write {path!r}: {where!r} on its path is a link (or not a plain folder); the write could land outside the repository")
LINK_ON_PATH_HINT = Text("把链接换成真实的文件夹或文件后重试", "replace the link with a real folder or file and try again")
LOCK_FOLDER_NOT_PLAIN = Text("“{path}”不是普通文件夹（可能是链接），无法加锁写入", "{path!r} is not a plain folder (a link?); refusing to write")
LOCK_FOLDER_HINT = Text("删除它后重试（dytool 会重新创建）", "remove it and try again (dytool recreates it)")

# ---------------------------------------------------------------- images of reports
IMAGE_EMPTY = Text("图片路径为空", "the image path is empty")
IMAGE_NOT_IN_REPOSITORY = Text("图片 {image} 不是仓库内的文件", "image {image} is not a file in the repository")
IMAGE_ABSOLUTE = Text("图片 {image} 是绝对路径，应写相对报告的路径", "image {image} is an absolute path; write it relative to the report")
IMAGE_DOTDOT = Text("图片路径 {image} 含有“..”，应放在报告所在目录或其子目录中", "image path {image} contains '..'; keep images in the report's folder or below")
IMAGE_PRIVATE = Text("图片 {image} 在 .git 或 .dytool 目录中", "image {image} lies in .git or .dytool")
IMAGE_IGNORED = Text("图片 {image} 被 git 忽略，不属于仓库内容", "image {image} is ignored by git, so it is not part of the repository")
IMAGE_MISSING = Text("图片 {image} 不存在", "image {image} does not exist")
IMAGE_LINK = Text("图片 {image} 是链接，已拒绝", "image {image} is a link; refused")
IMAGE_IN_LINKED_FOLDER = Text("图片 {image} 所在的文件夹是链接，已拒绝", "image {image} lies in a folder that is a link; refused")
IMAGE_NOT_REGULAR = Text("图片 {image} 不是普通文件", "image {image} is not a regular file")
IMAGE_TOO_LARGE = Text("图片 {image} 超过 {mib} MiB", "image {image} is larger than {mib} MiB")
IMAGE_FORMAT = Text("图片 {image} 不是 PNG 或 JPEG 格式", "image {image} is not PNG or JPEG")
IMAGE_DAMAGED = Text("图片 {image} 已损坏或不完整", "image {image} is damaged or truncated")
IMAGE_TOO_MANY_PIXELS = Text("图片 {image} 尺寸过大（{width}×{height} 像素）", "image {image} is too large ({width}×{height} pixels)")

# ---------------------------------------------------------------- fetching a member's summary
REDIRECTED = Text("服务器转向了非 http(s) 地址，已拒绝", "the server redirected to a non-http(s) address; refused")
NO_SUCH_FILE = Text("文件不存在", "the file does not exist")
NOT_A_REGULAR_FILE = Text("这不是普通文件", "not a regular file")
SERVER_ANSWERED = Text("服务器回答 {code}", "the server answered {code}")
CANNOT_CONNECT = Text("无法连接服务器（地址不对、网络不通或服务器没有响应）", "cannot connect: {reason}")
UNSUPPORTED_SCHEME = Text("不支持的地址类型“{scheme}”：请用文件路径、file:// 或 http(s)://", "unsupported address scheme {scheme!r}: use a path, file:// or http(s)://")

# ---------------------------------------------------------------- LibreOffice
OFFICE_TOO_SLOW = Text("LibreOffice 转换超过 {seconds} 秒，已中止", "LibreOffice took longer than {seconds} s; stopped")
OFFICE_ERROR = Text("LibreOffice 转换失败（退出码 {code}）", "LibreOffice failed: {detail}")
OFFICE_NO_PDF = Text("LibreOffice 没有生成 PDF", "LibreOffice produced no PDF")
OFFICE_MISSING = Text("“{name}”是 {suffix} 文件，需要 LibreOffice 转换，但本机没有安装 LibreOffice",
                      "{name!r} is a {suffix} file; converting it needs LibreOffice, which is not installed")
OFFICE_MISSING_HINT = Text("在 Word 或 WPS 中“另存为” .docx 后再导入，或安装 LibreOffice", "save it as .docx in Word or WPS and import that, or install LibreOffice")
OFFICE_MISSING_XLSX_HINT = Text("在 Excel 或 WPS 中“另存为” .xlsx 后再导入，或安装 LibreOffice",
                                "save it as .xlsx in Excel or WPS and import that, or install LibreOffice")
OFFICE_CANNOT_CONVERT = Text("LibreOffice 无法转换“{name}”（文件可能已损坏或加密）", "LibreOffice could not convert {name!r} (damaged or encrypted?)")

# ---------------------------------------------------------------- the Word reference document (templates/reference.docx)
REFERENCE_DTD = Text("参考文档中的 {name} 含有 DTD 或实体声明，已拒绝", "{name} in the reference document declares a DTD or entities; refused")
REFERENCE_NOT_XML = Text("参考文档中的 {name} 不是有效的 XML", "{name} in the reference document is not valid XML ({detail})")
REFERENCE_PART_TOO_LARGE = Text("参考文档中的 {name} 过大", "{name} in the reference document is too large")
REFERENCE_DAMAGED = Text("参考文档已损坏（{name} 无法解压）", "the reference document is damaged ({name} cannot be inflated)")
REFERENCE_INFLATES = Text("参考文档中的 {name} 解压后过大，已拒绝", "{name} in the reference document inflates beyond the limit; refused")
REFERENCE_NOT_REGULAR = Text("参考文档不是普通文件（是链接、文件夹，或在链接的文件夹中），未使用", "the reference document is not a regular file (a link, a folder, or in a linked folder), so it is not used")
REFERENCE_TOO_LARGE = Text("参考文档超过 {mib} MiB", "the reference document exceeds {mib} MiB")
REFERENCE_NOT_DOCX = Text("参考文档不是 Word 文件（.docx）或已损坏，请在 Word 或 WPS 中另存为 .docx",
                          "the reference document is not a Word (.docx) file or is damaged; save it again as .docx in Word or WPS")
REFERENCE_TOO_MANY_PARTS = Text("参考文档中的文件过多", "the reference document holds too many parts")
REFERENCE_NO_BODY = Text("参考文档缺少正文部分（word/document.xml）", "the reference document has no main part (word/document.xml)")
REFERENCE_NO_STYLES = Text("参考文档没有样式（styles.xml）", "the reference document has no styles (styles.xml)")

# ---------------------------------------------------------------- a path a record names
ABSOLUTE_PATH = Text("不能写绝对路径", "absolute paths are not allowed")
NUL_IN_PATH = Text("路径中有空字符", "the path holds a NUL character")
DOTDOT = Text("路径不能含“..”", "the path must not contain '..'")
PRIVATE_FOLDER = Text("不能指向 .git 或 .dytool 文件夹中的文件", "the path must not lead into the .git or .dytool folder")
UNRESOLVABLE = Text("路径无法解析（可能是循环链接）", "the path cannot be resolved (a link loop?)")
LINK_LEAVES = Text("链接指向仓库之外", "a link points outside the repository")
LINK_TO_IGNORED = Text("文件是指向 git 忽略的文件的链接，它不属于仓库内容，已拒绝读取",
                       "the file is a link to a file git ignores, which is not part of the repository; refused")
LINK_INTO_PRIVATE = Text("链接指向 .git 或 .dytool 文件夹", "a link leads into the .git or .dytool folder")
IGNORED_BY_GIT = Text("git 忽略了这个文件，它不属于仓库内容", "git ignores this file; it is not part of the repository")
IT_IS_NOT_REGULAR = Text("这不是普通文件", "it is not a regular file")
CANNOT_BE_READ = Text("无法读取", "cannot be read")
FILE_NOT_UTF8 = Text("文件不是 UTF-8 编码", "the file is not UTF-8")

# ---------------------------------------------------------------- two writers at once
CHANGED_MEANWHILE = Text("“{path}”在 dytool 检查期间被修改（可能是编辑器保存了它）；为免覆盖他人的修改，没有写入",
                         "{path!r} changed while dytool was checking it (an editor saved it?); nothing was written, so that change is not lost")
CHANGED_MEANWHILE_HINT = Text("重新运行同一命令即可（会基于最新内容）", "run the same command again (it starts from the new content)")
LOCK_BUSY = Text("另一个 dytool 命令正在修改这个仓库，已等待 {seconds:.0f} 秒；请稍后重试",
                 "another dytool command is changing this repository (waited {seconds:.0f} s); try again in a moment")
LOCK_BUSY_HINT = Text("锁文件：{path}（命令结束时自动释放）", "lock file: {path} (released when that command ends)")
