namespace WiseCx.Client.Http
{
    /// <summary>
    /// Callbacks run just before a connection sends a request that may change data (any method but GET). A list read
    /// by page number registers one so that it can read its remaining pages before a write shifts them.
    /// </summary>
    internal sealed class WriteObservers
    {
        private readonly object _gate = new object();
        private readonly List<Action> _observers = new List<Action>();

        /// <summary>Runs <paramref name="beforeWrite"/> before each write until the returned handle is disposed.</summary>
        public IDisposable Add(Action beforeWrite)
        {
            if (beforeWrite is null)
                throw new ArgumentNullException(nameof(beforeWrite));
            lock (_gate)
                _observers.Add(beforeWrite);
            return new Registration(this, beforeWrite);
        }

        /// <summary>Runs every registered callback on the caller's thread; the write goes out after they return.</summary>
        public void BeforeWrite()
        {
            Action[] snapshot;
            lock (_gate)
            {
                if (_observers.Count == 0)
                    return;
                snapshot = _observers.ToArray();
            }
            foreach (var observer in snapshot)
                observer();
        }

        private void Remove(Action beforeWrite)
        {
            lock (_gate)
                _observers.Remove(beforeWrite);
        }

        private sealed class Registration : IDisposable
        {
            private WriteObservers? _owner;
            private readonly Action _observer;

            public Registration(WriteObservers owner, Action observer)
            {
                _owner = owner;
                _observer = observer;
            }

            public void Dispose()
            {
                _owner?.Remove(_observer);
                _owner = null;
            }
        }
    }
}
