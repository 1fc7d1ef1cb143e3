using System.Collections.Concurrent;
using System.Management.Automation.Runspaces;

namespace WiseCx.PowerShell.Internal
{
    /// <summary>
    /// The current session of each runspace (the one the last Connect-WcxAccount made there). Runspaces of
    /// ForEach-Object -Parallel start empty: pass them -Session explicitly.
    /// </summary>
    internal static class SessionStore
    {
        private static readonly ConcurrentDictionary<Guid, WcxSession> Current = new ConcurrentDictionary<Guid, WcxSession>();

        public static WcxSession? Get()
        {
            var runspace = Runspace.DefaultRunspace;
            return runspace != null && Current.TryGetValue(runspace.InstanceId, out var session) ? session : null;
        }

        public static void Set(WcxSession session)
        {
            var runspace = Runspace.DefaultRunspace ?? throw new InvalidOperationException("No runspace is running this command.");
            if (Current.TryAdd(runspace.InstanceId, session))
                runspace.StateChanged += ForgetWhenClosed;
            else
                Current[runspace.InstanceId] = session;
        }

        /// <summary>Forgets the runspace's current session if it is <paramref name="session"/>.</summary>
        public static void Clear(WcxSession session)
        {
            var runspace = Runspace.DefaultRunspace;
            if (runspace != null && Current.TryGetValue(runspace.InstanceId, out var current) && ReferenceEquals(current, session))
                Current.TryRemove(runspace.InstanceId, out _);
        }

        /// <summary>
        /// Forgets the runspace's current session whatever it is, without closing it (a -PassThru copy may still be in use):
        /// after a failed Connect-WcxAccount nothing must run as the previous user by mistake.
        /// </summary>
        public static void ClearCurrent()
        {
            var runspace = Runspace.DefaultRunspace;
            if (runspace != null)
                Current.TryRemove(runspace.InstanceId, out _);
        }

        private static void ForgetWhenClosed(object? sender, RunspaceStateEventArgs e)
        {
            if (e.RunspaceStateInfo.State == RunspaceState.Closed && sender is Runspace runspace &&
                Current.TryRemove(runspace.InstanceId, out var session))
            {
                runspace.StateChanged -= ForgetWhenClosed;
                (session.State as IDisposable)?.Dispose();
            }
        }
    }
}
