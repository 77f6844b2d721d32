#!/bin/sh
# Installs the PyPI packages named as arguments (import name=package name) when any cannot be imported.
set -eu
missing=""
for pair in "$@"; do
  module=${pair%%=*}
  package=${pair#*=}
  python3 -c "import $module" 2>/dev/null || missing="$missing $package"
done
[ -z "$missing" ] && exit 0
echo "Installing missing Python packages:$missing"
python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore $missing
