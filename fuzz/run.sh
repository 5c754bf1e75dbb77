#!/usr/bin/env bash
# A short fuzzing session of the stream reader and every output format, seeded from the
# recorded fixtures. Needs cargo-fuzz (`cargo install cargo-fuzz`); the stable toolchain is
# enough with RUSTC_BOOTSTRAP=1 (libFuzzer needs -Z flags). Usage: bash fuzz/run.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"
corpus=corpus/stream
mkdir -p "$corpus"
for recording in ../fixtures/*/recorded.json; do
    name=$(basename "$(dirname "$recording")")
    cp "$recording" "$corpus/seed-$name"
done
RUSTC_BOOTSTRAP=1 cargo fuzz run stream "$corpus" -- -max_total_time="$seconds" -max_len=65536
