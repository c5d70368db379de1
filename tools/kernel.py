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
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

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


# The jars a notebook's code is compiled against: the library, the jars of the types its public API names
# (tech.tablesaw.api.Table, tech.tablesaw.plotly.*, org.knowm.xchart.*), and the jars of every type in those jars'
# public signatures (fastutil: tablesaw's Selection is an IntIterable; univocity, RoaringBitmap, VectorGraphics2D,
# guava and its failureaccess, pebble); tools/tests/test_setup.py checks the list against those jars' public
# signatures with javap. The library's other dependencies are needed only to run it: they go on the run-time
# classpath alone (on rapaio and on IJava under the course's launcher), so JShell's compiler does not open and
# index them at every start.
COMPILE_JARS = ("descent-", "tablesaw-core-", "tablesaw-jsplot-", "xchart-", "fastutil-", "univocity-parsers-",
                "RoaringBitmap-", "VectorGraphics2D-", "guava-", "failureaccess-", "pebble-")


def split_classpath(jars):
    """(compile-time jars, run-time-only jars) of the library's classpath."""
    compile_jars = [j for j in jars if os.path.basename(j).startswith(COMPILE_JARS)]
    return compile_jars, [j for j in jars if j not in compile_jars]


def find_ijava():
    """The kernelspec (a dict) of an installed IJava kernel, or None. conda-forge's `ijava` registers
    one named `java`; SpencerPark's installer one named `java` too; either runs an ijava jar."""
    from jupyter_client.kernelspec import KernelSpecManager
    for name, spec in KernelSpecManager().get_all_specs().items():
        argv = spec.get("spec", {}).get("argv", [])
        if name != NAME and any("ijava" in a.lower() for a in argv):
            return spec["spec"]
    return None


LAUNCHER_JAR = os.path.join(ROOT, "kernel", "target", "kernel", "descent-kernel.jar")


def ijava_launcher_argv(ijava_argv):
    """IJava's argv (`java [options] -jar .../ijava-X.jar {connection_file}`, as conda-forge's and IJava's own
    installer write it) turned into one that runs the course's descent.kernel.IJavaLauncher with IJava's jar on
    the class path; None for an argv of another form or before the launcher is built."""
    if "-jar" not in ijava_argv[:-1] or not os.path.exists(LAUNCHER_JAR):
        return None
    at = ijava_argv.index("-jar")
    return [ijava_argv[0], *JVM_FLAGS, "--add-opens", "jdk.jshell/jdk.jshell=ALL-UNNAMED", *ijava_argv[1:at],
            "-cp", os.pathsep.join([LAUNCHER_JAR, ijava_argv[at + 1]]), "descent.kernel.IJavaLauncher",
            *ijava_argv[at + 2:]]


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

# A kernel sized for one notebook of a class on a 2 GB server (Binder, a hub's single-user pod). The heap bound
# itself comes from kernel/bin/descent-jvm, which reads the container's memory limit at each start.
LEAN_FLAGS = [
    "-XX:+IgnoreUnrecognizedVMOptions",  # an older JDK 17 without a flag below still starts
    "-XX:InitialHeapSize=24m",           # start-up (javac's first compilations) without a collection…
    "-XX:MinHeapSize=8m",                # …and a heap that may shrink below that when idle
    "-XX:+UseSerialGC",                  # one thread, ~0.3 MB of collector data (G1: ~35 MB at these heaps)
    "-XX:MinHeapFreeRatio=5", "-XX:MaxHeapFreeRatio=10", "-XX:-ShrinkHeapInSteps",  # after a full GC: live + 10 %
    "-XX:NewRatio=7",                    # a young generation of an eighth: less empty eden held while idle
                                         # (after the idle collection ~4 MB, not ~8 MB as with a quarter)
    "-XX:TrimNativeHeapInterval=2000",   # freed native memory (the JIT's arenas) back to the system every 2 s
    "-XX:ReservedCodeCacheSize=64m",     # the course's compiled code uses ~20 MB
    # NIO copies a heap buffer written to a socket into a direct buffer that it keeps, per thread, for the next
    # write; the kernel's ZeroMQ threads write whole outputs (a chart's HTML with plotly.js, 3.5 MB) that way, so a
    # kernel held up to ~19 MB of such buffers while idle (NMT's "Other", notebook 09). Larger ones are freed after use.
    "-Djdk.nio.maxCachedBufferSize=262144",
]
# Environment of the kernel process: glibc's malloc keeps one arena per thread that ever allocated (up to
# 8 per core), each holding freed memory; two are enough for a kernel.
LEAN_ENV = {"MALLOC_ARENA_MAX": "2"}
# An application class-data-sharing archive of the classes a kernel loads to start and to run a first cell
# (javac, JShell, the kernel): made by `install`, mapped read-only at each start (faster start, and pages shared
# by every kernel of a server). Rebuilt when the kernelspec changes; a JVM that cannot use it ignores it.
ARCHIVE_DIR = os.path.join(ROOT, "build", "kernel")
WARM_UP_CELLS = ["1 + 1",
                 "import descent.data.*;\nimport descent.loss.*;\nimport descent.train.*;\nimport descent.plot.*;",
                 "int warm = 3;\nSystem.out.println(warm);"]


def spec():
    jars = library_classpath()
    env = {
        # Charts render off-screen; the 3-D surface inlines plotly.js from the npm package (no CDN).
        "DESCENT_PLOTLY_JS": os.path.join(ROOT, "node_modules", "plotly.js-dist-min", "plotly.min.js"),
    }
    ijava = find_ijava()
    launched = ijava and ijava_launcher_argv(ijava["argv"])
    if launched:
        # IJava under the course's launcher: ■ ends any runaway cell (descent.kernel.IJavaInterrupts), and the
        # same lean JShell as rapaio's (no class-name index, run-time-only jars off the compiler's classpath).
        compile_jars, runtime_jars = split_classpath(jars)
        env["IJAVA_CLASSPATH"] = ":".join(compile_jars)
        env["DESCENT_RUNTIME_CLASSPATH"] = ";".join(runtime_jars)  # descent.kernel.RuntimeClasspath
        env["IJAVA_COMPILER_OPTS"] = ""
        argv = launched
        interrupt_mode = "message"  # handled by the launcher (descent.kernel.IJavaInterrupts)
        kind = "IJava"
    elif ijava:  # an IJava kernelspec of another form: IJava as it is, every jar on its one classpath
        env["IJAVA_CLASSPATH"] = ":".join(jars)
        env["IJAVA_COMPILER_OPTS"] = ""
        argv = list(ijava["argv"])
        argv[1:1] = JVM_FLAGS
        interrupt_mode = ijava.get("interrupt_mode", "signal")
        kind = "IJava"
    else:
        compile_jars, runtime_jars = split_classpath(jars)
        env["RJK_CLASSPATH"] = ";".join(compile_jars)
        env["DESCENT_RUNTIME_CLASSPATH"] = ";".join(runtime_jars)  # descent.kernel.RuntimeClasspath
        env["RJK_COMPILER_OPTIONS"] = ""  # the kernel's default targets Java 22 preview; we run on 17
        env["RJK_INIT_SCRIPT"] = ""
        env["RJK_MIMA_CACHE"] = os.path.join(ROOT, "build", "kernel", "mima_cache")
        # RapaioLauncher completes the kernel's start-up before it serves (two start-up races) and gives it
        # an interrupt that keeps the session usable; see kernel/src/main/java/descent/kernel.
        launcher, kernel_jar = rapaio_classpath()
        # The launcher keeps JShell from indexing every class name for completion (descent.kernel.CompletionIndex).
        argv = ["java", *JVM_FLAGS, "--add-opens", "jdk.jshell/jdk.jshell=ALL-UNNAMED",
                "-cp", os.pathsep.join([launcher, kernel_jar]),
                "descent.kernel.RapaioLauncher", "{connection_file}"]
        interrupt_mode = "message"  # handled by the launcher (descent.kernel.Interrupts)
        kind = "rapaio-jupyter-kernel " + os.path.basename(kernel_jar)[len("rapaio-jupyter-kernel-"):-len(".jar")]
    env.update(LEAN_ENV)
    # descent-jvm JAVA <lean flags> <agent> <the kernel's own options and main> ...
    agent = "-javaagent:" + LAUNCHER_JAR
    argv = ["sh", os.path.join(ROOT, "kernel", "bin", "descent-jvm"), argv[0], *LEAN_FLAGS, agent, *argv[1:]]
    return kind, {"argv": argv, "display_name": DISPLAY_NAME, "language": "java",
                  "interrupt_mode": interrupt_mode, "env": env, "metadata": {"descent_kernel": kind}}


def with_archive(content, archive, option):
    """A copy of the kernelspec whose JVM reads (SharedArchiveFile) or writes (ArchiveClassesAtExit) `archive`."""
    content = json.loads(json.dumps(content))
    argv = content["argv"]
    if option == "ArchiveClassesAtExit":  # the JVM dumps no archive with an agent; the agent's class is tiny
        argv[:] = [a for a in argv if not a.startswith("-javaagent:")]
    argv.insert(3, f"-XX:{option}={archive}")  # after sh, descent-jvm, java
    if option == "SharedArchiveFile":
        argv.insert(4, "-Xlog:cds=off,cds+dynamic=off")  # a stale archive is ignored without a word
    return content


def make_archive(content, archive):
    """Starts the kernel once with -XX:ArchiveClassesAtExit, runs WARM_UP_CELLS and shuts it down: the JVM
    writes the archive as it exits. Returns None, or why there is no archive (the kernel then starts without)."""
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager
    os.makedirs(os.path.dirname(archive), exist_ok=True)
    folder = tempfile.mkdtemp(prefix="descent-archive-")
    os.makedirs(os.path.join(folder, NAME))
    with open(os.path.join(folder, NAME, "kernel.json"), "w") as f:
        json.dump(with_archive(content, archive + ".tmp", "ArchiveClassesAtExit"), f)
    km = KernelManager(kernel_name=NAME, kernel_spec_manager=KernelSpecManager(kernel_dirs=[folder]))
    km.shutdown_wait_time = 60  # the JVM writes the archive as it exits: seconds on a loaded machine, never killed
    log_path = os.path.join(os.path.dirname(archive), "archive.log")
    try:
        with open(log_path, "w") as log:
            km.start_kernel(stdout=log, stderr=log)
            kc = km.client()
            kc.start_channels()
            try:
                kc.wait_for_ready(timeout=60)
                for cell in WARM_UP_CELLS:
                    reply = kc.execute_interactive(cell, timeout=60, output_hook=lambda msg: None)
                    if reply["content"]["status"] != "ok":
                        return f"the warm-up cell {cell!r} failed"
            finally:
                kc.stop_channels()
                km.shutdown_kernel(now=False)
        if not os.path.exists(archive + ".tmp"):
            return f"the JVM wrote none (see {log_path})"
        os.replace(archive + ".tmp", archive)
        return None
    except Exception as e:  # noqa: BLE001 — the kernel works without an archive; say why there is none
        return f"{type(e).__name__}: {e}"
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def archive_key(content):
    """Names the archive after what it depends on: the kernelspec, the jars' sizes and times, the JVM."""
    env = content["env"]
    jars = [j for a in content["argv"] for j in a.split("-javaagent:")[-1].split(os.pathsep) if j.endswith(".jar")] \
        + env.get("RJK_CLASSPATH", "").split(";") + env.get("DESCENT_RUNTIME_CLASSPATH", "").split(";") \
        + env.get("IJAVA_CLASSPATH", "").split(":")
    stamp = [(j, os.path.getsize(j), os.path.getmtime(j)) for j in jars if j and os.path.exists(j)]
    java = content["argv"][2]
    version = subprocess.run([java, "-version"], capture_output=True, text=True).stderr
    text = json.dumps([content, stamp, version], sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def install():
    from jupyter_core.paths import jupyter_path
    kernels = os.path.dirname(KERNEL_DIR)
    if os.path.realpath(kernels) not in [os.path.realpath(p) for p in jupyter_path("kernels")]:
        sys.exit(f"error: {kernels} is not among the folders this Jupyter reads kernels from "
                 f"(`jupyter --paths`); run the set-up with the Python of the Jupyter that serves the notebooks")
    kind, content = spec()
    # One archive per kernel (IJava, rapaio): two environments set up from one checkout keep theirs.
    prefix = "classes-" + kind.split()[0].lower() + "-"
    archive = os.path.join(ARCHIVE_DIR, f"{prefix}{archive_key(content)}.jsa")
    why = None if os.path.exists(archive) else make_archive(content, archive)
    if why:
        note = f"; no class-data archive ({why})"
    else:
        content = with_archive(content, archive, "SharedArchiveFile")
        note = "; class-data archive " + os.path.relpath(archive, ROOT)
        for stale in glob.glob(os.path.join(ARCHIVE_DIR, prefix + "*.jsa")):
            if stale != archive:
                os.remove(stale)
    os.makedirs(KERNEL_DIR, exist_ok=True)
    path = os.path.join(KERNEL_DIR, "kernel.json")
    text = json.dumps(content, indent=1, sort_keys=True)
    old = open(path).read() if os.path.exists(path) else None
    if old != text:
        with open(path, "w") as f:
            f.write(text)
    print(f"==> kernel: {NAME} ({kind}) in {KERNEL_DIR}{note}")
    install_server_config()


# The course's Jupyter server settings (jupyter/jupyter_server_config.json: idle kernels are shut down after 20
# minutes), installed where the server of this environment reads its configuration: the .venv's JupyterLab
# (./course lab), Binder's NB_PYTHON_PREFIX, a hub image's Python.
SERVER_CONFIG = os.path.join(ROOT, "jupyter", "jupyter_server_config.json")
SERVER_CONFIG_DIR = os.path.join(sys.prefix, "etc", "jupyter", "jupyter_server_config.d")


def install_server_config():
    text = open(SERVER_CONFIG).read()
    json.loads(text)  # a broken file fails here, not in the student's server
    path = os.path.join(SERVER_CONFIG_DIR, "descent-course.json")
    os.makedirs(SERVER_CONFIG_DIR, exist_ok=True)
    if not os.path.exists(path) or open(path).read() != text:
        with open(path, "w") as f:
            f.write(text)


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "install"
    if command == "install":
        install()
    elif command == "show":
        print(open(os.path.join(KERNEL_DIR, "kernel.json")).read())
    else:
        sys.exit(__doc__)
