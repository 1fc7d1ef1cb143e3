namespace WiseCx.Client.Http
{
    /// <summary>
    /// What a session's requests wait on before they are sent: this process's own <see cref="RequestLimiter"/>, or a
    /// limit shared with other processes and machines through a rate-limit store (<see cref="WcxClientOptions.RateLimitStore"/>).
    /// </summary>
    public interface IRequestLimiter : IDisposable
    {
        /// <summary>Requests allowed in any 60 seconds.</summary>
        int PerMinute { get; }

        /// <summary>Requests allowed per UTC day.</summary>
        long PerDay { get; }

        /// <summary>Requests in the current minute's window (every process's, where the limit is shared).</summary>
        int UsedThisMinute { get; }

        /// <summary>Requests since 00:00 UTC (every process's, where the limit is shared).</summary>
        long UsedToday { get; }

        /// <summary>
        /// Waits for a slot and takes it; throws <see cref="WcxQuotaExceededException"/> when the day's limit is used.
        /// Dispose of the slot once the request has been answered (or has failed): its minute counts from then.
        /// </summary>
        Task<IDisposable> AcquireAsync(CancellationToken cancellationToken);
    }
}
