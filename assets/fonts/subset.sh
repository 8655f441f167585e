#!/usr/bin/env bash
# Regenerates the CJK font subset shipped in this folder from Debian's fonts-noto-cjk.
#   apt-get install fonts-noto-cjk && pip install fonttools && bash assets/fonts/subset.sh
#   (WEIGHTS="Regular Bold" bash assets/fonts/subset.sh for the bold face as well)
# Face 2 of the collection is Simplified Chinese. We keep ASCII, Latin-1, general and CJK
# punctuation, box drawing, circled numbers, full-width forms, the whole CJK Unified Ideographs
# block and Extensions A and B (rare characters in personal names, e.g. 䶮 𠮷), and drop the
# `locl` feature (Japanese/Korean/Traditional variants) which roughly halves the file.
# A format-12 cmap is added afterwards: with only format 4, some PDF shaping stacks lose every
# glyph whose id is >= 32768 (see shared/FONTS-AND-PRINT.md).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=${NOTO_CJK_DIR:-/usr/share/fonts/opentype/noto}
unicodes="U+0020-007E,U+00A0-00FF,U+2000-206F,U+2100-214F,U+2190-21FF,U+2200-22FF,U+2460-24FF,U+2500-257F,U+25A0-25FF,U+2600-26FF,U+3000-303F,U+3100-312F,U+3200-32FF,U+3400-4DBF,U+4E00-9FFF,U+F900-FAFF,U+FE30-FE4F,U+FF00-FFEF,U+20000-2A6DF"
for weight in ${WEIGHTS:-Regular}; do
  out="$here/NotoSansSC-$weight-Subset.otf"
  pyftsubset "$src/NotoSansCJK-$weight.ttc" --font-number=2 \
    --unicodes="$unicodes" \
    --layout-features-='locl' \
    --no-hinting --name-IDs='*' --name-legacy --name-languages='*' \
    --output-file="$out"
  python3 - "$out" <<'PY'
import sys
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._c_m_a_p import CmapSubtable
path = sys.argv[1]
font = TTFont(path)
cmap = font["cmap"]
best = font.getBestCmap()
if not any(t.format == 12 and (t.platformID, t.platEncID) == (3, 10) for t in cmap.tables):
    sub = CmapSubtable.newSubtable(12)
    sub.platformID, sub.platEncID, sub.language = 3, 10, 0
    sub.cmap = dict(best)
    cmap.tables.append(sub)
font.save(path)
print(path, len(best), "characters")
PY
done
