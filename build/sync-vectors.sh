#!/usr/bin/env bash
# Refreshes the repository's copy of the conformance vectors (tests/vectors) from ../shared/vectors
# beside the repository root, byte for byte. The copy is data: never edit it by hand.
# Usage: bash build/sync-vectors.sh          (copy, then show what git sees as changed)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source_dir="$root/../shared/vectors"
if [ ! -d "$source_dir" ]; then
  echo "sync-vectors: no $source_dir beside the repository; nothing to copy" >&2
  exit 2
fi
for folder in lucairn attesto lucairn-chain; do
  rm -rf "$root/tests/vectors/$folder"
  mkdir -p "$root/tests/vectors/$folder"
  cp -a "$source_dir/$folder/." "$root/tests/vectors/$folder/"
done
git -C "$root" status --short -- tests/vectors
