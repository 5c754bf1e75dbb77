#!/usr/bin/env bash
# Stream benchmarks for cargo-async-explain, each figure next to baselines measured in the same
# run: `cat`, the minimal parse-and-write-back program (examples/roundtrip.rs) and, when
# installed, the peer converters clippy-sarif, cargo-action-fmt and gitlab-clippy
# (`bash benches/run.sh --install-peers` installs them with `cargo install`).
# Prints a Markdown report; docs/performance.md records one. Not run in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$root/target/bench
mkdir -p "$work"
runs=${RUNS:-5}

if [[ "${1:-}" == "--install-peers" ]]; then
    cargo install --locked clippy-sarif cargo-action-fmt gitlab-clippy
fi

cargo build --release --quiet --bin cargo-async-explain --example roundtrip
tool=$root/target/release/cargo-async-explain
roundtrip=$root/target/release/examples/roundtrip

# Workload 1: a real crate (this one) under clippy pedantic + nursery, repeated to ~100 MB.
if [[ ! -s $work/clippy-100mb.json ]]; then
    cargo clean --quiet -p cargo-async-explain
    cargo clippy --quiet --all-targets --message-format=json -p cargo-async-explain -- \
        -W clippy::pedantic -W clippy::nursery > "$work/clippy-one.json" 2>/dev/null || true
    size=$(stat -c %s "$work/clippy-one.json")
    : > "$work/clippy-100mb.json"
    for _ in $(seq $(( (100 * 1024 * 1024) / size + 1 ))); do cat "$work/clippy-one.json" >> "$work/clippy-100mb.json"; done
fi
# Workload 2: every diagnostic is an async error that gets explained (the recorded fixtures'
# explained diagnostics), repeated to ~20 MB.
if [[ ! -s $work/explained-20mb.json ]]; then
    : > "$work/explained-one.json"
    for dir in fixtures/*/; do
        grep -q 'expect = \[\]' "$dir/fixture.toml" && continue
        grep '"reason":"compiler-message"' "$dir/recorded.json" | grep '"level":"error"' >> "$work/explained-one.json" || true
    done
    size=$(stat -c %s "$work/explained-one.json")
    : > "$work/explained-20mb.json"
    for _ in $(seq $(( (20 * 1024 * 1024) / size + 1 ))); do cat "$work/explained-one.json" >> "$work/explained-20mb.json"; done
fi

# best_of COMMAND INPUT: prints "seconds max_rss_kib", the fastest of $runs runs.
best_of() {
    local cmd=$1 input=$2 best="" rss=0 stats
    stats=$(mktemp)
    for _ in $(seq "$runs"); do
        local s e t m
        s=$(date +%s%N)
        /usr/bin/time -o "$stats" -f '%M' bash -c "$cmd" < "$input" > /dev/null 2>/dev/null || true
        e=$(date +%s%N)
        t=$(awk -v n=$(( e - s )) 'BEGIN{ printf "%.3f", n / 1e9 }')
        m=$(tail -1 "$stats")
        if [[ -z $best ]] || awk "BEGIN{exit !($t < $best)}"; then best=$t; fi
        (( m > rss )) && rss=$m
    done
    rm -f "$stats"
    echo "$best $rss"
}

report() { # TITLE INPUT BASELINE_CMD, then pairs of LABEL CMD
    local title=$1 input=$2; shift 2
    local mb; mb=$(( $(stat -c %s "$input") / 1024 / 1024 ))
    echo
    echo "### $title ($mb MiB, $(wc -l < "$input") lines, best of $runs)"
    echo
    echo "| command | seconds | × cat | × roundtrip | peak RSS (MiB) |"
    echo "| --- | ---: | ---: | ---: | ---: |"
    local cat_t rt_t
    read -r cat_t _ < <(best_of "cat" "$input")
    read -r rt_t _ < <(best_of "$roundtrip" "$input")
    while (( $# )); do
        local label=$1 cmd=$2; shift 2
        local t m
        read -r t m < <(best_of "$cmd" "$input")
        awk -v l="$label" -v t="$t" -v c="$cat_t" -v r="$rt_t" -v m="$m" \
            'BEGIN{ printf "| %s | %.3f | %.1f | %.2f | %.1f |\n", l, t, (c>0?t/c:0), (r>0?t/r:0), m/1024 }'
    done
}

peers=()
command -v clippy-sarif >/dev/null && peers+=("clippy-sarif" "clippy-sarif")
command -v cargo-action-fmt >/dev/null && peers+=("cargo-action-fmt" "cargo-action-fmt")
command -v gitlab-clippy >/dev/null && peers+=("gitlab-clippy" "gitlab-clippy")

formats=()
for f in json human short github sarif gitlab; do
    formats+=("async-explain --format $f" "$tool --color never --format $f")
done

echo "## Benchmarks ($(date -u +%Y-%m-%d), $(nproc) cores, $(rustc --version))"
report "Real clippy pedantic+nursery stream" "$work/clippy-100mb.json" \
    "cat" "cat" "roundtrip" "$roundtrip" "${formats[@]}" "${peers[@]}"
report "Every diagnostic explained" "$work/explained-20mb.json" \
    "cat" "cat" "roundtrip" "$roundtrip" "${formats[@]}"

echo
echo "### Start-up on empty input (mean of 200 runs)"
echo
startup() {
    local start end
    start=$(date +%s%N)
    for _ in $(seq 200); do "$@" < /dev/null > /dev/null; done
    end=$(date +%s%N)
    echo $(( (end - start) / 200 / 1000 ))
}
cat_us=$(startup cat)
tool_us=$(startup "$tool" --format json)
echo "| command | µs per run | × cat |"
echo "| --- | ---: | ---: |"
echo "| cat | $cat_us | 1.0 |"
awk -v t="$tool_us" -v c="$cat_us" 'BEGIN{ printf "| cargo-async-explain --format json | %d | %.1f |\n", t, t/c }'

echo
echo "### Wrapper overhead on a real \`cargo check\` (fixtures/demo, touched source, median of $(( runs * 3 )) interleaved runs)"
echo
# One run of each command in turn, so load from elsewhere hits all of them alike.
one_check() {
    touch "$root/fixtures/demo/src/main.rs"
    local s e
    s=$(date +%s%N)
    (cd "$root/fixtures" && "$@" > /dev/null 2>&1) || true
    e=$(date +%s%N)
    echo $(( (e - s) / 1000000 ))
}
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
plain_t=() wrapped_t=() linted_t=()
for _ in $(seq $(( runs * 3 ))); do
    plain_t+=("$(one_check cargo check -q -p demo --message-format=json)")
    wrapped_t+=("$(one_check "$tool" --format json --no-lint check -q -p demo)")
    linted_t+=("$(one_check "$tool" --format json check -q -p demo)")
done
plain=$(printf '%s\n' "${plain_t[@]}" | median)
wrapped=$(printf '%s\n' "${wrapped_t[@]}" | median)
linted=$(printf '%s\n' "${linted_t[@]}" | median)
echo "| command | ms | × plain |"
echo "| --- | ---: | ---: |"
echo "| cargo check --message-format=json | $plain | 1.000 |"
awk -v w="$wrapped" -v p="$plain" 'BEGIN{ printf "| cargo async-explain --format json --no-lint check | %d | %.3f |\n", w, w/p }'
awk -v w="$linted" -v p="$plain" 'BEGIN{ printf "| cargo async-explain --format json check (with the blocking-call lint) | %d | %.3f |\n", w, w/p }'

echo "### First diagnostic while cargo still compiles (12 fixture crates, --keep-going)"
echo
packages=$(cd fixtures && ls -d */ | grep -v '^plain\|^clean' | head -12 | tr -d / | sed 's/^/-p /' | tr '\n' ' ')
(cd fixtures && touch */src/*.rs && s=$(date +%s%N) && \
    { "$tool" --format short check -q $packages --keep-going 2>/dev/null || true; } | {
        first=""
        while IFS= read -r line; do
            [[ -z $first && $line == *": error"* ]] && first=$(( ($(date +%s%N) - s) / 1000000 ))
        done
        total=$(( ($(date +%s%N) - s) / 1000000 ))
        echo "first error printed after ${first} ms; cargo finished after ${total} ms"
    })
