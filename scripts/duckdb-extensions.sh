#!/usr/bin/env bash
# Installs DuckDB's ducklake and postgres extensions into a local extension directory, for machines that cannot
# reach DuckDB's extension repository (CI, tests). The signed extension files come from the PyPI packages that
# ship them for exactly the DuckDB version the project pins (@duckdb/node-api's DuckDB), unpacked into DuckDB's
# own layout: DIR/v<version>/<platform>/<name>.duckdb_extension. Point CALABI_EXTENSION_DIR at DIR to use them.
#
# Usage: scripts/duckdb-extensions.sh [DIR]   (default: .duckdb-extensions in the repository)
set -euo pipefail
cd "$(dirname "$0")/.."

dir="${1:-${CALABI_EXTENSION_DIR:-$PWD/.duckdb-extensions}}"
version="$(node -p "require('@duckdb/node-api/package.json').version.split('-')[0]")"
case "$(uname -m)" in
  x86_64) platform=linux_amd64 ;;
  aarch64 | arm64) platform=linux_arm64 ;;
  *) echo "duckdb-extensions: no DuckDB extension build for $(uname -m)" >&2; exit 1 ;;
esac
target="$dir/v$version/$platform"
# The postgres package's file is named postgres; DuckDB looks it up by its internal name, postgres_scanner.
if [ -f "$target/ducklake.duckdb_extension" ] && [ -f "$target/postgres_scanner.duckdb_extension" ]; then
  echo "duckdb-extensions: already in $target"
  exit 0
fi
mkdir -p "$target"
wheels="$(mktemp -d)"
trap 'rm -rf "$wheels"' EXIT
python3 -m pip download --quiet --no-deps --disable-pip-version-check -d "$wheels" \
  "duckdb-extension-ducklake==$version" "duckdb-extension-postgres==$version"
# A wheel is a zip; Python's zipfile needs nothing beyond the pip that downloaded it.
python3 - "$wheels" "$target" "$version" <<'PY'
import glob, sys, zipfile
wheels, target, version = sys.argv[1:]
for name, internal in (("ducklake", "ducklake"), ("postgres", "postgres_scanner")):
    [wheel] = glob.glob(f"{wheels}/duckdb_extension_{name}-*.whl")
    with zipfile.ZipFile(wheel) as z:
        member = f"duckdb_extension_{name}/extensions/v{version}/{name}.duckdb_extension"
        with z.open(member) as src, open(f"{target}/{internal}.duckdb_extension", "wb") as dst:
            dst.write(src.read())
PY
echo "duckdb-extensions: installed ducklake and postgres_scanner for DuckDB v$version into $target"
