#!/usr/bin/env python3
"""Loops the upstream Python SDK's certificate verifier over an NDJSON file (issue 14 comparison).

This file is ours; the upstream SDK (github.com/Declade/lucairn-sdks, python/src/lucairn) is NOT
part of this repository. Point --sdk at a directory that contains its `lucairn` package (a
checkout's `python/src`, or the checkout root), or install the package and omit --sdk.

Every line is handled exactly as a user of the SDK would: `json.loads(line)` and then
`verify_certificate(document, keys)`, one certificate at a time on one thread, with the
`VerifyCertificateKeys` built once. A `LucairnCertificateError` counts as a failed certificate.

Importing the package root (`import lucairn`) also imports the HTTP client, which needs httpx,
and `lucairn.verify_certificate/__init__.py` imports the chain verifier as well; neither is used by
`verify_certificate`. When the normal import fails (httpx not installed, or a partial copy of the
package), the script registers bare package objects for `lucairn` and `lucairn.verify_certificate`
whose `__path__` points at the SDK directories, without running their `__init__.py`, and imports
the submodules that `verify_certificate` needs (`pipeline`, `types`, `errors`) from them. The code
that runs per certificate is the same either way. The output line says which route was taken.

Usage: python3 build/bench/python-verify.py --sdk DIR --key HEXFILE [--key-id witness_v1] FILE|-
Prints one line: `python-upstream certificates N verified V failed F wall S s rate R/s import ROUTE`.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import time
import types


def _sdk_source_dir(path: str) -> str:
    """The directory that holds the `lucairn` package (accepts a checkout root, `python/`, or `python/src`)."""
    for candidate in (path, os.path.join(path, "src"), os.path.join(path, "python", "src")):
        if os.path.isfile(os.path.join(candidate, "lucairn", "verify_certificate", "pipeline.py")):
            return os.path.abspath(candidate)
    sys.exit(f"python-verify: no lucairn/verify_certificate/pipeline.py under {path}")


def _forget_lucairn_modules() -> None:
    for name in [m for m in sys.modules if m == "lucairn" or m.startswith("lucairn.")]:
        del sys.modules[name]


def _load_upstream(sdk: str | None):
    """Returns (verify_certificate, VerifyCertificateKeys, LucairnCertificateError, route)."""
    if sdk is not None:
        sys.path.insert(0, _sdk_source_dir(sdk))
    try:
        from lucairn.errors import LucairnCertificateError
        from lucairn.types import VerifyCertificateKeys
        from lucairn.verify_certificate import verify_certificate

        return verify_certificate, VerifyCertificateKeys, LucairnCertificateError, "package"
    except ImportError as ex:
        reason = f"{type(ex).__name__}: {ex}"

    # Package shells: the __init__.py files are not executed (see the module docstring).
    _forget_lucairn_modules()
    root = None
    for entry in sys.path:
        if os.path.isfile(os.path.join(entry or ".", "lucairn", "verify_certificate", "pipeline.py")):
            root = os.path.join(entry or ".", "lucairn")
            break
    if root is None:
        sys.exit(f"python-verify: the upstream lucairn package is not importable ({reason}); pass --sdk")
    for name, directory in (("lucairn", root), ("lucairn.verify_certificate", os.path.join(root, "verify_certificate"))):
        shell = types.ModuleType(name)
        shell.__path__ = [directory]
        sys.modules[name] = shell
    pipeline = importlib.import_module("lucairn.verify_certificate.pipeline")
    lucairn_types = importlib.import_module("lucairn.types")
    errors = importlib.import_module("lucairn.errors")
    route = f"submodules-without-__init__ ({reason})"
    return pipeline.verify_certificate, lucairn_types.VerifyCertificateKeys, errors.LucairnCertificateError, route


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", help="NDJSON file, one certificate per line, or - for stdin")
    parser.add_argument("--sdk", help="directory holding the upstream `lucairn` package (checkout root, python/ or python/src)")
    parser.add_argument("--key", required=True, help="file with the witness public key as 64 hex digits")
    parser.add_argument("--key-id", default="witness_v1", help="the expected witness_key_id")
    args = parser.parse_args()

    verify_certificate, keys_type, certificate_error, route = _load_upstream(args.sdk)
    with open(args.key, encoding="ascii") as key_file:
        keys = keys_type(witness_key_id=args.key_id, witness_public_key=bytes.fromhex(key_file.read().strip()))

    stream = sys.stdin if args.input == "-" else open(args.input, encoding="utf-8")
    verified = failed = 0
    started = time.perf_counter()
    try:
        for line in stream:
            if not line.strip():
                continue
            try:
                verify_certificate(json.loads(line), keys)
                verified += 1
            except (certificate_error, ValueError):
                failed += 1
    finally:
        if stream is not sys.stdin:
            stream.close()
    wall = time.perf_counter() - started
    total = verified + failed
    rate = total / wall if wall > 0 else 0.0
    print(f"python-upstream certificates {total} verified {verified} failed {failed} wall {wall:.2f} s rate {rate:.0f}/s import {route}")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
