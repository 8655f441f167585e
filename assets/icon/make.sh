#!/usr/bin/env bash
# Draws the app's icon: the character 书 (book, writing; the first of 书记工作室) in white on a
# red rounded square. Deliberately neutral: not the Party emblem, whose use is regulated.
# Needs ImageMagick (Debian: imagemagick). Writes secretary-studio.png (256 px, for Linux menus
# and the window), secretary-studio.ico (16–256 px, for the Windows exe and installer) and
# installer-side.bmp (164 × 314, the picture on the installer's first and last pages).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
font="$here/../fonts/NotoSansSC-Regular-Subset.otf"
convert=/usr/bin/convert
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$convert" \( -size 1024x1024 gradient:'#d8473b'-'#a11d16' \) \
  \( -size 1024x1024 xc:black -fill white -draw 'roundrectangle 48,48 976,976 210,210' \) \
  -alpha off -compose CopyOpacity -composite \
  \( -size 1024x1024 xc:none -font "$font" -pointsize 640 -fill white -stroke white \
     -strokewidth 30 -gravity center -annotate +0-16 '书' \) \
  -compose over -composite "$work/big.png"
"$convert" "$work/big.png" -resize 256x256 -strip "$here/secretary-studio.png"
sizes=()
for size in 16 20 24 32 40 48 64 128 256; do
  "$convert" "$work/big.png" -resize "${size}x${size}" -strip "$work/$size.png"
  sizes+=("$work/$size.png")
done
"$convert" "${sizes[@]}" "$here/secretary-studio.ico"
"$convert" -size 164x314 gradient:'#c8372d'-'#8e1710' \
  \( "$work/big.png" -resize 112x112 \) -gravity north -geometry +0+56 -composite \
  -font "$font" -pointsize 22 -fill white -gravity north -annotate +0+190 '书记工作室' \
  -type TrueColor -compress none "BMP3:$here/installer-side.bmp"
