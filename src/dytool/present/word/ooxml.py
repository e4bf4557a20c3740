"""WordprocessingML plumbing: names, schema order of property elements, text cleaning, units."""

from __future__ import annotations

import re
from collections.abc import Mapping
from html import escape

from lxml import etree  # python-docx dependency, no stubs

__all__ = [
    "A_NS",
    "ORDERS",
    "PIC_NS",
    "R_NS",
    "WP_NS",
    "W_NS",
    "attr",
    "clean",
    "display_width",
    "element",
    "get_or_add",
    "insert_ordered",
    "is_wide",
    "mm_to_twips",
    "sub",
    "w",
]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
PIC_NS = "http://schemas.openxmlformats.org/drawingml/2006/picture"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
SL_NS = "http://schemas.openxmlformats.org/schemaLibrary/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

_W = "{" + W_NS + "}"


def w(local: str) -> str:
    """Clark name of a ``w:`` element or attribute."""
    return _W + local


def _names(text: str, ns: str = _W) -> tuple[str, ...]:
    return tuple(name if name.startswith("{") else ns + name for name in text.split())


# Child order of the property elements, from the ECMA-376 (transitional) schema, wml.xsd.
_PPR = """pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd
 tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi
 adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection
 textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"""
_RPR = """ins del moveFrom moveTo rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow
 emboss imprint noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u
 effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath rPrChange"""
_SECTPR = """headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders
 lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid
 printerSettings sectPrChange"""
_TBLPR = """tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc
 tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription tblPrChange"""
_TRPR = """cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader tblCellSpacing
 jc hidden ins del trPrChange"""
_TCPR = """cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign
 hideMark headers cellIns cellDel cellMerge tcPrChange"""
_STYLE = """name aliases basedOn next link autoRedefine hidden uiPriority semiHidden unhideWhenUsed qFormat
 locked personal personalCompose personalReply rsid pPr rPr tblPr trPr tcPr tblStylePr"""
_BORDERS = "top left start bottom right end insideH insideV"
_SETTINGS = """writeProtection view zoom removePersonalInformation removeDateAndTime
 doNotDisplayPageBoundaries displayBackgroundShape printPostScriptOverText printFractionalCharacterWidth
 printFormsData embedTrueTypeFonts embedSystemFonts saveSubsetFonts saveFormsData mirrorMargins
 alignBordersAndEdges bordersDoNotSurroundHeader bordersDoNotSurroundFooter gutterAtTop
 hideSpellingErrors hideGrammaticalErrors activeWritingStyle proofState formsDesign attachedTemplate
 linkStyles stylePaneFormatFilter stylePaneSortMethod documentType mailMerge revisionView trackRevisions
 doNotTrackMoves doNotTrackFormatting documentProtection autoFormatOverride styleLockTheme
 styleLockQFSet defaultTabStop autoHyphenation consecutiveHyphenLimit hyphenationZone
 doNotHyphenateCaps showEnvelope summaryLength clickAndTypeStyle defaultTableStyle evenAndOddHeaders
 bookFoldRevPrinting bookFoldPrinting bookFoldPrintingSheets drawingGridHorizontalSpacing
 drawingGridVerticalSpacing displayHorizontalDrawingGridEvery displayVerticalDrawingGridEvery
 doNotUseMarginsForDrawingGridOrigin drawingGridHorizontalOrigin drawingGridVerticalOrigin
 doNotShadeFormData noPunctuationKerning characterSpacingControl printTwoOnOne strictFirstAndLastChars
 noLineBreaksAfter noLineBreaksBefore savePreviewPicture doNotValidateAgainstSchema saveInvalidXml
 ignoreMixedContent alwaysShowPlaceholderText doNotDemarcateInvalidXml saveXmlDataOnly
 useXSLTWhenSaving saveThroughXslt showXMLTags alwaysMergeEmptyNamespace updateFields hdrShapeDefaults
 footnotePr endnotePr compat docVars rsids {M_NS}mathPr attachedSchema themeFontLang clrSchemeMapping
 doNotIncludeSubdocsInStats doNotAutoCompressPictures forceUpgrade captions readModeInkLockDown
 smartTagType {SL_NS}schemaLibrary shapeDefaults doNotEmbedSmartTags decimalSymbol listSeparator""".replace(
    "{M_NS}", "{" + M_NS + "}").replace("{SL_NS}", "{" + SL_NS + "}")


def _order(text: str) -> Mapping[str, int]:
    return {name: index for index, name in enumerate(_names(text))}


#: Parent Clark name → {child Clark name: position}. ``rPr`` covers both run and paragraph-mark
#: properties (the paragraph-mark change-tracking elements come first). Borders are ordered too.
ORDERS: Mapping[str, Mapping[str, int]] = {
    w("pPr"): _order(_PPR),
    w("rPr"): _order(_RPR),
    w("sectPr"): _order(_SECTPR),
    w("tblPr"): _order(_TBLPR),
    w("trPr"): _order(_TRPR),
    w("tcPr"): _order(_TCPR),
    w("style"): _order(_STYLE),
    w("settings"): _order(_SETTINGS),
    w("tblBorders"): _order(_BORDERS),
    w("tcBorders"): _order(_BORDERS + " tl2br tr2bl"),
    w("pBdr"): _order("top left bottom right between bar"),
    w("tblCellMar"): _order("top left start bottom right end"),
}


def insert_ordered(parent: etree._Element, child: etree._Element) -> etree._Element:
    """Insert ``child`` where the schema puts it; elements the table does not know go last.
    Hook references (``headerReference``/``footerReference``) share one position."""
    order = ORDERS[parent.tag]
    last = len(order)
    position = order.get(child.tag, last)
    if parent.tag == w("sectPr") and child.tag == w("footerReference"):
        position = order[w("headerReference")]
    for index, existing in enumerate(parent):
        theirs = order.get(existing.tag, last) if isinstance(existing.tag, str) else last
        if existing.tag == w("footerReference") and parent.tag == w("sectPr"):
            theirs = order[w("headerReference")]
        if theirs > position:
            parent.insert(index, child)
            return child
    parent.append(child)
    return child


def get_or_add(parent: etree._Element, local: str) -> etree._Element:
    """The ``w:local`` child of ``parent``, created in schema order when absent."""
    found = parent.find(w(local))
    if found is not None:
        return found
    return insert_ordered(parent, etree.Element(w(local)))


def sub(parent: etree._Element, local: str, attrs: Mapping[str, str] | None = None, /, **more: str) -> etree._Element:
    """Append ``w:local`` with ``w:`` attributes (appended, not ordered: for building in order)."""
    element = etree.SubElement(parent, w(local))
    for items in (attrs or {}).items(), more.items():
        for key, value in items:
            element.set(w(key), value)
    return element


# What lxml (and python-docx) refuse in XML text: C0 controls except tab/newline/CR, the
# non-characters U+FFFE/U+FFFF and surrogates (which a Python str may hold alone).
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean(text: str) -> str:
    """``text`` without the characters XML cannot hold."""
    return _BAD_CHARS.sub("", text)


def attr(value: str) -> str:
    """``value`` escaped for a double-quoted attribute."""
    return escape(value, quote=True)


def element(local: str, attrs: Mapping[str, str] | None = None) -> str:
    """An empty ``w:local`` element with ``w:`` attributes, as text."""
    inner = "".join(f' w:{key}="{attr(value)}"' for key, value in (attrs or {}).items())
    return f"<w:{local}{inner}/>"


def mm_to_twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


def is_wide(char: str) -> bool:
    """Whether ``char`` is set full width in Chinese text (CJK, full-width forms, CJK punctuation)."""
    code = ord(char)
    return code >= 0x2E80 and not 0xFF61 <= code <= 0xFFDC


def display_width(text: str) -> int:
    """Width in half-width units (a Chinese character counts 2)."""
    return sum(2 if is_wide(char) else 1 for char in text)
