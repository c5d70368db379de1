"""Reference gradients from torch.autograd for descent.autodiff's TorchAutogradTest.

Three small networks in float64, each on 6 examples of 3 features, every number drawn once from
torch's generator (seed 47) and written in full (repr) into
lib/src/test/resources/torch/autograd.txt together with the loss and the gradient of every
parameter that torch.autograd computed:

    tanh_softmax   softmax cross-entropy( tanh(X W1 + b1) W2 + b2 , classes )   3 → 4 → 3
    sigmoid_mse    mean squared error( sigmoid(X W1 + b1) W2 + b2 , targets )   3 → 5 → 1
    relu_tanh_log  log loss( tanh(relu(X W1 + b1) W2 + b2) W3 + b3 , labels )    3 → 4 → 4 → 1

Losses are torch's own: F.cross_entropy (mean over rows), F.mse_loss (mean over entries),
F.binary_cross_entropy_with_logits (mean). The Java test reads the committed file; it never runs
Python (torch is not in requirements.txt).

File format, one matrix per line: `name rows cols v11 v12 …` (row-major); a line `network NAME`
starts each network; `#` starts a comment.

Set-up (from the local wheel mirror):
    python3 -m venv /tmp/torchenv
    /tmp/torchenv/bin/pip install --index-url file:///opt/pypi/simple "torch==2.13.0+cpu"
    /tmp/torchenv/bin/python lib/src/test/python/torch_autograd_reference.py
"""
import os
import sys

import torch
import torch.nn.functional as F

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "torch", "autograd.txt")
ROWS = 6


def matrix(gen, rows, cols, scale=1.0):
    return (scale * torch.randn(rows, cols, generator=gen, dtype=torch.float64)).requires_grad_(True)


def line(name, t):
    t = t.detach()
    if t.dim() == 1:
        t = t.reshape(-1, 1)
    values = " ".join(repr(float(v)) for v in t.reshape(-1).tolist())
    return f"{name} {t.shape[0]} {t.shape[1]} {values}"


def tanh_softmax(gen):
    x = torch.randn(ROWS, 3, generator=gen, dtype=torch.float64)
    params = {"W1": matrix(gen, 3, 4), "b1": matrix(gen, 1, 4, 0.5), "W2": matrix(gen, 4, 3), "b2": matrix(gen, 1, 3, 0.5)}
    classes = torch.tensor([0, 2, 1, 1, 0, 2])
    logits = torch.tanh(x @ params["W1"] + params["b1"]) @ params["W2"] + params["b2"]
    loss = F.cross_entropy(logits, classes)
    return x, params, [line("classes", classes.double())], loss


def sigmoid_mse(gen):
    x = torch.randn(ROWS, 3, generator=gen, dtype=torch.float64)
    params = {"W1": matrix(gen, 3, 5), "b1": matrix(gen, 1, 5, 0.5), "W2": matrix(gen, 5, 1), "b2": matrix(gen, 1, 1, 0.5)}
    targets = torch.randn(ROWS, 1, generator=gen, dtype=torch.float64)
    prediction = torch.sigmoid(x @ params["W1"] + params["b1"]) @ params["W2"] + params["b2"]
    loss = F.mse_loss(prediction, targets)
    return x, params, [line("targets", targets)], loss


def relu_tanh_log(gen):
    x = torch.randn(ROWS, 3, generator=gen, dtype=torch.float64)
    params = {"W1": matrix(gen, 3, 4), "b1": matrix(gen, 1, 4, 0.5), "W2": matrix(gen, 4, 4),
              "b2": matrix(gen, 1, 4, 0.5), "W3": matrix(gen, 4, 1), "b3": matrix(gen, 1, 1, 0.5)}
    labels = torch.tensor([[1.0], [0.0], [0.0], [1.0], [1.0], [0.0]], dtype=torch.float64)
    hidden = torch.tanh(torch.relu(x @ params["W1"] + params["b1"]) @ params["W2"] + params["b2"])
    loss = F.binary_cross_entropy_with_logits(hidden @ params["W3"] + params["b3"], labels)
    return x, params, [line("labels", labels)], loss


def main():
    torch.set_default_dtype(torch.float64)
    gen = torch.Generator().manual_seed(47)
    out = [f"# torch {torch.__version__}, python {sys.version.split()[0]}, float64, torch.autograd",
           "# written by lib/src/test/python/torch_autograd_reference.py; read by descent.autodiff.TorchAutogradTest",
           "# per network: the data X, the parameters, the targets, the loss, then grad_<parameter> from loss.backward()"]
    for name, build in (("tanh_softmax", tanh_softmax), ("sigmoid_mse", sigmoid_mse), ("relu_tanh_log", relu_tanh_log)):
        x, params, targets, loss = build(gen)
        loss.backward()
        out.append(f"network {name}")
        out.append(line("X", x))
        out.extend(line(k, v) for k, v in params.items())
        out.extend(targets)
        out.append(line("loss", loss.reshape(1, 1)))
        out.extend(line("grad_" + k, v.grad) for k, v in params.items())
        print(f"{name}: loss {loss.item():.6f}")
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        f.write("\n".join(out) + "\n")
    print(OUT)


if __name__ == "__main__":
    main()
