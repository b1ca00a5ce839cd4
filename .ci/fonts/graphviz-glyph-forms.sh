#!/usr/bin/env bash
# Glyph forms of Chinese text as Graphviz draws flowc's DOT (and so the PNG):
#
#   bash .ci/fonts/graphviz-glyph-forms.sh DIAGRAM.dot TC|SC WORK_DIR
#
# The probe 骨說關這 has regional glyph forms (the same code points drawn
# differently by Noto Sans CJK TC and SC). Drawn under the font list of the
# DIAGRAM's nodes, it must be pixel for pixel the probe drawn in Noto Sans
# CJK FORM alone, and differ from the other form (checked first, so the
# check can fail).
set -euo pipefail
diagram=$1 form=$2 work=$3
case "$form" in TC) other=SC ;; SC) other=TC ;; *) echo "form: TC or SC" >&2; exit 2 ;; esac
mkdir -p "$work"
fontname=$(grep -o 'fontname="[^"]*"' "$diagram" | head -n 1 | sed -e 's/^fontname="//' -e 's/"$//')
[ -n "$fontname" ] || { echo "$diagram names no fontname" >&2; exit 1; }
probe() { # FONTNAME OUT
  printf 'digraph { node [shape=box fontsize=40 fontname="%s"]; a [label="骨說關這"] }\n' "$1" > "$2.dot"
  dot -Tpng "$2.dot" -o "$2.png"
}
probe "Noto Sans CJK $form" "$work/probe-$form"
probe "Noto Sans CJK $other" "$work/probe-$other"
if cmp -s "$work/probe-$form.png" "$work/probe-$other.png"; then
  echo "Graphviz draws the probe alike in TC and SC: it cannot tell the forms apart" >&2
  exit 1
fi
probe "$fontname" "$work/diagram-font"
if ! cmp -s "$work/diagram-font.png" "$work/probe-$form.png"; then
  echo "$diagram: its fontname ($fontname) does not draw the probe in the $form form" >&2
  exit 1
fi
echo "$(basename "$diagram"): Graphviz draws the $form form (fontname: $fontname)"
