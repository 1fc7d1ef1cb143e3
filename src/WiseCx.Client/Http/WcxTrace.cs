namespace WiseCx.Client.Http
{
    /// <summary>What the client tells whoever is listening: one line per HTTP exchange, and warnings.</summary>
    public interface IWcxTraceSink
    {
        /// <summary>A short line per exchange (method, path, status, time), for -Verbose.</summary>
        void Verbose(string message);

        /// <summary>The exchange in detail with secrets redacted, for -Debug.</summary>
        void Debug(string message);

        /// <summary>Reports a warning the user should see (PowerShell: WriteWarning).</summary>
        void Warning(string message);
    }

    /// <summary>
    /// The listener of the current logical call (the command running), flowing into the tasks it starts, so that a
    /// session shared by several runspaces reports each exchange to the command that caused it.
    /// </summary>
    public static class WcxTrace
    {
        private static readonly AsyncLocal<IWcxTraceSink?> CurrentSink = new AsyncLocal<IWcxTraceSink?>();
        private static readonly AsyncLocal<string?> CurrentCommand = new AsyncLocal<string?>();

        /// <summary>The sink of the command running on this thread, or null when none listens.</summary>
        public static IWcxTraceSink? Current
        {
            get => CurrentSink.Value;
            set => CurrentSink.Value = value;
        }

        /// <summary>
        /// The name of the command running (e.g. Set-WcxCase), flowing like <see cref="Current"/>: the request history
        /// notes it beside each exchange. Null when no command runs (an argument completer, a plain .NET caller).
        /// </summary>
        public static string? Command
        {
            get => CurrentCommand.Value;
            set => CurrentCommand.Value = value;
        }

        /// <summary>Secrets never reach a trace: headers that carry them are shown as "***".</summary>
        public static string Redact(string header, string value) =>
            string.Equals(header, "Authorization", StringComparison.OrdinalIgnoreCase) ? value.Split(' ')[0] + " ***"
            : string.Equals(header, "x-api-key", StringComparison.OrdinalIgnoreCase) ? "***"
            : value;
    }
}
