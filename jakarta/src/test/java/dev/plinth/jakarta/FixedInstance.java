package dev.plinth.jakarta;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.util.Iterator;
import java.util.List;

/** A CDI {@link Instance} over a fixed list of beans, for tests without a container. */
public final class FixedInstance<T> implements Instance<T> {
  private final List<T> beans;

  /**
   * Creates the instance.
   *
   * @param beans the beans it resolves to (none: unsatisfied)
   */
  @SafeVarargs
  public FixedInstance(T... beans) {
    this.beans = List.of(beans);
  }

  @Override
  public T get() {
    if (!isResolvable()) {
      throw new IllegalStateException("unresolvable: " + beans.size() + " beans");
    }
    return beans.get(0);
  }

  @Override
  public Iterator<T> iterator() {
    return beans.iterator();
  }

  @Override
  public boolean isUnsatisfied() {
    return beans.isEmpty();
  }

  @Override
  public boolean isAmbiguous() {
    return beans.size() > 1;
  }

  @Override
  public Instance<T> select(Annotation... qualifiers) {
    throw new UnsupportedOperationException();
  }

  @Override
  public <U extends T> Instance<U> select(Class<U> subtype, Annotation... qualifiers) {
    throw new UnsupportedOperationException();
  }

  @Override
  public <U extends T> Instance<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void destroy(T instance) {}

  @Override
  public Handle<T> getHandle() {
    throw new UnsupportedOperationException();
  }

  @Override
  public Iterable<? extends Handle<T>> handles() {
    throw new UnsupportedOperationException();
  }
}
