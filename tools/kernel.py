"""Installs the Jupyter kernelspec the notebooks name, `descent-java`, inside this Python environment.

IJava is used when a Jupyter kernel running IJava is already installed (the conda environment
installs it from conda-forge); otherwise rapaio-jupyter-kernel (pinned below) is fetched from Maven
Central with Maven. Either way the library jar and its runtime dependencies go on the kernel's
classpath: IJAVA_CLASSPATH (':'-separated) for IJava, RJK_CLASSPATH (';'-separated) for rapaio.
The kernelspec is written under sys.prefix, never into the user's global Jupyter folders.

    python tools/kernel.py install     (idempotent; prints one line)
    python tools/kernel.py show        (prints the installed kernel.json)
"""
import glob
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NAME = "descent-java"
DISPLAY_NAME = "Java (descent course)"
RAPAIO = ("io.github.padreati", "rapaio-jupyter-kernel", "2.3.0")
KERNEL_DIR = os.path.join(sys.prefix, "share", "jupyter", "kernels", NAME)


def library_classpath():
    jars = sorted(glob.glob(os.path.join(ROOT, "lib", "target", "descent-*.jar")))
    jars = [j for j in jars if not j.endswith(("-sources.jar", "-javadoc.jar"))]
    if not jars:
        sys.exit("error: lib/target/descent-*.jar is missing: build the library first (./course build)")
    return jars + sorted(glob.glob(os.path.join(ROOT, "lib", "target", "lib", "*.jar")))


def find_ijava():
    """argv of an installed IJava kernel, or None."""
    try:
        from jupyter_client.kernelspec import KernelSpecManager
    except ImportError:
        return None
    for name, spec in KernelSpecManager().get_all_specs().items():
        argv = spec.get("spec", {}).get("argv", [])
        if name != NAME and any("ijava" in a.lower() for a in argv):
            return argv
    return None


def rapaio_jar():
    group, artifact, version = RAPAIO
    target = os.path.join(ROOT, "build", "kernel")
    jar = os.path.join(target, f"{artifact}-{version}.jar")
    if not os.path.exists(jar):
        os.makedirs(target, exist_ok=True)
        cmd = ["mvn", "-q", "dependency:copy", f"-Dartifact={group}:{artifact}:{version}",
               f"-DoutputDirectory={target}"]
        if subprocess.run(cmd + ["-o"], cwd=target, capture_output=True).returncode != 0:
            subprocess.run(cmd, cwd=target, check=True)
    return jar


def spec():
    jars = library_classpath()
    env = {
        # Charts render off-screen; the 3-D surface inlines plotly.js from the npm package (no CDN).
        "DESCENT_PLOTLY_JS": os.path.join(ROOT, "node_modules", "plotly.js-dist-min", "plotly.min.js"),
    }
    ijava = find_ijava()
    if ijava:
        env["IJAVA_CLASSPATH"] = ":".join(jars)
        env["IJAVA_COMPILER_OPTS"] = ""
        argv = list(ijava)
        argv.insert(1, "-Djava.awt.headless=true")
        kind = "IJava"
    else:
        env["RJK_CLASSPATH"] = ";".join(jars)
        env["RJK_COMPILER_OPTIONS"] = ""  # the kernel's default targets Java 22 preview; we run on 17
        env["RJK_INIT_SCRIPT"] = ""
        env["RJK_MIMA_CACHE"] = os.path.join(ROOT, "build", "kernel", "mima_cache")
        argv = ["java", "-Djava.awt.headless=true", "-jar", rapaio_jar(), "{connection_file}"]
        kind = f"rapaio-jupyter-kernel {RAPAIO[2]}"
    return kind, {"argv": argv, "display_name": DISPLAY_NAME, "language": "java",
                  "interrupt_mode": "message", "env": env, "metadata": {"descent_kernel": kind}}


def install():
    kind, content = spec()
    os.makedirs(KERNEL_DIR, exist_ok=True)
    path = os.path.join(KERNEL_DIR, "kernel.json")
    text = json.dumps(content, indent=1, sort_keys=True)
    old = open(path).read() if os.path.exists(path) else None
    if old != text:
        with open(path, "w") as f:
            f.write(text)
    print(f"==> kernel: {NAME} ({kind}) in {KERNEL_DIR}")


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "install"
    if command == "install":
        install()
    elif command == "show":
        print(open(os.path.join(KERNEL_DIR, "kernel.json")).read())
    else:
        sys.exit(__doc__)
