#!/usr/bin/env python3
"""png_ink.py FILE [RRGGBB]: is the screenshot a rendered page, not a blank one?

Decodes the PNG with zlib (8-bit RGB or RGBA, any filter) and checks that
at least 1% of the pixels are not near-white, that some are dark (text)
and some are the colour of the page's bars (default 3a6ea5, the exam
report's histogram blue; the class report's confusion bars are a10e0e).
Prints why not and exits 1."""
import struct
import sys
import zlib

data = open(sys.argv[1], "rb").read()
bar = bytes.fromhex(sys.argv[2] if len(sys.argv) > 2 else "3a6ea5")
if data[:8] != b"\x89PNG\r\n\x1a\n":
    sys.exit("not a PNG")
pos, idat, width = 8, b"", 0
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b"IHDR":
        width, height, depth, color = struct.unpack(">IIBB", body[:10])
        if depth != 8 or color not in (2, 6):
            sys.exit("unexpected PNG format depth %d colour %d" % (depth, color))
        bpp = 3 if color == 2 else 4
    elif kind == b"IDAT":
        idat += body
    pos += 12 + n
raw = zlib.decompress(idat)
stride = width * bpp
prev = bytes(stride)
ink = dark = barpx = seen = 0
for y in range(height):
    f = raw[y * (stride + 1)]
    line = raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)]
    if f == 2:
        line = bytes((u + v) & 255 for u, v in zip(line, prev))
    elif f:
        out = bytearray(line)
        for i in range(stride):
            a = out[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                out[i] = (out[i] + a) & 255
            elif f == 3:
                out[i] = (out[i] + (a + b) // 2) & 255
            else:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                out[i] = (out[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        line = bytes(out)
    prev = line
    if y % 3:
        continue                # every third row is enough to judge
    for x in range(0, stride, bpp * 2):
        r, g, bl = line[x], line[x + 1], line[x + 2]
        seen += 1
        if r < 235 or g < 235 or bl < 235:
            ink += 1
        if r < 80 and g < 80 and bl < 80:
            dark += 1
        if abs(r - bar[0]) < 12 and abs(g - bar[1]) < 12 and abs(bl - bar[2]) < 12:
            barpx += 1
if ink < seen // 100 or dark < 30 or barpx < 30:
    sys.exit("looks blank: %d of %d sampled pixels inked, %d dark, %d of the bars' colour" % (ink, seen, dark, barpx))
