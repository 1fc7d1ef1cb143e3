namespace WiseCx.Client.Http
{
    /// <summary>
    /// The last <see cref="Capacity"/> HTTP exchanges of a session, in memory, for <c>Get-WcxRequestHistory</c>: each
    /// attempt (retries and sign-ins included) as a <see cref="WcxRequestRecord"/>, whose text is masked before it is
    /// given out (bodies are rendered on first read).
    /// Safe for the many runspaces and tasks that share a session.
    /// </summary>
    public sealed class ExchangeHistory
    {
        /// <summary>How many exchanges a session keeps; older ones are dropped.</summary>
        public const int Capacity = 50;

        private readonly object _gate = new object();
        private readonly WcxRequestRecord?[] _ring = new WcxRequestRecord?[Capacity];
        private long _lastId;
        private int _next;
        private int _count;

        /// <summary>Exchanges recorded so far, including those dropped since.</summary>
        public long Total => Interlocked.Read(ref _lastId);

        /// <summary>The next exchange's number (1, 2, ...), taken when its request goes out.</summary>
        internal long NextId() => Interlocked.Increment(ref _lastId);

        /// <summary>Keeps a finished exchange, dropping the oldest when full.</summary>
        internal void Add(WcxRequestRecord record)
        {
            lock (_gate)
            {
                _ring[_next] = record;
                _next = (_next + 1) % Capacity;
                if (_count < Capacity)
                    _count++;
            }
        }

        /// <summary>The last <paramref name="count"/> exchanges kept (all when null), oldest first, in the order they were sent.</summary>
        public IReadOnlyList<WcxRequestRecord> Last(int? count = null)
        {
            WcxRequestRecord[] kept;
            lock (_gate)
            {
                kept = new WcxRequestRecord[_count];
                for (var i = 0; i < _count; i++)
                    kept[i] = _ring[(_next - _count + i + Capacity) % Capacity]!;
            }
            // Kept in the order they finished; shown in the order they were sent, like Get-History.
            Array.Sort(kept, (a, b) => a.Id.CompareTo(b.Id));
            var take = count is null ? kept.Length : Math.Max(0, Math.Min(count.Value, kept.Length));
            var result = new WcxRequestRecord[take];
            Array.Copy(kept, kept.Length - take, result, 0, take);
            return result;
        }

        /// <summary>Forgets every exchange kept.</summary>
        public void Clear()
        {
            lock (_gate)
            {
                Array.Clear(_ring, 0, _ring.Length);
                _next = 0;
                _count = 0;
            }
        }
    }
}
