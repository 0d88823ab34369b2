#!/usr/bin/env python3
"""The PyTorch-CPU reference for `cch bench train --pytorch`: seconds per training epoch of the
same two networks on the same sizes — MLP 784-256-10 and the CNN conv8(3x3)-pool-conv16(3x3)-
pool-dense10 on 28x28x3 — with random data, batch 128, Adam 1e-3, softmax cross-entropy.

One untimed warm-up epoch, then whole epochs timed (the median of --epochs), as `cch bench
train` times its lean loop. Threads: torch's default (one per core) unless --threads.

    python3 scripts/bench-train-pytorch.py --samples 10000 --batch-size 128 --epochs 1 --json

Needs torch (CPU build): pip install torch (here: from the machine's on-disk index).
"""
import argparse
import json
import statistics
import sys
import time


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--samples", type=int, default=10000)
    p.add_argument("--batch-size", type=int, default=128)
    p.add_argument("--epochs", type=int, default=1)
    p.add_argument("--models", default="mlp,cnn")
    p.add_argument("--threads", type=int, default=0, help="torch threads (0: torch's default)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--json", action="store_true")
    a = p.parse_args()
    try:
        import torch
        from torch import nn
    except ImportError as e:
        print(f"bench-train-pytorch: torch is not installed ({e}); pip install torch", file=sys.stderr)
        return 3
    if a.threads > 0:
        torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)

    def mlp():
        return nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10))

    def cnn():
        return nn.Sequential(
            nn.Conv2d(3, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(8, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(16 * 7 * 7, 10),
        )

    shapes = {"mlp": (784,), "cnn": (3, 28, 28)}
    builders = {"mlp": mlp, "cnn": cnn}
    rows = []
    for name in a.models.split(","):
        x = torch.rand((a.samples, *shapes[name]))
        y = torch.randint(0, 10, (a.samples,))
        net = builders[name]()
        opt = torch.optim.Adam(net.parameters(), lr=1e-3)
        loss_fn = nn.CrossEntropyLoss()

        def step(lo, hi):
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(net(x[lo:hi]), y[lo:hi])
            loss.backward()
            opt.step()

        times = []
        for epoch in range(a.epochs + 1):  # the first is the untimed warm-up
            t0 = time.perf_counter()
            for lo in range(0, a.samples, a.batch_size):
                step(lo, min(a.samples, lo + a.batch_size))
            if epoch > 0:
                times.append(time.perf_counter() - t0)
        rows.append({"model": name, "epoch_seconds": statistics.median(times), "threads": torch.get_num_threads(), "torch": torch.__version__})
    if a.json:
        print(json.dumps({"rows": rows}))
    else:
        for r in rows:
            print(f"{r['model']}: {r['epoch_seconds']:.3f} s/epoch (torch {r['torch']}, {r['threads']} threads)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
