#!/usr/bin/env bash
# Makes the README's screenshots of schakel-desktop: builds the screenshot test (ci preset, as
# tests/run.sh does), runs it on a virtual X server, and copies small Dutch and English pictures to
# docs/screenshots/. Rerun it after changing a view. Needs what deploy/install-deps.sh installs.
#
#   docs/screenshots.sh            # build/ci, 760 px wide
#   SCHAKEL_SCREENSHOT_WIDTH=1000 docs/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${SCHAKEL_PRESET:-ci}
[[ -d "build/$preset" ]] || cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j"$(nproc)" --target desktop_tests
out=docs/screenshots
rm -rf "$out.new"
mkdir -p "$out.new"
# The ci build has the sanitizers: their known leak suppressions, as ctest uses them.
LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp" SCHAKEL_SCREENSHOT_DIR="$PWD/$out.new" SCHAKEL_SCREENSHOT_WIDTH=${SCHAKEL_SCREENSHOT_WIDTH:-760} \
  QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x800x24" \
  "build/$preset/tests/desktop_tests" --gtest_filter='ScreenshotTest.*'
rm -rf "$out"
mv "$out.new" "$out"
ls -l "$out"/*/
