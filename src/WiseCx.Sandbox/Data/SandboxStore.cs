namespace WiseCx.Sandbox.Data;

/// <summary>
/// The sandbox's in-memory data behind one reader/writer lock. Handlers do all their work (validation against state,
/// mutation, projection to JSON) inside one <see cref="Read{T}"/> or <see cref="Write{T}"/> call, which makes every
/// request atomic and ids strictly increasing. Reads run side by side (a <see cref="Read{T}"/> must not change
/// anything); a write runs alone and empties the lists' sorted views (<see cref="SortedViews"/>), which the next read
/// of a list sorts again.
/// </summary>
public sealed class SandboxStore
{
    // Recursion allowed as the former Lock allowed it: a read inside a read or a write, a write inside a write.
    private readonly ReaderWriterLockSlim _gate = new(LockRecursionPolicy.SupportsRecursion);
    private readonly SandboxOptions _options;
    private SandboxState _state;

    internal SandboxStore(SandboxOptions options)
    {
        _options = options;
        _state = CreateSeeded();
    }

    /// <summary>Throws the current data away and regenerates the seed data (relative to the current time).</summary>
    public void Reset()
    {
        var fresh = CreateSeeded();
        _gate.EnterWriteLock();
        try
        {
            _state = fresh;
        }
        finally
        {
            _gate.ExitWriteLock();
        }
    }

    internal T Read<T>(Func<SandboxState, T> read)
    {
        _gate.EnterReadLock();
        try
        {
            return read(_state);
        }
        finally
        {
            _gate.ExitReadLock();
        }
    }

    // Callers must validate before mutating: an exception thrown half-way leaves the half-done change in place.
    // The views are emptied even when the write throws, since what it did before throwing stays.
    internal T Write<T>(Func<SandboxState, T> write)
    {
        _gate.EnterWriteLock();
        try
        {
            return write(_state);
        }
        finally
        {
            _state.Views.Clear();
            _gate.ExitWriteLock();
        }
    }

    private SandboxState CreateSeeded() => Seed.Create(_options.Seed, _options.CaseCount, ApiDate.Now(_options.TimeProvider));
}
