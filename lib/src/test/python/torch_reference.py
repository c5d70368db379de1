"""Reference trajectories from torch.optim for descent.optim's TorchParityTest.

Runs PyTorch's own optimisers in float64 for 150 steps on
    f(x, y) = (1 - x)^2 + 5 (y - x^2)^2        (a Rosenbrock-like curved valley, minimum (1, 1))
from (-1.5, 2) and writes lib/src/test/resources/torch/<name>.csv with rows step,x,y
(step 0 = the start). The Java test reads the committed CSVs; it never runs Python.

The gradient is set explicitly with the same floating-point expression as the Java test,
    df/dx = -2 (1 - x) - 20 x (y - x^2),   df/dy = 10 (y - x^2),
so the two sides differ only in the optimisers' own arithmetic, not in autograd's rounding.

Set-up (pip installs from the local wheel mirror; the CPU wheel of 2.13 is used when the
2.14.1 wheel's CUDA dependencies are not available):
    python3 -m venv /tmp/torchenv
    /tmp/torchenv/bin/pip install torch==2.14.1 numpy   # or "torch==2.13.0+cpu" numpy
    /tmp/torchenv/bin/python lib/src/test/python/torch_reference.py
"""
import os
import sys

import torch

STEPS = 150
START = (-1.5, 2.0)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "torch")

# name -> (optimizer class, settings); learning rates chosen small enough that each run is stable
RUNS = {
    "sgd": (torch.optim.SGD, dict(lr=0.01)),
    "sgd_momentum": (torch.optim.SGD, dict(lr=0.002, momentum=0.9)),
    "sgd_nesterov": (torch.optim.SGD, dict(lr=0.002, momentum=0.9, nesterov=True)),
    "adagrad": (torch.optim.Adagrad, dict(lr=0.3, eps=1e-7, initial_accumulator_value=0.0)),
    "rmsprop": (torch.optim.RMSprop, dict(lr=0.02, alpha=0.9, eps=1e-7)),
    "adam": (torch.optim.Adam, dict(lr=0.05)),
}


def gradient(x, y):
    """Same expression, same evaluation order as TorchParityTest.gradient."""
    d = y - x * x
    return -2.0 * (1.0 - x) - 20.0 * x * d, 10.0 * d


def run(cls, settings):
    theta = torch.tensor(START, dtype=torch.float64, requires_grad=True)
    opt = cls([theta], foreach=False, **settings)
    rows = [(0, START[0], START[1])]
    for step in range(1, STEPS + 1):
        x, y = theta.detach().tolist()
        theta.grad = torch.tensor(gradient(x, y), dtype=torch.float64)
        opt.step()
        x, y = theta.detach().tolist()
        rows.append((step, x, y))
    return rows


def main():
    torch.set_default_dtype(torch.float64)
    os.makedirs(OUT, exist_ok=True)
    for name, (cls, settings) in RUNS.items():
        rows = run(cls, settings)
        args = ", ".join(f"{k}={v!r}" for k, v in settings.items())
        path = os.path.join(OUT, name + ".csv")
        with open(path, "w") as f:
            f.write(f"# torch {torch.__version__}, python {sys.version.split()[0]}, float64, foreach=False\n")
            f.write(f"# torch.optim.{cls.__name__}({args}) for {STEPS} steps\n")
            f.write("# f(x,y) = (1-x)^2 + 5(y-x^2)^2 from (-1.5, 2); gradient set explicitly\n")
            f.write("step,x,y\n")
            for step, x, y in rows:
                f.write(f"{step},{x!r},{y!r}\n")
        print(f"{path}: final ({rows[-1][1]:.6f}, {rows[-1][2]:.6f})")


if __name__ == "__main__":
    main()
