"""Reference training steps from torch for descent.nn's TorchMlpTest: a few Adam steps of small networks.

Three networks in float64, every number drawn once from torch's generator (seed 48): the data, the start
weights (laid out as descent.nn.Mlp lays them, W⁽ˡ⁾ n_{l−1} × n_l, b⁽ˡ⁾ a row), and the batches (rows of the
data, drawn with replacement across steps). Each is trained for STEPS steps of torch.optim.Adam (defaults
β = (0.9, 0.999), ε = 1e-8) on its batches; the file holds the loss of every step and the weights after the
last, written in full (repr) into lib/src/test/resources/torch/mlp.txt:

    tanh_classes      4 → 6 → 3        tanh,    softmax cross-entropy (F.cross_entropy)
    sigmoid_number    3 → 5 → 4 → 1    sigmoid, mean squared error (F.mse_loss)
    relu_binary       3 → 7 → 1        ReLU,    log loss (F.binary_cross_entropy_with_logits)

File format, one matrix per line: `name rows cols v11 v12 …` (row-major); `network NAME` starts each
network, `config widths=… activation=… head=… rate=…` follows it; `#` starts a comment. The Java test reads
the committed file; it never runs Python.

Set-up (from the local wheel mirror), run once by hand:
    python3 -m venv /tmp/torchenv
    /tmp/torchenv/bin/pip install --index-url file:///opt/pypi/simple "torch==2.13.0+cpu"
    /tmp/torchenv/bin/python lib/src/test/python/torch_mlp_reference.py
"""
import os
import sys

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from torch_autograd_reference import line  # noqa: E402  (name rows cols values…, row-major)

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "torch", "mlp.txt")
ROWS = 12
STEPS = 6
BATCH = 5


def network(gen, name, widths, activation, head, rate):
    x = torch.randn(ROWS, widths[0], generator=gen)
    if head == "CLASSES":
        y = torch.randint(0, widths[-1], (ROWS,), generator=gen).double()
    elif head == "BINARY":
        y = torch.randint(0, 2, (ROWS,), generator=gen).double()
    else:
        y = torch.randn(ROWS, generator=gen)
    params = []
    for l in range(1, len(widths)):
        scale = (2.0 / (widths[l - 1] + widths[l])) ** 0.5
        params.append((f"W{l}", (scale * torch.randn(widths[l - 1], widths[l], generator=gen)).requires_grad_(True)))
        params.append((f"b{l}", (0.1 * torch.randn(1, widths[l], generator=gen)).requires_grad_(True)))
    out = [f"network {name}", f"config widths={','.join(map(str, widths))} activation={activation} head={head} rate={rate}",
           line("X", x), line("y", y.reshape(1, -1))]
    out.extend(line(k, v) for k, v in params)
    g = {"TANH": torch.tanh, "SIGMOID": torch.sigmoid, "RELU": torch.relu}[activation]
    optimizer = torch.optim.Adam([v for _, v in params], lr=rate)
    for step in range(STEPS):
        rows = torch.randint(0, ROWS, (BATCH,), generator=gen)
        a = x[rows]
        for l in range(len(widths) - 1):
            a = a @ params[2 * l][1] + params[2 * l + 1][1]
            if l < len(widths) - 2:
                a = g(a)
        if head == "CLASSES":
            loss = F.cross_entropy(a, y[rows].long())
        elif head == "BINARY":
            loss = F.binary_cross_entropy_with_logits(a[:, 0], y[rows])
        else:
            loss = F.mse_loss(a[:, 0], y[rows])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        out.append(line(f"rows{step}", rows.double().reshape(1, -1)))
        out.append(line(f"loss{step}", loss.reshape(1, 1)))
    out.extend(line(k + "_after", v) for k, v in params)
    print(f"{name}: last loss {loss.item():.6f}")
    return out


def main():
    torch.set_default_dtype(torch.float64)
    gen = torch.Generator().manual_seed(48)
    out = [f"# torch {torch.__version__}, python {sys.version.split()[0]}, float64, torch.optim.Adam",
           "# written by lib/src/test/python/torch_mlp_reference.py; read by descent.nn.TorchMlpTest",
           f"# per network: X, y, the start weights, then per step the batch's rows and its loss, then the weights after {STEPS} steps"]
    out += network(gen, "tanh_classes", [4, 6, 3], "TANH", "CLASSES", 0.05)
    out += network(gen, "sigmoid_number", [3, 5, 4, 1], "SIGMOID", "NUMBER", 0.03)
    out += network(gen, "relu_binary", [3, 7, 1], "RELU", "BINARY", 0.1)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        f.write("\n".join(out) + "\n")
    print(OUT)


if __name__ == "__main__":
    main()
