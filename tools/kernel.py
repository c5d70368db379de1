"""Installs the Jupyter kernelspec the notebooks name, `descent-java`, inside this Python environment.

IJava is used when a Jupyter kernel running IJava is already installed (the conda environment
installs it from conda-forge); otherwise rapaio-jupyter-kernel (pinned in the parent pom, fetched
by the Maven build) runs under the course's launcher (kernel/). Either way the library jar and its
runtime dependencies go on the kernel's classpath: IJAVA_CLASSPATH (':'-separated) for IJava,
RJK_CLASSPATH (';'-separated) for rapaio. The kernelspec is written under sys.prefix of the Python that runs this script (`jupyter kernelspec
install --sys-prefix` of that environment's Jupyter: the project's .venv, the active conda environment,
or Binder's NB_PYTHON_PREFIX, see ./course), never into the user's global Jupyter folders.

    python tools/kernel.py install     (idempotent; prints one line)
    python tools/kernel.py show        (prints the installed kernel.json)
"""
import glob
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NAME = "descent-java"
DISPLAY_NAME = "Java (descent course)"
KERNEL_DIR = os.path.join(sys.prefix, "share", "jupyter", "kernels", NAME)


def library_classpath():
    jars = sorted(glob.glob(os.path.join(ROOT, "lib", "target", "descent-*.jar")))
    jars = [j for j in jars if not j.endswith(("-sources.jar", "-javadoc.jar"))]
    if not jars:
        sys.exit("error: lib/target/descent-*.jar is missing: build the library first (./course build)")
    return jars + sorted(glob.glob(os.path.join(ROOT, "lib", "target", "lib", "*.jar")))


def find_ijava():
    """The kernelspec (a dict) of an installed IJava kernel, or None. conda-forge's `ijava` registers
    one named `java`; SpencerPark's installer one named `java` too; either runs an ijava jar."""
    from jupyter_client.kernelspec import KernelSpecManager
    for name, spec in KernelSpecManager().get_all_specs().items():
        argv = spec.get("spec", {}).get("argv", [])
        if name != NAME and any("ijava" in a.lower() for a in argv):
            return spec["spec"]
    return None


def rapaio_classpath():
    """The course's launcher and the kernel jar it was written for, both put in kernel/target/kernel by the
    Maven build (the version is the parent pom's rapaio.version)."""
    folder = os.path.join(ROOT, "kernel", "target", "kernel")
    launcher = os.path.join(folder, "descent-kernel.jar")
    kernels = glob.glob(os.path.join(folder, "rapaio-jupyter-kernel-*.jar"))
    if not os.path.exists(launcher) or len(kernels) != 1:
        sys.exit(f"error: {folder} needs descent-kernel.jar and one rapaio-jupyter-kernel jar: build first (./course build)")
    return [launcher, kernels[0]]


# The gradient core's SIMD kernel needs the Vector API, an incubator module in Java 17; without the flag the
# library still works, on its plain-Java loops (descent.core.GradientCore.kernel() says which).
JVM_FLAGS = ["-Djava.awt.headless=true", "--add-modules", "jdk.incubator.vector"]


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
        argv = list(ijava["argv"])
        argv[1:1] = JVM_FLAGS
        interrupt_mode = ijava.get("interrupt_mode", "signal")
        kind = "IJava"
    else:
        env["RJK_CLASSPATH"] = ";".join(jars)
        env["RJK_COMPILER_OPTIONS"] = ""  # the kernel's default targets Java 22 preview; we run on 17
        env["RJK_INIT_SCRIPT"] = ""
        env["RJK_MIMA_CACHE"] = os.path.join(ROOT, "build", "kernel", "mima_cache")
        # RapaioLauncher completes the kernel's start-up before it serves (two start-up races) and gives it
        # an interrupt that keeps the session usable; see kernel/src/main/java/descent/kernel.
        launcher, kernel_jar = rapaio_classpath()
        argv = ["java", *JVM_FLAGS, "-cp", os.pathsep.join([launcher, kernel_jar]),
                "descent.kernel.RapaioLauncher", "{connection_file}"]
        interrupt_mode = "message"  # handled by the launcher (descent.kernel.Interrupts)
        kind = "rapaio-jupyter-kernel " + os.path.basename(kernel_jar)[len("rapaio-jupyter-kernel-"):-len(".jar")]
    return kind, {"argv": argv, "display_name": DISPLAY_NAME, "language": "java",
                  "interrupt_mode": interrupt_mode, "env": env, "metadata": {"descent_kernel": kind}}


def install():
    from jupyter_core.paths import jupyter_path
    kernels = os.path.dirname(KERNEL_DIR)
    if os.path.realpath(kernels) not in [os.path.realpath(p) for p in jupyter_path("kernels")]:
        sys.exit(f"error: {kernels} is not among the folders this Jupyter reads kernels from "
                 f"(`jupyter --paths`); run the set-up with the Python of the Jupyter that serves the notebooks")
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
