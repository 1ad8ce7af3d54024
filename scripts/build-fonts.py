#!/usr/bin/python3
"""Build the project's font folder (fonts/) from Debian font packages.

Run from anywhere with Debian's python3 (it has fontTools):

    /usr/bin/python3 scripts/build-fonts.py

Needs the Debian packages fonts-noto-cjk (Noto Serif/Sans CJK .ttc), fonts-liberation2
(Liberation Serif .ttf), fonts-lxgw-wenkai, fonts-hosny-amiri (Amiri .ttf) and
python3-fonttools (>= 4.38).

It writes, into fonts/ next to this script's parent folder:
  NotoSerifCJKsc-Regular.ttf  subset of NotoSerifCJKsc-Regular, CFF -> TrueType (glyf) outlines
  NotoSansCJKsc-Bold.ttf      subset of NotoSansCJKsc-Bold, CFF -> TrueType (glyf) outlines
  LiberationSerif-Regular.ttf, -Bold, -Italic, -BoldItalic   copied unchanged
  LXGWWenKai-Regular.ttf, Amiri-Regular.ttf, Amiri-Bold.ttf   copied unchanged
  LICENSE-NotoCJK.txt, LICENSE-Liberation.txt, LICENSE-LXGWWenKai.txt, LICENSE-Amiri.txt,
  manifest.json, README.md

With --latin-only, only the faces taken unchanged (Liberation, LXGW WenKai, Amiri) are copied and their manifest entries, licence
file and README lines rewritten; the CJK faces, their manifest entries and LICENSE-NotoCJK.txt
are kept as the last full build left them (fonts-noto-cjk is not needed then).

The output is deterministic: the same inputs give byte-identical files
(head.created/modified are set to a fixed date, nothing else carries a time).
"""

import hashlib
import json
import os
import re
import shutil
import sys
import time

from fontTools import subset
from fontTools.misc.timeTools import timestampSinceEpoch
from fontTools.pens.boundsPen import BoundsPen
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "fonts")

NOTO_DIR = "/usr/share/fonts/opentype/noto"
LIBERATION_DIR = "/usr/share/fonts/truetype/liberation2"
LXGW_DIR = "/usr/share/fonts/truetype/lxgw-wenkai"
LXGW_COPYRIGHT = "/usr/share/doc/fonts-lxgw-wenkai/copyright"
AMIRI_DIR = "/usr/share/fonts/opentype/fonts-hosny-amiri"
AMIRI_COPYRIGHT = "/usr/share/doc/fonts-hosny-amiri/copyright"
NOTO_COPYRIGHT = "/usr/share/doc/fonts-noto-cjk/copyright"
LIBERATION_COPYRIGHT = "/usr/share/doc/fonts-liberation2/copyright"

# Fixed head.created / head.modified (seconds since 1904-01-01 as fontTools stores them).
FIXED_DATE = timestampSinceEpoch(946684800)  # 2000-01-01T00:00:00Z

MAX_ERR = 1.0  # cu2qu approximation error, font units (1000 upem)
SIZE_LIMIT = 20_000_000  # bytes; above this a CJK face is rebuilt without Extension A
VERSION_NOTE = "; undoc subset, TrueType outlines"
BBOX_SAMPLE = 200  # glyphs whose converted bbox is compared with the CFF original
BBOX_TOLERANCE = 2  # font units

# Repertoire of the CJK faces: (first, last, block name). Only code points the
# source face maps are kept; glyphs reachable through GSUB (all features) come too.
CJK_RANGES = [
    (0x0020, 0x007E, "Basic Latin"),
    (0x00A0, 0x00FF, "Latin-1 Supplement"),
    (0x0100, 0x017F, "Latin Extended-A"),
    (0x0370, 0x03FF, "Greek and Coptic"),
    (0x0400, 0x04FF, "Cyrillic"),
    (0x2000, 0x206F, "General Punctuation"),
    (0x2100, 0x214F, "Letterlike Symbols"),
    (0x2150, 0x218F, "Number Forms"),
    (0x2190, 0x21FF, "Arrows"),
    (0x2200, 0x22FF, "Mathematical Operators"),
    (0x2460, 0x24FF, "Enclosed Alphanumerics"),
    (0x2500, 0x257F, "Box Drawing"),
    (0x25A0, 0x25FF, "Geometric Shapes"),
    (0x2600, 0x26FF, "Miscellaneous Symbols"),
    (0x2E80, 0x2EFF, "CJK Radicals Supplement"),
    (0x2F00, 0x2FDF, "Kangxi Radicals"),
    (0x2FF0, 0x2FFF, "Ideographic Description Characters"),
    (0x3000, 0x303F, "CJK Symbols and Punctuation"),
    (0x3040, 0x309F, "Hiragana"),
    (0x30A0, 0x30FF, "Katakana"),
    (0x3100, 0x312F, "Bopomofo"),
    (0x3200, 0x32FF, "Enclosed CJK Letters and Months"),
    (0x3300, 0x33FF, "CJK Compatibility"),
    (0x3400, 0x4DBF, "CJK Unified Ideographs Extension A"),
    (0x4E00, 0x9FFF, "CJK Unified Ideographs"),
    (0xF900, 0xFAFF, "CJK Compatibility Ideographs"),
    (0xFE10, 0xFE1F, "Vertical Forms"),
    (0xFE30, 0xFE4F, "CJK Compatibility Forms"),
    (0xFE50, 0xFE6F, "Small Form Variants"),
    (0xFF00, 0xFFEF, "Halfwidth and Fullwidth Forms"),
]
EXT_A = 0x3400
# Must be present in every CJK face (checked after the build).
REQUIRED = [0x00B7, 0x2014, 0x2022, 0x2026, 0x201C, 0x201D, 0xFF0C, 0x3001, 0x3002, 0x7231]

CJK_FACES = [
    {
        "id": "serif-sc",
        "ttc": os.path.join(NOTO_DIR, "NotoSerifCJK-Regular.ttc"),
        "psname": "NotoSerifCJKsc-Regular",
        "file": "NotoSerifCJKsc-Regular.ttf",
        "weight": 400,
        "role": "body text (Song/Ming style serif)",
    },
    {
        "id": "hei-sc",
        "ttc": os.path.join(NOTO_DIR, "NotoSansCJK-Bold.ttc"),
        "psname": "NotoSansCJKsc-Bold",
        "file": "NotoSansCJKsc-Bold.ttf",
        "weight": 700,
        "role": "titles and headings (Hei style sans, bold)",
    },
]

LATIN_FACES = [
    {
        "id": "latin",
        "src": os.path.join(LIBERATION_DIR, "LiberationSerif-Regular.ttf"),
        "file": "LiberationSerif-Regular.ttf",
        "weight": 400,
        "role": "Latin text (Times New Roman metrics, digits 0.5 em)",
    },
    {
        "id": "latin-bold",
        "src": os.path.join(LIBERATION_DIR, "LiberationSerif-Bold.ttf"),
        "file": "LiberationSerif-Bold.ttf",
        "weight": 700,
        "role": "bold Latin text (Times New Roman Bold metrics)",
    },
    {
        "id": "latin-italic",
        "src": os.path.join(LIBERATION_DIR, "LiberationSerif-Italic.ttf"),
        "file": "LiberationSerif-Italic.ttf",
        "weight": 400,
        "style": "italic",
        "role": "italic Latin text (Times New Roman Italic metrics)",
    },
    {
        "id": "latin-bold-italic",
        "src": os.path.join(LIBERATION_DIR, "LiberationSerif-BoldItalic.ttf"),
        "file": "LiberationSerif-BoldItalic.ttf",
        "weight": 700,
        "style": "italic",
        "role": "bold italic Latin text (Times New Roman Bold Italic metrics)",
    },
]


# Copied unchanged (no subsetting: the OFL reserves the names "LXGW" and "霞鹜" for unmodified
# fonts, and a subset would be a Modified Version that must be renamed). Kai is what UN Chinese
# print uses where English sets italics (emphasis, titles of works in some documents).
KAI_FACES = [
    {
        "id": "kai-sc",
        "src": os.path.join(LXGW_DIR, "LXGWWenKai-Regular.ttf"),
        "file": "LXGWWenKai-Regular.ttf",
        "weight": 400,
        "role": "Chinese emphasis (Kai style, where Latin text sets italics)",
    },
]

# Arabic: Amiri (Khaled Hosny), a Naskh face with the contextual forms, ligatures and mark
# positioning of OpenType Arabic, and Latin letters, digits and punctuation of its own, so an
# Arabic version sets S/2020/905 and European digits in the same face. Copied unchanged, like
# the Kai face: the PDF writer subsets what a document uses.
ARABIC_FACES = [
    {
        "id": "arabic",
        "src": os.path.join(AMIRI_DIR, "Amiri-Regular.ttf"),
        "file": "Amiri-Regular.ttf",
        "weight": 400,
        "role": "Arabic text (Naskh), with its own Latin letters and digits",
    },
    {
        "id": "arabic-bold",
        "src": os.path.join(AMIRI_DIR, "Amiri-Bold.ttf"),
        "file": "Amiri-Bold.ttf",
        "weight": 700,
        "role": "bold Arabic text: titles, headings, the masthead",
    },
]


def log(*args):
    print(*args, flush=True)


def fmt_range(a, b):
    return "%04X-%04X" % (a, b)


# --------------------------------------------------------------------------- CJK faces


def open_face(ttc_path, psname):
    """Return the TTFont of the face named psname (PostScript name) in a collection."""
    collection = TTCollection(ttc_path)
    for font in collection.fonts:
        if font["name"].getDebugName(6) == psname:
            return font
    names = [f["name"].getDebugName(6) for f in collection.fonts]
    raise SystemExit("%s: no face %r (has %s)" % (ttc_path, psname, ", ".join(names)))


# Language systems whose glyph forms (locl) Simplified Chinese text never uses: Japanese, Korean,
# Traditional Chinese (Taiwan, Hong Kong, Macao). Dropping them keeps about 18,000 glyphs out.
DROP_LANGSYS = {"JAN", "KOR", "ZHT", "ZHH", "ZHTM"}


def keep_simplified_chinese(font):
    """Remove the JAN/KOR/ZHT/ZHH language systems and empty the features only they use, so the
    subsetter's glyph closure does not follow their locl substitutions."""
    for tag in ("GSUB", "GPOS"):
        if tag not in font:
            continue
        table = font[tag].table
        used = set()
        for sr in table.ScriptList.ScriptRecord:
            script = sr.Script
            script.LangSysRecord = [r for r in script.LangSysRecord if r.LangSysTag.strip() not in DROP_LANGSYS]
            script.LangSysCount = len(script.LangSysRecord)
            systems = ([script.DefaultLangSys] if script.DefaultLangSys else []) + [r.LangSys for r in script.LangSysRecord]
            for ls in systems:
                used.update(ls.FeatureIndex)
                if ls.ReqFeatureIndex != 0xFFFF:
                    used.add(ls.ReqFeatureIndex)
        for i, fr in enumerate(table.FeatureList.FeatureRecord):
            if i not in used:
                fr.Feature.LookupListIndex = []
                fr.Feature.LookupCount = 0


def full_width_middle_dot(font):
    """Map U+00B7 MIDDLE DOT to its full-width (fwid) form. Chinese text sets the middle dot of
    names (斯文·于尔根松) a full em; Word and LibreOffice use the cmap glyph, not the fwid feature."""
    gsub = font["GSUB"].table
    dot = font.getBestCmap().get(0xB7)
    if font["hmtx"][dot][0] >= font["head"].unitsPerEm:
        return dot  # already full width (Noto Sans CJK SC Bold shares the bullet's glyph)
    target = None
    for fr in gsub.FeatureList.FeatureRecord:
        if fr.FeatureTag != "fwid":
            continue
        for li in fr.Feature.LookupListIndex:
            lookup = gsub.LookupList.Lookup[li]
            for st in lookup.SubTable:
                st = st.ExtSubTable if lookup.LookupType == 7 else st
                mapping = getattr(st, "mapping", None)
                if mapping and dot in mapping:
                    target = mapping[dot]
    if target is None:
        raise SystemExit("no fwid form of U+00B7 found")
    for table in font["cmap"].tables:
        if table.isUnicode() and 0xB7 in table.cmap:
            table.cmap[0xB7] = target
    return target


def subset_face(font, unicodes):
    """Subset in place: keep all layout features/scripts, vertical metrics, no hinting."""
    base_table = font["BASE"] if "BASE" in font else None
    options = subset.Options()
    options.layout_features = ["*"]
    options.layout_scripts = ["*"]
    options.hinting = False
    options.notdef_glyph = True
    options.notdef_outline = True
    options.glyph_names = False
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.name_legacy = True
    options.legacy_kern = True
    options.drop_tables = [t for t in options.drop_tables if t != "BASE"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    # fontTools cannot subset BASE and drops it; it holds only baseline coordinates
    # (no glyph references) in these fonts, so the original is carried over.
    if base_table is not None and "BASE" not in font and base_is_glyph_free(base_table):
        font["BASE"] = base_table


def base_is_glyph_free(base):
    """True if no BaseCoord refers to a glyph (format 2)."""
    stack = [base.table]
    seen = set()
    while stack:
        obj = stack.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        if type(obj).__name__ == "BaseCoord" and getattr(obj, "Format", 1) == 2:
            return False
        if isinstance(obj, list):
            stack.extend(obj)
        elif hasattr(obj, "__dict__"):
            stack.extend(v for v in vars(obj).values() if not isinstance(v, (int, float, str)))
    return True


def cff_to_glyf(font):
    """Replace CFF outlines by quadratic glyf outlines; fix dependent tables.

    Returns (seconds, bbox check result)."""
    t0 = time.time()
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    vorg = font["VORG"] if "VORG" in font else None

    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(None)
        # reverse_direction: CFF contours are counter-clockwise, TrueType clockwise.
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERR, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    seconds = time.time() - t0

    # Compare bounding boxes with the CFF originals on an evenly spaced sample. The
    # outline bounds (curve extrema) must agree within BBOX_TOLERANCE. The glyf header
    # bbox is the control box (on- and off-curve points) and can be a few units larger
    # where the CFF outline has no point at an extremum; that is reported, not checked.
    step = max(1, len(order) // BBOX_SAMPLE)
    worst = worst_cbox = 0.0
    checked = 0
    for name in order[::step][:BBOX_SAMPLE]:
        bp = BoundsPen(glyph_set)
        glyph_set[name].draw(bp)
        g = glyf.glyphs[name]
        g.recalcBounds(glyf)
        if bp.bounds is None:
            if g.numberOfContours != 0:
                raise SystemExit("glyph %s: empty in CFF, not in glyf" % name)
            continue
        qp = BoundsPen(None)
        g.draw(qp, glyf)
        worst = max(worst, max(abs(a - b) for a, b in zip(bp.bounds, qp.bounds)))
        cbox = (g.xMin, g.yMin, g.xMax, g.yMax)
        worst_cbox = max(worst_cbox, max(abs(a - b) for a, b in zip(bp.bounds, cbox)))
        checked += 1
    if worst > BBOX_TOLERANCE:
        raise SystemExit("bbox check failed: max deviation %.2f units" % worst)

    # Vertical origins: CFF fonts give them in VORG; TrueType derives them from
    # vmtx top side bearing + yMax, so tsb is recomputed from the new yMax.
    vmtx = font["vmtx"] if "vmtx" in font else None
    hmtx = font["hmtx"]
    for name in order:
        g = glyf.glyphs[name]
        g.recalcBounds(glyf)
        has_outline = g.numberOfContours != 0
        adv, lsb = hmtx[name]
        hmtx[name] = (adv, g.xMin if has_outline else 0)
        if vmtx is not None and vorg is not None and has_outline:
            origin = vorg.VOriginRecords.get(name, vorg.defaultVertOriginY)
            vadv, _ = vmtx[name]
            vmtx[name] = (vadv, origin - g.yMax)

    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    font["glyf"] = glyf
    font["loca"] = newTable("loca")

    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.numGlyphs = len(order)
    maxp.maxZones = 1
    for attr in (
        "maxPoints", "maxContours", "maxCompositePoints", "maxCompositeContours",
        "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
        "maxStackElements", "maxSizeOfInstructions", "maxComponentElements",
        "maxComponentDepth",
    ):
        setattr(maxp, attr, 0)
    font["maxp"] = maxp  # maxPoints etc. are recalculated on save

    post = font["post"]
    post.formatType = 3.0
    for attr in ("extraNames", "mapping", "glyphOrder"):
        if hasattr(post, attr):
            delattr(post, attr)

    head = font["head"]
    head.glyphDataFormat = 0
    head.flags |= 0x0003  # baseline at y=0, left sidebearing at x=0 (lsb == xMin)

    # Unhinted TrueType: ask for smoothing without grid-fitting at all sizes.
    gasp = newTable("gasp")
    gasp.version = 1
    gasp.gaspRange = {0xFFFF: 0x000A}
    font["gasp"] = gasp

    font.sfntVersion = "\x00\x01\x00\x00"
    return seconds, {"checked": checked, "maxDeviation": round(worst, 3),
                     "maxControlBoxDeviation": round(worst_cbox, 3)}


def tag_version(font):
    for rec in font["name"].names:
        if rec.nameID == 5:
            text = rec.toUnicode()
            if VERSION_NOTE not in text:
                rec.string = text + VERSION_NOTE


def save_deterministic(font, path):
    font["head"].created = FIXED_DATE
    font["head"].modified = FIXED_DATE
    font.recalcTimestamp = False
    font.recalcBBoxes = True
    font.save(path, reorderTables=True)


def build_cjk(face, ranges):
    """Build one CJK face with the given ranges; return info dict."""
    t0 = time.time()
    font = open_face(face["ttc"], face["psname"])
    cmap = font.getBestCmap()
    unicodes = [u for a, b, _ in ranges for u in range(a, b + 1) if u in cmap]
    keep_simplified_chinese(font)
    subset_face(font, unicodes)
    log("  U+00B7 now maps to %s (full width)" % full_width_middle_dot(font))
    t_subset = time.time() - t0
    n_glyphs = len(font.getGlyphOrder())
    log("  %s: %d code points, %d glyphs after closure, subset %.1f s"
        % (face["psname"], len(unicodes), n_glyphs, t_subset))

    t_conv, bbox = cff_to_glyf(font)
    tag_version(font)
    path = os.path.join(OUT, face["file"])
    t1 = time.time()
    save_deterministic(font, path)
    t_save = time.time() - t1
    size = os.path.getsize(path)
    log("  converted in %.1f s, saved in %.1f s: %d bytes (bbox check: %d glyphs, max dev %s,"
        " control box %s)" % (t_conv, t_save, size, bbox["checked"], bbox["maxDeviation"],
                              bbox["maxControlBoxDeviation"]))

    name = font["name"]
    info = {
        "family": name.getDebugName(16) or name.getDebugName(1),
        "subfamily": name.getDebugName(17) or name.getDebugName(2),
        "version": name.getDebugName(5),
        "copyright": name.getDebugName(0),
        "trademark": name.getDebugName(7),
        "codepoints": len(unicodes),
        "glyphs": n_glyphs,
        "size": size,
        "kept": [(a, b, n) for a, b, n in ranges
                 if any(a <= u <= b for u in unicodes)],
        "features": sorted({fr.FeatureTag for t in ("GSUB", "GPOS") if t in font
                            for fr in font[t].table.FeatureList.FeatureRecord}),
        "tables": sorted(t for t in font.keys() if t != "GlyphOrder"),
        "seconds": {"subset": round(t_subset, 1), "convert": round(t_conv, 1),
                    "save": round(t_save, 1)},
        "bboxCheck": bbox,
    }
    font.close()
    return info


def verify_cjk(path, expected_ps):
    font = TTFont(path)
    assert font["name"].getDebugName(6) == expected_ps, path
    assert "glyf" in font and "CFF " not in font and "VORG" not in font, path
    assert font["maxp"].tableVersion == 0x00010000
    cmap = font.getBestCmap()
    missing = [("U+%04X" % u) for u in REQUIRED if u not in cmap]
    if missing:
        raise SystemExit("%s lacks %s" % (path, ", ".join(missing)))
    for t in ("GSUB", "GPOS", "vhea", "vmtx", "OS/2", "hhea"):
        assert t in font, (path, t)
    font.close()


# --------------------------------------------------------------------------- licences


def debian_license_text(copyright_path, license_name):
    """Return the text of the stand-alone 'License: NAME' paragraph of a DEP-5 file."""
    text = open(copyright_path, encoding="utf-8").read()
    for para in re.split(r"\n\s*\n", text):
        lines = para.split("\n")
        if lines[0].strip() != "License: " + license_name or len(lines) < 10:
            continue
        out = []
        for line in lines[1:]:
            body = line[1:] if line.startswith(" ") else line.lstrip("\t")
            out.append("" if body == "." else body)
        while out and not out[-1].strip():
            out.pop()
        return "\n".join(out) + "\n"
    raise SystemExit("no License: %s paragraph in %s" % (license_name, copyright_path))


def debian_copyright_lines(copyright_path):
    """Copyright lines of the 'Files: *' paragraph."""
    text = open(copyright_path, encoding="utf-8").read()
    for para in text.split("\n\n"):
        if re.search(r"^Files: \*\s*$", para, re.M):
            m = re.search(r"^Copyright:(.*?)(?=^\S)", para + "\nEND", re.M | re.S)
            lines = [l.strip() for l in m.group(1).split("\n") if l.strip()]
            return lines
    raise SystemExit("no 'Files: *' paragraph in " + copyright_path)


# The lines that introduce the OFL text in both licence files.
OFL_PREAMBLE = [
    "",
    "This Font Software is licensed under the SIL Open Font License, Version 1.1.",
    "This license is copied below, and is also available with a FAQ at:",
    "https://openfontlicense.org",
    "",
    "",
]


def write_licences(cjk_infos, ofl_text):
    noto_lines = debian_copyright_lines(NOTO_COPYRIGHT)
    font_notices, trademarks = [], []
    for info in cjk_infos:
        if info["copyright"] not in font_notices:
            font_notices.append(info["copyright"])
        if info["trademark"] and info["trademark"] not in trademarks:
            trademarks.append(info["trademark"])
    noto = [
        "Noto Serif CJK SC and Noto Sans CJK SC (files NotoSerifCJKsc-Regular.ttf,",
        "NotoSansCJKsc-Bold.ttf in this folder) are Modified Versions of fonts from",
        "the Noto CJK project (https://github.com/googlefonts/noto-cjk), as shipped",
        "by the Debian package fonts-noto-cjk. They were subset and converted from",
        "CFF to TrueType outlines by scripts/build-fonts.py.",
        "",
        "Copyright notices in the fonts' name tables (name ID 0):",
    ]
    noto += ["  " + n for n in font_notices]
    noto += ["Trademark notice in the fonts' name tables (name ID 7):"]
    noto += ["  " + n for n in trademarks]
    noto += [
        "",
        "Upstream licence statement (noto-cjk LICENSE):",
        "  Copyright 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source'.",
        "",
        "Copyright lines of Debian's /usr/share/doc/fonts-noto-cjk/copyright (Files: *):",
    ]
    noto += ["  Copyright: " + l for l in noto_lines]
    noto += OFL_PREAMBLE
    with open(os.path.join(OUT, "LICENSE-NotoCJK.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(noto) + ofl_text)

    write_liberation_licence(ofl_text)


def write_liberation_licence(ofl_text):
    lib_lines = debian_copyright_lines(LIBERATION_COPYRIGHT)
    lib = [
        "Liberation Serif Regular, Bold, Italic and Bold Italic (files",
        "LiberationSerif-Regular.ttf, LiberationSerif-Bold.ttf, LiberationSerif-Italic.ttf,",
        "LiberationSerif-BoldItalic.ttf in this folder) are copied unchanged from the",
        "Debian package fonts-liberation2 (upstream https://github.com/liberationfonts).",
        "",
    ]
    lib += lib_lines
    lib += OFL_PREAMBLE
    with open(os.path.join(OUT, "LICENSE-Liberation.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lib) + ofl_text)


# --------------------------------------------------------------------------- manifest/readme


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def cmap_ranges(cmap):
    """Runs of consecutive mapped code points, as ["0020-007E", ...]."""
    out = []
    for u in sorted(cmap):
        if out and u == out[-1][1] + 1:
            out[-1][1] = u
        else:
            out.append([u, u])
    return [fmt_range(a, b) for a, b in out]


def latin_info(face):
    font = TTFont(os.path.join(OUT, face["file"]))
    name = font["name"]
    info = {
        "family": name.getDebugName(16) or name.getDebugName(1),
        "postscriptName": name.getDebugName(6),
        "version": name.getDebugName(5),
        "weightClass": font["OS/2"].usWeightClass,
        "glyphs": len(font.getGlyphOrder()),
        "codepoints": len(font.getBestCmap()),
        "ranges": cmap_ranges(font.getBestCmap()),
    }
    font.close()
    return info


def cjk_entries(cjk):
    faces = []
    for face, info in cjk:
        dropped_ext_a = not any(a == EXT_A for a, _, _ in info["kept"])
        changes = (
            "Face %s taken out of the TrueType collection %s; subset with fontTools.subset "
            "to the listed Unicode ranges (only code points the face maps; glyphs reachable "
            "through GSUB closure of all features kept, after dropping the JAN, KOR, ZHT and ZHH "
            "language systems); U+00B7 mapped to its full-width fwid form; all OpenType layout features "
            "(GSUB, GPOS) and the BASE, vhea and vmtx tables kept; hinting dropped; CFF outlines "
            "converted to quadratic TrueType glyf outlines (cu2qu, max error %g unit, contours "
            "reversed to clockwise), VORG removed and vertical origins moved into vmtx top "
            "side bearings, post format 3 (no glyph names), gasp added; '%s' appended to the "
            "version string (name ID 5)."
            % (face["psname"], os.path.basename(face["ttc"]), MAX_ERR, VERSION_NOTE)
        )
        if dropped_ext_a:
            changes += (" CJK Unified Ideographs Extension A (3400-4DBF) was dropped because "
                        "the face exceeded %d bytes with it." % SIZE_LIMIT)
        faces.append({
            "id": face["id"],
            "family": info["family"],
            "postscriptName": face["psname"],
            "file": face["file"],
            "script": "cjk",
            "weight": face["weight"],
            "style": "normal",
            "role": face["role"],
            "licence": "LICENSE-NotoCJK.txt",
            "source": "Debian package fonts-noto-cjk, %s (face %s)" % (face["ttc"], face["psname"]),
            "changes": changes,
            "droppedExtensionA": dropped_ext_a,
            "unicodeRanges": [fmt_range(a, b) for a, b, _ in info["kept"]],
            "codepoints": info["codepoints"],
            "glyphs": info["glyphs"],
            "bytes": info["size"],
            "sha256": sha256(os.path.join(OUT, face["file"])),
            "version": info["version"],
            "unitsPerEm": 1000,
        })
    return faces


def write_manifest_and_readme(cjk_faces, latin, arabic):
    faces = list(cjk_faces)
    for face, info in latin:
        faces.append({
            "id": face["id"],
            "family": info["family"],
            "postscriptName": info["postscriptName"],
            "file": face["file"],
            "script": "latin",
            "weight": face["weight"],
            "style": face.get("style", "normal"),
            "role": face["role"],
            "licence": "LICENSE-Liberation.txt",
            "source": "Debian package fonts-liberation2, %s" % face["src"],
            "changes": "none (copied unchanged)",
            "unicodeRanges": info["ranges"],  # whole font: runs of mapped code points
            "codepoints": info["codepoints"],
            "glyphs": info["glyphs"],
            "bytes": os.path.getsize(os.path.join(OUT, face["file"])),
            "sha256": sha256(os.path.join(OUT, face["file"])),
            "version": info["version"],
            "unitsPerEm": 2048,
        })
    faces += arabic
    with open(os.path.join(OUT, "manifest.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(faces, f, ensure_ascii=False, indent=2)
        f.write("\n")

    # README
    lines = [
        "# fonts/",
        "",
        "Generated by `scripts/build-fonts.py`; do not edit by hand. `manifest.json` lists each",
        "face (id, family name as Word shows it, PostScript name, file, weight, licence, source,",
        "changes, Unicode ranges, size, SHA-256). `unicodeRanges` are the blocks kept for the CJK",
        "faces and the runs of mapped code points for the (unchanged) Liberation faces.",
        "",
        "| id | file | family | weight | used for |",
        "|----|------|--------|--------|----------|",
    ]
    for entry in faces:
        lines.append("| %s | %s | %s | %d | %s |" % (
            entry["id"], entry["file"], entry["family"], entry["weight"], entry["role"]))
    lines += [
        "",
        "## Where they come from",
        "",
        "- `NotoSerifCJKsc-Regular.ttf`, `NotoSansCJKsc-Bold.ttf`: the faces `NotoSerifCJKsc-Regular`",
        "  and `NotoSansCJKsc-Bold` of Debian's `fonts-noto-cjk`",
        "  (`/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc`, `NotoSansCJK-Bold.ttc`),",
        "  subset, hinting dropped, CFF outlines converted to TrueType (quadratic `glyf`; Word is",
        "  documented to honour only TrueType outlines in embedded fonts). All OpenType features",
        "  are kept (GSUB `hwid`, `fwid`,",
        "  `pwid`, `vert`, `vrt2`, `locl`...; GPOS `halt`, `palt`, `kern`, `vhal`...), as are the",
        "  vertical metrics (`vhea`, `vmtx`) and `BASE`. Names are unchanged (the OFL reserved",
        "  font name of Noto CJK is 'Source'); name ID 5 ends with `%s`." % VERSION_NOTE.lstrip("; "),
        "  Licence: SIL OFL 1.1, `LICENSE-NotoCJK.txt`.",
        "- `LiberationSerif-Regular.ttf`, `-Bold`, `-Italic`, `-BoldItalic`: copied unchanged from",
        "  Debian's `fonts-liberation2` (`/usr/share/fonts/truetype/liberation2/`). Times New Roman",
        "  metrics; digits are 0.5 em. They have the characters the text rules produce: U+00A0 and",
        "  U+202F (0.25 and 0.2 em), « » „ “ ’ – —; not U+2011 (non-breaking hyphen). Licence:",
        "  SIL OFL 1.1, `LICENSE-Liberation.txt`.",
        "- `LXGWWenKai-Regular.ttf`: LXGW WenKai, a Kai (楷体) face, copied unchanged from Debian's",
        "  `fonts-lxgw-wenkai` (not subset: the OFL reserves its names for unmodified fonts). UN Chinese",
        "  print sets in Kai what English sets in italics; undoc uses it for emphasis in Chinese",
        "  text. Loaded only by documents that use it. Licence: SIL OFL 1.1, `LICENSE-LXGWWenKai.txt`.",
        "- `Amiri-Regular.ttf`, `Amiri-Bold.ttf`: Amiri, a Naskh face, copied unchanged from Debian's",
        "  `fonts-hosny-amiri` (`%s/`). OpenType Arabic shaping (`init`, `medi`, `fina`," % AMIRI_DIR,
        "  `rlig`, `liga`, `calt`, `mark`, `mkmk`, `curs`), the tatweel (U+0640), Arabic punctuation,",
        "  and Latin letters, European digits and brackets of its own: an Arabic version sets",
        "  S/2020/905 and its digits in the same face. Bidi mirroring is not left to the face's",
        "  `rtlm` (fontkit does not mirror): the typesetter mirrors brackets itself (UAX #9 L4).",
        "  Loaded only by Arabic documents. Licence: SIL OFL 1.1, `LICENSE-Amiri.txt`.",
        "",
        "## Repertoire of the CJK faces",
        "",
        "Code points of these blocks that the SC face maps, plus every glyph reachable from them",
        "through GSUB (all features; the Japanese, Korean and Traditional Chinese language systems",
        "are dropped first, so their `locl` forms are not carried). U+00B7 MIDDLE DOT maps to its",
        "full-width (`fwid`) form, as Chinese text sets it (Word uses the cmap glyph):",
        "",
    ]
    for entry in [e for e in cjk_faces if "droppedExtensionA" in e]:
        lines.append("- %s (%s): %d code points, %d glyphs, %.1f MB%s" % (
            entry["file"], entry["id"], entry["codepoints"], entry["glyphs"], entry["bytes"] / 1e6,
            "" if not entry["droppedExtensionA"]
            else "; **Extension A dropped** (face was over %d MB with it)" % (SIZE_LIMIT // 1000000)))
    lines.append("")
    for a, b, n in CJK_RANGES:
        lines.append("- %s %s" % (fmt_range(a, b), n))
    lines += [
        "",
        "## Rebuild",
        "",
        "```sh",
        "apt-get install fonts-noto-cjk fonts-liberation2 fonts-lxgw-wenkai fonts-hosny-amiri python3-fonttools",
        "/usr/bin/python3 scripts/build-fonts.py",
        "```",
        "",
        "Use Debian's `/usr/bin/python3` (it has fontTools; tested with 4.38). The build takes a few",
        "minutes and is deterministic (fixed `head` dates): two runs give identical files. Sources",
        "used for this build: fonts-noto-cjk %s, fonts-liberation2 %s, fonts-hosny-amiri %s." % (
            noto_version(), package_version("fonts-liberation2"), package_version("fonts-hosny-amiri")),
        "",
    ]
    with open(os.path.join(OUT, "README.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines))


def noto_version():
    """fonts-noto-cjk's version: installed, or (--latin-only) as the last full build recorded it."""
    version = package_version("fonts-noto-cjk")
    if version == "(unknown version)" and os.path.exists(os.path.join(OUT, "README.md")):
        m = re.search(r"fonts-noto-cjk (\S+), fonts-liberation2", open(os.path.join(OUT, "README.md"), encoding="utf-8").read())
        if m:
            version = m.group(1)
    return version


def package_version(pkg):
    """Version of an installed Debian package, read from dpkg's status file."""
    try:
        text = open("/var/lib/dpkg/status", encoding="utf-8").read()
    except OSError:
        return "(unknown version)"
    for para in text.split("\n\n"):
        if re.search(r"^Package: %s$" % re.escape(pkg), para, re.M):
            m = re.search(r"^Version: (.+)$", para, re.M)
            if m:
                return m.group(1)
    return "(unknown version)"


# --------------------------------------------------------------------------- main


def existing_cjk_entries():
    """The CJK entries of the current manifest.json (for --latin-only)."""
    with open(os.path.join(OUT, "manifest.json"), encoding="utf-8") as f:
        return [e for e in json.load(f) if e["script"] == "cjk"]


def existing_ofl_text():
    """The OFL text of the current LICENSE-NotoCJK.txt (the full build took it from Debian)."""
    text = open(os.path.join(OUT, "LICENSE-NotoCJK.txt"), encoding="utf-8").read()
    marker = "\n".join(OFL_PREAMBLE)
    at = text.find(marker)
    if at < 0:
        raise SystemExit("LICENSE-NotoCJK.txt has no OFL preamble: run a full build")
    return text[at + len(marker):]


def copy_unchanged(face):
    """Copy a face that goes into fonts/ unchanged; return its path there."""
    dst = os.path.join(OUT, face["file"])
    shutil.copyfile(face["src"], dst)
    os.chmod(dst, 0o644)
    return dst


def copy_latin():
    latin = []
    for face in LATIN_FACES:
        copy_unchanged(face)
        latin.append((face, latin_info(face)))
    return latin


def unchanged_entries(faces, script, licence, package):
    """Copy faces taken unchanged from a Debian package and describe each for manifest.json."""
    entries = []
    for face in faces:
        dst = copy_unchanged(face)
        font = TTFont(dst)
        name = font["name"]
        entries.append({
            "id": face["id"],
            "family": name.getDebugName(16) or name.getDebugName(1),
            "postscriptName": name.getDebugName(6),
            "file": face["file"],
            "script": script,
            "weight": face["weight"],
            "style": "normal",
            "role": face["role"],
            "licence": licence,
            "source": "Debian package %s, %s" % (package, face["src"]),
            "changes": "none (copied unchanged)",
            "unicodeRanges": cmap_ranges(font.getBestCmap()),
            "codepoints": len(font.getBestCmap()),
            "glyphs": len(font.getGlyphOrder()),
            "bytes": os.path.getsize(dst),
            "sha256": sha256(dst),
            "version": name.getDebugName(5),
            "unitsPerEm": font["head"].unitsPerEm,
        })
        font.close()
    return entries


def write_unchanged_licence(file, intro, copyright_file):
    """The licence file of faces copied unchanged: what they are, Debian's copyright lines, the OFL."""
    lines = intro + [""] + debian_copyright_lines(copyright_file) + OFL_PREAMBLE
    with open(os.path.join(OUT, file), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + existing_ofl_text())


def copy_kai():
    kai = unchanged_entries(KAI_FACES, "cjk", "LICENSE-LXGWWenKai.txt", "fonts-lxgw-wenkai")
    write_unchanged_licence("LICENSE-LXGWWenKai.txt", [
        "LXGW WenKai Regular (file LXGWWenKai-Regular.ttf in this folder) is copied",
        "unchanged from the Debian package fonts-lxgw-wenkai",
        "(upstream https://github.com/lxgw/LxgwWenKai), with the Reserved Font Names",
        "\"霞鹜\" and \"LXGW\".",
    ], LXGW_COPYRIGHT)
    return kai


def copy_arabic():
    arabic = unchanged_entries(ARABIC_FACES, "arabic", "LICENSE-Amiri.txt", "fonts-hosny-amiri")
    write_unchanged_licence("LICENSE-Amiri.txt", [
        "Amiri Regular and Bold (files Amiri-Regular.ttf, Amiri-Bold.ttf in this folder) are",
        "copied unchanged from the Debian package fonts-hosny-amiri",
        "(upstream https://www.amirifont.org).",
    ], AMIRI_COPYRIGHT)
    return arabic


def main_copies_only():
    """--latin-only: copy the faces taken unchanged (Liberation, LXGW WenKai); keep the built Noto faces."""
    for path in [f["src"] for f in LATIN_FACES + KAI_FACES + ARABIC_FACES] + [LIBERATION_COPYRIGHT, LXGW_COPYRIGHT, AMIRI_COPYRIGHT]:
        if not os.path.exists(path):
            raise SystemExit("missing %s (install fonts-liberation2, fonts-lxgw-wenkai and fonts-hosny-amiri)" % path)
    latin = copy_latin()
    write_liberation_licence(existing_ofl_text())
    built = [e for e in existing_cjk_entries() if e["id"] not in {k["id"] for k in KAI_FACES}]
    write_manifest_and_readme(built + copy_kai(), latin, copy_arabic())
    log("Liberation, LXGW WenKai and Amiri faces copied; Noto CJK faces kept")


def main():
    if "--latin-only" in sys.argv[1:]:
        return main_copies_only()
    for path in [f["ttc"] for f in CJK_FACES] + [f["src"] for f in LATIN_FACES + ARABIC_FACES] + [
            NOTO_COPYRIGHT, LIBERATION_COPYRIGHT, AMIRI_COPYRIGHT]:
        if not os.path.exists(path):
            raise SystemExit("missing %s (install fonts-noto-cjk and fonts-liberation2)" % path)
    os.makedirs(OUT, exist_ok=True)
    t_all = time.time()

    cjk = []
    for face in CJK_FACES:
        log("building %s" % face["file"])
        info = build_cjk(face, CJK_RANGES)
        if info["size"] > SIZE_LIMIT:
            log("  %d bytes > %d: rebuilding without Extension A" % (info["size"], SIZE_LIMIT))
            info = build_cjk(face, [r for r in CJK_RANGES if r[0] != EXT_A])
        verify_cjk(os.path.join(OUT, face["file"]), face["psname"])
        cjk.append((face, info))

    latin = copy_latin()

    ofl = debian_license_text(NOTO_COPYRIGHT, "SIL-1.1")
    write_licences([i for _, i in cjk], ofl)
    write_manifest_and_readme(cjk_entries(cjk) + copy_kai(), latin, copy_arabic())
    log("done in %.1f s" % (time.time() - t_all))


if __name__ == "__main__":
    sys.exit(main())
