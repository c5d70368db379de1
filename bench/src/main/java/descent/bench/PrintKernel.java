package descent.bench;

import descent.core.GradientCore;

/** Prints which loops the gradient core runs in this JVM, for the head of bench/RESULTS.md. */
public final class PrintKernel {
    private PrintKernel() {}

    public static void main(String[] args) {
        System.out.println(GradientCore.kernel());
    }
}
