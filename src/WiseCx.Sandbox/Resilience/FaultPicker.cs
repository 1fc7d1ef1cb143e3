namespace WiseCx.Sandbox.Resilience;

/// <summary>
/// The seeded draws of fault injection and jitter, behind one lock so that a given seed and request order always give the
/// same faults. Jitter has a stream of its own, so turning jitter on does not change which requests get faults.
/// Both streams restart when <see cref="ConfigState.FaultEpoch"/> moves (faultSeed set, sandbox reset).
/// </summary>
internal sealed class FaultPicker
{
    private readonly Lock _gate = new();
    private long _epoch = -1;
    private Random _faults = new(0);
    private Random _jitter = new(0);

    /// <summary>A delay in 0..<see cref="SandboxConfig.JitterMs"/> (inclusive), or 0 without drawing when jitter is off.</summary>
    public int Jitter(ConfigState state)
    {
        if (state.Config.JitterMs <= 0) return 0;
        lock (_gate)
        {
            Sync(state);
            return _jitter.Next(0, state.Config.JitterMs + 1);
        }
    }

    /// <summary>The fault to inject into this request, or null; draws nothing when the fault rate is 0.</summary>
    public string? Fault(ConfigState state)
    {
        var config = state.Config;
        if (config.FaultRate <= 0 || config.Faults.Count == 0) return null;
        lock (_gate)
        {
            Sync(state);
            // NextDouble is in [0, 1): a rate of 1.0 always hits.
            if (_faults.NextDouble() >= config.FaultRate) return null;
            return config.Faults[_faults.Next(config.Faults.Count)];
        }
    }

    private void Sync(ConfigState state)
    {
        if (state.FaultEpoch == _epoch) return;
        _epoch = state.FaultEpoch;
        _faults = new Random(state.Config.FaultSeed);
        _jitter = new Random(unchecked(state.Config.FaultSeed * 31 + 17));
    }
}
