package kw.billpay.channel.banktransfer;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * A path of XML elements below one of Prowide's JAXB classes, such as {@code RltdPties/Dbtr/Nm} below
 * EntryTransaction2, resolved once into the getters JAXB generated for it ({@code getNm()}; {@code isRvslInd()} for a
 * Boolean) as method handles: reading it is then a few handle calls, with no reflection per entry. Resolving checks
 * every step and what the last one gives, so a name or a type a version lacks fails when the path is resolved, never
 * while a file is read. A path through a repeated element (a List getter, such as {@code RmtInf/Ustrd}) is read with
 * {@link #all}, any other with {@link #one}; a step that is absent (null) ends the path there.
 */
final class ElementPath {

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.publicLookup();
    /** Every getter is adapted to this one type, so that {@code invokeExact} needs no adaptation per call. */
    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
    private static final MethodHandle[] NO_STEPS = {};

    private final MethodHandle[] getters;
    /** Whether step i gives a List whose items the path goes on from. */
    private final boolean[] repeated;
    private final boolean absent;
    private final Class<?> type;

    private ElementPath(MethodHandle[] getters, boolean[] repeated, boolean absent, Class<?> type) {
        this.getters = getters;
        this.repeated = repeated;
        this.absent = absent;
        this.type = type;
    }

    /** A path that a version does not have: {@link #one} is null and {@link #all} empty. */
    static ElementPath absent() {
        return new ElementPath(NO_STEPS, new boolean[0], true, Object.class);
    }

    /**
     * The getters of {@code path} from {@code root}.
     *
     * @param type    what the last step must give (a List's item type, for a repeated path)
     * @param repeats whether the path must go through a repeated element
     * @throws IllegalArgumentException naming the step a class has no getter for, or what does not fit
     */
    static ElementPath resolve(Class<?> root, String path, Class<?> type, boolean repeats) {
        String[] names = path.split("/");
        MethodHandle[] getters = new MethodHandle[names.length];
        boolean[] repeated = new boolean[names.length];
        boolean anyRepeated = false;
        Class<?> at = root;
        for (int i = 0; i < names.length; i++) {
            Method getter = getter(at, names[i], root, path);
            repeated[i] = List.class.isAssignableFrom(getter.getReturnType());
            anyRepeated |= repeated[i];
            at = repeated[i] ? itemType(getter.getGenericReturnType(), root, path)
                    : MethodType.methodType(getter.getReturnType()).wrap().returnType();
            try {
                getters[i] = LOOKUP.unreflect(getter).asType(GETTER);
            } catch (IllegalAccessException e) {
                throw new IllegalArgumentException(where(root, path) + ": " + getter + " is not public", e);
            }
        }
        if (!type.isAssignableFrom(at)) {
            throw new IllegalArgumentException(where(root, path) + " is a " + at.getName() + ", not a "
                    + type.getName());
        }
        if (anyRepeated != repeats) {
            throw new IllegalArgumentException(where(root, path) + (repeats ? " repeats nowhere" : " repeats"));
        }
        return new ElementPath(getters, repeated, false, at);
    }

    /** Whether {@link #resolve} would resolve the path: an element a version does not have must not resolve. */
    static boolean resolves(Class<?> root, String path, Class<?> type, boolean repeats) {
        try {
            resolve(root, path, type, repeats);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The class of what the path leads to (of one item, for a repeated path), as the version's getters declare it. */
    Class<?> type() {
        return type;
    }

    /** The element the path leads to, or null where a step is absent. For a path through no repeated element. */
    Object one(Object node) {
        if (absent) {
            return null;
        }
        Object at = node;
        for (int i = 0; i < getters.length && at != null; i++) {
            at = get(getters[i], at);
        }
        return at;
    }

    /** Every element the path leads to, in document order; absent (null) ones left out. */
    List<Object> all(Object node) {
        List<Object> found = new ArrayList<>(2);
        if (!absent) {
            collect(node, 0, found);
        }
        return found;
    }

    private void collect(Object node, int step, List<Object> found) {
        if (node == null) {
            return;
        }
        if (step == getters.length) {
            found.add(node);
            return;
        }
        Object next = get(getters[step], node);
        if (!repeated[step]) {
            collect(next, step + 1, found);
        } else if (next != null) {
            for (Object item : (List<?>) next) {
                collect(item, step + 1, found);
            }
        }
    }

    private static Object get(MethodHandle getter, Object node) {
        try {
            return (Object) getter.invokeExact(node);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e); // a JAXB getter declares no checked exception
        }
    }

    /** JAXB's getter of element {@code name}: {@code getName()}, or {@code isName()} for a Boolean. */
    private static Method getter(Class<?> type, String name, Class<?> root, String path) {
        for (String prefix : new String[] {"get", "is"}) {
            try {
                return type.getMethod(prefix + name);
            } catch (NoSuchMethodException e) {
                // the other prefix, else no such element
            }
        }
        throw new IllegalArgumentException(where(root, path) + ": " + type.getName() + " has no element " + name);
    }

    private static Class<?> itemType(Type list, Class<?> root, String path) {
        if (list instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> item) {
            return item;
        }
        throw new IllegalArgumentException(where(root, path) + ": a list of unknown items, " + list);
    }

    private static String where(Class<?> root, String path) {
        return path + " below " + root.getSimpleName();
    }
}
