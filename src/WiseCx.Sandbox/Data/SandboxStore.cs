namespace WiseCx.Sandbox.Data;

/// <summary>
/// The sandbox's in-memory data behind one lock. Handlers do all their work (validation against state, mutation,
/// projection to JSON) inside one <see cref="Read{T}"/> or <see cref="Write{T}"/> call, which makes every request
/// atomic and ids strictly increasing. One lock is plenty for a test server.
/// </summary>
public sealed class SandboxStore
{
    private readonly Lock _gate = new();
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
        lock (_gate)
        {
            _state = fresh;
        }
    }

    internal T Read<T>(Func<SandboxState, T> read)
    {
        lock (_gate)
        {
            return read(_state);
        }
    }

    // Callers must validate before mutating: an exception thrown half-way leaves the half-done change in place.
    internal T Write<T>(Func<SandboxState, T> write)
    {
        lock (_gate)
        {
            return write(_state);
        }
    }

    private SandboxState CreateSeeded() => Seed.Create(_options.Seed, _options.CaseCount, ApiDate.Now(_options.TimeProvider));
}
