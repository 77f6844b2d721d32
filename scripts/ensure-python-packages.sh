#!/bin/sh
# Makes the tests' Python virtual environment (the first argument, a folder) when it is missing, and
# installs into it the PyPI packages named by the other arguments (import name=package name) that it
# cannot import. A virtual environment, because Debian's own Python refuses `pip install`
# ("externally-managed-environment"); `make test` puts its bin/ first on the PATH.
set -eu
venv=$1
shift
if [ ! -x "$venv/bin/python3" ]; then
  echo "Making the tests' Python environment in $venv"
  python3 -m venv "$venv"
fi
missing=""
for pair in "$@"; do
  module=${pair%%=*}
  package=${pair#*=}
  "$venv/bin/python3" -c "import $module" 2>/dev/null || missing="$missing $package"
done
[ -z "$missing" ] && exit 0
echo "Installing missing Python packages into $venv:$missing"
"$venv/bin/python3" -m pip install --quiet --disable-pip-version-check $missing
