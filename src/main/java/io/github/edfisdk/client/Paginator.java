package io.github.edfisdk.client;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Iterates all items of an offset/limit collection, fetching pages lazily as iteration reaches them. Paging stops
 * at a short page, an empty page, or when the offset reaches the total count the server reported (so an exact
 * multiple of the page size costs no extra empty request). Each {@link #iterator()} starts again from offset 0.
 *
 * <pre>{@code
 * StudentsApi students = client.ds5().students();
 * Paginator.of(500, (offset, limit) -> students.getStudents().offset(offset).limit(limit).execute())
 *          .stream().forEach(...);
 * }</pre>
 *
 * @param <T> item type
 */
public final class Paginator<T> implements Iterable<T> {
    /** Fetches one page; may throw a generated {@code ApiException}, which becomes an {@link EdFiException}. */
    @FunctionalInterface
    public interface PageFunction<T> {
        /** @return the items at {@code [offset, offset + limit)} */
        List<T> fetch(int offset, int limit) throws Exception;
    }

    /** Fetches one page together with the total count when the server reports it. */
    @FunctionalInterface
    public interface CountedPageFunction<T> {
        /** @return the page and, when known, the total number of items */
        Page<T> fetch(int offset, int limit) throws Exception;
    }

    /**
     * One page.
     *
     * @param items      the items
     * @param totalCount the total count of the collection, when known
     */
    public record Page<T>(List<T> items, OptionalLong totalCount) {
    }

    private final int pageSize;
    private final CountedPageFunction<T> pages;

    private Paginator(int pageSize, CountedPageFunction<T> pages) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1, was " + pageSize);
        }
        this.pageSize = pageSize;
        this.pages = pages;
    }

    /** Pages through {@code pages} with {@code pageSize} items per request (the ODS allows up to 500). */
    public static <T> Paginator<T> of(int pageSize, PageFunction<T> pages) {
        return new Paginator<>(pageSize, (offset, limit) -> new Page<>(pages.fetch(offset, limit), OptionalLong.empty()));
    }

    /** Like {@link #of} for a page function that also reports the total count. */
    public static <T> Paginator<T> counted(int pageSize, CountedPageFunction<T> pages) {
        return new Paginator<>(pageSize, pages);
    }

    @Override
    public Iterator<T> iterator() {
        return new PageIterator();
    }

    /** A sequential, lazy stream of all items. */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }

    /** The same pages with each item converted (lazily, as pages arrive). */
    public <R> Paginator<R> map(java.util.function.Function<? super T, ? extends R> convert) {
        return new Paginator<>(pageSize, (offset, limit) -> {
            Page<T> page = pages.fetch(offset, limit);
            List<R> items = new ArrayList<>(page.items().size());
            page.items().forEach(item -> items.add(convert.apply(item)));
            return new Page<>(items, page.totalCount() == null ? OptionalLong.empty() : page.totalCount());
        });
    }

    /** All items in one list. */
    public List<T> toList() {
        List<T> all = new ArrayList<>();
        forEach(all::add);
        return all;
    }

    private final class PageIterator implements Iterator<T> {
        private Iterator<T> page = List.<T>of().iterator();
        private int offset;
        private boolean lastPageSeen;
        private OptionalLong total = OptionalLong.empty(); // reported once (first page) and remembered

        @Override
        public boolean hasNext() {
            while (!page.hasNext() && !lastPageSeen) {
                Page<T> next = fetch();
                List<T> items = next.items() == null ? List.of() : next.items();
                offset += items.size();
                if (next.totalCount() != null && next.totalCount().isPresent()) {
                    total = next.totalCount();
                }
                lastPageSeen = items.size() < pageSize || (total.isPresent() && offset >= total.getAsLong());
                page = items.iterator();
            }
            return page.hasNext();
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return page.next();
        }

        private Page<T> fetch() {
            try {
                return pages.fetch(offset, pageSize);
            } catch (Exception e) {
                throw EdFiException.from(e);
            }
        }
    }
}
