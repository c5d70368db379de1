"""PyTorch's side of bench/mlp.py: the 64–h–10 tanh / softmax cross-entropy network of
descent.bench.MlpSpeed on the digits, one CPU thread (torch.set_num_threads(1)), from the same θ₀, data
and order (the files `MlpSpeed export DIR` writes), trained with torch.optim.Adam(lr=0.001) as an engineer
writes it: nn.Linear layers, F.cross_entropy, zero_grad / backward / step.

    python bench/mlp_torch.py check DIR H B…    float64: θ after 20 steps at each b against Java's, max |Δ|
    python bench/mlp_torch.py time DIR H B…     one JSON line: seconds per step and per epoch, float64 and float32

A step gathers the batch's rows (X[idx]), runs forward, backward and Adam's update; an epoch is every row
once in batches of b (the last one short). Each figure is the fastest of ten stretches of about 0.15 s,
after 3 s of warm-up, as MlpSpeed times the core (on a shared machine the least disturbed one).
"""
import json
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

STEPS_CHECKED = 20  # MlpSpeed.STEPS_CHECKED
RATE = 0.001


def load(folder, hidden):
    x = np.fromfile(os.path.join(folder, "x.f64"), dtype="<f8").reshape(-1, 64)
    y = np.fromfile(os.path.join(folder, "y.f64"), dtype="<f8").astype(np.int64)
    order = np.fromfile(os.path.join(folder, "order.f64"), dtype="<f8").astype(np.int64)
    theta = np.fromfile(os.path.join(folder, f"theta0-{hidden}.f64"), dtype="<f8")
    return x, y, order, theta


def unflatten(theta, hidden):
    """θ = (W1 64×h, b1, W2 h×10, b2) row-major, as descent.nn.Mlp lays it out; nn.Linear keeps Wᵀ."""
    sizes = [("W1", 64 * hidden), ("b1", hidden), ("W2", hidden * 10), ("b2", 10)]
    parts, at = {}, 0
    for name, size in sizes:
        parts[name] = theta[at:at + size]
        at += size
    return parts["W1"].reshape(64, hidden), parts["b1"], parts["W2"].reshape(hidden, 10), parts["b2"]


def flatten(model):
    first, second = model[0], model[2]
    return np.concatenate([first.weight.detach().T.reshape(-1).double().numpy(), first.bias.detach().double().numpy(),
                           second.weight.detach().T.reshape(-1).double().numpy(), second.bias.detach().double().numpy()])


class Loop:
    def __init__(self, folder, hidden, batch, dtype):
        x, y, order, theta = load(folder, hidden)
        self.x = torch.tensor(x, dtype=dtype)
        self.y = torch.tensor(y)
        self.order = torch.tensor(order)
        self.batch = batch
        w1, b1, w2, b2 = unflatten(theta, hidden)
        self.model = nn.Sequential(nn.Linear(64, hidden), nn.Tanh(), nn.Linear(hidden, 10)).to(dtype)
        with torch.no_grad():
            self.model[0].weight.copy_(torch.tensor(w1.T.copy()))
            self.model[0].bias.copy_(torch.tensor(b1))
            self.model[2].weight.copy_(torch.tensor(w2.T.copy()))
            self.model[2].bias.copy_(torch.tensor(b2))
        self.optimizer = torch.optim.Adam(self.model.parameters(), lr=RATE)
        self.next = 0

    def train_on(self, rows):
        self.optimizer.zero_grad()
        loss = F.cross_entropy(self.model(self.x[rows]), self.y[rows])
        loss.backward()
        self.optimizer.step()
        return loss

    def step(self):
        if self.next + self.batch > len(self.order):
            self.next = 0
        loss = self.train_on(self.order[self.next:self.next + self.batch])
        self.next += self.batch
        return loss

    def epoch(self):
        for start in range(0, len(self.order), self.batch):
            loss = self.train_on(self.order[start:start + self.batch])
        return loss


def seconds(call):
    start, calls = time.perf_counter(), 0
    while time.perf_counter() - start < 3.0:
        call()
        calls += 1
    per = max(1, calls // 20)  # about 0.15 s
    times = []
    for _ in range(10):
        t0 = time.perf_counter()
        for _ in range(per):
            call()
        times.append((time.perf_counter() - t0) / per)
    return min(times)  # the least disturbed stretch, as MlpSpeed.seconds


def main():
    torch.set_num_threads(1)
    mode, folder, hidden, batches = sys.argv[1], sys.argv[2], int(sys.argv[3]), [int(b) for b in sys.argv[4:]]
    if mode == "check":
        out = {}
        for b in batches:
            loop = Loop(folder, hidden, b, torch.float64)
            costs = [loop.step().item() for _ in range(STEPS_CHECKED)]
            java = np.fromfile(os.path.join(folder, f"theta{STEPS_CHECKED}-{hidden}-{b}.f64"), dtype="<f8")
            java_costs = np.fromfile(os.path.join(folder, f"costs-{hidden}-{b}.f64"), dtype="<f8")
            out[f"theta_{b}"] = float(np.max(np.abs(flatten(loop.model) - java)))
            out[f"cost_{b}"] = float(np.max(np.abs(np.array(costs) - java_costs)))
        print(json.dumps(out))
        return
    out = {"torch": torch.__version__, "threads": torch.get_num_threads()}
    for dtype, name in ((torch.float64, "float64"), (torch.float32, "float32")):
        for b in batches:
            loop = Loop(folder, hidden, b, dtype)
            out[f"{name}_step_{b}"] = seconds(loop.step)
            out[f"{name}_epoch_{b}"] = seconds(loop.epoch)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
