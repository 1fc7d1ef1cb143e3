using System.Collections.Concurrent;

namespace WiseCx.Sandbox.Data;

/// <summary>
/// The lists' records already sorted, per list, sort field and direction, so that serving a page is a slice (or, with a
/// filter, a walk from the start that stops once the page is full) instead of a sort of everything. A view is the exact
/// sequence <see cref="ListQuery.Sort{T}"/> gives (ties by id in the sort's direction), built on the first read that
/// needs it and kept until the next write: <see cref="SandboxStore"/> empties this on every write, since a write may add
/// or remove records or change any sort key (a contact's name, a queue's members). Sort keys must depend on the state
/// alone, not on the time (Nitro's do, and its lists are sorted per request).
/// </summary>
/// <remarks>
/// Read under the store's read lock by any number of requests at once: each view is built once (the other readers of
/// that view wait for it; readers of other views do not), and emptied only under the write lock, when no reader is in.
/// </remarks>
internal sealed class SortedViews
{
    private readonly ConcurrentDictionary<(Type Type, string List, string Field, bool Descending), Lazy<Array>> _views = new();
    private long _builds;

    /// <summary>How many views were sorted since the state was created (what the tests count; each is one full sort).</summary>
    public long Builds => Interlocked.Read(ref _builds);

    /// <summary>
    /// The records of <paramref name="list"/> in the order <paramref name="paging"/> asks for; <paramref name="records"/>
    /// is enumerated only when the view has to be built. One name, one source: every caller of a list passes the same.
    /// </summary>
    public IReadOnlyList<T> Get<T>(string list, ListQuery paging, FieldSet<T> fields, Func<IEnumerable<T>> records, Func<T, long> id)
    {
        var view = _views.GetOrAdd(
            (typeof(T), list, paging.SortField, paging.Descending),
            _ => new Lazy<Array>(() =>
            {
                Interlocked.Increment(ref _builds);
                return paging.Sort(records(), fields, id).ToArray();
            }, LazyThreadSafetyMode.ExecutionAndPublication));
        return (T[])view.Value;
    }

    /// <summary>Forgets every view; called by the store under its write lock.</summary>
    public void Clear() => _views.Clear();
}
