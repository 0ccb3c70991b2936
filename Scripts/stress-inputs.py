#!/usr/bin/env python3
"""Hostile-input checks for the built figcheck binary (not part of `make test`: they take minutes).

  Scripts/stress-inputs.py scaling    # one-line patterns at 100 KB and 400 KB: time ratio
  Scripts/stress-inputs.py mutations [--seed N] [--count N]
                                      # random edits of the seeds and corpus texts as txt/md/html

Both fail (exit 1) on a crash, a hang (60 s) or an exit code outside 0-2; `scaling` also flags a
pattern whose 4x larger input takes more than 6 times as long. Inputs that fail are kept in the
work directory (default: a new temporary one) for a test case.
"""
import argparse, glob, os, random, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, ".build", "release", "figcheck")

# Each pattern is repeated to fill the input: runs the scanner and loaders might re-read.
PATTERNS = {
    "comma-run.txt": "1,", "space-groups.txt": "1 111 ", "dots.txt": "1.", "dollars.txt": "$",
    "about.txt": "about ", "from-to.txt": "from 1 to ", "percent-of.txt": "5 percent of ",
    "list-items.txt": "- 1\n", "number-words.txt": "twenty ", "hundreds.txt": "one hundred ",
    "slashes.txt": "1/", "one-word.txt": "a", "exponents.txt": "1e", "months.txt": "Jan 1 ",
    "ordinals.txt": "1st ", "signs.txt": "+-", "between.txt": "between 1 and ", "colons.txt": "1:",
    "quotes.txt": "'9", "scales.txt": "1bn ", "points.txt": "1pp ", "times.txt": "3 times ",
    "hyphens.txt": "twenty-", "half.txt": "half ", "years.txt": "in 2025 ", "parens.txt": "(1) ",
    "divs.html": "<div>", "tags.html": "<b>1</b>", "entities.html": "&amp;1", "bare-entity.html": "&#",
    "comment.html": "<!--", "less-than.html": "<", "script.html": "<script>",
    "brackets.md": "[", "links.md": "[1](x) ", "backticks.md": "`", "stars.md": "*1",
    "fences.md": "```\n", "headings.md": "# 1\n", "front-matter.md": "---\n",
}

EDIT_PIECES = [b"$", b"%", b"1,000", b"0.5", b"-", "–".encode(), b"bn", b"trillion", b"\r\n", b"\n\n",
               b"about ", b"per cent", "₩".encode(), "¥".encode(), b"1/2", "½".encode(), b"th", b"'",
               b"(", b")", b"H1 ", b"\xff", b"\x00", b"e", b"9" * 40, b".", b",", "€".encode(),
               b" to ", b" and ", b"2025", b"pp", b"x", b"<", b">", b"<p>", b"</div>", b"&amp;", b"&#",
               b"```", b"[", b"](", b"---\n", b"<!--", b"<script>"]


def run(arguments):
    """(seconds, exit code or 'hang' or 'crash')"""
    started = time.monotonic()
    try:
        result = subprocess.run([BINARY] + arguments, capture_output=True, timeout=60)
    except subprocess.TimeoutExpired:
        return time.monotonic() - started, "hang"
    code = result.returncode
    return time.monotonic() - started, code if 0 <= code <= 2 else f"crash ({code})"


def scaling(workdir):
    failures = 0
    for name, pattern in PATTERNS.items():
        times, outcomes = [], []
        for size in (100_000, 400_000):
            path = os.path.join(workdir, f"{size}-{name}")
            with open(path, "w") as file:
                file.write(pattern * (size // len(pattern)))
            seconds, outcome = run(["check", "--format", "json", path])
            times.append(seconds)
            outcomes.append(outcome)
        ratio = times[1] / max(times[0], 0.01)
        bad = ratio > 6 or any(isinstance(outcome, str) for outcome in outcomes)
        failures += bad
        print(f"{name:18} 100 KB {times[0]:.2f} s  400 KB {times[1]:.2f} s  ratio {ratio:.1f}  "
              f"exit {outcomes[0]},{outcomes[1]}{'  FAIL' if bad else ''}", flush=True)
    return failures


def mutations(workdir, seed, count):
    generator = random.Random(seed)
    texts = [open(path, "rb").read() for path in
             sorted(glob.glob(os.path.join(ROOT, "..", "shared", "seeds", "*.txt"))
                    + glob.glob(os.path.join(ROOT, "Tests", "Corpus", "texts", "*.md")))]
    failures = 0
    for iteration in range(count):
        text = bytearray(generator.choice(texts))
        if generator.random() < 0.3:
            start = generator.randrange(len(text))
            text = text[start:start + generator.randint(1, 400)]
        for _ in range(generator.randint(1, 60)):
            action, at = generator.random(), generator.randrange(len(text) + 1)
            if action < 0.5:
                text[at:at] = generator.choice(EDIT_PIECES)
            elif action < 0.7 and len(text) > 1:
                del text[at:at + generator.randint(1, 5)]
            elif action < 0.85:
                text[at:at] = bytes([generator.randrange(256)])
            else:
                other = generator.randrange(len(text) + 1)
                text[at:at] = text[min(at, other):max(at, other)][:200]
        path = os.path.join(workdir, f"mutation-{seed}-{iteration}." + generator.choice(["txt", "md", "html"]))
        with open(path, "wb") as file:
            file.write(text)
        outcomes = [run(arguments + [path])[1] for arguments in
                    (["mentions", "--format", "json"], ["check", "--format", "json"])]
        if any(isinstance(outcome, str) for outcome in outcomes):
            failures += 1
            print(f"{path}: {outcomes}", flush=True)
        else:
            os.remove(path)
    print(f"{count} mutated inputs (seed {seed}), {failures} failing")
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["scaling", "mutations"])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--workdir")
    options = parser.parse_args()
    if not os.access(BINARY, os.X_OK):
        sys.exit(f"stress-inputs: {BINARY} is missing; run `swift build -c release` first")
    workdir = options.workdir or tempfile.mkdtemp(prefix="figcheck-stress-")
    os.makedirs(workdir, exist_ok=True)
    failures = scaling(workdir) if options.mode == "scaling" else mutations(workdir, options.seed, options.count)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
