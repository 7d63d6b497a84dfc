#!/bin/sh
# System packages govfacts uses beyond PyPI: a CJK font so that `govfacts plot` draws Chinese
# labels. Best effort: installs with apt-get when running as root on Debian/Ubuntu and the font
# is missing; otherwise says what to install. Never fails the build (plots still work, with boxes).
FONT=fonts-wqy-microhei
if fc-list 2>/dev/null | grep -qi "wenquanyi\|noto sans cjk\|noto serif cjk"; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing $FONT (CJK font for plots)"
  (apt-get install -y -q "$FONT" >/dev/null 2>&1 || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q "$FONT" >/dev/null 2>&1; }) \
    || echo "could not install $FONT; plots will show boxes for Chinese labels"
else
  echo "note: install a CJK font (e.g. Debian's $FONT) for Chinese labels in plots"
fi
exit 0
