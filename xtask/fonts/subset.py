#!/usr/bin/env python3
"""Rebuilds xtask/fonts/NotoSansSC-subset.otf, the font the preview images are drawn with.

Noto Sans CJK SC Regular (SIL Open Font License 1.1, see OFL.txt), cut down to the
characters the previews can show: every character of the report folders (Aba's and the
fictional ones in tests/fixtures), of the Rust sources (UI strings, summaries, the source
line, the cards' own words) and of printable ASCII. A report folder added later needs this
run again: `cargo test -p xtask the_font_has` names the characters a card would miss.

Needs Debian's fonts-noto-cjk and fontTools (`pip install fonttools`). Run from anywhere:
    python3 xtask/fonts/subset.py
"""
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SOURCE = pathlib.Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
FONT_NUMBER = "2"  # in the collection: 0 JP, 1 KR, 2 SC, 3 TC, 4 HK
OUT = HERE / "NotoSansSC-subset.otf"


def characters():
    chars = {chr(c) for c in range(0x20, 0x7F)}
    chars |= set("…·—–‘’“”「」《》（）：；，。、！？％≈≥≤→↗×−＋　 ")
    files = list((ROOT / "reports").rglob("*.json"))
    files += list((ROOT / "tests" / "fixtures").glob("*-report/*.json"))
    for code in ["src", "crates", "xtask/src"]:
        files += list((ROOT / code).rglob("*.rs"))
    for f in files:
        chars |= set(f.read_text(encoding="utf-8"))
    return sorted(c for c in chars if c.isprintable() or c == " ")


def anchor_glyphs(path):
    """Adds an invisible, zero-area contour at the origin of every drawn glyph.

    plotters 0.3.7 draws ab_glyph text by placing each glyph's ink box at the pen
    position, ignoring the glyph's left side bearing, which leaves gaps after wide-bearing
    glyphs (目标 drew as 目 标). With a point at x = 0 in every glyph the ink box starts
    at the origin, so the bearing is kept. The extra contour encloses no area: nothing
    shows.
    """
    from fontTools.ttLib import TTFont
    from fontTools.pens.t2CharStringPen import T2CharStringPen
    from fontTools.pens.boundsPen import BoundsPen

    font = TTFont(path)
    cff = font["CFF "].cff
    top = cff[cff.fontNames[0]]
    glyphs = font.getGlyphSet()
    strings = top.CharStrings
    for name in font.getGlyphOrder():
        bounds = BoundsPen(glyphs)
        glyphs[name].draw(bounds)
        if bounds.bounds is None:
            continue  # nothing drawn (a space): nothing to place
        old = strings[name]
        # CFF stores a glyph's width relative to its private dict's nominal width.
        nominal = getattr(old.private, "nominalWidthX", 0) or 0
        pen = T2CharStringPen(font["hmtx"][name][0] - nominal, glyphs)
        glyphs[name].draw(pen)
        pen.moveTo((0, 0))
        pen.lineTo((0, 1))
        pen.closePath()
        strings[name] = pen.getCharString(private=old.private, globalSubrs=old.globalSubrs)
    font.save(path)


def main():
    if not SOURCE.exists():
        sys.exit(f"{SOURCE} is missing: apt-get install fonts-noto-cjk")
    text = HERE / "subset-chars.txt"
    text.write_text("".join(characters()), encoding="utf-8")
    subprocess.run(
        [
            sys.executable, "-m", "fontTools.subset", str(SOURCE),
            f"--font-number={FONT_NUMBER}",
            f"--text-file={text}",
            f"--output-file={OUT}",
            "--layout-features=kern,palt",
            "--no-hinting",
            "--desubroutinize",
            "--name-IDs=*",
            "--name-languages=*",
        ],
        check=True,
    )
    text.unlink()
    anchor_glyphs(OUT)
    print(f"{OUT.relative_to(ROOT)}: {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
